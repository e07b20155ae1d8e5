#!/usr/bin/env bash
# `npm run demo`: builds the plugin and the local console shell, then serves both with an
# in-memory cluster on 127.0.0.1 (PORT, default 9000). Offline; needs no cluster or containers.
# CONSOLE_GENERATION=4.22 serves the same plugin build in the console 4.22 generation of the shell.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-9000}"
echo "Building the plugin (production build)..."
npm run -s build >/dev/null
if [ "${CONSOLE_GENERATION:-4.19}" = "4.22" ]; then
  echo "Building the console 4.22 shell..."
  npm run -s build-shell-4.22 >/dev/null
else
  echo "Building the console shell..."
  npm run -s build-shell >/dev/null
fi
echo
echo "Open http://127.0.0.1:${PORT}/pipcache/ns/demo (Ctrl+C stops the demo)."
echo "Switch users (project-admin, editor, viewer, cluster-admin) and perspectives in the masthead."
exec npx ts-node integration-tests/console/server.ts --port "${PORT}" --seed showcase

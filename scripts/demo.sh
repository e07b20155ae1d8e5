#!/usr/bin/env bash
# `npm run demo`: builds the plugin and the local console shell, then serves both with an
# in-memory cluster on 127.0.0.1 (PORT, default 9000). Offline; needs no cluster or containers.
# CONSOLE_GENERATION picks the console the shell imitates: 4.19 (the default, standing for
# consoles 4.19 and 4.20), 4.21 or 4.22.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-9000}"
GENERATION="${CONSOLE_GENERATION:-4.19}"
case "${GENERATION}" in
  4.19 | 4.20) GENERATION=4.19 shell_build=build-shell ;;
  4.21 | 4.22) shell_build="build-shell-${GENERATION}" ;;
  *)
    echo "CONSOLE_GENERATION must be 4.19 (or 4.20), 4.21 or 4.22, not ${GENERATION}." >&2
    exit 1
    ;;
esac
echo "Building the plugin (production build)..."
npm run -s build >/dev/null
echo "Building the console ${GENERATION} shell..."
npm run -s "${shell_build}" >/dev/null
echo
echo "Open http://127.0.0.1:${PORT}/pipcache/ns/demo (Ctrl+C stops the demo)."
echo "Switch users (project-admin, editor, viewer, cluster-admin) and perspectives in the masthead."
CONSOLE_GENERATION="${GENERATION}" exec npx ts-node integration-tests/console/server.ts \
  --port "${PORT}" --seed showcase

#!/usr/bin/env bash
# `npm run build-shell-4.22`: the console 4.22 generation of the local console shell. Its shared
# modules (React 18, react-router 7, react-i18next 16, @openshift/dynamic-plugin-sdk 8, ...)
# live in integration-tests/console-422/ with their own lock file, because React 18's peers
# cannot share the root tree with the 4.19 generation's React 17. That folder is installed
# here, again only when its lock file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

deps=integration-tests/console-422
stamp="${deps}/node_modules/.installed-lock"
if ! cmp -s "${deps}/package-lock.json" "${stamp}" 2>/dev/null; then
  npm ci --prefix "${deps}" --ignore-scripts --no-audit --no-fund
  cp "${deps}/package-lock.json" "${stamp}"
fi
CONSOLE_GENERATION=4.22 npx webpack --config integration-tests/console/webpack.config.ts

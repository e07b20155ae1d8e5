#!/usr/bin/env bash
# `npm test`: every check of the project, in one run. Steps run in order and a failed step
# does not hide the others; the run fails if any step failed. The last line counts the tests
# (Jest and Playwright together) as "tests: N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 1
mkdir -p .cache
rm -f .cache/jest.json .cache/playwright.json .cache/playwright-4.21.json .cache/playwright-4.22.json

failed_steps=()
step() {
  local name=$1
  shift
  echo
  echo "==> ${name}"
  if "$@"; then
    echo "<== ${name}: ok"
  else
    echo "<== ${name}: FAILED"
    failed_steps+=("${name}")
  fi
}

# The browser tests need Debian's chromium; say so at once rather than after ten minutes.
bash scripts/ensure-chromium.sh || exit 1

step "lint (eslint, stylelint, prettier)" npm run -s lint
step "typecheck (tsc)" npx tsc --noEmit -p .
step "locales up to date" npm run -s i18n -- --check
step "unit, component and tooling tests (jest)" npx jest --ci --json --outputFile=.cache/jest.json
if step "production build" npm run -s build; then
  step "bundle report and budgets" npx ts-node scripts/bench.ts --check
  if step "console shell build" npm run -s build-shell; then
    # Requests and watches of the list, details and Project Overview with 1 and 200 caches
    # (about 30 s); the slower browser figures stay in `npm run bench -- --browser`.
    step "cluster traffic constant in the cache count" npx ts-node scripts/bench.ts --traffic --check
    step "browser tests (playwright, chromium)" env PLAYWRIGHT_JSON_OUTPUT_FILE=.cache/playwright.json \
      npx playwright test -c integration-tests/browser/playwright.config.ts --reporter=list,json
  fi
  # Every browser test above ran in the console 4.19 generation (standing for 4.19 and 4.20,
  # the most constrained: no PatternFly shared, no BuildConfig actions). The same plugin build
  # in the 4.21 (module federation, BuildConfig actions) and 4.22 (React 18, react-router 7,
  # PatternFly 6.4 shared, dynamic-plugin-sdk 8) generations runs the journeys that differ:
  # load and share scope, list, details, create, BuildConfig tab and actions, dashboards.
  # `npm run test:e2e-4.21` and `npm run test:e2e-4.22` run every browser test there.
  differing=(shell.e2e.ts details.e2e.ts create.e2e.ts use-cache.e2e.ts dashboards.e2e.ts)
  for generation in 4.21 4.22; do
    if step "console ${generation} shell build" npm run -s "build-shell-${generation}"; then
      step "browser tests in the console ${generation} shell" env CONSOLE_GENERATION="${generation}" \
        PLAYWRIGHT_JSON_OUTPUT_FILE=".cache/playwright-${generation}.json" \
        npx playwright test -c integration-tests/browser/playwright.config.ts --reporter=list,json \
        "${differing[@]}"
    fi
  done
fi

node scripts/test-summary.mjs "${failed_steps[@]}"

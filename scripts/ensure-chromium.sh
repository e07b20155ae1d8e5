#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; they never download a browser of their own.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
cat >&2 <<'MSG'
The browser tests need Debian's Chromium at /usr/bin/chromium, which is not installed.
Install it once with:

    sudo apt-get update && sudo apt-get install -y chromium

(Never `npx playwright install`: it downloads browsers, which this project does not use.)
MSG
exit 1

#!/bin/sh
# Runs the pod's start script (src/model/cache/start-script.ts, as the Deployment runs it) against
# devpi-server from source, with a local upstream. usage: devpi.sh PORT UPSTREAM_URL
# Needs DEVPI_SRC (a checkout of devpi/devpi at server-6.19.1) and PL_SRC (di/packaging_legacy),
# and Debian's python3 packages (docs/devpi-facts.md). Extra env (MALLOC_ARENA_MAX,
# DEVPI_REQUEST_TIMEOUT) passes through to devpi as the Deployment's env would.
set -eu
PORT=$1; UPSTREAM=$2
D=${DEVPI_LOAD_DIR:-/tmp/devpi-load}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$D/site/devpi_server-6.19.1.dist-info" "$D/bin"
# devpi finds its own storage backends through its entry points: give the source tree metadata.
printf 'Metadata-Version: 2.1\nName: devpi-server\nVersion: 6.19.1\n' > "$D/site/devpi_server-6.19.1.dist-info/METADATA"
sed -n '/entry-points.devpi_server\]/,/^$/p' "$DEVPI_SRC/server/pyproject.toml" |
  sed 's/project.entry-points.//; s/"//g' > "$D/site/devpi_server-6.19.1.dist-info/entry_points.txt"
printf '#!/bin/sh\nexec /usr/bin/python3 -c "import sys; from devpi_server.init import init; sys.argv[0]=\\"devpi-init\\"; sys.exit(init())" "$@"\n' > "$D/bin/devpi-init"
printf '#!/bin/sh\nexec /usr/bin/python3 -c "import sys; from devpi_server.main import main; sys.argv[0]=\\"devpi-server\\"; sys.exit(main())" "$@"\n' > "$D/bin/devpi-server"
chmod +x "$D/bin/devpi-init" "$D/bin/devpi-server"
# The script listens on devpi's own DEVPISERVER_PORT (8080 when unset, as in the pod).
(cd "$HERE/../.." && npx ts-node -T -e "process.stdout.write(require('./src/model/cache/start-script').START_SCRIPT)") > "$D/start.sh"
rm -rf "$D/data"
exec env PATH="$D/bin:/usr/bin:/bin" HOME=/tmp DEVPISERVER_PORT="$PORT" \
  PYTHONPATH="$D/site:$DEVPI_SRC/server:$DEVPI_SRC/common:$PL_SRC" \
  DEVPISERVER_SERVERDIR="$D/data/server" DEVPISERVER_ARGON2_MEMORY_COST=65536 \
  DEVPI_ROOT_PASSWORD=load-test DEVPI_MIRROR_URL="$UPSTREAM" /bin/sh -c "$(cat "$D/start.sh")"

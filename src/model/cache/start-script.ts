import { WAVE_PLUGIN_SETUP } from './wave-plugin';

/**
 * The devpi container's start script, run as `/bin/sh -c` (bash on the UBI Python images) with
 * the Deployment's environment. What it relies on was read in devpi-server 6.19.1's source and
 * checked against a running 6.19.1 (see docs of the project, "devpi and clients"):
 *
 * - Upstream credentials never enter devpi's index config, which devpi returns to anonymous
 *   users (`GET /root/pypi`) and logs. devpi-server 6.11 and later asks its plugins for an
 *   `Authorization` header when the mirror answers 401 or 403: the hook
 *   `devpiserver_get_mirror_auth(mirror_url, www_authenticate_header)` in
 *   `devpi_server/hookspecs.py`, called from `MirrorStage._update_auth_candidates` in
 *   `devpi_server/mirror.py`, which then resends the request with the first answer and keeps
 *   sending it to that mirror. The script writes a small plugin answering that hook from the
 *   Secret's values (`DEVPI_UPSTREAM_USERNAME` / `_PASSWORD`) into a folder on `PYTHONPATH`,
 *   with a `*.dist-info` whose `entry_points.txt` registers it in devpi's `devpi_server` group
 *   (devpi loads that group with pluggy's `load_setuptools_entrypoints`), so that it works with
 *   every image, one that was not built here included. It answers only for the configured
 *   upstream's scheme, host and port.
 * - devpi-init writes `.nodeinfo` before it commits the root user, so `.nodeinfo` says nothing
 *   about a finished init. Success is marked with `.pipcache-initialised` after devpi-init exits
 *   0. A server directory without the mark is looked into: a database with a commit (a cache of
 *   an earlier plugin version) is marked and kept; one without any commit (no root user, nothing
 *   cached: an init that was interrupted) is emptied and initialised again; one that cannot be
 *   read stops the start, so that data is never wiped on a guess.
 * - The root password reaches devpi-init as `DEVPISERVER_ROOT_PASSWD` (devpi reads every option
 *   from `DEVPISERVER_<OPTION>`), never as an argument, which every process can read in
 *   `/proc/<pid>/cmdline`.
 * - A non-interactive shell starts background jobs with SIGINT ignored, and Python then never
 *   installs its KeyboardInterrupt handler, so devpi-server is started through a one-line Python
 *   launcher that sets SIGINT back to its default before it execs devpi-server. (`trap - INT` in
 *   the job's subshell does that in bash but not in dash, the `/bin/sh` of Debian-based images:
 *   seen with devpi-server 6.19.1, which then stopped only on SIGKILL.) A SIGTERM becomes SIGINT,
 *   devpi's clean stop (about 2 s), with SIGKILL after 8 s so that a stop never runs into the
 *   pod's grace period. Every long step runs in the background and is waited for, because a
 *   shell runs its traps only between commands.
 * - Index settings persist on the volume, so every start sets every key the plugin manages,
 *   defaults included (see `managedIndexSettings`).
 *
 * Seen when this script ran against devpi-server 6.19.1 from its source (Debian's Python 3.11
 * packages; an upstream on 127.0.0.1 answering 401 without Basic auth): devpi logs "Found plugin
 * pipcache-devpi-auth-1.0", asks the upstream without credentials, gets 401, asks again with the
 * plugin's header and fetches the file with it too; `GET /root/pypi` and the log hold no
 * credential. A first start killed the moment `.nodeinfo` appeared left `.nodeinfo`,
 * `.serverversion`, and a `.sqlite` without tables (plus `.sqlite-journal`); the next start
 * initialised it again and root could log in. SIGTERM stopped everything in 0.9 to 3 s (the
 * previous script: never, SIGKILL after the grace period). Offline mode with
 * `mirror_no_project_list` answers 502 for a project not in the cache.
 */
export const START_SCRIPT = `set -eu
SERVERDIR="\${DEVPISERVER_SERVERDIR}"
PLUGINDIR="\${TMPDIR:-/tmp}/pipcache-devpi-plugin"
server=""
step=""
stop() {
  trap '' TERM INT
  echo "pipcache: stopping"
  if [ -n "$step" ]; then kill -TERM "$step" 2>/dev/null || true; fi
  if [ -n "$server" ]; then
    kill -INT "$server" 2>/dev/null || true
    waited=0
    while kill -0 "$server" 2>/dev/null && [ "$waited" -lt 80 ]; do sleep 0.1; waited=$((waited + 1)); done
    kill -KILL "$server" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  exit "\${1:-143}"
}
trap 'stop 143' TERM INT

mkdir -p "$PLUGINDIR/pipcache_devpi_auth-1.0.dist-info"
cat > "$PLUGINDIR/pipcache_devpi_auth.py" <<'PY'
"""Answers devpi-server's devpiserver_get_mirror_auth hook (6.11+) from the pod's Secret."""
import base64
import os
from urllib.parse import urlsplit

from pluggy import HookimplMarker

hookimpl = HookimplMarker("devpiserver")


def _origin(url):
    parts = urlsplit(str(getattr(url, "url", url)))
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or (443 if scheme == "https" else 80)


# optionalhook: devpi runs pluggy's check_pending() after loading plugins, and a devpi older
# than 6.11 has no such hook; it then starts without the plugin instead of failing.
@hookimpl(optionalhook=True)
def devpiserver_get_mirror_auth(mirror_url, www_authenticate_header):
    user = os.environ.get("DEVPI_UPSTREAM_USERNAME", "")
    upstream = os.environ.get("DEVPI_MIRROR_URL", "")
    if not user or not upstream or _origin(mirror_url) != _origin(upstream):
        return None
    secret = user + ":" + os.environ.get("DEVPI_UPSTREAM_PASSWORD", "")
    return "Basic " + base64.b64encode(secret.encode("utf-8")).decode("ascii")
PY
printf 'Metadata-Version: 2.1\\nName: pipcache-devpi-auth\\nVersion: 1.0\\n' > "$PLUGINDIR/pipcache_devpi_auth-1.0.dist-info/METADATA"
printf '[devpi_server]\\npipcache_devpi_auth = pipcache_devpi_auth\\n' > "$PLUGINDIR/pipcache_devpi_auth-1.0.dist-info/entry_points.txt"
${WAVE_PLUGIN_SETUP}
PYTHONPATH="$PLUGINDIR\${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH

mkdir -p "$SERVERDIR"
if [ ! -f "$SERVERDIR/.pipcache-initialised" ]; then
  state=0
  python3 - "$SERVERDIR/.sqlite" <<'PY' || state=$?
import os, sqlite3, sys
path = sys.argv[1]
if not os.path.exists(path):
    sys.exit(3)
try:
    db = sqlite3.connect(path)
    if db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'changelog'").fetchone() is None:
        sys.exit(3)
    commits = db.execute("SELECT count(*) FROM changelog").fetchone()[0]
except sqlite3.Error as error:
    sys.exit("pipcache: cannot read %s (%s); the server directory is left as it is" % (path, error))
sys.exit(0 if commits else 3)
PY
  if [ "$state" -eq 3 ]; then
    if [ -n "$(ls -A "$SERVERDIR")" ]; then
      echo "pipcache: the server directory holds no commit (an interrupted first start): initialising it again"
      find "$SERVERDIR" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
    fi
    DEVPISERVER_ROOT_PASSWD="$DEVPI_ROOT_PASSWORD" devpi-init --serverdir "$SERVERDIR" &
    step=$!
    wait "$step"
    step=""
  elif [ "$state" -ne 0 ]; then
    exit 1
  fi
  : > "$SERVERDIR/.pipcache-initialised"
fi

set -- --serverdir "$SERVERDIR" --host 0.0.0.0 --port "\${DEVPISERVER_PORT:-8080}" --restrict-modify root
if [ -n "\${DEVPI_REQUEST_TIMEOUT:-}" ]; then set -- "$@" --request-timeout "$DEVPI_REQUEST_TIMEOUT"; fi
set -- "$@" --mirror-cache-expiry "\${DEVPI_MIRROR_CACHE_EXPIRY:-1800}"
if [ "\${DEVPI_OFFLINE:-false}" = "true" ]; then set -- "$@" --offline-mode; fi
python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' devpi-server "$@" &
server=$!

python3 - "$server" <<'PY' &
import base64, json, os, sys, time, urllib.error, urllib.request
base = "http://127.0.0.1:%s" % (os.environ.get("DEVPISERVER_PORT") or "8080")
server = int(sys.argv[1])
deadline = time.monotonic() + 300
while True:
    try:
        urllib.request.urlopen(base + "/+api", timeout=2).read()
        break
    except Exception:
        try:
            os.kill(server, 0)
        except OSError:
            sys.exit("pipcache: devpi-server stopped before it answered")
        if time.monotonic() > deadline:
            sys.exit("pipcache: devpi-server did not answer within 5 minutes")
        time.sleep(0.5)
custom = os.environ.get("DEVPI_MIRROR_URL", "")
settings = {
    "mirror_url": custom or "https://pypi.org/simple/",
    "mirror_cache_expiry": os.environ.get("DEVPI_MIRROR_CACHE_EXPIRY") or "1800",
    "mirror_ignore_serial_header": "true" if custom else "false",
    "mirror_no_project_list": "true" if custom else "false",
}
auth = base64.b64encode(("root:" + os.environ["DEVPI_ROOT_PASSWORD"]).encode()).decode()
request = urllib.request.Request(
    base + "/root/pypi", method="PATCH",
    data=json.dumps([key + "=" + value for key, value in settings.items()]).encode(),
    headers={"Authorization": "Basic " + auth, "Content-Type": "application/json", "Accept": "application/json"})
try:
    urllib.request.urlopen(request, timeout=30).read()
except urllib.error.HTTPError as error:
    sys.exit("pipcache: devpi refused the index settings: HTTP %d" % error.code)
except Exception as error:
    sys.exit("pipcache: the index settings were not applied: %s" % error)
print("pipcache: index settings applied: " + json.dumps(settings), flush=True)
PY
step=$!
if ! wait "$step"; then
  step=""
  echo "pipcache: stopping devpi-server because its index settings are not what this cache says"
  stop 1
fi
step=""
wait "$server"
`;

/** The devpi container's command, as the Deployment has it and an edit restores it. */
export const DEVPI_COMMAND: readonly string[] = ['/bin/sh', '-c', START_SCRIPT];

/** The index settings devpi's `root/pypi` has after every start, as devpi reports them. */
export interface ManagedIndexSettings {
  mirror_url: string;
  mirror_cache_expiry: number;
  mirror_ignore_serial_header: boolean;
  mirror_no_project_list: boolean;
}

/** PyPI's simple index: devpi's mirror when no upstream is configured. */
export const PYPI_SIMPLE_URL = 'https://pypi.org/simple/';
/** devpi's own default of `--mirror-cache-expiry`, in seconds. */
export const DEFAULT_CACHE_EXPIRY = 1800;

/** What the start script sets on `root/pypi`, given the cache's upstream and expiry (empty = default). */
export const managedIndexSettings = (devpi: {
  upstreamUrl: string;
  cacheExpiry: string;
}): ManagedIndexSettings => ({
  mirror_url: devpi.upstreamUrl || PYPI_SIMPLE_URL,
  mirror_cache_expiry: devpi.cacheExpiry ? Number(devpi.cacheExpiry) : DEFAULT_CACHE_EXPIRY,
  mirror_ignore_serial_header: Boolean(devpi.upstreamUrl),
  mirror_no_project_list: Boolean(devpi.upstreamUrl),
});

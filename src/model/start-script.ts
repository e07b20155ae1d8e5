import { WAVE_PLUGIN_SETUP } from './wave-plugin';

/**
 * The devpi container's start script. It initialises the server directory once (`devpi-init`,
 * guarded by `.nodeinfo`; the original templates' `devpi-server --init` no longer exists),
 * starts `devpi-server --restrict-modify root`, then applies the index settings itself by
 * PATCHing `127.0.0.1` with root's password from its environment, so that no browser and no
 * annotation ever holds the password. SIGTERM becomes SIGINT for a clean stop of devpi.
 */
export const START_SCRIPT = `set -eu
SERVERDIR="\${DEVPISERVER_SERVERDIR}"
mkdir -p "$SERVERDIR"
${WAVE_PLUGIN_SETUP}
if [ ! -f "$SERVERDIR/.nodeinfo" ]; then
  devpi-init --serverdir "$SERVERDIR" --root-passwd "$DEVPI_ROOT_PASSWORD"
fi
set -- --serverdir "$SERVERDIR" --host 0.0.0.0 --port 8080 --restrict-modify root
if [ -n "\${DEVPI_REQUEST_TIMEOUT:-}" ]; then set -- "$@" --request-timeout "$DEVPI_REQUEST_TIMEOUT"; fi
if [ -n "\${DEVPI_MIRROR_CACHE_EXPIRY:-}" ]; then set -- "$@" --mirror-cache-expiry "$DEVPI_MIRROR_CACHE_EXPIRY"; fi
if [ "\${DEVPI_OFFLINE:-false}" = "true" ]; then set -- "$@" --offline-mode; fi
devpi-server "$@" &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null; wait "$pid"' TERM INT
python3 - <<'PY'
import base64, json, os, time, urllib.parse, urllib.request
base = "http://127.0.0.1:8080"
for _ in range(300):
    try:
        urllib.request.urlopen(base + "/+api", timeout=2).read()
        break
    except Exception:
        time.sleep(1)
upstream = os.environ.get("DEVPI_MIRROR_URL") or "https://pypi.org/simple/"
user = os.environ.get("DEVPI_UPSTREAM_USERNAME", "")
if user:
    parts = urllib.parse.urlsplit(upstream)
    secret = urllib.parse.quote(user, safe="") + ":" + urllib.parse.quote(os.environ.get("DEVPI_UPSTREAM_PASSWORD", ""), safe="")
    upstream = urllib.parse.urlunsplit((parts.scheme, secret + "@" + parts.netloc, parts.path, parts.query, parts.fragment))
settings = ["mirror_url=" + upstream]
if os.environ.get("DEVPI_MIRROR_CACHE_EXPIRY"):
    settings.append("mirror_cache_expiry=" + os.environ["DEVPI_MIRROR_CACHE_EXPIRY"])
if os.environ.get("DEVPI_MIRROR_URL"):
    settings += ["mirror_ignore_serial_header=true", "mirror_no_project_list=true"]
auth = base64.b64encode(("root:" + os.environ["DEVPI_ROOT_PASSWORD"]).encode()).decode()
request = urllib.request.Request(base + "/root/pypi", data=json.dumps(settings).encode(), method="PATCH",
                                 headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
urllib.request.urlopen(request, timeout=10).read()
print("pipcache: index settings applied")
PY
wait "$pid"
`;

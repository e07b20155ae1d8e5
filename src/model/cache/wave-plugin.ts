/**
 * A devpi-server plugin the pod writes next to devpi at every start (no image change): it holds a
 * request for a project page or a release file while an earlier first request for the same one is
 * still in progress, before the request's database transaction begins. devpi 6.19 answers such
 * requests from a view of the database taken before the first one committed: 404 "The project …
 * does not exist" with `mirror_no_project_list`, an empty page without it, and one more upstream
 * download per request for a file (docs/devpi-facts.md). Once a path has been served with 200,
 * later requests for it pass through without waiting. Measured with devpi-server 6.19.1: 20
 * parallel cold builds of 50 packages, 18 failed without it and none with it.
 */
export const WAVE_PLUGIN_MODULE = String.raw`"""pipcache: the first request for a project page or a file waits for the one before it.

devpi answers requests that arrive while the first fetch of a project or file is in progress
from a database view taken before that fetch committed (404, an empty page, or a second
download upstream). Holding such requests until the first has finished, before their
transaction begins, lets them read what the first stored. Once a path has been served with
200, later requests for it pass straight through.
"""
import re
import threading

from pluggy import HookimplMarker

hookimpl = HookimplMarker("devpiserver")

_SIMPLE = re.compile(r"^/[^/+]+/[^/+]+/\+simple/([^/+]+)/?$")
_FILE = re.compile(r"^/[^/+]+/[^/+]+/\+f/.")
# Longest a request waits for the one before it; it then goes ahead as devpi would.
_WAIT_SECONDS = 120
_guard = threading.Lock()
_locks = {}
_served = set()


def _key(request):
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path_info
    match = _SIMPLE.match(path)
    if match:
        return "simple:" + re.sub(r"[-_.]+", "-", match.group(1)).lower()
    if _FILE.match(path):
        return "file:" + path
    return None


class _ReleasingIter:
    """The response body; the file is stored when it has been read to the end."""

    def __init__(self, body, release):
        self._body = body
        self._release = release

    def __iter__(self):
        return iter(self._body)

    def close(self):
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            self._release()


def tween_first_requests(handler, registry):
    def tween(request):
        key = _key(request)
        if key is None or key in _served:
            return handler(request)
        with _guard:
            lock = _locks.setdefault(key, threading.Lock())
        acquired = lock.acquire(timeout=_WAIT_SECONDS)
        ok = [False]

        def release():
            if ok[0]:
                _served.add(key)
                with _guard:
                    _locks.pop(key, None)
            if acquired:
                lock.release()

        try:
            response = handler(request)
        except BaseException:
            release()
            raise
        # Only a GET stores what it fetched (a HEAD of a new file stores nothing).
        ok[0] = response.status_code == 200 and request.method == "GET"
        if key.startswith("file:") and ok[0]:
            response.app_iter = _ReleasingIter(response.app_iter, release)
        else:
            release()
        return response

    return tween


@hookimpl
def devpiserver_pyramid_configure(config, pyramid_config):
    # Both bounds: with "over" alone pyramid may sort its exception view above devpi's
    # transaction tween, and every write devpi answers with a raised response rolls back.
    pyramid_config.add_tween(
        "pipcache_wave.tween_first_requests",
        over="devpi_server.views.tween_keyfs_transaction",
        under="devpi_server.views.tween_request_logging",
    )
`;

/**
 * Where the start script writes the plugin: its own plugin folder (under `$TMPDIR` or /tmp, which
 * is writable in every cache pod), which the script puts on `PYTHONPATH` for devpi.
 */
export const WAVE_PLUGIN_DIR = '"$PLUGINDIR"';

/**
 * Start-script lines that write the plugin as an installed distribution (module, metadata and
 * its `devpi_server` entry point) to a folder on PYTHONPATH, where devpi's plugin loader finds it.
 */
export const WAVE_PLUGIN_SETUP = [
  `mkdir -p ${WAVE_PLUGIN_DIR}/pipcache_wave-1.0.dist-info`,
  `cat > ${WAVE_PLUGIN_DIR}/pipcache_wave.py <<'PIPCACHE_WAVE'`,
  WAVE_PLUGIN_MODULE.trimEnd(),
  'PIPCACHE_WAVE',
  `printf 'Metadata-Version: 2.1\\nName: pipcache-wave\\nVersion: 1.0\\n' > ${WAVE_PLUGIN_DIR}/pipcache_wave-1.0.dist-info/METADATA`,
  `printf '[devpi_server]\\npipcache-wave = pipcache_wave\\n' > ${WAVE_PLUGIN_DIR}/pipcache_wave-1.0.dist-info/entry_points.txt`,
].join('\n');

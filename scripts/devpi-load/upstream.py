# A local stand-in for PyPI: PEP 503 pages and wheels for N projects (and one 50 MB wheel),
# each answer after DELAY seconds; GET /__counts tells how often each path was asked for.
# usage: upstream.py PORT DELAY N
import hashlib, io, os, sys, time, zipfile
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
PORT = int(sys.argv[1]); DELAY = float(sys.argv[2]); N = int(sys.argv[3])
ROOT = os.environ.get('DEVPI_LOAD_DIR', '/tmp/devpi-load') + '/upstream'
os.makedirs(ROOT, exist_ok=True)
def wheel(name, size):
    path = f'{ROOT}/{name}-1.0-py3-none-any.whl'
    if not os.path.exists(path):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w') as z:
            z.writestr(f'{name}-1.0.dist-info/METADATA', f'Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n')
            z.writestr(f'{name}-1.0.dist-info/WHEEL', 'Wheel-Version: 1.0\nGenerator: t\nRoot-Is-Purelib: true\nTag: py3-none-any\n')
            z.writestr(f'{name}/data.bin', os.urandom(size))
            z.writestr(f'{name}-1.0.dist-info/RECORD', '')
        open(path, 'wb').write(buf.getvalue())
    return path
names = [f'pkg{i}' for i in range(N)] + ['bigwheel']
sha = {}
for n in names:
    p = wheel(n, 50 * 1024 * 1024 if n == 'bigwheel' else 20000)
    sha[n] = hashlib.sha256(open(p, 'rb').read()).hexdigest()
counts = {}
class H(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    def log_message(self, *a): pass
    def do_GET(self):
        time.sleep(DELAY)
        counts[self.path] = counts.get(self.path, 0) + 1
        parts = self.path.strip('/').split('/')
        if self.path == '/__counts':
            body = repr(sorted(counts.items())).encode(); ctype = 'text/plain'
        elif len(parts) == 2 and parts[0] == 'simple' and parts[1] in sha:
            n = parts[1]
            body = f'<html><body><a href="/files/{n}-1.0-py3-none-any.whl#sha256={sha[n]}">{n}-1.0-py3-none-any.whl</a></body></html>'.encode()
            ctype = 'text/html'
        elif len(parts) == 2 and parts[0] == 'files' and os.path.exists(f'{ROOT}/{parts[1]}'):
            body = open(f'{ROOT}/{parts[1]}', 'rb').read(); ctype = 'application/octet-stream'
        else:
            self.send_response(404); self.send_header('Content-Length', '0'); self.end_headers(); return
        self.send_response(200); self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body))); self.end_headers(); self.wfile.write(body)
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(('127.0.0.1', PORT), H).serve_forever()

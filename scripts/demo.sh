#!/usr/bin/env bash
# `npm run demo`: builds the plugin and the local console shell, then serves the shell with an
# in-memory cluster on 127.0.0.1 (PORT, default 9000) and the plugin as a cluster serves it: the
# chart's nginx.conf in nginx over TLS (PLUGIN_PORT, default PORT + 1000), behind the shell's
# copy of the console's plugin proxy; without nginx or openssl, a plain static file server on
# that port instead. Offline; needs no cluster or containers.
# CONSOLE_GENERATION picks the console the shell imitates: 4.19 (the default, standing for
# consoles 4.19 and 4.20), 4.21 or 4.22.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-9000}"
TLS_PORT="${TLS_PORT:-9443}"
PLUGIN_PORT="${PLUGIN_PORT:-$((PORT + 1000))}"
GENERATION="${CONSOLE_GENERATION:-4.19}"
case "${GENERATION}" in
  4.19 | 4.20) GENERATION=4.19 shell_build=build-shell ;;
  4.21 | 4.22) shell_build="build-shell-${GENERATION}" ;;
  *)
    echo "CONSOLE_GENERATION must be 4.19 (or 4.20), 4.21 or 4.22, not ${GENERATION}." >&2
    exit 1
    ;;
esac
# Without nginx or openssl the shell serves the plugin from a plain static file server instead
# of the chart's nginx.conf (it says so when it starts); say it here too, before the build.
missing=()
if [ -n "${NGINX_BIN:-}" ]; then
  command -v "${NGINX_BIN}" >/dev/null 2>&1 || missing+=(nginx-light)
else
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
fi
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Missing ${missing[*]}: the plugin will not be served by the chart's nginx.conf over TLS" >&2
  echo "(Debian: sudo apt-get install -y ${missing[*]})." >&2
fi
echo "Building the plugin (production build)..."
npm run -s build >/dev/null
echo "Building the console ${GENERATION} shell..."
npm run -s "${shell_build}" >/dev/null
# kubectl sends a bearer token only over https: the demo also listens on TLS_PORT with a
# certificate made here for 127.0.0.1, which needs openssl.
tls_args=()
echo
echo "Open http://127.0.0.1:${PORT}/pipcache/ns/demo (Ctrl+C stops the demo)."
echo "Switch users, perspectives and cluster capabilities in the masthead."
if command -v openssl >/dev/null 2>&1; then
  tls=.cache/demo-tls
  mkdir -p "${tls}"
  if [ ! -s "${tls}/cert.pem" ] || ! openssl x509 -checkend 86400 -noout -in "${tls}/cert.pem" >/dev/null 2>&1; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=127.0.0.1 \
      -addext subjectAltName=IP:127.0.0.1 -keyout "${tls}/key.pem" -out "${tls}/cert.pem" 2>/dev/null
  fi
  tls_args=(--tls-port "${TLS_PORT}" --tls-cert "${tls}/cert.pem" --tls-key "${tls}/key.pem")
  echo "kubectl: kubectl --server=https://127.0.0.1:${TLS_PORT}/api/kubernetes \\"
  echo "           --certificate-authority=.cache/demo-tls/cert.pem --token=editor get deployments -n demo"
else
  echo "No https listener for kubectl (TLS_PORT): openssl is missing to make its certificate."
fi
CONSOLE_GENERATION="${GENERATION}" exec npx ts-node integration-tests/console/server.ts \
  --port "${PORT}" --plugin-port "${PLUGIN_PORT}" --seed showcase "${tls_args[@]}"

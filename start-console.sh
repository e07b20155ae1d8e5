#!/usr/bin/env bash
# Runs the real OpenShift console in a container against the cluster of your current `oc login`,
# loading this plugin from the webpack dev server (`npm start`, port 9001).
#
#   npm start                # terminal 1
#   npm run start-console    # terminal 2, then open http://localhost:9002
#
# CONSOLE_VERSION picks the console image tag (default 4.19); CONSOLE_PORT the local port
# (default 9002: 9000 is `npm run demo`'s, 9001 the plugin's dev server).
set -euo pipefail

PLUGIN_NAME="pipcache-plugin"
PLUGIN_PORT=9001
CONSOLE_VERSION="${CONSOLE_VERSION:-4.19}"
CONSOLE_PORT="${CONSOLE_PORT:-9002}"
CONSOLE_IMAGE="${CONSOLE_IMAGE:-quay.io/openshift/origin-console:${CONSOLE_VERSION}}"

if command -v podman >/dev/null 2>&1; then
  ENGINE=podman
elif command -v docker >/dev/null 2>&1; then
  ENGINE=docker
else
  echo "Neither podman nor docker is installed; install one (https://podman.io/docs/installation) to run the console locally." >&2
  exit 1
fi
if ! "${ENGINE}" info >/dev/null 2>&1; then
  if [ "${ENGINE}" = "podman" ]; then
    echo "podman is installed but not running: start it (\`podman machine start\` on macOS and Windows, \`systemctl --user start podman.socket\` on Linux) and try again." >&2
  else
    echo "docker is installed but its daemon is not running: start Docker (Docker Desktop, or \`sudo systemctl start docker\`) and try again." >&2
  fi
  exit 1
fi
if ! command -v oc >/dev/null 2>&1; then
  echo "oc is not installed: get it from https://mirror.openshift.com/pub/openshift-v4/clients/ocp/stable/ (or the console's ? menu, Command line tools), then log in with oc login." >&2
  exit 1
fi
if ! oc whoami >/dev/null 2>&1; then
  echo "oc is not logged in to a cluster: run oc login (the console's user menu, Copy login command, gives the exact command) and try again." >&2
  exit 1
fi
# Something already answering on the port (such as `npm run demo`) would take the console's place.
if (exec 3<>"/dev/tcp/127.0.0.1/${CONSOLE_PORT}") 2>/dev/null; then
  echo "Port ${CONSOLE_PORT} is already in use (is \`npm run demo\` running?); pick another with CONSOLE_PORT=…" >&2
  exit 1
fi

BRIDGE_USER_AUTH="disabled"
BRIDGE_K8S_MODE="off-cluster"
BRIDGE_K8S_AUTH="bearer-token"
BRIDGE_K8S_MODE_OFF_CLUSTER_SKIP_VERIFY_TLS=true
BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT="$(oc whoami --show-server)"
BRIDGE_K8S_AUTH_BEARER_TOKEN="$(oc whoami --show-token)"
# Monitoring and alerting come through the cluster's routes, as the console's own dev setup does.
BRIDGE_K8S_MODE_OFF_CLUSTER_THANOS="$(oc -n openshift-config-managed get configmap monitoring-shared-config -o jsonpath='{.data.thanosPublicURL}' 2>/dev/null || true)"
BRIDGE_K8S_MODE_OFF_CLUSTER_ALERTMANAGER="$(oc -n openshift-config-managed get configmap monitoring-shared-config -o jsonpath='{.data.alertmanagerPublicURL}' 2>/dev/null || true)"
BRIDGE_USER_SETTINGS_LOCATION="localstorage"
BRIDGE_I18N_NAMESPACES="plugin__${PLUGIN_NAME}"

# The console container reaches the dev server on the host: through host networking on Linux,
# through the engine's host alias elsewhere.
if [ "$(uname -s)" = "Linux" ]; then
  NETWORK_ARGS=(--network=host)
  PLUGIN_HOST="localhost"
else
  NETWORK_ARGS=(-p "${CONSOLE_PORT}:${CONSOLE_PORT}")
  if [ "${ENGINE}" = "podman" ]; then PLUGIN_HOST="host.containers.internal"; else PLUGIN_HOST="host.docker.internal"; fi
fi
BRIDGE_PLUGINS="${PLUGIN_NAME}=http://${PLUGIN_HOST}:${PLUGIN_PORT}"

echo "Starting ${CONSOLE_IMAGE} with ${ENGINE} against ${BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT}"
echo "Plugin: ${BRIDGE_PLUGINS}; console: http://localhost:${CONSOLE_PORT}"

exec "${ENGINE}" run --pull always --rm "${NETWORK_ARGS[@]}" \
  -e BRIDGE_USER_AUTH="${BRIDGE_USER_AUTH}" \
  -e BRIDGE_K8S_MODE="${BRIDGE_K8S_MODE}" \
  -e BRIDGE_K8S_AUTH="${BRIDGE_K8S_AUTH}" \
  -e BRIDGE_K8S_MODE_OFF_CLUSTER_SKIP_VERIFY_TLS="${BRIDGE_K8S_MODE_OFF_CLUSTER_SKIP_VERIFY_TLS}" \
  -e BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT="${BRIDGE_K8S_MODE_OFF_CLUSTER_ENDPOINT}" \
  -e BRIDGE_K8S_MODE_OFF_CLUSTER_THANOS="${BRIDGE_K8S_MODE_OFF_CLUSTER_THANOS}" \
  -e BRIDGE_K8S_MODE_OFF_CLUSTER_ALERTMANAGER="${BRIDGE_K8S_MODE_OFF_CLUSTER_ALERTMANAGER}" \
  -e BRIDGE_K8S_AUTH_BEARER_TOKEN="${BRIDGE_K8S_AUTH_BEARER_TOKEN}" \
  -e BRIDGE_USER_SETTINGS_LOCATION="${BRIDGE_USER_SETTINGS_LOCATION}" \
  -e BRIDGE_I18N_NAMESPACES="${BRIDGE_I18N_NAMESPACES}" \
  -e BRIDGE_PLUGINS="${BRIDGE_PLUGINS}" \
  -e BRIDGE_LISTEN="http://0.0.0.0:${CONSOLE_PORT}" \
  "${CONSOLE_IMAGE}"

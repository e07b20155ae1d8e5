#!/bin/sh
# A wave of builds: 20 parallel `pip download` of the 50 projects upstream.py serves, through
# INDEX_URL; prints how many failed, the wall time and what the upstream was asked.
# usage: wave.sh INDEX_URL [UPSTREAM_URL]   (PIP_RETRIES in the env as the snippets set it)
IDX=$1; UP=${2:-http://127.0.0.1:9261}
D=${DEVPI_LOAD_DIR:-/tmp/devpi-load}/wave
PKGS=$(seq -f 'pkg%g' 0 49 | tr '\n' ' ')
rm -rf "$D"; mkdir -p "$D"
start=$(date +%s.%N)
for b in $(seq 20); do
  # Only this index: no pip.conf, find-links or timeout from the machine.
  ( env -u PIP_FIND_LINKS -u PIP_DEFAULT_TIMEOUT -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null \
      /usr/bin/python3 -m pip download -q --no-deps --no-cache-dir --disable-pip-version-check \
      -i "$IDX" -d "$D/b$b" $PKGS > "$D/b$b.log" 2>&1; echo $? > "$D/b$b.rc" ) &
done
wait
end=$(date +%s.%N)
echo "$(grep -L '^0$' "$D"/*.rc | wc -l) of 20 builds failed, wall $(echo "$end - $start" | bc) s"
grep -h "ERROR" "$D"/*.log | sed 's/pkg[0-9]*/pkgN/g' | sort | uniq -c | sort -rn | head -3
curl -s "$UP/__counts" | python3 -c "import sys,ast; c=ast.literal_eval(sys.stdin.read()); print('upstream so far: pages', sum(n for p,n in c if p.startswith('/simple')), 'files', sum(n for p,n in c if p.startswith('/files')))"

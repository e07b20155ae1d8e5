#!/bin/sh
# N concurrent downloads of URL while sampling the resident memory of PID every 0.2 s and asking
# PROBE (devpi's /+api) how fast it still answers. usage: rss.sh PID URL N PROBE
PID=$1; URL=$2; N=$3; PROBE=$4
D=${DEVPI_LOAD_DIR:-/tmp/devpi-load}/rss; rm -rf "$D"; mkdir -p "$D"
rss() { awk '/VmRSS/{print int($2/1024)}' "/proc/$PID/status"; }
echo "idle before: $(rss) MiB"
( while :; do rss; sleep 0.2; done > "$D/samples" ) & SAMPLER=$!
for c in $(seq "$N"); do curl -s -o /dev/null -w '%{http_code}\n' "$URL" >> "$D/codes" & done
for p in $(seq 10); do curl -s -o /dev/null -m 10 -w '%{time_total}\n' "$PROBE" >> "$D/probe"; sleep 0.5; done
while [ "$(wc -l < "$D/codes")" -lt "$N" ]; do sleep 0.5; done
sleep 3; kill $SAMPLER
echo "answers: $(sort "$D/codes" | uniq -c | tr '\n' ' ')"
echo "peak $(sort -n "$D/samples" | tail -1) MiB, idle after $(rss) MiB, slowest probe $(sort -n "$D/probe" | tail -1) s"

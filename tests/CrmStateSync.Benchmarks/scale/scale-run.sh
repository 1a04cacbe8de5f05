#!/usr/bin/env bash
# The scale benchmark of issue 4 / sync.md "Performance targets", against the sandbox running in its own process, so
# the worker's peak memory (max RSS, from /usr/bin/time) is measured apart from the sandbox's. Five `sync --once`:
#   1 first full sync; 2 reads the worker's own echo; 3 re-reads the overlap once the cursors may settle (Sync:SettleTime
#   is set to 10 s here, with a 12 s pause, instead of the default 5 minutes); 4 nothing changed; 5 the same after
#   another pause (it settles what cycle 2 wrote, should cycle 2 write: e.g. when the run crosses midnight UTC).
#   usage: tests/CrmStateSync.Benchmarks/scale/scale-run.sh ACCOUNTS [USAGE_DAYS] [salesforce|hubspot]
# Prints the records per object, then per cycle: the worker's summary line, wall time, CPU seconds (and per 1,000 records
# read), max RSS, and the sandbox's count
# of requests by route (429 answers also apart, as "429 METHOD route").
set -euo pipefail
accounts=${1:?accounts}
usage_days=${2:-30}
crm=${3:-salesforce}
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/crmstatesync-scale-XXXX)
port=$((20000 + RANDOM % 20000))
dotnet publish "$root/src/CrmStateSync" -c Release -o "$work/bin" -v q -nologo >/dev/null
cd "$work"
/usr/bin/time -f "%M" -o sandbox.rss ./bin/crmstatesync sandbox --crm "$crm" --accounts "$accounts" --usage-days "$usage_days" --port "$port" \
  --write-config sandbox.json >sandbox.out 2>&1 &
sandbox=$!
trap 'pkill -P $sandbox 2>/dev/null || true' EXIT
until [ -s sandbox.json ]; do sleep 1; done
echo "accounts=$accounts usage_days=$usage_days crm=$crm (sandbox seeded in ${SECONDS}s)"
grep '^Records:' sandbox.out || true
export CRMSTATESYNC_Sync__SettleTime=00:00:10
for cycle in 1 2 3 4 5; do
  { [ "$cycle" = 3 ] || [ "$cycle" = 5 ]; } && sleep 12
  curl -s "http://127.0.0.1:$port/_sandbox/requests" >before.json
  CRMSTATESYNC_Serilog__MinimumLevel__Default=Warning /usr/bin/time -f "wall %e s, cpu %U %S, max RSS %M KB" -o cycle.time \
    ./bin/crmstatesync sync --once --config sandbox.json >cycle.out 2>cycle.err
  curl -s "http://127.0.0.1:$port/_sandbox/requests" >after.json
  # The worker's CPU seconds (user + system) and, per 1,000 records read, what a record costs the worker alone.
  cpu=$(awk '/^wall/ { split($0, f, "cpu "); split(f[2], c, /[ ,]/); print c[1] + c[2] }' cycle.time)
  records=$(grep -o 'read [0-9]*' cycle.out | head -1 | awk '{print $2}')
  cpu_line=$(awk -v t="$cpu" -v r="${records:-0}" 'BEGIN { printf "cpu %.1f s", t; if (r > 0) printf ", %.3f cpu s per 1,000 records", t * 1000 / r }')
  echo "cycle $cycle: $(cat cycle.out) | $(grep '^wall' cycle.time) | $cpu_line"
  python3 - <<'PY'
import json
b, a = json.load(open("before.json")), json.load(open("after.json"))
for k in sorted(a):
    d = a[k] - b.get(k, 0)
    if d:
        print(f"    {d:6d}  {k}")
PY
done
ls -l "$work/state" | tail -n +2 | awk '{print "    store file: " $5 " bytes " $9}'
# GNU time ignores SIGINT while its child runs, and a background job ignores SIGINT anyway: SIGTERM the child.
pkill -TERM -P $sandbox || true; wait $sandbox 2>/dev/null || true
echo "sandbox max RSS $(cat sandbox.rss) KB"

#!/usr/bin/env bash
# The admin console at scale (issue 15: every page under 200 ms at 100,000 accounts and 1,000,000 transitions): builds the
# benchmarks in Release, generates the store (`console-store`, seeded; ~1 GB, about a minute) unless the work dir has one,
# then serves the real console over it on a loopback port and times each route of console-routes.txt (`console-pages`),
# printing a markdown table: p50 / p95 / max ms over N requests and the answer's size; routes not built yet are "not present".
# Usage: tests/CrmStateSync.Benchmarks/scale/console-scale.sh [work-dir (/tmp/console-scale)] [requests (20)]
# Delete the work dir afterwards: the store is a throwaway file and stays out of the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${1:-/tmp/console-scale}"
requests="${2:-20}"
mkdir -p "$work"
dotnet build "$root/tests/CrmStateSync.Benchmarks" -c Release -o "$work/bin" -v q -nologo > /dev/null
bench=(dotnet "$work/bin/CrmStateSync.Benchmarks.dll")
db="$work/store.db"
if [ -f "$db" ]; then
  echo "reusing $db (delete it to generate it again)"
else
  "${bench[@]}" console-store --out "$db"
fi
echo "load: $(uptime)"
"${bench[@]}" console-pages --db "$db" --requests "$requests" --routes "$root/tests/CrmStateSync.Benchmarks/ConsolePages/console-routes.txt"
echo "load: $(uptime)"

#!/usr/bin/env bash
# Reports at scale (issue 12, item 5): builds a store of ~100,000 accounts and ~1,000,000 transitions from a real demo
# store (1,000 sandbox accounts synced through the real connector, copied 100 times under new ids; each copy's
# transitions repeated in three earlier years), then times `report all` (table and html) and records peak RSS.
# Usage: tests/CrmStateSync.Benchmarks/scale/report-scale.sh [work-dir]   (Release build; needs sqlite3 and GNU time)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${1:-/tmp/report-scale}"
mkdir -p "$work"
dotnet build "$root/src/CrmStateSync" -c Release -o "$work/bin" -v q -nologo > /dev/null
exe="$work/bin/crmstatesync"
db="$work/store.db"
if [ ! -f "$db" ]; then
  rm -f "$work/seed.db"*
  "$exe" demo --accounts 1000 --db "$work/seed.db" > /dev/null
  cp "$work/seed.db" "$db"
  sqlite3 "$db" <<'SQL'
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
CREATE TEMP TABLE copies(k INTEGER PRIMARY KEY);
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 99) INSERT INTO copies SELECT k FROM n;
CREATE TEMP TABLE years(y INTEGER PRIMARY KEY);
INSERT INTO years VALUES (1), (2), (3);
INSERT INTO accounts (id, modified_at, account_json, managed_json, managed_text_json)
  SELECT a.id || '-' || c.k, a.modified_at, json_set(a.account_json, '$.name', json_extract(a.account_json, '$.name') || ' #' || c.k), a.managed_json, a.managed_text_json
  FROM accounts a, copies c;
INSERT INTO last_written_fields (account_id, field, value, written_at)
  SELECT f.account_id || '-' || c.k, f.field, f.value, f.written_at FROM last_written_fields f, copies c WHERE instr(f.account_id, '-') = 0;
INSERT INTO transitions (account_id, from_stage, to_stage, on_date, source, reason, recorded_at)
  SELECT t.account_id || '-' || c.k, t.from_stage, t.to_stage, t.on_date, t.source, t.reason, t.recorded_at FROM transitions t, copies c WHERE instr(t.account_id, '-') = 0;
INSERT INTO transitions (account_id, from_stage, to_stage, on_date, source, reason, recorded_at)
  SELECT t.account_id, t.from_stage, t.to_stage, date(t.on_date, '-' || y.y || ' years'), t.source, t.reason, t.recorded_at FROM transitions t, years y;
SQL
fi
echo "store: $(sqlite3 "$db" 'SELECT count(*) FROM accounts') accounts, $(sqlite3 "$db" 'SELECT count(*) FROM transitions') transitions, $(du -m "$db" | cut -f1) MB"
for format in table html; do
  /usr/bin/time -f "report all --format $format: %e s wall, %U s user, %M KB peak RSS" \
    "$exe" report all --database "$db" --format "$format" --output "$work/report.$format" > /dev/null
done
# The same accounts with twice the history (each transition again four years earlier): memory must not follow it.
if [ ! -f "$work/store2.db" ]; then
  cp "$db" "$work/store2.db"
  sqlite3 "$work/store2.db" "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    INSERT INTO transitions (account_id, from_stage, to_stage, on_date, source, reason, recorded_at)
    SELECT account_id, from_stage, to_stage, date(on_date, '-4 years'), source, reason, recorded_at FROM transitions;" > /dev/null
fi
echo "twice the history: $(sqlite3 "$work/store2.db" 'SELECT count(*) FROM transitions') transitions"
/usr/bin/time -f "report all --format html: %e s wall, %U s user, %M KB peak RSS" \
  "$exe" report all --database "$work/store2.db" --format html --output "$work/report2.html" > /dev/null

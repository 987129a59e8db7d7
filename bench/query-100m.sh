#!/usr/bin/env bash
# Times the two dashboard queries on the store bench/gen-100m.sh made, as the product sends them (the SQL EF Core
# generates for ObservationQueries.SeriesAsync — the CLI `series` and the series API read the same rows — and for
# CrossSectionAsync, which the peer-group comparison and the report card use), each with EXPLAIN ANALYZE, RUNS times
# after one warm-up, and prints every run's planning + execution time and the median.
#
#   bench/query-100m.sh postgresql://postgres@127.0.0.1:5433/bq_gen100m [PEERS]
set -euo pipefail
DB="${1:?libpq URI of the generated store}"
PEERS="${2:-100}"
RUNS="${RUNS:-9}"
COLS="o.id, o.region_code, o.period_year, o.growth_basis, o.growth_percent, o.indicator_code, o.is_current, o.period, o.period_first_month, o.period_last_month, o.qualifier, o.recorded_at, o.recorded_by, o.revision, o.source_column, o.source_kind, o.source_reference, o.source_row, o.superseded_at, o.unit, o.value"
REGION=$(psql "$DB" -Atc "SELECT 100000 + 1234 * 37")
MEMBERS=$(psql "$DB" -Atc "SELECT string_agg((100000 + r * 37)::text, ',') FROM generate_series(1000, 1000 + $PEERS - 1) r")

time_query() { # name, SQL with $1.. parameters, parameter types, values — one session, as a pooled connection is
  local name="$1" sql="$2" types="$3" values="$4" script
  script="PREPARE q($types) AS $sql;"
  for ((i = 0; i <= RUNS; i++)); do
    script+=$'\n'"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE q($values);"$'\n''\echo ---'
  done
  psql "$DB" -qAt -c '' -f <(echo "$script") | python3 -c '
import json, statistics, sys
plans = [json.loads(p)[0] for p in sys.stdin.read().split("---") if p.strip()][1:]  # the first run warms up
ms = [p["Planning Time"] + p["Execution Time"] for p in plans]
print("%s: rows %d; runs ms (planning + execution): %s; median %.2f ms" % (sys.argv[1], plans[0]["Plan"]["Actual Rows"],
      " ".join("%.2f" % t for t in ms), statistics.median(ms)))' "$name"
}

time_query "series (region $REGION, gen_007, 10 years)" \
  "SELECT $COLS FROM observations AS o WHERE o.region_code = \$1 AND o.indicator_code = \$2 AND o.is_current ORDER BY o.period_year, o.period_last_month, o.period_first_month" \
  "integer, character varying" "$REGION, 'gen_007'"
time_query "cross-section ($PEERS peers, gen_007, 2023-Q2)" \
  "SELECT $COLS FROM observations AS o WHERE o.indicator_code = \$1 AND o.period = \$2 AND o.period_year = \$3 AND o.is_current AND o.region_code = ANY (\$4) ORDER BY o.region_code" \
  "character varying, character varying, integer, integer[]" "'gen_007', '2023-Q2', 2023, '{$MEMBERS}'"
time_query "cross-section (all 3,000 regions, gen_007, 2023-Q2)" \
  "SELECT $COLS FROM observations AS o WHERE o.indicator_code = \$1 AND o.period = \$2 AND o.period_year = \$3 AND o.is_current ORDER BY o.region_code" \
  "character varying, character varying, integer" "'gen_007', '2023-Q2', 2023"

#!/usr/bin/env bash
# Issue 22: "the dashboard queries stay within 10 % of main's" after observations were partitioned by period_year on
# PostgreSQL. Measures the report card API, the report card page and the series API on two builds side by side —
# BEFORE (a worktree of main before partitioning, commit 3172652) and AFTER (this tree) — each on its own fresh
# PostgreSQL database holding the same data, then the observation statements those requests issue, in SQL.
#
#   bench/pg-dashboard-side-by-side.sh [BEFORE_TREE] [PG_ADMIN_URI]
#     BEFORE_TREE   default /work/wt/prepart
#     PG_ADMIN_URI  default postgresql://postgres@127.0.0.1:5433/postgres (a shared server: never stopped; the two
#                   databases this script creates are dropped at the end)
#   ROWS=1000000 ROUNDS=4 N=200 WARM=30 RUNS=9 REGION=320612 BUILD=1
#   KEEP=1 TAG=x keeps the databases bq_dash_{before,after}_x; a later run with the same TAG reuses them (no import).
#
# Each side: Release builds of the CLI and the web app; a fresh database filled with that side's own CLI (`init`,
# `regions import ../shared/data/divisions`, `import` of one generated ROWS-row CSV — `Baiqiang.Benchmarks.dll gen` —
# and `sample`), then VACUUM ANALYZE (as autovacuum would leave a settled store); the web app started on it, signed in
# and given a personal API token (as bench/web-bench.sh does). Both apps run at once, idle between measurements.
#
# HTTP: per round and side, sequential requests on one kept-alive curl connection (WARM warm-up, then N timed):
#   dashboard API  /api/dashboard/REGION (no cache in the app: every request runs the card's queries)
#   report card    /?region=REGION (the page; signed in with the cookie)
#   series API     /api/observations/series?region=R&indicator=gdp over N different regions R per round, so every
#                  request misses the app's 10-second series cache and reads the store (both sides get the same R's)
# Rounds alternate the order (A B, B A, A B, …) so both sides see the same machine load; the summary gives each
# round's p50/p95, the median over rounds and the ratio after/before.
#
# SQL: the observation statements of one report card and one series request, as EF Core sends them (captured in the
# server's log through a connection string with "Options=-c log_min_duration_statement=0", parameters filled in; the
# card's other statements read tables partitioning did not touch), run RUNS times after one warm-up with
# EXPLAIN (ANALYZE, BUFFERS) in one session per database (as a pooled connection), sides alternating in two passes;
# median planning + execution time and the relations each plan reads (partition pruning shows as the year partitions).
set -euo pipefail
cd "$(dirname "$0")/.."
AFTER_TREE="$(pwd)"
BEFORE_TREE="$(cd "${1:-/work/wt/prepart}" && pwd)"
PG="${2:-postgresql://postgres@127.0.0.1:5433/postgres}"
ROWS="${ROWS:-1000000}"
ROUNDS="${ROUNDS:-4}"
N="${N:-200}"
WARM="${WARM:-30}"
RUNS="${RUNS:-9}"
REGION="${REGION:-320612}"
WORK="${WORK:-$(mktemp -d /tmp/baiqiang-pg-dash.XXXXXX)}"
mkdir -p "$WORK"
PG_HOST=$(echo "$PG" | sed -E 's#.*@([^:/]+).*#\1#')
PG_PORT=$(echo "$PG" | sed -E 's#.*:([0-9]+)/.*#\1#')
SIDES=(before after)
declare -A TREE=([before]="$BEFORE_TREE" [after]="$AFTER_TREE")
declare -A PORT=([before]="${PORT_BEFORE:-5191}" [after]="${PORT_AFTER:-5192}")
TAG="${TAG:-$$}"
declare -A DBNAME=([before]="bq_dash_before_$TAG" [after]="bq_dash_after_$TAG")
declare -A WEBPID=()
declare -A TOKEN=()
declare -A COOKIE=()
PASS="Bench-Admin-Pass-1"
echo "before: $BEFORE_TREE ($(git -C "$BEFORE_TREE" rev-parse --short HEAD)); after: $AFTER_TREE ($(git -C "$AFTER_TREE" rev-parse --short HEAD)); work: $WORK"

cleanup() {
  for s in "${SIDES[@]}"; do
    if [ -n "${WEBPID[$s]:-}" ]; then kill "${WEBPID[$s]}" 2>/dev/null || true; fi
  done
  sleep 1
  if [ "${KEEP:-0}" != 1 ]; then
    for s in "${SIDES[@]}"; do psql "$PG" -qc "DROP DATABASE IF EXISTS ${DBNAME[$s]} WITH (FORCE)" >/dev/null 2>&1 || true; done
  fi
}
trap cleanup EXIT

if [ "${BUILD:-1}" = 1 ]; then
  for s in "${SIDES[@]}"; do
    dotnet build -c Release "${TREE[$s]}/src/Baiqiang.Cli" -v q -nologo >/dev/null
    dotnet build -c Release "${TREE[$s]}/src/Baiqiang.Web" -v q -nologo >/dev/null
  done
  dotnet build -c Release bench/Baiqiang.Benchmarks -v q -nologo >/dev/null
fi
CSV="$WORK/obs.csv"
[ -f "$CSV" ] || dotnet bench/Baiqiang.Benchmarks/bin/Release/net10.0/Baiqiang.Benchmarks.dll gen "$ROWS" "$CSV"

npg() { echo "Host=$PG_HOST;Port=$PG_PORT;Username=postgres;Database=${DBNAME[$1]}"; }
uri() { echo "${PG%/*}/${DBNAME[$1]}"; }
for s in "${SIDES[@]}"; do
  BQ="${TREE[$s]}/src/Baiqiang.Cli/bin/Release/net10.0/baiqiang"
  if [ "$(psql "$PG" -Atc "SELECT count(*) FROM pg_database WHERE datname = '${DBNAME[$s]}'")" = 1 ]; then
    echo "$s: reusing database ${DBNAME[$s]}: $(psql "$(uri "$s")" -Atc "SELECT count(*) FROM observations") observations"
    continue
  fi
  psql "$PG" -qc "CREATE DATABASE ${DBNAME[$s]}" >/dev/null
  "$BQ" init --db "$(npg "$s")" >/dev/null
  "$BQ" regions import ../shared/data/divisions --db "$(npg "$s")" >/dev/null
  start=$(date +%s.%N)
  "$BQ" import "$CSV" --db "$(npg "$s")" >/dev/null
  echo "$s: import took $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s at load $(cut -d' ' -f1 /proc/loadavg) (the lead's bench/import-1m.sh is the import figure)"
  "$BQ" sample --db "$(npg "$s")" >/dev/null
  psql "$(uri "$s")" -qc "VACUUM (ANALYZE)" >/dev/null
  echo "$s: $(psql "$(uri "$s")" -Atc "SELECT count(*) FROM observations") observations; relations: $(psql "$(uri "$s")" -Atc "SELECT string_agg(relname || CASE WHEN relkind = 'p' THEN ' (partitioned)' ELSE '' END, ', ' ORDER BY relname) FROM pg_class WHERE relname LIKE 'observations%' AND relkind IN ('r', 'p')")"
done

# Both apps, warnings only (the timed requests write no log lines).
for s in "${SIDES[@]}"; do
  (cd "${TREE[$s]}/src/Baiqiang.Web/bin/Release/net10.0" && BAIQIANG_DB="$(npg "$s")" Baiqiang__AdminPassword="$PASS" Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS="http://127.0.0.1:${PORT[$s]}" exec dotnet Baiqiang.Web.dll) >"$WORK/web-$s.log" 2>&1 &
  WEBPID[$s]=$!
done
af() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
for s in "${SIDES[@]}"; do
  URL="http://127.0.0.1:${PORT[$s]}"
  for _ in $(seq 120); do curl -s -o /dev/null "$URL/Auth/Login" && break; sleep 1; done
  JAR="$WORK/cookies-$s"; rm -f "$JAR"
  T=$(curl -s -c "$JAR" -b "$JAR" "$URL/Auth/Login" | af)
  curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode UserName=admin --data-urlencode "Password=$PASS" --data-urlencode "__RequestVerificationToken=$T" "$URL/Auth/Login"
  T=$(curl -s -c "$JAR" -b "$JAR" "$URL/Auth/Tokens" | af)
  TOKEN[$s]=$(curl -s -c "$JAR" -b "$JAR" --data-urlencode Name=bench --data-urlencode "__RequestVerificationToken=$T" "$URL/Auth/Tokens?handler=Create" | grep -o 'bq_[A-Za-z0-9]*' | head -1)
  COOKIE[$s]="Cookie: $(awk '$6=="bq.auth"{print $6"="$7}' "$JAR")"
  [ -n "${TOKEN[$s]}" ] || { echo "$s: no API token (see $WORK/web-$s.log)"; exit 1; }
done
# The same card on both sides, or the comparison means nothing.
for s in "${SIDES[@]}"; do
  curl -s -H "Authorization: Bearer ${TOKEN[$s]}" "http://127.0.0.1:${PORT[$s]}/api/dashboard/$REGION" >"$WORK/card-$s.json"
done
cmp -s "$WORK/card-before.json" "$WORK/card-after.json" || { echo "the two report cards differ: $WORK/card-*.json"; exit 1; }
echo "report card of $REGION: $(wc -c <"$WORK/card-after.json") bytes, identical on both sides"

# Regions with gdp rows, for the series API's cache misses: WARM for warm-up, then N per round.
mapfile -t SERIES_REGIONS < <(psql "$(uri after)" -Atc "SELECT DISTINCT region_code FROM observations WHERE indicator_code = 'gdp' AND is_current ORDER BY 1")
[ "${#SERIES_REGIONS[@]}" -ge $((WARM + ROUNDS * N)) ] || { echo "only ${#SERIES_REGIONS[@]} regions with gdp rows for $((WARM + ROUNDS * N)) series requests"; exit 1; }

# One curl process, one kept-alive connection, requests in order; prints "status seconds" per request.
lat() {
  local url_list=$1; shift
  local args=(); while read -r u; do args+=(-o /dev/null "$u"); done <"$url_list"
  curl -s "$@" -w '%{http_code} %{time_total}\n' "${args[@]}"
}
repeat() { for _ in $(seq "$1"); do echo "$2"; done; }
measure() { # side, round
  local s=$1 r=$2 URL="http://127.0.0.1:${PORT[$1]}" AUTH="Authorization: Bearer ${TOKEN[$1]}"
  repeat "$WARM" "$URL/api/dashboard/$REGION" >"$WORK/u"; lat "$WORK/u" -H "$AUTH" >/dev/null
  repeat "$N" "$URL/api/dashboard/$REGION" >"$WORK/u"; lat "$WORK/u" -H "$AUTH" | sed "s/^/$s $r api /" >>"$WORK/http.txt"
  repeat "$WARM" "$URL/?region=$REGION" >"$WORK/u"; lat "$WORK/u" -H "${COOKIE[$s]}" >/dev/null
  repeat "$N" "$URL/?region=$REGION" >"$WORK/u"; lat "$WORK/u" -H "${COOKIE[$s]}" | sed "s/^/$s $r page /" >>"$WORK/http.txt"
  printf '%s\n' "${SERIES_REGIONS[@]:0:$WARM}" | sed "s#^#$URL/api/observations/series?indicator=gdp\&region=#" >"$WORK/u"; lat "$WORK/u" -H "$AUTH" >/dev/null
  printf '%s\n' "${SERIES_REGIONS[@]:$((WARM + (r - 1) * N)):$N}" | sed "s#^#$URL/api/observations/series?indicator=gdp\&region=#" >"$WORK/u"
  lat "$WORK/u" -H "$AUTH" | sed "s/^/$s $r series /" >>"$WORK/http.txt"
}
: >"$WORK/http.txt"
for r in $(seq "$ROUNDS"); do
  order=(before after); [ $((r % 2)) = 0 ] && order=(after before)
  l0=$(cut -d' ' -f1 /proc/loadavg)
  for s in "${order[@]}"; do measure "$s" "$r"; done
  echo "round $r (${order[*]}): $(date -u +%H:%M:%S) UTC, load $l0 → $(cut -d' ' -f1 /proc/loadavg)"
done
python3 - "$WORK/http.txt" <<'PY'
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
codes = defaultdict(set)
for line in open(sys.argv[1]):
    side, rnd, what, code, secs = line.split()
    runs[(what, side, int(rnd))].append(float(secs) * 1000)
    codes[(what, side)].add(code)
def pct(xs, q):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(len(xs) * q))]
names = {"api": "dashboard API", "page": "report card page", "series": "series API (cache misses)"}
print("%-26s %-6s %-44s %-44s %8s" % ("request", "side", "p50 per round (ms)", "p95 per round (ms)", "median"))
for what in ("api", "page", "series"):
    med = {}
    for side in ("before", "after"):
        rounds = sorted(r for (w, s, r) in runs if w == what and s == side)
        p50 = [pct(runs[(what, side, r)], 0.5) for r in rounds]
        p95 = [pct(runs[(what, side, r)], 0.95) for r in rounds]
        med[side] = (statistics.median(p50), statistics.median(p95))
        print("%-26s %-6s %-44s %-44s %s" % (names[what], side, " ".join("%.1f" % x for x in p50), " ".join("%.1f" % x for x in p95),
              "p50 %.1f / p95 %.1f; status %s" % (med[side][0], med[side][1], ",".join(sorted(codes[(what, side)])))))
    print("%-26s ratio after/before: p50 %.2f, p95 %.2f" % (names[what], med["after"][0] / med["before"][0], med["after"][1] / med["before"][1]))
PY

# --- SQL: the statements behind one report card and one series request.
REGION_PARENT=$(psql "$(uri after)" -Atc "SELECT parent_code FROM regions WHERE code = $REGION ORDER BY valid_to NULLS FIRST LIMIT 1")
MEMBERS=$(psql "$(uri after)" -Atc "SELECT string_agg(region_code::text, ',' ORDER BY region_code) FROM peer_group_members WHERE peer_group_id = 'pref:$REGION_PARENT'")
CARD_PERIOD=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["period"])' "$WORK/card-after.json")
read -r YEAR FIRST LAST < <(psql "$(uri after)" -AtF' ' -c "SELECT period_year, period_first_month, period_last_month FROM observations WHERE region_code = $REGION AND period = '$CARD_PERIOD' LIMIT 1")
echo "SQL parameters: region $REGION, prefecture group pref:$REGION_PARENT ($(echo "$MEMBERS" | tr ',' '\n' | wc -l) members), card period $CARD_PERIOD ($YEAR, months $FIRST–$LAST)"
SERIES_COLS="o.period_year, o.period_first_month, o.period_last_month, o.value, o.unit, o.growth_percent, o.qualifier, o.revision, o.growth_basis, o.current_price_growth_percent"
QUERIES=(
  "card: the region's own rows|SELECT o.indicator_code, o.period_year, o.period_first_month, o.period_last_month, o.value, o.growth_percent, o.growth_basis, o.current_price_growth_percent FROM observations AS o WHERE o.region_code = $REGION AND o.is_current"
  "card: peers' rows of the period|SELECT o.region_code, o.indicator_code, o.growth_percent, o.growth_basis, o.current_price_growth_percent FROM observations AS o WHERE o.is_current AND o.period_year = $YEAR AND o.period_first_month = $FIRST AND o.period_last_month = $LAST AND o.region_code = ANY ('{$MEMBERS}'::integer[])"
  "card: the city's GDP|SELECT o.value FROM observations AS o WHERE o.region_code = $REGION_PARENT AND o.indicator_code = 'gdp' AND o.is_current AND o.period_year = $YEAR AND o.period_first_month = $FIRST AND o.period_last_month = $LAST LIMIT 1"
  "series API: one region's gdp|SELECT $SERIES_COLS FROM observations AS o WHERE o.region_code = $REGION AND o.indicator_code = 'gdp' AND o.is_current ORDER BY o.period_year, o.period_last_month, o.period_first_month"
)
: >"$WORK/sql.txt"
for q in "${QUERIES[@]}"; do
  name="${q%%|*}" sql="${q#*|}"
  for pass in 1 2; do # before, after, then after, before: the same minutes for both
    order=(before after); [ "$pass" = 2 ] && order=(after before)
    for s in "${order[@]}"; do
      # Not PREPAREd: Npgsql sends EF Core's commands as unnamed statements, planned again on every execution.
      script=""
      for ((i = 0; i <= RUNS; i++)); do script+="EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) $sql;"$'\n''\echo ---'$'\n'; done
      psql "$(uri "$s")" -qAt -f <(echo "$script") | python3 -c '
import json, sys
plans = [json.loads(p)[0] for p in sys.stdin.read().split("---") if p.strip()][1:]  # the first run warms up
def rels(node, out):
    if "Relation Name" in node: out.add(node["Relation Name"])
    for c in node.get("Plans", []): rels(c, out)
    return out
scanned = set()
for p in plans: rels(p["Plan"], scanned)
for p in plans:
    print("%s\t%s\t%.3f\t%.3f\t%d\t%d\t%s" % (sys.argv[1], sys.argv[2], p["Planning Time"], p["Execution Time"], p["Plan"]["Actual Rows"],
          p["Plan"].get("Shared Hit Blocks", 0) + p["Plan"].get("Shared Read Blocks", 0), " ".join(sorted(scanned))))' "$name" "$s" >>"$WORK/sql.txt"
    done
  done
  psql "$(uri after)" -qAt -c "EXPLAIN (COSTS OFF) $sql" >"$WORK/plan-after-$(echo "$name" | tr -c 'a-z' _).txt"
  psql "$(uri before)" -qAt -c "EXPLAIN (COSTS OFF) $sql" >"$WORK/plan-before-$(echo "$name" | tr -c 'a-z' _).txt"
done
python3 - "$WORK/sql.txt" "$RUNS" <<'PY'
import statistics, sys
from collections import defaultdict
t = defaultdict(list); plan = defaultdict(list); info = {}
for line in open(sys.argv[1]):
    name, side, pl, ex, rows, blocks, rels = line.rstrip("\n").split("\t")
    t[(name, side)].append(float(pl) + float(ex)); plan[(name, side)].append(float(pl)); info[(name, side)] = (int(rows), int(blocks), rels)
print("SQL: EXPLAIN (ANALYZE, BUFFERS), %d runs per side in two alternating passes; median planning + execution (median planning)" % (2 * int(sys.argv[2])))
for name in dict.fromkeys(n for (n, _) in t):
    b, a = statistics.median(t[(name, "before")]), statistics.median(t[(name, "after")])
    print("%-34s before %7.3f ms (plan %.3f)  after %7.3f ms (plan %.3f)  ratio %.2f  rows %d, blocks %d → %d" % (
        name, b, statistics.median(plan[(name, "before")]), a, statistics.median(plan[(name, "after")]), a / b,
        info[(name, "after")][0], info[(name, "before")][1], info[(name, "after")][1]))
    print("%-34s   reads before: %s" % ("", info[(name, "before")][2]))
    print("%-34s   reads after:  %s" % ("", info[(name, "after")][2]))
PY
echo "plans: $WORK/plan-*.txt; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M') UTC"

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
#   AFTER_CS_EXTRA="Max Auto Prepare=0" appends to the AFTER app's connection string (e.g. to switch its automatic
#   statement preparation off and see the tree without it).
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
# Then the same statements PREPAREd as Npgsql's automatic preparation sends them (named, parameters bound; the series
# and the card's own rows over a different region each execution, as cache misses are), EXPLAIN (ANALYZE, BUFFERS)
# EXECUTE, the first 10 executions dropped (Npgsql prepares after 5 uses, PostgreSQL tries 5 custom plans before it
# settles on the generic one): what a pooled connection of an app with "Max Auto Prepare" experiences.
#
# CPU: around each timed HTTP batch, the web app's process CPU (user + sys from /proc) and that of its database's
# server backends (pg_stat_activity's pids for the database, /proc/<pid>/stat; a backend that appears during the batch
# counts whole), divided by the requests: CPU per request, which the machine's load does not inflate as it does wall time.
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
app_cs() { if [ "$1" = after ] && [ -n "${AFTER_CS_EXTRA:-}" ]; then echo "$(npg "$1");$AFTER_CS_EXTRA"; else npg "$1"; fi; }
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
  (cd "${TREE[$s]}/src/Baiqiang.Web/bin/Release/net10.0" && BAIQIANG_DB="$(app_cs "$s")" Baiqiang__AdminPassword="$PASS" Logging__LogLevel__Default=Warning \
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
# The same series JSON on both sides, for CMP regions the timed requests do not ask (the list's tail); a region whose
# stored rows differ between the two databases (the two trees' samples need not match) is named, not an error.
CMP="${CMP:-200}"
same=0; differ=()
for r in "${SERIES_REGIONS[@]: -$CMP}"; do
  for s in "${SIDES[@]}"; do
    curl -s -o "$WORK/series-$s.json" -b "$WORK/cookies-$s" "http://127.0.0.1:${PORT[$s]}/api/observations/series?indicator=gdp&region=$r"
  done
  if cmp -s "$WORK/series-before.json" "$WORK/series-after.json"; then same=$((same + 1)); else
    rows=$(for s in "${SIDES[@]}"; do psql "$(uri "$s")" -Atc "SELECT count(*) FROM observations WHERE region_code = $r AND indicator_code = 'gdp' AND is_current"; done | paste -sd/)
    differ+=("$r (stored rows before/after $rows)")
  fi
done
echo "series JSON of $CMP regions: $same identical; ${#differ[@]} differ${differ:+: ${differ[*]}}"

# One curl process, one kept-alive connection, requests in order; prints "status seconds" per request.
lat() {
  local url_list=$1; shift
  local args=(); while read -r u; do args+=(-o /dev/null "$u"); done <"$url_list"
  curl -s "$@" -w '%{http_code} %{time_total}\n' "${args[@]}"
}
repeat() { for _ in $(seq "$1"); do echo "$2"; done; }
# "pid ticks" for the web app of side $1 and each server backend of its database (ticks of 1/CLK_TCK s, user + sys).
cpu_sample() {
  local s=$1 p
  echo "web $(awk '{print $14 + $15}' "/proc/${WEBPID[$s]}/stat")"
  for p in $(psql "$PG" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '${DBNAME[$s]}'"); do
    [ -r "/proc/$p/stat" ] && echo "$p $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')"
  done
}
# CPU per request of the batch between two samples: "web_ms db_ms".
cpu_delta() { # before-file after-file requests
  python3 - "$1" "$2" "$3" "$(getconf CLK_TCK)" <<'PYCPU'
import sys
a = dict(l.split() for l in open(sys.argv[1]) if l.strip()); b = dict(l.split() for l in open(sys.argv[2]) if l.strip())
n, tick = int(sys.argv[3]), 1000.0 / int(sys.argv[4])
web = (int(b["web"]) - int(a["web"])) * tick / n
db = sum(int(v) - int(a.get(k, 0)) for k, v in b.items() if k != "web") * tick / n
print("%.3f %.3f" % (web, db))
PYCPU
}
timed() { # side round what url-file header...: the batch, its latencies to http.txt, its CPU per request to cpu.txt
  local s=$1 r=$2 what=$3 list=$4; shift 4
  cpu_sample "$s" >"$WORK/cpu0"
  lat "$list" "$@" | sed "s/^/$s $r $what /" >>"$WORK/http.txt"
  cpu_sample "$s" >"$WORK/cpu1"
  echo "$s $r $what $(cpu_delta "$WORK/cpu0" "$WORK/cpu1" "$(wc -l <"$list")")" >>"$WORK/cpu.txt"
}
measure() { # side, round
  local s=$1 r=$2 URL="http://127.0.0.1:${PORT[$1]}" AUTH="Authorization: Bearer ${TOKEN[$1]}"
  repeat "$WARM" "$URL/api/dashboard/$REGION" >"$WORK/u"; lat "$WORK/u" -H "$AUTH" >/dev/null
  repeat "$N" "$URL/api/dashboard/$REGION" >"$WORK/u"; timed "$s" "$r" api "$WORK/u" -H "$AUTH"
  repeat "$WARM" "$URL/?region=$REGION" >"$WORK/u"; lat "$WORK/u" -H "${COOKIE[$s]}" >/dev/null
  repeat "$N" "$URL/?region=$REGION" >"$WORK/u"; timed "$s" "$r" page "$WORK/u" -H "${COOKIE[$s]}"
  printf '%s\n' "${SERIES_REGIONS[@]:0:$WARM}" | sed "s#^#$URL/api/observations/series?indicator=gdp\&region=#" >"$WORK/u"; lat "$WORK/u" -H "$AUTH" >/dev/null
  printf '%s\n' "${SERIES_REGIONS[@]:$((WARM + (r - 1) * N)):$N}" | sed "s#^#$URL/api/observations/series?indicator=gdp\&region=#" >"$WORK/u"
  timed "$s" "$r" series "$WORK/u" -H "$AUTH"
}
: >"$WORK/http.txt"; : >"$WORK/cpu.txt"
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
python3 - "$WORK/cpu.txt" <<'PY'
import statistics, sys
from collections import defaultdict
cpu = defaultdict(list)
for line in open(sys.argv[1]):
    side, rnd, what, web, db = line.split()
    cpu[(what, side)].append((float(web), float(db)))
names = {"api": "dashboard API", "page": "report card page", "series": "series API (cache misses)"}
print("CPU per request (ms, user + sys): web app + its database backends, per round; median of the rounds' sums")
for what in ("api", "page", "series"):
    med = {}
    for side in ("before", "after"):
        xs = cpu[(what, side)]
        med[side] = statistics.median(w + d for w, d in xs)
        print("%-26s %-6s %s  median %.3f (web %.3f, db %.3f)" % (names[what], side, " ".join("%.2f+%.2f" % x for x in xs), med[side],
              statistics.median(w for w, _ in xs), statistics.median(d for _, d in xs)))
    print("%-26s ratio after/before: %.2f" % (names[what], med["after"] / med["before"]))
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

# --- The same statements prepared, as Npgsql's automatic preparation sends them (parameters bound, not inlined).
PREPARED=(
  "card: the region's own rows|integer|SELECT o.indicator_code, o.period_year, o.period_first_month, o.period_last_month, o.value, o.growth_percent, o.growth_basis, o.current_price_growth_percent FROM observations AS o WHERE o.region_code = \$1 AND o.is_current|$REGION"
  "card: peers' rows of the period|integer, integer, integer, integer[]|SELECT o.region_code, o.indicator_code, o.growth_percent, o.growth_basis, o.current_price_growth_percent FROM observations AS o WHERE o.is_current AND o.period_year = \$1 AND o.period_first_month = \$2 AND o.period_last_month = \$3 AND o.region_code = ANY (\$4)|$YEAR, $FIRST, $LAST, '{$MEMBERS}'"
  "card: the city's GDP|integer, text, integer, integer, integer|SELECT o.value FROM observations AS o WHERE o.region_code = \$1 AND o.indicator_code = \$2 AND o.is_current AND o.period_year = \$3 AND o.period_first_month = \$4 AND o.period_last_month = \$5 LIMIT 1|$REGION_PARENT, 'gdp', $YEAR, $FIRST, $LAST"
  "series API: one region's gdp|integer, text|SELECT $SERIES_COLS FROM observations AS o WHERE o.region_code = \$1 AND o.indicator_code = \$2 AND o.is_current ORDER BY o.period_year, o.period_last_month, o.period_first_month|@R, 'gdp'"
)
SKIP=10
: >"$WORK/sql-prepared.txt"
for q in "${PREPARED[@]}"; do
  IFS='|' read -r name types sql args <<<"$q"
  for pass in 1 2; do
    order=(before after); [ "$pass" = 2 ] && order=(after before)
    for s in "${order[@]}"; do
      script="PREPARE q($types) AS $sql;"$'\n'
      for ((i = 0; i < SKIP + RUNS; i++)); do
        script+="EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE q(${args//@R/${SERIES_REGIONS[$(((pass - 1) * (SKIP + RUNS) + i))]}});"$'\n''\echo ---'$'\n'
      done
      script+="SELECT 'cache ' || generic_plans || ' ' || custom_plans FROM pg_prepared_statements WHERE name = 'q';"$'\n'
      psql "$(uri "$s")" -qAt -f <(echo "$script") | python3 -c '
import json, sys
text = sys.stdin.read()
parts = text.split("---")
cache = parts[-1].split()
plans = [json.loads(p)[0] for p in parts[:-1] if p.strip()][int(sys.argv[3]):]  # Npgsql: 5 unprepared uses; PostgreSQL: 5 custom plans
def rels(node, out):
    if "Relation Name" in node: out.add(node["Relation Name"])
    for c in node.get("Plans", []): rels(c, out)
    return out
scanned = set()
for p in plans: rels(p["Plan"], scanned)
for p in plans:
    print("%s\t%s\t%.3f\t%.3f\t%d\t%d\t%s\t%s/%s" % (sys.argv[1], sys.argv[2], p["Planning Time"], p["Execution Time"], p["Plan"]["Actual Rows"],
          p["Plan"].get("Shared Hit Blocks", 0) + p["Plan"].get("Shared Read Blocks", 0), " ".join(sorted(scanned)), cache[1], cache[2]))' "$name" "$s" "$SKIP" >>"$WORK/sql-prepared.txt"
    done
  done
done
python3 - "$WORK/sql.txt" "$WORK/sql-prepared.txt" "$RUNS" <<'PY'
import statistics, sys
from collections import defaultdict
t = defaultdict(list); plan = defaultdict(list); info = {}
for mode, f in (("unprepared", sys.argv[1]), ("prepared", sys.argv[2])):
    for line in open(f):
        name, side, pl, ex, rows, blocks, rels, *cache = line.rstrip("\n").split("\t")
        t[(name, side, mode)].append(float(pl) + float(ex)); plan[(name, side, mode)].append(float(pl))
        info[(name, side, mode)] = (rels, cache[0] if cache else "")
print("SQL prepared (EXPLAIN (ANALYZE, BUFFERS) EXECUTE, %d runs per side after %s dropped, two alternating passes; the series over a"
      " different region each run): median planning + execution (median planning); generic/custom plans of the session at its end" % (2 * int(sys.argv[3]), 10))
for name in dict.fromkeys(n for (n, _, m) in t if m == "prepared"):
    row = []
    for side in ("before", "after"):
        for mode in ("unprepared", "prepared"):
            k = (name, side, mode)
            row.append("%s %s %.3f (plan %.3f)%s" % (side, mode, statistics.median(t[k]), statistics.median(plan[k]),
                       " [generic/custom %s]" % info[k][1] if info[k][1] else ""))
    print(name)
    for r in row: print("    " + r)
    print("    as each app sends it (before unprepared → after prepared): ratio %.2f; after prepared reads: %s" % (
        statistics.median(t[(name, "after", "prepared")]) / statistics.median(t[(name, "before", "unprepared")]), info[(name, "after", "prepared")][0]))
PY
echo "plans: $WORK/plan-*.txt; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M') UTC"

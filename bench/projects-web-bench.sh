#!/usr/bin/env bash
# Key-project pages (issue 7 / 3): latency of the ledger page and API, the project page and the monthly form over the
# sample store (江阳区 12 projects × 6 months, 安义 6 × 5), from loopback. Timed runs, not BenchmarkDotNet: this is the
# whole request through Kestrel, auth, EF and Razor.
#
#   bench/projects-web-bench.sh [N]     # N sequential requests per URL after N/10 warm-up (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-200}"
WORK="${WORK:-$(mktemp -d /tmp/baiqiang-projects-bench.XXXXXX)}"
PORT="${PORT:-5098}"
URL="http://127.0.0.1:$PORT"

dotnet build -c Release src/Baiqiang.Web -v q -nologo >/dev/null
DB="$WORK/web.db"
PASS="Bench-Admin-Pass-1"
(cd src/Baiqiang.Web/bin/Release/net10.0 && BAIQIANG_DB="$DB" Baiqiang__AdminPassword="$PASS" Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="$URL" exec dotnet Baiqiang.Web.dll) >"$WORK/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -s -o /dev/null "$URL/Auth/Login" && break; sleep 1; done

JAR="$WORK/cookies"; rm -f "$JAR"
af() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$URL/Auth/Login" | af)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode UserName=admin --data-urlencode "Password=$PASS" --data-urlencode "__RequestVerificationToken=$T" "$URL/Auth/Login"
COOKIE="Cookie: $(awk '$6=="bq.auth"{print $6"="$7}' "$JAR")"

lat() {
  local n=$1 url=$2; shift 2
  local urls=(); for _ in $(seq "$n"); do urls+=(-o /dev/null "$url"); done
  curl -s "$@" -w '%{http_code} %{time_total}\n' "${urls[@]}"
}
pct() { awk '{print $2*1000}' | sort -n | awk '{a[NR]=$1} END {printf "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms\n", NR, a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)], a[NR]}'; }
echo "uptime: $(uptime)"
for path in "/Projects?period=2022-01..06&by=region" "/Projects?period=2022-01..06&by=project" "/api/projects/ledger?period=2022-01..06&by=leader" \
            "/Projects/Project/JY-S08" "/Projects/Form?region=510502&month=2022-07" "/Projects/Warnings?period=2022-01..06"; do
  lat $((N / 10)) "$URL$path" -H "$COOKIE" >/dev/null
  lat "$N" "$URL$path" -H "$COOKIE" >"$WORK/lat"
  echo "$path: $(pct <"$WORK/lat") status: $(awk '{print $1}' "$WORK/lat" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
done
echo "uptime: $(uptime)"

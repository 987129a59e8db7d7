#!/usr/bin/env bash
# End-to-end import benchmark (issue: 1,000,000 observation rows from CSV into SQLite < 20 s and PostgreSQL < 15 s,
# within 3x of `sqlite3 .import` and 1.5x of `psql \copy` on the same file).
#
#   bench/import-1m.sh [ROWS] [PG_ADMIN_CONNINFO]
#
# PG_ADMIN_CONNINFO is a libpq URI for psql, e.g. postgresql://postgres@127.0.0.1:5433/postgres; omit it to skip PostgreSQL.
# Each timing is a fresh process on an empty observations table (regions and catalogue already loaded), as a user would run it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
PG="${2:-}"
RUNS="${RUNS:-3}"
WORK="$(mktemp -d /tmp/baiqiang-import-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
TIMEFORMAT=%R

dotnet build -c Release bench/Baiqiang.Benchmarks -v q -nologo >/dev/null
# The command as a user installs it: published for this machine with ReadyToRun (README). R2R=0 times the plain build.
if [ "${R2R:-1}" = 1 ]; then
  dotnet publish src/Baiqiang.Cli -c Release -r linux-x64 -o "$WORK/cli" -v q -nologo >/dev/null
  BQ="$WORK/cli/baiqiang"
else
  dotnet build -c Release src/Baiqiang.Cli -v q -nologo >/dev/null
  BQ=src/Baiqiang.Cli/bin/Release/net10.0/baiqiang
fi
CSV="$WORK/obs.csv"
dotnet bench/Baiqiang.Benchmarks/bin/Release/net10.0/Baiqiang.Benchmarks.dll gen "$ROWS" "$CSV"
echo "file: $(du -h "$CSV" | cut -f1), $(($(wc -l <"$CSV") - 1)) rows"

# SQLite: a template store with the catalogue and all regions, copied fresh for each run.
"$BQ" init --db "$WORK/template.db" >/dev/null
"$BQ" regions import ../shared/data/divisions --db "$WORK/template.db" >/dev/null
sqlite3 "$WORK/template.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
for i in $(seq "$RUNS"); do
  cp "$WORK/template.db" "$WORK/run.db"; rm -f "$WORK/run.db-wal" "$WORK/run.db-shm"
  t=$( { time "$BQ" import "$CSV" --db "$WORK/run.db" >/dev/null; } 2>&1 )
  echo "sqlite baiqiang import run $i: ${t}s"
done
for i in $(seq "$RUNS"); do
  rm -f "$WORK/plain.db"
  sqlite3 "$WORK/plain.db" "CREATE TABLE obs(region INTEGER, indicator TEXT, period TEXT, value TEXT, unit TEXT, growth TEXT);"
  t=$( { time sqlite3 "$WORK/plain.db" ".import --csv --skip 1 $CSV obs"; } 2>&1 )
  echo "sqlite3 .import run $i: ${t}s"
done

if [ -n "$PG" ]; then
  DB="bq_bench_$$"
  psql "$PG" -qc "CREATE DATABASE $DB" >/dev/null
  PGDB="${PG%/*}/$DB"
  NPG="Host=$(echo "$PG" | sed -E 's#.*@([^:/]+).*#\1#');Port=$(echo "$PG" | sed -E 's#.*:([0-9]+)/.*#\1#');Username=postgres;Database=$DB"
  "$BQ" init --db "$NPG" >/dev/null
  "$BQ" regions import ../shared/data/divisions --db "$NPG" >/dev/null
  for i in $(seq "$RUNS"); do
    psql "$PGDB" -qc "TRUNCATE observations; DELETE FROM audit_entries;" >/dev/null
    t=$( { time "$BQ" import "$CSV" --db "$NPG" >/dev/null; } 2>&1 )
    echo "postgres baiqiang import run $i: ${t}s"
  done
  psql "$PGDB" -qc "CREATE TABLE plain_obs(region int, indicator varchar(64), period varchar(16), value numeric(28,8), unit varchar(20), growth numeric(28,8))" >/dev/null
  for i in $(seq "$RUNS"); do
    psql "$PGDB" -qc "TRUNCATE plain_obs" >/dev/null
    t=$( { time psql "$PGDB" -qc "\\copy plain_obs FROM '$CSV' WITH (FORMAT csv, HEADER true)" >/dev/null; } 2>&1 )
    echo "psql \\copy run $i: ${t}s"
  done
  psql "$PG" -qc "DROP DATABASE $DB WITH (FORCE)" >/dev/null
fi

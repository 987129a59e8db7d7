#!/usr/bin/env bash
# End-to-end import benchmark (issue: 1,000,000 observation rows from CSV into SQLite < 20 s and PostgreSQL < 15 s,
# within 3x of `sqlite3 .import` and 1.5x of `psql \copy` on the same file).
#
#   bench/import-1m.sh [ROWS] [PG_ADMIN_CONNINFO]
#
# PG_ADMIN_CONNINFO is a libpq URI for psql, e.g. postgresql://postgres@127.0.0.1:5433/postgres; omit it to skip PostgreSQL.
# Each timing is a fresh process on an empty observations table (regions and catalogue already loaded), as a user would run it.
#
# The raw loaders are timed twice: into a plain 6-column table (the loader's own best case), and "same shape": the same
# tool loads the same file into the store's own observations table with its three indexes, as a raw SQL script would
# (staging table, INSERT … SELECT deriving the period's year and months, indexes dropped and rebuilt in the same
# transaction) — no validation, no unit conversion, no duplicate or revision checks. The second is what Baiqiang's
# import stores, so its ratio measures the import's own overhead.
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
# Same shape: the store's observations table and indexes, filled by sqlite3 alone.
IDX_SQLITE=$(sqlite3 "$WORK/template.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL")
DROP_SQLITE=$(sqlite3 "$WORK/template.db" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL")
PERIOD_COLS="period_year, period_first_month, period_last_month"
FIRST_M="CASE WHEN length(period) = 4 THEN 1 WHEN instr(period, 'Q') > 0 THEN 3 * CAST(substr(period, 7, 1) AS INTEGER) - 2 ELSE CAST(substr(period, 6, 2) AS INTEGER) END"
LAST_M="CASE WHEN length(period) = 4 THEN 12 WHEN instr(period, 'Q') > 0 THEN 3 * CAST(substr(period, 7, 1) AS INTEGER) WHEN length(period) = 7 THEN CAST(substr(period, 6, 2) AS INTEGER) ELSE CAST(substr(period, 10, 2) AS INTEGER) END"
COLS="region_code, indicator_code, period, $PERIOD_COLS, value, unit, growth_percent, qualifier, source_kind, source_reference, source_row, source_column, revision, is_current, recorded_at, recorded_by"
cat >"$WORK/sqlite-shape.sql" <<SQL
PRAGMA synchronous=OFF;
BEGIN;
CREATE TEMP TABLE staging(region INTEGER, indicator TEXT, period TEXT, value TEXT, unit TEXT, growth TEXT);
.import --csv --skip 1 --schema temp $CSV staging
$DROP_SQLITE
INSERT INTO observations($COLS)
SELECT region, indicator, period, CAST(substr(period, 1, 4) AS INTEGER), $FIRST_M, $LAST_M,
  value, unit, NULLIF(growth, ''), 0, 2, 'obs.csv', rowid + 1, NULL, 1, 1, '2026-12-03 00:00:00+00:00', 'bench' FROM temp.staging;
$IDX_SQLITE
COMMIT;
SQL
for i in $(seq "$RUNS"); do
  cp "$WORK/template.db" "$WORK/raw.db"; rm -f "$WORK/raw.db-wal" "$WORK/raw.db-shm"
  t=$( { time sqlite3 "$WORK/raw.db" <"$WORK/sqlite-shape.sql"; } 2>&1 )
  echo "sqlite3 same shape run $i: ${t}s"
done
echo "rows (baiqiang, sqlite3 same shape): $(sqlite3 "$WORK/run.db" 'SELECT count(*) FROM observations'), $(sqlite3 "$WORK/raw.db" 'SELECT count(*) FROM observations')"

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
  # Same shape: the store's observations table and indexes, filled by psql alone in one transaction.
  IDX_PG=$(psql "$PGDB" -Atc "SELECT replace(indexdef, ' ON ONLY ', ' ON ') || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'observations' AND indexname <> 'pk_observations'")
  DROP_PG=$(psql "$PGDB" -Atc "SELECT 'DROP INDEX ' || indexname || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'observations' AND indexname <> 'pk_observations'")
  cat >"$WORK/pg-shape.sql" <<SQL
SET LOCAL synchronous_commit = off;
SET LOCAL maintenance_work_mem = '512MB';
CREATE TEMP TABLE staging(region int, indicator varchar(64), period varchar(16), value numeric(28,8), unit varchar(20), growth numeric(28,8)) ON COMMIT DROP;
\\copy staging FROM '$CSV' WITH (FORMAT csv, HEADER true)
$DROP_PG
INSERT INTO observations($COLS)
SELECT region, indicator, period, CAST(substr(period, 1, 4) AS INTEGER), ${FIRST_M//instr/strpos}, ${LAST_M//instr/strpos},
  value, unit, growth, 0, 2, 'obs.csv', row_number() OVER () + 1, NULL, 1, true, now(), 'bench' FROM staging;
$IDX_PG
SQL
  for i in $(seq "$RUNS"); do
    psql "$PGDB" -qc "TRUNCATE observations" >/dev/null
    t=$( { time psql "$PGDB" -q -1 -v ON_ERROR_STOP=1 -f "$WORK/pg-shape.sql" >/dev/null; } 2>&1 )
    echo "psql same shape run $i: ${t}s"
  done
  echo "rows (psql same shape): $(psql "$PGDB" -Atc 'SELECT count(*) FROM observations')"
  psql "$PG" -qc "DROP DATABASE $DB WITH (FORCE)" >/dev/null
fi

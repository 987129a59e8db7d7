#!/usr/bin/env bash
# Synthetic partitioned PostgreSQL store for issue 22's scale figures (docs/benchmarks.md):
#   REGIONS × INDICATORS × YEARS × 27 periods a year (the year, 12 months, 10 cumulative 1–n months, 4 quarters) rows,
#   3,000 × 124 × 10 × 27 = 100,440,000 by default, all current revision 1, in a store migrated by `baiqiang init`
#   (so the schema is the product's: partitioned by period_year, its keys and indexes).
#
#   BQ=path/to/baiqiang bench/gen-100m.sh PG_ADMIN_CONNINFO [DBNAME]
#   e.g. BQ=src/Baiqiang.Cli/bin/Debug/net10.0/baiqiang bench/gen-100m.sh postgresql://postgres@127.0.0.1:5433/postgres
#
# Fastest load: each year's partition is filled server-side by one INSERT … SELECT over generate_series, with the primary
# key and indexes dropped first and built once after the load. The rows lie as PostgreSQL's plan for the cross join
# produced them (measured: region by region, indicator by indicator, the periods of a year together), so one region's
# series reads a few heap pages per year and a peer cross-section one page per region. The year
# partitions are made UNLOGGED for the load (no WAL; a crash loses the synthetic store) — this changes nothing for the
# read timings. Drop the database when done: psql … -c "DROP DATABASE bq_gen100m WITH (FORCE)".
set -euo pipefail
PG="${1:?PostgreSQL admin URI, e.g. postgresql://postgres@127.0.0.1:5433/postgres}"
DB="${2:-bq_gen100m}"
REGIONS="${REGIONS:-3000}"
INDICATORS="${INDICATORS:-124}"
FIRST_YEAR="${FIRST_YEAR:-2015}"
YEARS="${YEARS:-10}"
BQ="${BQ:-baiqiang}"
PGDB="${PG%/*}/$DB"
HOST=$(echo "$PG" | sed -E 's#.*@([^:/]+).*#\1#')
PORT=$(echo "$PG" | sed -E 's#.*:([0-9]+)/.*#\1#')
NPG="Host=$HOST;Port=$PORT;Username=postgres;Database=$DB"
ts() { date -u +%H:%M:%S; }

psql "$PG" -qc "CREATE DATABASE $DB"
"$BQ" init --db "$NPG" >/dev/null
echo "$(ts) store migrated"

# Keys and indexes exactly as the migrations made them, rebuilt after the load.
IDX=$(psql "$PGDB" -Atc "SELECT replace(indexdef, ' ON ONLY ', ' ON ') || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'observations' AND indexname <> 'pk_observations'")
DROP=$(psql "$PGDB" -Atc "SELECT 'DROP INDEX ' || indexname || ';' FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'observations' AND indexname <> 'pk_observations'")
PK=$(psql "$PGDB" -Atc "SELECT 'ALTER TABLE observations ADD CONSTRAINT pk_observations ' || pg_get_constraintdef(oid) || ';' FROM pg_constraint WHERE conname = 'pk_observations'")
psql "$PGDB" -q -v ON_ERROR_STOP=1 -c "ALTER TABLE observations DROP CONSTRAINT pk_observations; $DROP"

for ((y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++)); do
  psql "$PGDB" -q -v ON_ERROR_STOP=1 <<SQL
SELECT baiqiang_observation_partition($y);
ALTER TABLE observations_y$y SET UNLOGGED;
INSERT INTO observations_y$y (id, region_code, indicator_code, period, period_year, period_first_month, period_last_month, value, unit,
  growth_percent, qualifier, source_kind, source_reference, source_row, source_column, growth_basis, revision, is_current,
  recorded_at, recorded_by, superseded_at)
WITH periods(k, suffix, fm, lm) AS (
  SELECT 1, '', 1, 12
  UNION ALL SELECT 1 + m, '-' || lpad(m::text, 2, '0'), m, m FROM generate_series(1, 12) m
  UNION ALL SELECT 12 + n, '-01..' || lpad(n::text, 2, '0'), 1, n FROM generate_series(2, 11) n
  UNION ALL SELECT 23 + q, '-Q' || q, 3 * q - 2, 3 * q FROM generate_series(1, 4) q)
SELECT ($y - $FIRST_YEAR)::bigint * $REGIONS * $INDICATORS * 27 + ((p.k - 1) * $INDICATORS + (i - 1)) * $REGIONS + r,
  100000 + r * 37, 'gen_' || lpad(i::text, 3, '0'), '$y' || p.suffix, $y, p.fm, p.lm,
  ((r * 7919 + i * 104729 + $y * 31 + p.k * 17) % 1000000) / 100.0, '亿元',
  ((r * 31 + i * 17 + p.k) % 200 - 50) / 10.0, 0, 0, 'gen-100m.sh', NULL, NULL, NULL, 1, true,
  '2026-12-07T00:00:00Z', 'gen', NULL
FROM periods p CROSS JOIN generate_series(1, $INDICATORS) i CROSS JOIN generate_series(1, $REGIONS) r;
SQL
  echo "$(ts) year $y loaded; database $(psql "$PGDB" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
done

psql "$PGDB" -q -v ON_ERROR_STOP=1 <<SQL
SET maintenance_work_mem = '1GB';
$PK
$IDX
SELECT setval(pg_get_serial_sequence('observations', 'id'), (SELECT max(id) FROM observations));
ANALYZE observations;
SQL
echo "$(ts) indexes built"
echo "rows: $(psql "$PGDB" -Atc 'SELECT count(*) FROM observations')"
echo "size: $(psql "$PGDB" -Atc 'SELECT pg_size_pretty(pg_database_size(current_database()))')"

#!/usr/bin/env bash
# A/B whole-process import timing: the same 1,000,000-row file imported by two builds of the CLI, alternated round by
# round, into SQLite and PostgreSQL, so both see the same machine load (issues 16 and 22: "within 5 % / 10 % of before").
#
#   bench/import-ab.sh BEFORE_TREE AFTER_TREE [PG_ADMIN_URI]      # ROUNDS=4, ROWS=1000000
#
# BEFORE_TREE / AFTER_TREE are checkouts (e.g. `git worktree add /tmp/before <commit>`); each CLI is published as the
# README installs it (ReadyToRun). PG_ADMIN_URI, e.g. postgresql://postgres@127.0.0.1:5433/postgres, adds PostgreSQL; each
# side gets its own scratch database (dropped at the end). Prints wall, user and system seconds of every run and the load.
set -euo pipefail
BEFORE="$(cd "${1:?BEFORE_TREE}" && pwd)"; AFTER="$(cd "${2:?AFTER_TREE}" && pwd)"; PG="${3:-}"
cd "$(dirname "$0")/.."
DIVISIONS="$(pwd)/../shared/data/divisions"
ROUNDS="${ROUNDS:-4}"; ROWS="${ROWS:-1000000}"
W="$(mktemp -d /tmp/baiqiang-import-ab.XXXXXX)"
cleanup() {
  if [ -n "$PG" ]; then
    for side in before after; do psql "$PG" -qc "DROP DATABASE IF EXISTS ab_${side}_$$ WITH (FORCE)" >/dev/null 2>&1 || true; done
  fi
  rm -rf "$W"
}
trap cleanup EXIT
npg() { local host port; host=$(echo "$PG" | sed -E 's#.*@([^:/]+).*#\1#'); port=$(echo "$PG" | sed -E 's#.*:([0-9]+)/.*#\1#'); echo "Host=$host;Port=$port;Username=postgres;Database=ab_$1_$$"; }

for side in before after; do
  tree=$BEFORE; [ $side = after ] && tree=$AFTER
  (cd "$tree" && dotnet publish src/Baiqiang.Cli -c Release -r linux-x64 -o "$W/cli-$side" -v q -nologo >/dev/null)
done
dotnet build -c Release bench/Baiqiang.Benchmarks -v q -nologo >/dev/null
dotnet bench/Baiqiang.Benchmarks/bin/Release/net10.0/Baiqiang.Benchmarks.dll gen "$ROWS" "$W/obs.csv" >/dev/null
for side in before after; do
  "$W/cli-$side/baiqiang" init --db "$W/t-$side.db" >/dev/null
  "$W/cli-$side/baiqiang" regions import "$DIVISIONS" --db "$W/t-$side.db" >/dev/null
  sqlite3 "$W/t-$side.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  if [ -n "$PG" ]; then
    psql "$PG" -qc "CREATE DATABASE ab_${side}_$$" >/dev/null
    "$W/cli-$side/baiqiang" init --db "$(npg $side)" >/dev/null
    "$W/cli-$side/baiqiang" regions import "$DIVISIONS" --db "$(npg $side)" >/dev/null
  fi
done
TIMEFORMAT='%R %U %S'
for r in $(seq "$ROUNDS"); do
  order="before after"; [ $((r % 2)) = 0 ] && order="after before"
  for side in $order; do
    cp "$W/t-$side.db" "$W/r.db"; rm -f "$W/r.db-wal" "$W/r.db-shm"
    t=$( { time "$W/cli-$side/baiqiang" import "$W/obs.csv" --db "$W/r.db" >/dev/null; } 2>&1 )
    echo "round $r sqlite $side wall/user/sys: $t load $(cut -d' ' -f1 /proc/loadavg)"
  done
  if [ -n "$PG" ]; then
    for side in $order; do
      psql "${PG%/*}/ab_${side}_$$" -qc "TRUNCATE observations; DELETE FROM audit_entries;" >/dev/null
      t=$( { time "$W/cli-$side/baiqiang" import "$W/obs.csv" --db "$(npg $side)" >/dev/null; } 2>&1 )
      echo "round $r postgres $side wall/user/sys: $t load $(cut -d' ' -f1 /proc/loadavg)"
    done
  fi
done

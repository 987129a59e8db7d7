#!/usr/bin/env bash
# Baiqiang vs pymcdm on the same matrix (issue 5): entropy weights, CRITIC weights and min-max TOPSIS + rank on the
# 2,978 × 30 matrix of EvaluationBenchmarks, checked for agreement and timed back to back.
#
#   PYMCDM_SRC=/path/to/pymcdm-tree bench/pymcdm-side-by-side.sh [OUT_DIR]
#
# pymcdm cannot be vendored here (third-party code stays out of this repository) and PyPI may be unreachable, so
# the script expects a pymcdm source tree at $PYMCDM_SRC: a directory holding the package, i.e.
# $PYMCDM_SRC/pymcdm/{methods,weights,io}/..., normalizations.py, helpers.py, validators.py, correlations.py — for
# example `git clone https://github.com/kotbaton/pymcdm`. Only numpy is needed (Debian's python3-numpy with
# /usr/bin/python3); scipy/pandas/matplotlib are not imported (see bench/pymcdm_side_by_side.py).
#
# Steps: build the benchmark and CLI (Release); export the matrix as CSV and Baiqiang's results at full precision
# (`Baiqiang.Benchmarks.dll pymcdm-export`, which checks the CSV round-trips bit for bit); run the CLI on that CSV;
# then ROUNDS times (default 2): pymcdm timings (timeit, REPEATS runs, default 30) immediately followed by
# BenchmarkDotNet's PymcdmSideBySideBenchmarks, with `uptime` before each.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PYMCDM_SRC:?set PYMCDM_SRC to a directory containing the pymcdm package (e.g. a clone of github.com/kotbaton/pymcdm)}"
OUT="${1:-/tmp/pymcdm-side-by-side}"
ROUNDS="${ROUNDS:-2}"
REPEATS="${REPEATS:-30}"
PY=/usr/bin/python3
"$PY" -c 'import numpy' 2>/dev/null || { echo "$PY cannot import numpy (apt-get install python3-numpy)" >&2; exit 2; }

dotnet build -c Release bench/Baiqiang.Benchmarks -v q -nologo >/dev/null
dotnet build -c Release src/Baiqiang.Cli -v q -nologo >/dev/null
BENCH=bench/Baiqiang.Benchmarks/bin/Release/net10.0/Baiqiang.Benchmarks.dll
BQ=src/Baiqiang.Cli/bin/Release/net10.0/baiqiang

mkdir -p "$OUT"
dotnet "$BENCH" pymcdm-export "$OUT"
DIRS="$(cat "$OUT/directions.txt")"
"$BQ" weights --input "$OUT/matrix.csv" --method entropy >"$OUT/cli-entropy.csv"
"$BQ" rank --input "$OUT/matrix.csv" --method topsis --weights-method entropy --directions "$DIRS" >"$OUT/cli-topsis.csv"

for r in $(seq "$ROUNDS"); do
  echo "=== round $r: pymcdm — $(uptime)"
  PYMCDM_SRC="$PYMCDM_SRC" "$PY" bench/pymcdm_side_by_side.py "$OUT" "$REPEATS"
  echo "=== round $r: Baiqiang (BenchmarkDotNet, in-process) — $(uptime)"
  dotnet "$BENCH" --filter '*PymcdmSideBySideBenchmarks*' --inProcess --warmupCount 3 --iterationCount 20 --launchCount 1 \
    --artifacts "$OUT/bdn-$r" | sed -n '/^| Method/,/^$/p'
  echo "=== round $r done — $(uptime)"
done

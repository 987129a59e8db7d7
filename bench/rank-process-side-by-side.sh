#!/usr/bin/env bash
# `baiqiang rank --input` as a whole process against a Python script running pymcdm on the same matrix (issue 23):
# user + sys CPU of each process, the commands alternated in the same minutes, the ratio round by round and its
# median; the ranks are checked identical.
#
#   PYMCDM_SRC=/path/to/pymcdm-tree bench/rank-process-side-by-side.sh [OUT_DIR]   # RUNS=20; PUBLISH=0 reuses OUT_DIR/cli
#
# The CLI is timed as the README installs it: `dotnet publish src/Baiqiang.Cli.Front -c Release -r linux-x64`, here into
# OUT_DIR/cli — the Native AOT front `baiqiang`, which runs `rank --input` itself, and beside it the managed CLI
# (ReadyToRun) in OUT_DIR/cli/lib, which is also timed directly as `baiqiang-managed` (what the README installed before). The matrix is EvaluationBenchmarks' 2,978 × 30, written by `Baiqiang.Benchmarks.dll
# pymcdm-export` as in bench/pymcdm-side-by-side.sh (skipped when OUT_DIR/matrix.csv exists). pymcdm is not vendored:
# PYMCDM_SRC is a directory holding the pymcdm package (see bench/pymcdm-side-by-side.sh and docs/benchmarks.md).
# The commands, in this order each round (bench/rank_process_side_by_side.py):
#   baiqiang        baiqiang rank --input matrix.csv --method topsis --weights-method entropy --directions D
#   baiqiang-managed  lib/baiqiang rank --input … (the same command in the managed CLI, ReadyToRun)
#   pymcdm          python3 bench/pymcdm_rank.py matrix.csv D --no-validation   (TOPSIS validation=False, its cheapest)
#   pymcdm-default  python3 bench/pymcdm_rank.py matrix.csv D                   (pymcdm's default call, validation on)
#   pymcdm-scipy-pandas  … D --no-validation --real-imports   (only when scipy and pandas import: pymcdm's modules
#                   import both at load time, as an installed pymcdm does)
#   pymcdm-full-import  … D --no-validation --full-import   (only when scipy, pandas, matplotlib and tabulate import:
#                   `import pymcdm` as a user of an installed pymcdm writes it — every method, the COMET tools and the
#                   matplotlib visuals)
#   pymcdm-full-import-no-visuals  … --full-import --no-visuals   (the same, but `pymcdm.visuals` is an empty module,
#                   so matplotlib is not loaded: one stored version of pymcdm's package __init__ does not import the
#                   visuals, and which one is current is not known — see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PYMCDM_SRC:?set PYMCDM_SRC to a directory containing the pymcdm package (e.g. a clone of github.com/kotbaton/pymcdm)}"
export PYMCDM_SRC
OUT="${1:-/tmp/rank-process-side-by-side}"
RUNS="${RUNS:-20}"
PY=/usr/bin/python3
"$PY" -c 'import numpy' 2>/dev/null || { echo "$PY cannot import numpy (apt-get install python3-numpy)" >&2; exit 2; }

mkdir -p "$OUT"
if [ "${PUBLISH:-1}" != 0 ] || [ ! -x "$OUT/cli/baiqiang" ]; then
  dotnet publish src/Baiqiang.Cli.Front -c Release -r linux-x64 -o "$OUT/cli" -v q -nologo >/dev/null
fi
if [ ! -f "$OUT/matrix.csv" ]; then
  dotnet build -c Release bench/Baiqiang.Benchmarks -v q -nologo >/dev/null
  dotnet bench/Baiqiang.Benchmarks/bin/Release/net10.0/Baiqiang.Benchmarks.dll pymcdm-export "$OUT"
fi
DIRS="$(tr -d '[:space:]' <"$OUT/directions.txt")"
# An installed pymcdm carries its bytecode (pip compiles it at install; Debian's numpy/scipy/pandas/matplotlib ship
# theirs). A source tree has none, and with PYTHONDONTWRITEBYTECODE set (as in the engineers' sessions here) every timed
# process would compile all of pymcdm again: compile it once here, into the tree's __pycache__ directories.
"$PY" -m compileall -q "$PYMCDM_SRC/pymcdm" >/dev/null
REAL=; "$PY" -c 'import scipy.linalg, pandas' 2>/dev/null && REAL=1
FULL=; "$PY" -c 'import scipy.linalg, pandas, matplotlib.pyplot, tabulate' 2>/dev/null && FULL=1
echo "=== $(uname -sr), $(nproc) CPUs, $("$OUT/cli/baiqiang" --version 2>/dev/null | head -1) (Native AOT front + ReadyToRun lib/), $("$PY" --version), numpy $("$PY" -c 'import numpy; print(numpy.__version__)')"
"$PY" bench/rank_process_side_by_side.py "$RUNS" "$OUT/runs" \
  "baiqiang=$OUT/cli/baiqiang rank --input $OUT/matrix.csv --method topsis --weights-method entropy --directions $DIRS" \
  "baiqiang-managed=$OUT/cli/lib/baiqiang rank --input $OUT/matrix.csv --method topsis --weights-method entropy --directions $DIRS" \
  "pymcdm=$PY bench/pymcdm_rank.py $OUT/matrix.csv $DIRS --no-validation" \
  "pymcdm-default=$PY bench/pymcdm_rank.py $OUT/matrix.csv $DIRS" \
  ${REAL:+"pymcdm-scipy-pandas=$PY bench/pymcdm_rank.py $OUT/matrix.csv $DIRS --no-validation --real-imports"} \
  ${FULL:+"pymcdm-full-import=$PY bench/pymcdm_rank.py $OUT/matrix.csv $DIRS --no-validation --full-import"} \
  ${FULL:+"pymcdm-full-import-no-visuals=$PY bench/pymcdm_rank.py $OUT/matrix.csv $DIRS --no-validation --full-import --no-visuals"}

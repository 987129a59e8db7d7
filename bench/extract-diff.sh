#!/usr/bin/env bash
# Facts from two builds of the extractor must be identical, fact for fact (issue 17: throughput work must not change what is read).
#
#   bench/extract-diff.sh BASE_BIN BRANCH_BIN
#
# Each *_BIN is a Release output folder of bench/Baiqiang.Benchmarks (bin/Release/net10.0) of one checkout, e.g.
#   git worktree add /tmp/main-x main && dotnet build -c Release /tmp/main-x/bench/Baiqiang.Benchmarks
# Both read the same documents (this checkout's tests/Baiqiang.Extraction.Tests/Corpus and Heldout, and shared/seeds), each four
# ways (sample regions with and without a date, the national tables, and on one line), plus the corpus concatenated to 1 MB;
# every fact (JSON line and every member) and every cross-check is written. Exit status 0 when the two files are byte-identical.
set -euo pipefail
base_bin=${1:?base bin folder}
branch_bin=${2:?branch bin folder}
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$repo/../shared}
out=${OUT:-$(mktemp -d)}
"$base_bin/Baiqiang.Benchmarks" extract-facts "$repo" "$shared" "$out/base.facts"
"$branch_bin/Baiqiang.Benchmarks" extract-facts "$repo" "$shared" "$out/branch.facts"
echo "base:   $(grep -c '^{' "$out/base.facts") facts, $(grep -c '^#' "$out/base.facts") documents read, $(wc -c < "$out/base.facts") bytes"
echo "branch: $(grep -c '^{' "$out/branch.facts") facts, $(grep -c '^#' "$out/branch.facts") documents read, $(wc -c < "$out/branch.facts") bytes"
if cmp -s "$out/base.facts" "$out/branch.facts"; then
  echo "identical"
else
  diff "$out/base.facts" "$out/branch.facts" | head -40
  echo "DIFFERENT (files in $out)"
  exit 1
fi

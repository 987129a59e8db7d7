#!/usr/bin/python3
"""pymcdm's side of `baiqiang rank --input M.csv --method topsis --weights-method entropy --directions D`, as one process.

Usage: PYMCDM_SRC=/path/to/tree /usr/bin/python3 bench/pymcdm_rank.py M.csv DIRECTIONS [--no-validation] [--real-imports | --full-import [--no-visuals]]

Reads the same CSV as the CLI (header row, unit names in the first column), computes pymcdm's entropy weights on the
raw matrix, TOPSIS() (pymcdm's default min-max normalisation) with those weights and DIRECTIONS (e.g. +,+,-), and
pymcdm's ranks, and prints `unit,score,rank` as the CLI does. TOPSIS runs pymcdm's default call (input validation on)
unless --no-validation is given (`validation=False`). pymcdm is imported by bench/pymcdm_import.py with scipy and
pandas replaced by placeholders, so the process pays for numpy and pymcdm's own modules only; with --real-imports
the modules' own `from scipy.linalg import null_space` and `import pandas` run for real (both must be installed), as
they do in an installed pymcdm (whose package __init__, importing every method and matplotlib, is still bypassed).
With --full-import the script does what a user of an installed pymcdm does: `import pymcdm` (its package __init__
runs every method, the weights, the COMET tools and the matplotlib visuals, with numpy, scipy, pandas, matplotlib
and tabulate imported for real) and calls `pymcdm.methods.TOPSIS` and `pymcdm.weights.entropy_weights`.
--full-import --no-visuals does the same with an empty module standing for `pymcdm.visuals`, so neither the visuals
nor matplotlib load: what `import pymcdm` costs if the package __init__ does not import its visuals, as one of its
stored versions (kotbaton/pymcdm d749202c) does not — which version is current could not be settled (see
docs/benchmarks.md).
"""

import csv
import os
import sys
import types as pytypes

import numpy as np

from pymcdm_import import import_pymcdm


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src = os.environ.get('PYMCDM_SRC')
    if not src:
        sys.exit('set PYMCDM_SRC to a directory containing the pymcdm package')
    if '--full-import' in sys.argv[3:]:
        sys.path.insert(0, src)
        if '--no-visuals' in sys.argv[3:]:
            sys.modules['pymcdm.visuals'] = pytypes.ModuleType('pymcdm.visuals')
        import pymcdm
        TOPSIS, pw = pymcdm.methods.TOPSIS, pymcdm.weights
    else:
        TOPSIS, pw = import_pymcdm(src, always_placeholders='--real-imports' not in sys.argv[3:])
    with open(sys.argv[1], newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    units = [r[0] for r in rows[1:]]
    m = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    types = np.array([-1 if d.strip() == '-' else 1 for d in sys.argv[2].split(',')])

    w = pw.entropy_weights(m)
    topsis = TOPSIS()
    p = topsis(m, w, types, validation='--no-validation' not in sys.argv[3:])
    ranks = topsis.rank(p)

    out = ['unit,score,rank']
    out.extend(f'{u},{s:.12f},{r:g}' for u, s, r in zip(units, p, ranks))
    sys.stdout.write('\n'.join(out) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())

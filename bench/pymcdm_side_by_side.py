#!/usr/bin/python3
"""Side-by-side check of Baiqiang's evaluation methods against pymcdm on the same matrix.

Usage: PYMCDM_SRC=/path/to/tree /usr/bin/python3 bench/pymcdm_side_by_side.py DIR [REPEATS]

DIR is what `Baiqiang.Benchmarks.dll pymcdm-export DIR` wrote (matrix.csv, directions.txt, baiqiang-*.csv).
PYMCDM_SRC is a directory holding the pymcdm package (`$PYMCDM_SRC/pymcdm/...`, e.g. a git checkout of
https://github.com/kotbaton/pymcdm). pymcdm is imported from there, never vendored into this repository.

pymcdm is imported by bench/pymcdm_import.py: only its modules on the import path of TOPSIS, entropy_weights and
critic_weights run (the package __init__ files are bypassed); scipy and pandas get placeholders when not installed.
"""

import csv
import os
import statistics
import sys
import timeit

import numpy as np

from pymcdm_import import import_pymcdm


def pymcdm_version(src):
    for name in ('pyproject.toml', 'setup.py', os.path.join('pymcdm', 'PROVENANCE.txt')):
        p = os.path.join(src, name)
        if os.path.exists(p):
            with open(p, encoding='utf-8') as f:
                for line in f:
                    if 'version' in line:
                        return f'{line.strip()} ({name})'
    return 'unknown'


def read_matrix(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return [r[0] for r in rows[1:]], np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def read_column(path, col):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))[1:]
    return np.array([float(r[col]) for r in rows])


def timed(label, fn, repeats):
    fn()  # warm-up
    runs = timeit.repeat(fn, number=1, repeat=repeats)
    ms = [t * 1000 for t in runs]
    print(f'  {label:<46} best {min(ms):8.2f} ms   median {statistics.median(ms):8.2f} ms   (n={repeats})')


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    src = os.environ.get('PYMCDM_SRC')
    if not src:
        sys.exit('set PYMCDM_SRC to a directory containing the pymcdm package (see the docstring)')
    TOPSIS, pw = import_pymcdm(src)

    print(f'python {sys.version.split()[0]}, numpy {np.__version__}, pymcdm {pymcdm_version(src)}')
    units, m = read_matrix(os.path.join(out, 'matrix.csv'))
    with open(os.path.join(out, 'directions.txt'), encoding='utf-8') as f:
        types = np.array([-1 if d == '-' else 1 for d in f.read().strip().split(',')])
    print(f'matrix {m.shape[0]} x {m.shape[1]}, cost criteria {list(np.where(types == -1)[0])}')

    ok = True

    def compare(label, ours, theirs, tol):
        nonlocal ok
        d = float(np.max(np.abs(ours - theirs)))
        good = d <= tol
        ok &= good
        print(f'  {label:<58} max |diff| = {d:.3e}  {"OK" if good else "DIFFERS"} (tolerance {tol:g})')
        return d

    print('agreement (Baiqiang file vs pymcdm):')
    w_e = pw.entropy_weights(m)
    compare('entropy weights: Weights.EntropyPymcdm vs entropy_weights', read_column(os.path.join(out, 'baiqiang-entropy.csv'), 1), w_e, 1e-12)

    w_c = pw.critic_weights(m, types)
    compare('CRITIC, all criteria benefit vs critic_weights', read_column(os.path.join(out, 'baiqiang-critic-all-benefit.csv'), 1), w_c, 1e-12)
    d = float(np.max(np.abs(read_column(os.path.join(out, 'baiqiang-critic.csv'), 1) - w_c)))
    print(f'  {"CRITIC, with the cost directions vs critic_weights":<58} max |diff| = {d:.3e}  (expected to differ: '
          'this critic_weights min-maxes every column as benefit)')

    topsis = TOPSIS()
    print(f'  TOPSIS() default normalisation: {topsis.normalization.__name__}')
    p = topsis(m, w_e, types)
    rank = topsis.rank(p)
    ours = read_column(os.path.join(out, 'baiqiang-topsis.csv'), 1)
    our_rank = read_column(os.path.join(out, 'baiqiang-topsis.csv'), 2)
    compare('TOPSIS scores: Topsis(MinMax) vs TOPSIS()', ours, p, 1e-12)
    same = int(np.sum(our_rank == rank))
    ok &= same == len(rank)
    print(f'  {"TOPSIS ranks identical":<58} {same} of {len(rank)} units; '
          f'tied scores in pymcdm: {len(rank) - len(set(p.tolist()))}')
    vec = read_column(os.path.join(out, 'baiqiang-topsis-vector.csv'), 1)
    print(f'  {"(topsis-vector vs TOPSIS() min-max, for contrast)":<58} max |diff| = {float(np.max(np.abs(vec - p))):.3e}')

    cli_w = os.path.join(out, 'cli-entropy.csv')
    if os.path.exists(cli_w):
        print('agreement (baiqiang CLI output, 12 decimals, vs pymcdm):')
        compare('baiqiang weights --method entropy', read_column(cli_w, 1), w_e, 1e-12)
        cli_r = os.path.join(out, 'cli-topsis.csv')
        compare('baiqiang rank --method topsis --weights-method entropy', read_column(cli_r, 1), p, 1e-12)
        same = int(np.sum(read_column(cli_r, 2) == rank))
        ok &= same == len(rank)
        print(f'  {"CLI ranks identical":<58} {same} of {len(rank)} units')

    la = os.getloadavg()
    print(f'timing, in-process, CSV load excluded (load average {la[0]:.2f} {la[1]:.2f} {la[2]:.2f}):')
    timed('entropy_weights(m)', lambda: pw.entropy_weights(m), repeats)
    timed('critic_weights(m)', lambda: pw.critic_weights(m, types), repeats)
    timed('TOPSIS()(m, w, types) (validation on, default)', lambda: topsis(m, w_e, types), repeats)
    timed('TOPSIS()(m, w, types, validation=False)', lambda: topsis(m, w_e, types, validation=False), repeats)
    timed('entropy + TOPSIS() + rank (default call)', lambda: topsis.rank(topsis(m, pw.entropy_weights(m), types)), repeats)
    timed('entropy + TOPSIS(validation=False) + rank', lambda: topsis.rank(topsis(m, pw.entropy_weights(m), types, validation=False)), repeats)
    la = os.getloadavg()
    print(f'  load average after: {la[0]:.2f} {la[1]:.2f} {la[2]:.2f}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())

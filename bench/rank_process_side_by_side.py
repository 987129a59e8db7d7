#!/usr/bin/python3
"""Whole-process CPU (user + sys) of several commands run in turn, A B C A B C …, with each one's ratio to the first.

Usage: /usr/bin/python3 bench/rank_process_side_by_side.py RUNS OUT_DIR NAME=COMMAND [NAME=COMMAND ...]

Each COMMAND is split as a shell splits words and run without a shell; its stdout goes to OUT_DIR/NAME.out (so writing
the result is part of the work), its stderr to OUT_DIR/NAME.err. One warm-up round is not counted. A process's CPU is
the kernel's own accounting of it, from os.wait4 (all of its threads, microsecond resolution), so the figure does not
depend on the machine's other load the way wall time does; the commands alternate within the same minutes, and the
ratio is taken round by round (B's CPU / A's CPU in the same round), then its median, minimum and maximum.

Every command whose output is a `unit,score,rank` CSV is checked against the first command's: the same units in the
same order, identical ranks and the largest score difference.
"""

import os
import shlex
import statistics
import subprocess
import sys
import time


def run(argv, out_path, err_path):
    with open(out_path, 'wb') as out, open(err_path, 'wb') as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {'user': usage.ru_utime * 1000, 'sys': usage.ru_stime * 1000,
            'cpu': (usage.ru_utime + usage.ru_stime) * 1000, 'wall': wall * 1000,
            'rss': usage.ru_maxrss / 1024, 'exit': proc.returncode}


def spread(values, unit, digits=1):
    return (f'{min(values):{8 + digits}.{digits}f} {statistics.median(values):{8 + digits}.{digits}f} '
            f'{max(values):{8 + digits}.{digits}f} {unit}')


def read_ranking(path):
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines()
    if not lines or lines[0] != 'unit,score,rank':
        return None
    rows = [line.rsplit(',', 2) for line in lines[1:] if line]
    return [r[0] for r in rows], [float(r[1]) for r in rows], [float(r[2]) for r in rows]


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    runs, out_dir = int(sys.argv[1]), sys.argv[2]
    commands = []
    for spec in sys.argv[3:]:
        name, _, command = spec.partition('=')
        commands.append((name, shlex.split(command)))
    os.makedirs(out_dir, exist_ok=True)

    la = os.getloadavg()
    print(f'{runs} counted rounds after 1 warm-up; load average before {la[0]:.2f} {la[1]:.2f} {la[2]:.2f}; '
          f'{os.cpu_count()} CPUs; {time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())} UTC')
    for name, argv in commands:
        print(f'  {name}: {shlex.join(argv)}')
    figures = {name: [] for name, _ in commands}
    for r in range(runs + 1):
        for name, argv in commands:
            f = run(argv, os.path.join(out_dir, f'{name}.out'), os.path.join(out_dir, f'{name}.err'))
            if f['exit'] != 0:
                sys.exit(f'{name} exited {f["exit"]}; see {os.path.join(out_dir, name + ".err")}')
            if r > 0:
                figures[name].append(f)
    la = os.getloadavg()
    print(f'load average after {la[0]:.2f} {la[1]:.2f} {la[2]:.2f}')

    print(f'{"command":<24} {"figure":<6} {"min":>9} {"median":>9} {"max":>9}')
    for name, _ in commands:
        for key, unit in (('cpu', 'ms'), ('user', 'ms'), ('sys', 'ms'), ('wall', 'ms'), ('rss', 'MB')):
            print(f'{name:<24} {key:<6} {spread([f[key] for f in figures[name]], unit)}')
    first = commands[0][0]
    for name, _ in commands[1:]:
        ratios = [b['cpu'] / a['cpu'] for a, b in zip(figures[first], figures[name])]
        print(f'CPU ratio {name} / {first}: median {statistics.median(ratios):.2f}x '
              f'(min {min(ratios):.2f}x, max {max(ratios):.2f}x, {len(ratios)} rounds)')

    ok = True
    reference = read_ranking(os.path.join(out_dir, f'{first}.out'))
    for name, _ in commands[1:]:
        other = read_ranking(os.path.join(out_dir, f'{name}.out'))
        if reference is None or other is None:
            continue
        same_units = reference[0] == other[0]
        same_ranks = sum(1 for a, b in zip(reference[2], other[2]) if a == b)
        diff = max(abs(a - b) for a, b in zip(reference[1], other[1]))
        good = same_units and same_ranks == len(reference[2]) == len(other[2])
        ok &= good
        print(f'ranks {name} vs {first}: units {"same" if same_units else "DIFFER"}, '
              f'{same_ranks} of {len(reference[2])} ranks identical, max |score difference| {diff:.1e} '
              f'{"OK" if good else "DIFFER"}')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())

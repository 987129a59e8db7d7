"""Imports pymcdm from a source tree without its package __init__ files (shared by the pymcdm bench scripts).

Only pymcdm's own modules on the import path of TOPSIS, entropy_weights and critic_weights are executed: the package
__init__ files (which import every method, matplotlib visuals and scipy) are bypassed by registering the packages by
path. scipy and pandas are replaced by placeholders (when not installed, or always with always_placeholders=True, so
a whole-process timing never pays for importing them); neither is used by the functions compared here (scipy's
null_space serves CILOS, pandas the verbose report tables), and the placeholders raise if anything touches them.
"""

import os
import sys
import types as pytypes


def _placeholder(name):
    def fail(*_args, **_kwargs):
        raise RuntimeError(f'{name} is not installed; this comparison does not need it')

    mod = pytypes.ModuleType(name)
    mod.__getattr__ = lambda attr: fail  # any attribute is a function that raises
    return mod


def import_pymcdm(src, always_placeholders=False):
    """Returns (TOPSIS, pymcdm.weights.weights) from the tree at `src` (a directory holding `pymcdm/`)."""
    root = os.path.join(src, 'pymcdm')
    if not os.path.isdir(root):
        sys.exit(f'PYMCDM_SRC={src!r} has no pymcdm/ package directory')
    for missing in ('scipy', 'pandas'):
        if not always_placeholders:
            try:
                __import__(missing)
                continue
            except ImportError:
                pass
        sys.modules[missing] = _placeholder(missing)
        if missing == 'scipy':
            sys.modules['scipy.linalg'] = _placeholder('scipy.linalg')
            sys.modules['scipy'].linalg = sys.modules['scipy.linalg']
    for pkg, path in (('pymcdm', root),
                      ('pymcdm.methods', os.path.join(root, 'methods')),
                      ('pymcdm.weights', os.path.join(root, 'weights'))):
        mod = pytypes.ModuleType(pkg)
        mod.__path__ = [path]
        sys.modules[pkg] = mod
    sys.path.insert(0, src)
    from pymcdm.methods.topsis import TOPSIS
    from pymcdm.weights import weights as pw
    return TOPSIS, pw

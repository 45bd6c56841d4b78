"""How many threads numpy's BLAS runs in a factwire process: one.

OpenBLAS reads its thread count when numpy first loads it, so the count is set just before the
spaCy pipeline loads (facts/nlp._load), which is where numpy is first imported in the CLI, the
pool workers and the Dask workers; in a caller that imported numpy earlier it is set in the
loaded library instead.

The kernel family (OPENBLAS_CORETYPE) is left to the environment: on this bench machine it is
set to Haswell on purpose, because older OpenBLAS builds (numpy 1.26 ships 0.3.23) compute wrong
results or crash with their AVX-512 kernels on some processors; forcing AVX-512 doubled the
networks' product rate (95 -> ~200 GFLOP/s) but is not factwire's call to make (NOTES, session 7).
"""
from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

#: BLAS threads per process: factwire parallelises by worker processes (corpus/engines.py), and a
#: multi-threaded OpenBLAS on busy cores spins: +15-60 % CPU for tok2vec/parser/NER measured
#: unpinned on the 2 shared cores.  A user's own setting is kept; only the BLAS libraries' own
#: variables are set (not OMP_NUM_THREADS, which other OpenMP code in a caller's process reads).
BLAS_THREADS = 1
BLAS_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
#: numpy wheels' OpenBLAS and the function that sets its thread count at run time, for when
#: numpy was imported before the environment variable could act: numpy 2 wheels ship
#: scipy-openblas (`libscipy_openblas64_*.so`), numpy 1.26 wheels `libopenblas64_p-r0-*.so`
#: whose setter is `openblas_set_num_threads64_`.
OPENBLAS_LIB_GLOBS = ("libscipy_openblas*.so*", "libopenblas*.so*")
OPENBLAS_SET_THREADS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads_",
                        "openblas_set_num_threads64_", "openblas_set_num_threads")
def limit_blas_threads() -> str:
    """One BLAS thread in this process (BLAS_THREADS); returns how: 'environment' (numpy not
    imported yet), 'openblas' (set in the loaded library), 'user' (the user chose a count) or
    'unknown' (a BLAS this cannot reach: it keeps its own default)."""
    if any(var in os.environ for var in BLAS_THREAD_VARS):
        return "user"
    if "numpy" not in sys.modules:
        for var in BLAS_THREAD_VARS:
            os.environ[var] = str(BLAS_THREADS)
        return "environment"
    return "openblas" if _set_openblas_threads(BLAS_THREADS) else "unknown"


def _set_openblas_threads(count: int) -> bool:
    """Set the thread count of the OpenBLAS numpy's wheel ships (numpy.libs/), if there is one."""
    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    paths = [path for glob in OPENBLAS_LIB_GLOBS for path in sorted(libs.glob(glob))] if libs.is_dir() else []
    for path in paths:
        lib = ctypes.CDLL(str(path))  # already loaded by numpy: the same library, not a second copy
        for name in OPENBLAS_SET_THREADS:
            if hasattr(lib, name):
                getattr(lib, name)(count)
                return True
    return False


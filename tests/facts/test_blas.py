"""facts/blas.py: numpy's BLAS runs one thread, set before numpy loads (or in the loaded
library), never over a user's own choice.  Each case runs in a fresh interpreter."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from factwire.facts import blas


def _blas_how(code: str, env: dict[str, str]) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k not in blas.BLAS_THREAD_VARS}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**clean, **env}).stdout
    return out.split()


def test_one_blas_thread_unless_the_user_chose():
    show = "import os; print(how, os.environ.get('OPENBLAS_NUM_THREADS'))"
    first = "from factwire.facts.blas import limit_blas_threads as f; how = f(); " + show
    assert _blas_how(first, {}) == ["environment", "1"]
    assert _blas_how(first, {"OPENBLAS_NUM_THREADS": "3"}) == ["user", "3"]
    after_numpy = "import numpy; from factwire.facts.blas import limit_blas_threads as f; how = f(); " + show
    how, _ = _blas_how(after_numpy, {})
    assert how == ("openblas" if _numpy_ships_openblas() else "unknown")


def _numpy_ships_openblas() -> bool:
    """numpy's wheels (1.26 and 2.x) ship their OpenBLAS in numpy.libs/; a numpy built against
    a system BLAS does not, and then the thread count cannot be set after numpy's import."""
    import numpy

    libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    return any(libs.glob("*openblas*")) if libs.is_dir() else False

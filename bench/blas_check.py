#!/usr/bin/env python3
"""Which BLAS spaCy's matrix products should use on this machine: blis (thinc's default) or
numpy's OpenBLAS (facts/nlp.NUMPY_GEMM), timed on the shapes of en_core_web_sm's CNNs.

    PYTHONPATH=src .venv/bin/python bench/blas_check.py

Why: on the 2026 bench machine (AMD EPYC, CPU family 26 = Zen 5) blis 1.3 does not recognise the
CPU and runs its `generic` reference kernels (shown by BLIS_ARCH_DEBUG=1 below): ~3x slower than
OpenBLAS on these products.  On a CPU blis knows (haswell, zen 1-3, skx) the gap may be small;
rerun this before changing NUMPY_GEMM.  One BLAS thread (as facts/nlp sets it), one core.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

#: (rows, inner, cols): a batch of tokens through tok2vec's maxout window layer (96 wide, window
#: 1, 3 pieces) and through the parser/NER's precomputed layer (13 features x 64 x 2).
SHAPES = ((300, 288, 288), (2000, 288, 288), (2000, 96, 1664))
SECONDS_EACH = 1.0


def blis_arch() -> str:
    """The sub-configuration blis picks at run time (its own debug line)."""
    code = "import numpy, blis.py; a = numpy.ones((4, 4), 'f'); blis.py.gemm(a, a)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "BLIS_ARCH_DEBUG": "1"})
    return (out.stdout + out.stderr).strip() or "(blis printed nothing)"


def per_call_ms(fn) -> float:
    fn()
    t0, n = time.process_time(), 0
    while time.process_time() - t0 < SECONDS_EACH:
        fn()
        n += 1
    return 1000 * (time.process_time() - t0) / n


def main() -> None:
    import blis.py
    import numpy

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(blis_arch())
    print("| rows x inner x cols | blis ms | numpy ms | blis / numpy |\n|---|---|---|---|")
    for n, k, m in SHAPES:
        a, b = numpy.random.rand(n, k).astype("f"), numpy.random.rand(m, k).astype("f")
        t_blis = per_call_ms(lambda a=a, b=b: blis.py.gemm(a, b, trans2=True))
        t_np = per_call_ms(lambda a=a, b=b: a @ b.T)
        print(f"| {n} x {k} x {m} | {t_blis:.2f} | {t_np:.2f} | {t_blis / t_np:.1f} |")


if __name__ == "__main__":
    main()

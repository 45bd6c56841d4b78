"""factwire's two small C kernels (facts/_arc_eager.c: the parser's transition loop;
facts/_tok2vec_kernels.c: the elementwise half of a tok2vec layer), loaded with ctypes.

setup.py builds them at install (`optional=True`: without a C compiler the install succeeds and
the callers fall back to spaCy's parser loop and numpy's elementwise operations, with the same
outputs).  A library is loaded once per process; the ctypes calls release the GIL.
"""
from __future__ import annotations

import ctypes
import importlib.util
from functools import cache

import numpy as np

F32 = np.ctypeslib.ndpointer(np.float32, flags="C_CONTIGUOUS")
I32 = np.ctypeslib.ndpointer(np.int32, flags="C_CONTIGUOUS")
I8 = np.ctypeslib.ndpointer(np.int8, flags="C_CONTIGUOUS")
U8 = np.ctypeslib.ndpointer(np.uint8, flags="C_CONTIGUOUS")


class Unavailable(RuntimeError):
    """A compiled kernel that is not built in this install."""


@cache
def load(module: str) -> ctypes.CDLL:
    """The built library of extension `module` (e.g. "factwire.facts._arc_eager"), or Unavailable."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        raise Unavailable(f"{module} is not built (pip install needs a C compiler for it)")
    return ctypes.CDLL(spec.origin)

"""The one compiled part of factwire: the dependency parser's transition loop
(src/factwire/facts/_arc_eager.c, loaded with ctypes by facts/parser_greedy.py).  Everything else
is in pyproject.toml.  `optional=True`: without a C compiler the install still succeeds and
factwire runs spaCy's own parser loop (the same parses, slower)."""
from setuptools import Extension, setup

setup(ext_modules=[Extension(
    "factwire.facts._arc_eager", ["src/factwire/facts/_arc_eager.c"],
    # -ffp-contract=off: no fused multiply-adds, so the scores are summed as the reference BLAS
    # kernels sum them (facts/parser_greedy.py); -O3 vectorises across the output classes only.
    extra_compile_args=["-O3", "-ffp-contract=off", "-std=c99"], optional=True)])

"""factwire's two compiled kernels (facts/compiled.py loads them with ctypes): the dependency
parser's transition loop (src/factwire/facts/_arc_eager.c, facts/parser_greedy.py) and the
elementwise half of a tok2vec layer (_tok2vec_kernels.c, facts/tok2vec_fast.py).  Everything
else is in pyproject.toml.  `optional=True`: without a C compiler the install still succeeds and
factwire runs spaCy's parser loop and numpy's operations instead (the same outputs, slower)."""
from setuptools import Extension, setup

#: -ffp-contract=off: no fused multiply-adds, so every sum is rounded where the code it
#: reproduces rounds it (BLAS's reference kernels, numpy's pairwise sum); -O3 vectorises only
#: across independent outputs, never across one sum's order.
FLAGS = ["-O3", "-ffp-contract=off", "-std=c99"]

setup(ext_modules=[
    Extension("factwire.facts._arc_eager", ["src/factwire/facts/_arc_eager.c"], extra_compile_args=FLAGS,
              optional=True),
    Extension("factwire.facts._tok2vec_kernels", ["src/factwire/facts/_tok2vec_kernels.c"],
              extra_compile_args=FLAGS, optional=True),
])

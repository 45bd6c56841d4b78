"""Limits shared by the stages and the command line.

A module of constants with no imports, so `factwire --help` can show the defaults without
loading the pipeline (lxml, the cleaners, the readers)."""
from __future__ import annotations

#: Per-page time limit.  The slowest DEV page takes ~0.1 s end to end; 5 s leaves room for slow
#: machines while stopping a pathological page from holding a batch for long.
DEFAULT_TIMEOUT_S = 5.0

"""Where the DEV benchmark data is, for the gates in this folder.

The data is not part of the repository (its licences forbid shipping it): it lives in
../shared/bench beside the clone, or wherever FACTWIRE_SHARED points.  The shared scorers are
loaded from there unchanged, so a gate's figure is the benchmark's own."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("FACTWIRE_SHARED") or REPO.parent / "shared")
BENCH = SHARED / "bench"
EXTRACTION = BENCH / "extraction"
FACTS = BENCH / "facts"
EVENTS = BENCH / "events"
#: The one reason every gate gives when the data is absent (README, "Tests").
SKIP_REASON = "../shared/bench not found: DEV gates skipped; see README"


def have_data() -> bool:
    return BENCH.is_dir()


def load_module(name: str, path: Path) -> ModuleType:
    """Import a shared script (scorer, decoder) by path, unchanged."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

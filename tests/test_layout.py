"""The package layout keeps the stage order: read -> clean -> metadata -> facts -> events ->
corpus -> export -> web, so no stage imports (even lazily) a stage that runs after it.  The
pipeline is the one place that runs stage after stage."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "factwire"
#: Stage of each top-level module or folder; shared modules (records, errors, the HTML tree)
#: are 0.  The package's own __init__ (a lazy facade over the pipeline) is not a stage.
LEVELS = {"model": 0, "errors": 0, "dom": 0, "deadline": 0, "limits": 0, "casefree": 0, "read": 1, "clean": 2, "metadata": 3, "facts": 4,
          "events": 5, "pipeline": 5, "corpus": 6, "export": 7, "web": 8, "cli": 9, "__main__": 9}


def level(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "factwire" or len(parts) == 1:
        return None
    return LEVELS.get(parts[1])


def imported(path: Path) -> set[str]:
    """Every factwire module a file imports, at the top or inside functions."""
    package = "factwire." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names.add(base)
    return {n for n in names if n.startswith("factwire")}


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_imports_a_later_stage(path: Path):
    own = level("factwire." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert own is not None, f"{path.name}: add it to LEVELS"
    later = sorted(m for m in imported(path) if (level(m) or 0) > own)
    assert not later, f"{path.relative_to(PACKAGE)} (stage {own}) imports later stages: {later}"


def test_every_module_is_placed():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert tops - {"data"} <= set(LEVELS), tops - set(LEVELS)

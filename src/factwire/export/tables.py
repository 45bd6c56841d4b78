"""The one table renderer for people (`factwire facts`, `factwire events` on pages and on a
database): rich's table layout with markup, highlighting and emoji off and every cell passed
through `safe.plain`, so text from a page can neither style nor rewrite the reader's terminal."""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from factwire.export.safe import plain

#: Terminal width tables are laid out for (page text folds inside its column).
TABLE_WIDTH = 160


def render_table(columns: Sequence[str], rows: Iterable[Sequence[Any]], *, title: Any = None,
                 width: int = TABLE_WIDTH, show_lines: bool = True) -> str:
    """A text table: one row per item, every cell made inert for a terminal."""
    from rich.console import Console  # imported lazily: JSON/CSV runs never need rich
    from rich.table import Table

    table = Table(title=plain(title) if title is not None else None, show_lines=show_lines)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(plain(c) for c in row))
    buf = io.StringIO()
    Console(file=buf, width=width, markup=False, highlight=False, emoji=False, color_system=None).print(table)
    return buf.getvalue()

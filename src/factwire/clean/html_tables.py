"""Data tables as rows of cells, with row and column spans laid out on a grid.

A cell that spans rows or columns occupies every grid slot it covers; the slots after its first
are left empty, so every later cell stays under its own column header (a FiveThirtyEight table
whose first column groups rows with `rowspan` used to shift each following row one column
left in Markdown).  The text is written once: repeating a spanned value would count it twice.
"""
from __future__ import annotations

from lxml import etree

#: Spans above this are treated as this (a `colspan="1000"` layout trick must not make a
#: thousand empty cells); real data tables span a few rows or columns.
MAX_SPAN = 50


def _span(cell: etree._Element, attr: str) -> int:
    """A cell's rowspan/colspan as an int in 1..MAX_SPAN (junk and 0 count as 1)."""
    raw = (cell.get(attr) or "").strip()
    return min(int(raw), MAX_SPAN) if raw.isdigit() and int(raw) > 0 else 1


def cell_text(cell: etree._Element) -> str:
    return " ".join(" ".join(cell.itertext()).split())


def table_rows(table: etree._Element) -> list[list[str]]:
    """The table's rows on a grid: spanned slots empty, empty rows and trailing blanks dropped."""
    rows: list[list[str]] = []
    pending: dict[int, int] = {}  # column -> rows below the current one a rowspan still covers
    for tr in table.iter("tr"):
        covered, new = set(pending), {}
        row: list[str] = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while len(row) in covered:
                row.append("")
            width, height = _span(cell, "colspan"), _span(cell, "rowspan")
            if height > 1:
                new.update({len(row) + k: height - 1 for k in range(width)})
            row += [cell_text(cell)] + [""] * (width - 1)
        pending = {c: n - 1 for c, n in pending.items() if n > 1} | new
        while row and not row[-1]:
            row.pop()
        if row:
            rows.append(row)
    return rows


def table_text(table: etree._Element) -> str:
    """Rows joined by newlines, cells by " | " (a cloned sticky header row kept once)."""
    lines: list[str] = []
    for row in table_rows(table):
        line = " | ".join(row)
        if not lines or lines[-1] != line:
            lines.append(line)
    return "\n".join(lines)

"""Tables printed one cell per line, put back together row by row.

Renderers that emit one line per text node (BeautifulSoup ``get_text("\\n")``, readability's
text) print a table as a column of cells: "Pos.", "Piloto", "Pontos", "1", "Kyle Busch",
"5040", ...  Each cell alone is a short line without a sentence, so the line cleaner takes the
table for a menu.  A table has a shape a menu lacks: its rows repeat one pattern of figure
and word cells.  `join_cell_runs` finds that period and writes each row on one line
("1 Kyle Busch 5040 5 1"), the shape other renderers (inscriptis, a browser copy) give.
"""
from __future__ import annotations

import re

from factwire.clean.text_lines import LINK_END, LINK_MARK

#: A cell that is a figure: counts, scores, money, percentages, times, dates in digits, or a
#: dash standing for an empty cell.
FIGURE_CELL_RE = re.compile(r"^[-+−–—]?[$€£¥]?\d[\d.,:/%′″'x×-]*[%]?$|^[-–—]$")
#: A cell is short: at most this many words (names, labels; a sentence is not a cell).
CELL_MAX_WORDS = 6
#: Columns looked for.  Two-column runs are left alone: a ranked list split at its numbers
#: ("1", "Headline", "2", "Headline") has that shape too, and is no table of the article.
MIN_COLUMNS, MAX_COLUMNS = 3, 12
#: A table needs at least this many data rows of the repeated pattern.
MIN_ROWS = 3
#: Blank lines allowed between two cells of one run (bs4 prints 2 inside a row, 5-6 between
#: rows: whitespace nodes between `<td>`s and `<tr>`s).
MAX_BLANKS = 8


def cell_kind(line: str) -> str | None:
    """'n' for a figure cell, 'w' for a word cell, None when the line is no cell at all."""
    text = _bare(line)
    if not text or len(text.split()) > CELL_MAX_WORDS:
        return None
    return "n" if FIGURE_CELL_RE.match(text) else "w"


def _bare(line: str) -> str:
    """The line stripped, without link marks (a linked cell is a cell; a lone mark a blank)."""
    if LINK_MARK in line or LINK_END in line:
        line = line.replace(LINK_MARK, "").replace(LINK_END, "")
    return line.strip()


def join_cell_runs(lines: list[str]) -> list[str]:
    """The lines with every table printed one cell per line rewritten one row per line."""
    out: list[str] = []
    bare = [_bare(ln) for ln in lines]  # once: a run is looked for from every line
    i = 0
    while i < len(lines):
        run = _cell_run(bare, i)
        table = _find_table(bare, run) if len(run) >= MIN_COLUMNS * MIN_ROWS else None
        if table is None:  # no table starts anywhere in this run: step over all of it
            stop = run[-1] + 1 if run else i + 1
            out.extend(lines[i:stop])
            i = stop
            continue
        first, last, width = table
        out.extend(lines[i:run[first]])
        cells = [lines[k].strip() for k in run[first:last + 1]]
        out.extend(" ".join(cells[r:r + width]) for r in range(0, len(cells), width))
        out.append("")
        i = run[last] + 1
    return out


def _cell_run(lines: list[str], start: int) -> list[int]:
    """Indices of the cell-shaped lines from `start` on, across short blank stretches (`lines`
    stripped of link marks)."""
    run: list[int] = []
    blanks = 0
    k = start
    while k < len(lines):
        if not lines[k]:
            blanks += 1
            if blanks > MAX_BLANKS:
                break
        elif cell_kind(lines[k]) is None:
            break
        else:
            run.append(k)
            blanks = 0
        k += 1
    return run


def _find_table(lines: list[str], run: list[int]) -> tuple[int, int, int] | None:
    """(first, last, columns) within `run` of the first stretch of cells that repeats one
    pattern of figures and words for MIN_ROWS rows, with its header row of words when it has
    one; None when the run is no table (a menu: words only)."""
    kinds = [cell_kind(lines[k]) for k in run]
    if "n" not in kinds or "w" not in kinds:
        return None
    for width in range(MIN_COLUMNS, MAX_COLUMNS + 1):
        for start in range(0, len(kinds) - width * MIN_ROWS + 1):
            pattern = kinds[start:start + width]
            if "n" not in pattern or "w" not in pattern:
                continue
            end = start + width
            while end + width <= len(kinds) and kinds[end:end + width] == pattern:
                end += width
            if (end - start) // width < MIN_ROWS:
                continue
            head = start - width
            if head >= 0 and all(k == "w" for k in kinds[head:start]):
                start = head
            return start, end - 1, width
    return None


# --- tables w3m draws with box characters ---------------------------------------------------------
#: w3m draws a bordered table (`<table border>`, a data table) with box-drawing characters: a
#: row is several text lines, each "│cell│cell│", a cell's text wrapped inside its column, so
#: reading the lines in order interleaves the cells ("Chicago" / "1 Booth 1 37% / 40%" /
#: "School of").  Rows are rebuilt cell by cell, as other renderers print them.
BOX_BAR = "\u2502"
#: A border line holds only box-drawing characters (U+2500-U+257F) and spaces.
BORDER_RE = re.compile(r"^[\u2500-\u257f ]+$")
#: Cells of a rebuilt row are joined by this (a column gap, as inscriptis aligns cells).
CELL_GAP = "  "


def join_box_rows(lines: list[str]) -> list[str]:
    """The lines with every box-drawn table row written on one line, cells in column order,
    and its border lines blank."""
    out: list[str] = []
    row: list[str] = []
    for ln in lines:
        s = ln.strip()
        if s.startswith(BOX_BAR) and s.endswith(BOX_BAR) and s.count(BOX_BAR) >= 3:
            row.append(s)
            continue
        if row:
            out.append(_box_row(row))
            row = []
        out.append("" if s and BORDER_RE.match(s) else ln)
    if row:
        out.append(_box_row(row))
    return out


def _box_row(row: list[str]) -> str:
    """One table row from its text lines: each column's pieces joined, top to bottom."""
    split = [r.split(BOX_BAR)[1:-1] for r in row]
    width = max(len(cells) for cells in split)
    cols = [" ".join(c[k].strip() for c in split if k < len(c) and c[k].strip()) for k in range(width)]
    return CELL_GAP.join(c for c in cols if c)

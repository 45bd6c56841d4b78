"""Tables printed one cell per line, put back together row by row.

Renderers that emit one line per text node (BeautifulSoup ``get_text("\\n")``, readability's
text) print a table as a column of cells: "Pos.", "Piloto", "Pontos", "1", "Kyle Busch",
"5040", ...  Each cell alone is a short line without a sentence, so the line cleaner takes the
table for a menu.  A table has a shape a menu lacks: its rows repeat one pattern of figure
and word cells.  `join_cell_runs` finds that period and writes each row on one line
("1 Kyle Busch 5040 5 1"), the shape other renderers (inscriptis, a browser copy) give.
Where the cells vary too much in kind for a period to repeat, bs4's blank lines still mark
the rows (`gap_rows`: more blank lines between two rows than between two cells).
"""
from __future__ import annotations

import re
from collections import Counter

from factwire.clean.text_lines import LINK_END, LINK_MARK

#: A cell that is a figure: counts, scores, money, percentages, times, dates in digits, or a
#: dash standing for an empty cell.
FIGURE_CELL_RE = re.compile(r"^[-+−–—]?[$€£¥]?\d[\d.,:/%′″'x×-]*[%]?$|^[-–—]$")
#: A cell is short: at most this many words (names, labels; a sentence is not a cell).
#: 6 broke a table at "Cornell SC Johnson Graduate School of Management" (wcxb-dev).
CELL_MAX_WORDS = 8
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
        rows = gap_rows(bare, run) if len(run) >= MIN_COLUMNS * MIN_ROWS else None
        if rows is not None:
            out.extend(lines[i:rows[0][0]])
            out.extend(" ".join(lines[k].strip() for k in row) for row in rows)
            out.append("")
            i = rows[-1][-1] + 1
            continue
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


#: A table whose rows bs4 set apart by longer blank stretches than its cells (see gap_rows)
#: needs at least this share of its multi-cell rows to have the common cell count (a row with a
#: cell that holds a line break, a merged cell, gets one more or one less) ...
GAP_ROW_SHARE = 0.7
#: ... and at least this share of them to hold a figure cell: a data table (amounts, prices,
#: results); a grouped menu (footer columns of links) has the blank structure but no figures.
GAP_FIGURE_SHARE = 0.5
#: bs4 prints the whitespace node between two cells as at least one blank line; lines with no
#: blank between them grouped by single blanks are paragraphs or lists of other renderers.
GAP_MIN_INNER = 1
#: Gaps between the inner and the row gap (a cell holding a line break) are at most this
#: share of all gaps; more, and the blank lines follow no table's two levels.
GAP_ODD_SHARE = 0.1
#: A bulleted line ("* Dezembro (97)", lynx and html2text list items).
_BULLET_RE = re.compile(r"^\s*(?:[*•·▪+-]|\d{1,3}[.)])\s")


def gap_rows(lines: list[str], run: list[int]) -> list[list[int]] | None:
    """The cells of `run` grouped into table rows by the blank lines between them, or None.

    Why: BeautifulSoup's get_text("\\n") prints the source's whitespace nodes as blank lines,
    and an HTML table has more of them between two rows (`</td></tr> <tr><td>`) than between
    two cells of a row: the common gap is the one inside rows, the next common larger gap the
    one between rows.  This finds rows whose cells vary in kind ("3 (tie)", "N/A", "1 and a
    half"), where the figure/word period of _find_table does not repeat."""
    gaps = [b - a - 1 for a, b in zip(run, run[1:])]
    if not gaps or any(_BULLET_RE.match(lines[k]) for k in run):
        return None  # a list item is no cell: nested lists print in groups too
    counts = Counter(gaps)
    inner = counts.most_common(1)[0][0]
    larger = [g for g in counts if g > inner]
    if inner < GAP_MIN_INNER or not larger:
        return None
    row_gap = max(larger, key=lambda g: (counts[g], -g))
    if sum(n for g, n in counts.items() if inner < g < row_gap) > GAP_ODD_SHARE * len(gaps):
        return None
    rows, row = [], [run[0]]
    for k, gap in zip(run[1:], gaps):
        if gap >= row_gap:
            rows.append(row)
            row = []
        row.append(k)
    rows.append(row)
    return _table_span(lines, rows)


def _table_span(lines: list[str], rows: list[list[int]]) -> list[list[int]] | None:
    """The rows from the first to the last of the table's width (lines of the run around it,
    a heading or a share button, stay as they are), when they make a table: one width of >=
    MIN_COLUMNS cells in >= MIN_ROWS rows, most rows with a figure; else None."""
    multi = [r for r in rows if len(r) > 1]
    if not multi:
        return None
    width, n = Counter(len(r) for r in multi).most_common(1)[0]
    if width < MIN_COLUMNS or n < MIN_ROWS:
        return None
    full = [k for k, r in enumerate(rows) if len(r) == width]
    span = rows[full[0]:full[-1] + 1]
    multi = [r for r in span if len(r) > 1]
    if n < GAP_ROW_SHARE * len(multi):
        return None
    figures = sum(1 for r in multi if any(_DIGIT_RE.search(lines[k]) for k in r))
    return span if figures >= GAP_FIGURE_SHARE * len(multi) else None


_DIGIT_RE = re.compile(r"\d")


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

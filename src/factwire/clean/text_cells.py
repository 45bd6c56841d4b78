"""Table cells a terminal dump wrapped inside their column, put back into their row.

w3m lays a table out in columns; a cell too long for its column goes on below, in the same
column, on a line whose other columns are blank:

    DL  Devaroe         28    38% No stats registered.
        Lawrence
    Celery                                 80g (around 3 160g         320g
                                           sticks)

Read line by line, "Lawrence" and "sticks)" are lines of their own (a one-word paragraph) and
the row lacks them.  `join_wrapped_cells` appends each such piece to the cell of the row above
that starts at its column ("DL Devaroe Lawrence 28 38% ...", "80g (around 3 sticks) 160g").
"""
from __future__ import annotations

import re

#: A run of text inside a table line: words separated by single spaces (cells are set apart
#: by two or more).
FRAGMENT_RE = re.compile(r"\S+(?: \S+)*")
#: A column starts where at least this many different lines of the table have a word right
#: after a gap of two spaces or more (a repeated header line counts once).
MIN_COLUMN_LINES = 2
#: A piece of a wrapped cell starts like a word, a figure or a parenthesis (a bullet or a box
#: character below a row opens a list or a menu instead).
PIECE_START_RE = re.compile(r"[\w(\"'“‘$€£%]")


def join_wrapped_cells(lines: list[str]) -> list[str]:
    """The lines with every wrapped cell piece moved into its row (see the module's docstring).
    Only a block of lines without blank lines between them that has table rows (text, a gap
    of two spaces or more, text) is looked at."""
    out: list[str] = []
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            out.extend(_join_block(lines[start:i]))
            if i < len(lines):
                out.append(lines[i])
            start = i + 1
    return out


def _join_block(block: list[str]) -> list[str]:
    """One block of consecutive non-blank lines with its wrapped cell pieces joined."""
    if len(block) < 2 or sum(1 for ln in block if _is_row(ln)) < 2:
        return block
    starts = _column_starts(block)
    out: list[str] = []
    row, inserts = None, []
    for ln in block:
        pieces = _pieces(ln, row, starts) if row is not None else None
        if pieces:
            inserts.extend((_cell_end(row, s, starts), text) for s, text in pieces)
            continue
        if row is not None:
            out[-1] = _insert(row, inserts)
        out.append(ln)
        row, inserts = (ln, []) if _is_row(ln) else (None, [])
    if row is not None:
        out[-1] = _insert(row, inserts)
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_row(line: str) -> bool:
    """A table row: text, then a gap of two spaces or more, then text."""
    return "  " in line.strip()


def _column_starts(block: list[str]) -> set[int]:
    """Columns where MIN_COLUMN_LINES different lines have a word after a gap of 2+ spaces."""
    seen: dict[int, set[str]] = {}
    for ln in set(block):
        for m in FRAGMENT_RE.finditer(ln):
            if m.start() >= 2 and ln[m.start() - 2:m.start()] == "  ":
                seen.setdefault(m.start(), set()).add(ln)
    return {c for c, owners in seen.items() if len(owners) >= MIN_COLUMN_LINES}


def _pieces(line: str, row: str, starts: set[int]) -> list[tuple[int, str]] | None:
    """(column, text) of each piece when `line` holds only pieces of `row`'s wrapped cells:
    indented past the row's first cell, each piece starting where a column starts or a word
    of the row starts, within the row's width; else None."""
    text = line.strip()
    if _indent(line) <= _indent(row) or not PIECE_START_RE.match(text):
        return None
    pieces = [(m.start(), m.group()) for m in FRAGMENT_RE.finditer(line)]
    for s, _ in pieces:
        word_start = s < len(row) and row[s] != " " and row[s - 1] == " "
        if s >= len(row.rstrip()) or not (s in starts or word_start):
            return None
    return pieces


def _cell_end(row: str, s: int, starts: set[int]) -> int:
    """Where the row's cell that starts at column `s` ends: at the row's next gap of two
    spaces or more, or at a column start where a word of the row begins, or the row's end."""
    body = row.rstrip()
    gap = next((m.start() for m in FRAGMENT_RE.finditer(body, s) if m.start() > s), len(body))
    column = next((p for p in range(s + 1, gap) if p in starts and body[p] != " " and body[p - 1] == " "), gap)
    return min(gap, column)


def _insert(row: str, inserts: list[tuple[int, str]]) -> str:
    """`row` with each piece's text put at the end of its cell (a later piece after an earlier
    one of the same cell)."""
    if not inserts:
        return row
    body = row.rstrip()
    for end in sorted({e for e, _ in inserts}, reverse=True):
        texts = " ".join(t for e, t in inserts if e == end)
        body = body[:end].rstrip() + " " + texts + ("  " + body[end:] if end < len(body) else "")
    return body

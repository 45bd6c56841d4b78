"""Two columns printed side by side, put back one after the other.

A terminal dump lays out a page's layout table as the screen would show it (w3m does; lynx and
html2text print a table's cells one after another): the article in the left column and a
sidebar of teasers in the right share every line,

    of unlawful killings by Iranian security Other news in this section
    forces, which have used excessive and    *Armenia named most popular spot for

so each line holds half a sentence of the article and half a teaser.  Read line by line the
article is cut into fragments glued to another story's words.  Two columns have a shape no
single column has: on every line of the run, one column `g` is blank with a word starting
right after it (or the line stops before `g`, or starts right after it), for many lines in a
row, while the left parts fill their column like wrapped text.  `split_columns` finds such runs
and writes the left column's lines, then the right column's, each column's wrapped lines joined
into paragraphs (the wrap test of text_unwrap, at the column's own width).
"""
from __future__ import annotations

#: The gap column is looked for this far from either edge of the page's wrap width: a
#: column narrower than this is a table's cell or a bullet, not a column of text.
MIN_COLUMN = 20
#: A run needs at least this many lines holding text on both sides of the gap (d90bda-like
#: sidebars share 15-30 lines with the article; one wrapped paragraph of a single column
#: having a word start at one column on this many lines in a row is very unlikely) ...
MIN_SPLIT_LINES = 6
#: ... and the left column is wrapped text: of the split lines with a left part below them,
#: at least this many, and this share, end where the next line's first word would not have
#: fitted before the gap (a column of labels or a table's first cell ends each line early).
MIN_WRAPS = 3
WRAPPED_SHARE = 0.6
#: The right column is text too: at least this share of the split lines has MIN_RIGHT_WORDS
#: words right of the gap (its short lines are a teaser's last words, a rule, a bullet); a
#: table of labels and values ("Number of Buttons      7") has one or two.
RIGHT_SHARE = 0.5
MIN_RIGHT_WORDS = 3
#: At least this share of the split lines have a single space between words on both sides:
#: a column of text is set like running text, a table's row has a gap between every two cells.
PLAIN_SHARE = 0.8
#: Lines that show the layout: a left part padded with spaces up to the gap, or a line whose
#: text starts right after the gap (the left column blank there); prose has neither.
MIN_SHOWN = 3
#: Up to its last line with a right part, this share of the run's lines have one (the columns
#: run side by side; a left column then goes on alone).
DENSE_SHARE = 0.7
#: Once the right column has held nothing for more than this many lines, it has ended (the
#: left one may go on alone); a later line with text past the gap is the page below the layout.
MAX_QUIET = 4
#: A run is only looked for within this many lines above a line that shows the layout.
LOOKAHEAD = 12


def split_columns(lines: list[str], width: int) -> list[str]:
    """The lines with every run of two side-by-side columns rewritten as the left column's
    paragraphs, then the right column's (see the module's docstring).  `width` is the page's
    wrap width (text_unwrap.wrap_width): only a hard-wrapped dump lays columns out so."""
    shown = [i for i, ln in enumerate(lines) if _shows_layout(ln)]
    if len(shown) < MIN_SHOWN:
        return lines  # most pages: no line padded to a column or starting at one
    near = _near_shown(shown, len(lines))
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = _column_run(lines, i, width) if near[i] else None
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        gap, end = found
        left, right = _halves(lines[i:end], gap)
        out.extend(_join_wrapped(left, gap))
        out.append("")
        out.extend(_join_wrapped(right, max(len(r) for r in right)))
        i = end
    return out


def _near_shown(shown: list[int], n: int) -> list[bool]:
    """Per line: whether a line showing the layout is at most LOOKAHEAD lines below it (a
    run starts near one: a paragraph of either column ends within a few lines)."""
    near = [False] * n
    for k in shown:
        for i in range(max(0, k - LOOKAHEAD), k + 1):
            near[i] = True
    return near


def _shows_layout(line: str) -> bool:
    """A line that could show a column layout (see _two_columns): a gap of two spaces or more
    with text after it, at or past MIN_COLUMN (a padded left part, or an indent that deep)."""
    return line.rstrip().find("  ", MIN_COLUMN - 1) >= 0


def _column_run(lines: list[str], start: int, width: int) -> tuple[int, int] | None:
    """(gap column, end line) of a two-column run starting at `start`, or None."""
    line = lines[start]
    if len(line) <= MIN_COLUMN + 1:
        return None
    for gap in _gaps(line, width):
        end, kinds, quiet = start, [], 0
        while end < len(lines) and (kind := _fits(lines[end], gap)) is not None:
            if kind != "left" and quiet > MAX_QUIET:
                break  # a line of the page below the layout that has a space at the gap
            quiet = quiet + 1 if kind == "left" else 0
            kinds.append(kind)
            end += 1
        if _two_columns(lines[start:end], kinds, gap):
            return gap, end
    return None


def _two_columns(lines: list[str], kinds: list[str], gap: int) -> bool:
    """Whether a run of lines that all fit a split at `gap` is two columns of text (see the
    thresholds above): enough lines hold text on both sides, the left column is wrapped text,
    the right one holds words, neither side holds a second gap (a table's row has several),
    and lines that only one side fills -- padded before the gap, or starting right after it --
    show the layout."""
    split = [ln for ln, k in zip(lines, kinds) if k == "split"]
    if len(split) < MIN_SPLIT_LINES:
        return False
    last = max(i for i, k in enumerate(kinds) if k != "left")
    dense = sum(1 for k in kinds[:last + 1] if k != "left")
    right = sum(1 for ln in split if len(ln[gap + 1:].split()) >= MIN_RIGHT_WORDS)
    plain = sum(1 for ln in split if "  " not in ln[:gap].strip() and "  " not in ln[gap + 1:])
    shown = kinds.count("right") + sum(1 for ln in split if ln[gap - 1] == " ")
    return right >= RIGHT_SHARE * len(split) and plain >= PLAIN_SHARE * len(split) and \
        shown >= MIN_SHOWN and dense >= DENSE_SHARE * sum(1 for ln in lines[:last + 1] if ln.strip()) and \
        _left_wrapped(lines, kinds, gap)


def _left_wrapped(lines: list[str], kinds: list[str], gap: int) -> bool:
    """Whether the left parts of the split lines were wrapped at the gap: the next line's
    first word would not have fitted after them (a column of labels ends each line early)."""
    pairs = wrapped = 0
    for i in range(len(lines) - 1):
        below = lines[i + 1][:gap].strip()
        if kinds[i] == "split" and below:
            pairs += 1
            wrapped += len(lines[i][:gap].rstrip()) + 1 + len(below.split(" ", 1)[0]) > gap
    return pairs >= MIN_WRAPS and wrapped >= WRAPPED_SHARE * pairs


def _gaps(line: str, width: int) -> list[int]:
    """Columns of `line` that could separate two columns: a space with text before it and a
    word starting right after it, MIN_COLUMN away from both edges."""
    hi = min(len(line) - 1, width - MIN_COLUMN)
    return [g for g in range(MIN_COLUMN, hi) if line[g] == " " and line[g + 1] != " " and line[:g].strip()]


def _fits(line: str, gap: int) -> str | None:
    """How `line` sits on a two-column layout split at `gap`: "split" (text on both sides),
    "left" (stops before the gap; a blank line too), "right" (starts right after it), or
    None when a word runs across the gap (the layout has ended)."""
    body = line.rstrip()
    if len(body) <= gap:
        return "left"
    if body[gap] != " " or body[gap + 1] == " ":
        return None
    return "split" if body[:gap].strip() else "right"


def _halves(lines: list[str], gap: int) -> tuple[list[str], list[str]]:
    """The run's left column and right column, line by line ("" where a side is blank)."""
    left = [ln[:gap].rstrip() for ln in lines]
    right = [ln[gap + 1:].rstrip() for ln in lines]
    return left, right


def _join_wrapped(lines: list[str], width: int) -> list[str]:
    """A column's lines with each wrapped line joined to the next: a line was wrapped when the
    next line's first word would not have fitted after it within the column's width."""
    out: list[str] = []
    prev = ""
    for ln in lines:
        text = ln.strip()
        if prev and text and len(prev) + 1 + len(text.split(" ", 1)[0]) > width:
            out[-1] = out[-1] + " " + text
        else:
            out.append(text)
        prev = ln.rstrip()
    return out

"""Inline runs that a one-text-node-per-line renderer split, joined back (bs4 ``get_text``).

BeautifulSoup's ``get_text("\\n")`` ends a line at every text node, so a sentence with a link
or a ticker in it arrives in pieces::

    Japan's
    Nikkei 225

    (
    N225
    )
     declined 0.3%, while South Korea's

Each piece alone is a short non-sentence, which the line cleaner scores as menu chrome: a
paragraph with a few such runs cuts the body region in two (CNN markets copy, a Motley Fool
list of tickers).  ``text_lines.continues`` re-joins the long halves; it must leave short
fragments alone because menus are short lines too.  The pieces here are told apart by what
cannot stand at a sentence's edge (the grammar of punctuation, not a site's markup):

* a line that cannot start a sentence: closing punctuation (")", ",", "."), or a lower-case
  word with the leading space its text node kept (" declined ...": the text after an inline
  element, which bs4 prints with its own whitespace);
* a line that cannot end one: a lone opening parenthesis, or a line cut after a function word,
  a comma or a possessive ("Japan's" needs its noun);
* a parenthesis opening a line right after a line that ended without a stop ("Nikkei 225" /
  "(N225) ...": a parenthetical after a name);
* the inline element itself (a link of a few words) between a sentence that has not ended and
  such a line ("... the fourth film in rebooted" / "Star Trek" / " film series."; "... Do Not
  Call lists. See" / "Privacy Policy" / ".");
* a label the page prints at least twice ("Prof. Carlos:", "Location:") and its value on the
  next line: a bold speaker or field name inside the paragraph it introduces.

Square brackets are left alone: bs4 prints the brackets a site draws around a link as lines of
their own ("[" / "edit" / "]", a reference's "[" / "DOI" / "]"), decorations of a list of links
whose barrier of short lines the region finder needs, not parentheses inside a sentence (no
tune page shows a sentence split at one).  A line that opens like a list entry ("2. ", "* ")
is never joined by the line-end rules: a list's entries each start their own line.

Only a page that shows the renderer's habit is touched: at least MIN_TAILS lines that start
with one space and a lower-case word or closing punctuation (no other renderer on the text
benchmark prints them: inscriptis, lynx, w3m, html2text and readability's text have none; a
browser copy has a handful on two of 221 pages).

History: session 8 tried this module with "[" as an opening bracket and "]" as closing
punctuation; it merged a reference list's "[DOI] [PubMed]" decorations into single lines on a
held page and was reverted (NOTES, s8-copies).  Session 9 brings it back without the brackets
and with the element join after closing punctuation too (a link followed by "." sat alone).
"""
from __future__ import annotations

import re

from factwire.clean.text_lines import BULLET_RE, JOIN_MIN_WORDS, LINK_MAX_WORDS, looks_like_heading

#: The text after an inline element: one kept space, then a lower-case word or closing
#: punctuation (" declined 0.3%", " (LOW) stock", ", said").
TAIL_RE = re.compile(r"^ (?! )[a-z,.;:!?)}%’”»]")
#: A page is a one-node-per-line render when at least this many lines are such tails
#: (bs4 pages on text-dev and wcxb-dev: 127 of 221 have 3 or more; a browser copy: 2).
MIN_TAILS = 3
#: Closing punctuation: it never starts a sentence.
CLOSING_RE = re.compile(r"^[,.;:!?)}%’”»]")
#: A line cut where a sentence cannot end: an opening bracket or quote, a comma, a dash, a
#: function word, a possessive.
CUT_END_RE = re.compile(r"(?:[,({“‘«/—–]|\b(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|"
                        r"but|as|that|is|was|are|were|said|says|via|than|into|about)|\w['’]s)$")
#: A line ending like this ends a sentence (a stop, with closing quotes or brackets after it).
STOP_END_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")
#: Blank lines allowed between two pieces of one run (bs4 prints the whitespace between two
#: inline elements as one blank line: "Nikkei 225" / "" / "(").
MAX_BLANKS = 1
#: Characters of a line's end looked at (a paragraph can grow long).
TAIL_CHARS = 24
#: An inline element between two halves of a sentence is a link of at most this many words
#: (text_lines.LINK_MAX_WORDS) ...
ELEMENT_MAX_WORDS = LINK_MAX_WORDS
#: ... and the half before it has at least this many words (text_lines.JOIN_MIN_WORDS: a
#: shorter line is as likely a menu entry or a label).
SENTENCE_MIN_WORDS = JOIN_MIN_WORDS
#: A label ("Prof. Carlos:", "Average GMAT:") is at most this many words.
LABEL_MAX_WORDS = 4
#: ... and characters (a cheap bound before the word count).
LABEL_MAX_CHARS = 40
#: ... printed at least this many times on the page (speaker turns, a listing's fields).
LABEL_MIN_REPEATS = 2


def join_inline_runs(text: str) -> str:
    """The text with split inline runs joined into their lines (unchanged unless the page
    shows the one-node-per-line habit, see MIN_TAILS)."""
    lines = text.split("\n")
    if sum(1 for ln in lines if ln[:1] == " " and TAIL_RE.match(ln)) < MIN_TAILS:
        return text
    labels = _repeated_labels(lines)
    out: list[str] = []
    ran: list[bool] = []  # per line of `out`: a tail or closing punctuation was joined to it
    for ln in lines:
        stripped = ln.strip()
        k = _previous(out)
        if stripped and k is not None and (_joins(out[k], ln, stripped) or
                                           k == len(out) - 1 and _labels_value(out[k], stripped, labels)):
            tail = bool(TAIL_RE.match(ln) or CLOSING_RE.match(stripped))
            if tail:
                k = _join_element(out, ran, k)
            out[k] = _glue(out[k], stripped)
            del out[k + 1:], ran[k + 1:]
            ran[k] = ran[k] or tail
            continue
        out.append(ln)
        ran.append(False)
    return "\n".join(out)


def _repeated_labels(lines: list[str]) -> set[str]:
    """Labels of a few words ending with a colon that the page prints at least
    LABEL_MIN_REPEATS times, each on the line right above its value: a transcript's speakers
    ("Prof. Carlos:" / "Estou aqui ..."), a listing's field names ("Location:" / "Boston,
    Massachusetts") -- a bold name inside the paragraph it introduces.  A label printed once
    ("Related:", "Article Sources:") heads a list of its own."""
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.endswith(":") and len(ln) <= LABEL_MAX_CHARS and len(ln.split()) <= LABEL_MAX_WORDS:
            counts[ln.strip()] = counts.get(ln.strip(), 0) + 1
    return {t for t, n in counts.items() if n >= LABEL_MIN_REPEATS}


def _labels_value(prev: str, line: str, labels: set[str]) -> bool:
    """`line`, printed right below the repeated label `prev`, is its value (a label is never
    the value of another: "Presented by:" / "In Partnership With:" in a menu)."""
    return prev.strip() in labels and not line.endswith(":")


def _join_element(out: list[str], ran: list[bool], k: int) -> int:
    """Join the line `out[k]` that a tail or closing punctuation follows to the text before it
    when it is an inline element (a link of a few words) inside a sentence: the tail shows the
    sentence goes on after it, and a sentence before it that has not ended is the one it sits
    in ("... film in rebooted" / "Star Trek" / " film series").  A heading ("Markets" / "Apple" / " said ...")
    is short or Title Case, and stays apart.  Returns the index the tail joins."""
    j = _previous(out, k)
    if j is None or len(out[k].split()) > ELEMENT_MAX_WORDS:
        return k
    before = out[j].strip()
    if STOP_END_RE.search(before[-TAIL_CHARS:]) or not ran[j] and (
            len(before.split()) < SENTENCE_MIN_WORDS or looks_like_heading(before)):
        return k  # a line that took a tail is a sentence going on, however short
    out[j] = _glue(out[j], out[k].strip())
    del out[j + 1:]
    return j


def _previous(out: list[str], end: int | None = None) -> int | None:
    """Index of the last non-blank line before `end` (default: the end of `out`), when at most
    MAX_BLANKS blank lines follow it."""
    end = len(out) if end is None else end
    for k in range(end - 1, max(-1, end - MAX_BLANKS - 2), -1):
        if out[k].strip():
            return k
    return None


def _joins(prev: str, raw: str, line: str) -> bool:
    """`line` (raw: as printed) goes on the line `prev` (see the module's cases)."""
    if CLOSING_RE.match(line) or raw[:1] == " " and TAIL_RE.match(raw):
        return True
    if BULLET_RE.match(line):
        return False  # a list's entries each open a line of their own
    end = prev.rstrip()[-TAIL_CHARS:]
    if CUT_END_RE.search(end):
        return True
    return line.startswith("(") and not STOP_END_RE.search(end)


def _glue(prev: str, line: str) -> str:
    """Join without a space after an opening bracket or before closing punctuation."""
    prev = prev.rstrip()
    if CLOSING_RE.match(line) or prev.endswith(("(", "[", "“", "‘", "«", "/")):
        return prev + line
    return prev + " " + line

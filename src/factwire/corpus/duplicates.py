"""Two inputs that give one article id: the same bytes in two files (ids are content hashes), or
two JSONL lines that give the same `id`.  The store keeps one article under the id and records
the other input as a failure of stage "duplicate" naming the first, so no input is overwritten
silently (upserting used to drop 7 of 1,200 hostile inputs without a trace).

Which input keeps the id is decided by input order (the folder walk's: path, then line or
record offset as a number), never by arrival: the local pool and Dask finish pages out of
order, and every engine must store the same article.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

#: A source's locator inside its file: ":12" (JSONL line), "#4096" (WARC offset), "!3" (reader error).
_LOCATOR = re.compile(r"^(.*?)([:#!])(\d+)$")
#: Key prefix of the failure row of an article that lost its id to an input that comes first
#: (it has no resume key of its own at hand: it was stored under the article's).
DEMOTED_PREFIX = "duplicate|"


@dataclass(slots=True, frozen=True)
class Verdict:
    """A record whose id is taken by `other` (a stored article of another input)."""

    other: str  # the stored article's source
    same_text: bool
    first: bool  # the incoming record comes before `other` in input order: it takes the id


def input_order(source: str) -> tuple[str, int]:
    """Sort key of a source in input order: path, then the locator as a number."""
    m = _LOCATOR.match(source)
    return (m.group(1), int(m.group(3))) if m else (source, -1)


def check(conn: sqlite3.Connection, rec: dict[str, Any]) -> Verdict | None:
    """None when `rec`'s id is free or is this same input's (a re-run, or its file changed)."""
    row = conn.execute("SELECT source, text FROM articles WHERE id = ?", (rec["id"],)).fetchone()
    source = rec.get("source") or ""
    if row is None or (row[0] or "") == source:
        return None
    return Verdict(row[0], row[1] == (rec.get("text") or ""), input_order(source) < input_order(row[0] or ""))


def reason(article_id: str, kept: str, same_text: bool) -> str:
    """The failure reason of the input that did not keep the id; `kept` is the one that did."""
    if same_text:
        return f"{_SAME[0]}{kept}{_SAME[1]}{article_id})"
    return f"id {article_id!r} is already {_OTHER[0]}{kept}{_OTHER[1]}give each input its own id"


#: The text around the keeper's source in the two reasons (see `rename_keeper`).
_SAME = ("same article as ", " (stored once, under id ")
_OTHER = ("the id of ", ", a different article: ")


def rename_keeper(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Duplicate rows that named `old` as the keeper now name `new`, which took the id from it
    (rows written before the swap would otherwise name whichever input arrived first)."""
    for before, after in (_SAME, _OTHER):
        conn.execute("UPDATE failures SET reason = replace(reason, ?, ?) WHERE stage = 'duplicate' "
                     "AND instr(reason, ?) > 0", (before + old + after, before + new + after, before + old + after))


def demoted_key(source: str) -> str:
    return DEMOTED_PREFIX + source

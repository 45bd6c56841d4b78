"""Reading the number itself at a token position: numerals, number words, scale words, vague
plurals, fractions and one-token ranges. `quantities.py` adds qualifiers, units, items and the
not-a-quantity rules around what is read here.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from . import quantities_lexicon as lx

#: First characters of a token that may hold a numeral ("7", "$5bn", "HK$300", "€40m").
GLUED_STARTS = frozenset("0123456789$£€¥₹₦HUACNSR")


@dataclass
class Core:
    """A number read from tokens [start, end): value, optional range end and vague relation."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    relation: str | None = None
    unit: str | None = None
    currency: str | None = None
    digits: bool = False
    factor: float = 1.0


def read_numeral(text: str) -> float | None:
    """'1,000' -> 1000.0; None for anything that is not a plain numeral."""
    if lx.NUMERAL_RE.match(text):
        return float(text.replace(",", ""))
    return None


def _word(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _glued(doc: Doc, i: int) -> bool:
    """True when token i is written with no space after it (a hyphen compound, '$40-50')."""
    return 0 <= i < len(doc) and not doc[i].whitespace_


def read_words(doc: Doc, i: int) -> tuple[float, int] | None:
    """Number words from token i: 'two', 'twenty-five', 'Twenty five' -> (value, end)."""
    w = _word(doc, i)
    if w in lx.ONES:
        return float(lx.ONES[w]), i + 1
    if w not in lx.TENS:
        return None
    value, j = float(lx.TENS[w]), i + 1
    if _word(doc, j) == "-" and _glued(doc, i) and _word(doc, j + 1) in lx.ONES:
        return value + lx.ONES[_word(doc, j + 1)], j + 2
    if 0 < lx.ONES.get(_word(doc, j), 0) < 10:
        return value + lx.ONES[_word(doc, j)], j + 1
    return value, j


def read_scales(doc: Doc, core: Core, money: bool) -> Core:
    """Apply following scale words: '5.9 million', 'Rs 24 lakh', 'two hundred thousand'."""
    j = core.end
    while j < len(doc):
        w = _word(doc, j)
        factor = lx.SCALES.get(w) or (lx.MONEY_ONLY_SCALES.get(w) if money or _glued_scale(doc, j) else None)
        if not factor or (w == "dozen" and core.digits):
            break
        core.value *= factor
        if core.value_max is not None:
            core.value_max *= factor
        core.factor, j = core.factor * factor, j + 1
    core.end = j
    return core


def _glued_scale(doc: Doc, j: int) -> bool:
    """'2.5m viewers': an 'm'/'k' glued to the number and followed by a plural noun is a scale,
    not metres."""
    return _glued(doc, j - 1) and j + 1 < len(doc) and doc[j + 1].tag_ in ("NNS", "NNPS")


def _read_slash_fraction(text: str) -> float | None:
    """'7/32' -> 0.21875; dates such as '11/19' are not fractions."""
    m = lx.SLASH_FRACTION_RE.match(text)
    if not m:
        return None
    num, den = int(m.group(1)), int(m.group(2))
    if den in lx.FRACTION_DENOMINATORS and 0 < num < den:
        return num / den
    return None


def _read_digits(doc: Doc, i: int) -> Core | None:
    """Digit forms: '1,000', '350–375', 'HK$300', '5bn', '7/32', '1-1/2'."""
    text = doc[i].text
    value = read_numeral(text)
    if value is not None:
        core = Core(i, i + 1, value, digits=True)
        if _word(doc, i + 1) == "-" and _glued(doc, i) and _glued(doc, i + 1) and i + 2 < len(doc):
            extra = _read_slash_fraction(doc[i + 2].text)
            if extra is not None:
                core.value, core.end = value + extra, i + 3
        return core
    m = lx.TOKEN_RANGE_RE.match(text)
    if m:
        low, high = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
        return Core(i, i + 1, low, value_max=high, relation="range", digits=True) if low < high else None
    frac = _read_slash_fraction(text)
    if frac is not None:
        return Core(i, i + 1, frac, digits=True)
    return _read_glued(doc, i)


def _read_glued(doc: Doc, i: int) -> Core | None:
    """'HK$300', '$5bn', '5bn' written as one token."""
    m = lx.GLUED_RE.match(doc[i].text)
    if not m or not (m.group(1) or m.group(3)):
        return None
    value = float(m.group(2).replace(",", ""))
    scale = m.group(3)
    if scale:
        value *= lx.SCALES.get(scale) or lx.MONEY_ONLY_SCALES[scale]
    currency = lx.CURRENCY_SYMBOLS.get(m.group(1) or "")
    if scale in lx.MONEY_ONLY_SCALES and not currency:
        return None
    factor = value / float(m.group(2).replace(",", "")) if scale and value else 1.0
    return Core(i, i + 1, value, currency=currency, digits=True, factor=factor)


def _read_vague(doc: Doc, i: int) -> Core | None:
    """'dozens', 'hundreds of thousands', 'several dozen' -> lower bound with relation gt."""
    w = _word(doc, i)
    if w in lx.VAGUE_COMBINERS and _word(doc, i + 1) == "of" and _word(doc, i + 2) in lx.VAGUE_PLURALS:
        value = lx.VAGUE_COMBINERS[w] * lx.VAGUE_PLURALS[_word(doc, i + 2)]
        return Core(i, i + 3, float(value), relation="gt")
    if w in lx.VAGUE_PLURALS:
        return Core(i, i + 1, float(lx.VAGUE_PLURALS[w]), relation="gt")
    if w in lx.VAGUE_DOZEN_PREFIXES and _word(doc, i + 1) == "dozen":
        return Core(i, i + 2, 12.0, relation="gt")
    return None


def _read_article_number(doc: Doc, i: int) -> Core | None:
    """'a dozen', 'a couple', 'a third of', 'a quarter-point', 'a million' (from the article)."""
    w = _word(doc, i + 1)
    if w == "couple":
        end = i + 3 if _word(doc, i + 2) == "of" else i + 2
        return Core(i, end, 2.0, relation="approx")
    if w in lx.FRACTION_WORDS and w != "half" and _fraction_context(doc, i + 2):
        return Core(i, i + 2, round(lx.FRACTION_WORDS[w], lx.FRACTION_DIGITS), unit="fraction")
    if w in lx.ARTICLE_SCALES:
        return read_scales(doc, Core(i, i + 1, 1.0), money=False)
    return None


def _fraction_context(doc: Doc, j: int) -> bool:
    """'a third of', 'a quarter-point': a fraction word is an amount, not an ordinal ('a third
    undisclosed buyer') or a fiscal quarter."""
    return _word(doc, j) == "of" or (_word(doc, j) == "-" and _word(doc, j + 1) in ("point", "percent"))


def _read_fraction_words(doc: Doc, i: int) -> Core | None:
    """'half of', 'two-thirds' (number word + hyphen + plural fraction)."""
    w = _word(doc, i)
    if w == "half":
        # 'half of', 'about half': an amount; 'a block and a half', 'a half hour' are not.
        prev = _word(doc, i - 1)
        if _word(doc, i + 1) == "of" or (prev,) in lx.QUALIFIERS or (_word(doc, i - 2), prev) in lx.QUALIFIERS:
            return Core(i, i + 1, 0.5, unit="fraction")
        return None
    words = read_words(doc, i)
    if not words:
        return None
    hyphen = _word(doc, words[1]) == "-"
    j = words[1] + 1 if hyphen else words[1]
    frac = lx.FRACTION_PLURALS.get(_word(doc, j)) or (lx.FRACTION_WORDS.get(_word(doc, j)) if words[0] == 1 else None)
    if frac and (hyphen or _word(doc, j + 1) == "of"):
        return Core(i, j + 1, round(words[0] * frac, lx.FRACTION_DIGITS), unit="fraction")
    return None


def parse_core(doc: Doc, i: int, money: bool = False) -> Core | None:
    """The number starting at token i, with its scale words applied, or None."""
    w = _word(doc, i)
    if w in ("a", "an", "one"):
        core = _read_article_number(doc, i)
        if core:
            return core
    core = _read_fraction_words(doc, i) or _read_vague(doc, i)
    if core:
        return core
    core = _read_digits(doc, i) if doc[i].text[:1] in GLUED_STARTS else None
    if core is None:
        words = read_words(doc, i)
        core = Core(i, words[1], words[0]) if words else None
    if core is None:
        return None
    if [_word(doc, k) for k in range(core.end, core.end + 3)] == ["and", "a", "half"]:
        core.value, core.end = core.value + 0.5, core.end + 3  # 'two and a half years'
    return read_scales(doc, core, money or core.currency is not None)

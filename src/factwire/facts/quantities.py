"""Quantities: value, relation, counted item and unit, anchored by character offsets.

"more than 25 kamikaze drones" -> value 25, relation gt, item "kamikaze drones". One linear pass
over spaCy's tokens: read a number (`quantities_numbers`), attach the currency before it and the
unit after it, join ranges ("242 to 330"), drop what is not an amount (years, days of a month,
clock times, model numbers, labels, "one" as a pronoun), then read the qualifier before it and
the counted noun from the dependency parse. Conventions follow the facts benchmark's annotation
guide (README, "Benchmarks / Facts": the DEV gold is not shipped with the package).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from spacy.attrs import LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from factwire.deadline import check_deadline

from . import quantities_lexicon as lx
from .quantities_numbers import Core, parse_core, read_numeral

#: First tokens (lower-cased) that can open a number; anything else is skipped at once.
OPENERS = frozenset(lx.ONES) | frozenset(lx.TENS) | frozenset(lx.VAGUE_PLURALS) | frozenset(
    lx.VAGUE_COMBINERS) | lx.VAGUE_DOZEN_PREFIXES | {"a", "an", "half"}
OPENER_IDS = frozenset(hash_string(word) for word in OPENERS)
#: First characters of a token that can open an amount: digits, currency signs, and the capitals
#: of the currency prefixes (HK$, US$, A$, C$, NZ$, S$, R$, Rs).  Such a token opens one only when
#: it holds a digit: every reading of a token by its characters (quantities_numbers._read_digits)
#: needs one ("Apple", "US", a lone "$" never start an amount; "$" + "5" starts at the "5").
OPENING_CHARS = frozenset("0123456789$£€¥₹₦HUACNSR")
DIGIT = re.compile(r"\d")
#: "a"/"an" open an amount only before a word the article reading takes (lx.ARTICLE_ONLY).
ARTICLE_ONLY_IDS = frozenset(hash_string(word) for word in lx.ARTICLE_ONLY)
ARTICLE_NEXT_IDS = frozenset(hash_string(word) for word in lx.ARTICLE_NEXT)
#: Token form (ORTH id) -> can it open an amount by its characters; cleared past this size.
_OPENS: dict[int, bool] = {}
OPENS_CACHE_LIMIT = 200_000


@dataclass
class Draft:
    """A quantity being assembled over tokens [start, end)."""

    core: Core
    start: int
    end: int
    relation: str = "eq"
    currency: str | None = None
    unit: str | None = None
    item: str | None = None
    kind: str = "count"  # count | money | percent | measure | age | duration
    notes: dict = field(default_factory=dict)


def find_quantities(doc: Doc, published: datetime.date | None = None) -> list[dict]:
    """All amounts in `doc` as dicts with offsets into `doc.text`; `published` is unused (the
    signature is the facts-extractor contract)."""
    found: list[dict] = []
    last_item: list[str | None] = [None]
    i = 0
    for start in opening_tokens(doc):
        if start < i:
            continue  # inside the quantity read last
        check_deadline()
        draft = read_quantity(doc, start)
        if draft is None:
            continue
        attach_item(doc, draft, last_item)
        found.append(to_dict(doc, draft))
        i = max(draft.end, start + 1)
    return found


def opening_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens a quantity may start at (an OPENING_CHARS first character or a
    lower-case form in OPENERS), read from the Doc's ORTH/LOWER columns: a page's ~1,000 other
    tokens are skipped without building a Token object for each."""
    strings, out = doc.vocab.strings, []
    if len(_OPENS) > OPENS_CACHE_LIMIT:
        _OPENS.clear()
    columns = doc.to_array([ORTH, LOWER])  # one column at a time: a 2-D tolist() is ~10x slower
    lowers = columns[:, 1].tolist()
    nexts = lowers[1:] + [0]
    for i, (orth, lower) in enumerate(zip(columns[:, 0].tolist(), lowers)):
        opens = _OPENS.get(orth)
        if opens is None:
            text = strings[orth]
            opens = _OPENS[orth] = bool(text) and text[0] in OPENING_CHARS and DIGIT.search(text) is not None
        if opens or (lower in OPENER_IDS and (lower not in ARTICLE_ONLY_IDS or nexts[i] in ARTICLE_NEXT_IDS)):
            out.append(i)
    return out


def read_quantity(doc: Doc, i: int) -> Draft | None:
    """The quantity whose number starts at token i, or None when there is none or it is not an
    amount (a year, a date, a time, a name)."""
    currency, cur_start = currency_before(doc, i)
    core = parse_core(doc, i, money=currency is not None)
    if core is None:
        return None
    draft = Draft(core, cur_start if currency else core.start, core.end,
                  currency=currency or core.currency)
    if draft.currency:
        draft.kind = "money"
    attach_unit(doc, draft)
    attach_range(doc, draft)
    if is_not_amount(doc, draft):
        return None
    attach_relation(doc, draft)
    return draft


def currency_before(doc: Doc, i: int) -> tuple[str | None, int]:
    """ISO code of a currency symbol just before token i ('$', 'Rs', 'Rs .'), and its index."""
    for back in (1, 2):
        j = i - back
        if j < 0:
            break
        code = lx.CURRENCY_SYMBOLS.get(doc[j].text)
        if code and (back == 1 or doc[j + 1].text == "."):
            return code, j
    return None, i


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _glued(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and not doc[i].whitespace_


def attach_unit(doc: Doc, d: Draft) -> None:
    """Percent, points, currency nouns, measures, ages and hyphen compounds after the number."""
    j, w = d.end, _lower(doc, d.end)
    if w in lx.PERCENT_WORDS or (w == "per" and _lower(doc, j + 1) == "cent"):
        d.kind, d.unit, d.item, d.end = "percent", "percent", "percent", j + (2 if w == "per" else 1)
    elif (w, _lower(doc, j + 1)) in lx.POINT_UNITS:
        d.kind, d.unit, d.end = "measure", lx.POINT_UNITS[(w, _lower(doc, j + 1))], j + 2
        d.item = doc[j:j + 2].text
    elif w in lx.CURRENCY_WORDS and not d.currency:
        d.kind, d.currency, d.end = "money", currency_word(doc, j), j + 1
    elif w in lx.UNITS and not d.currency:
        d.kind, d.unit, d.item, d.end = "measure", lx.UNITS[w], doc[j].text, j + 1
    elif w == "-" and _glued(doc, j - 1) and _glued(doc, j) and doc[j + 1:j + 2].text.isalpha():
        attach_hyphen_word(doc, d)
    elif w in ("years", "year") and _lower(doc, j + 1) == "old":
        d.kind, d.end = "age", j + 2
    if d.kind == "money":
        attach_rate(doc, d)


def currency_word(doc: Doc, j: int) -> str:
    """ISO code for a currency noun at j, looking back for 'Hong Kong' before 'dollars'."""
    code = lx.CURRENCY_WORDS[doc[j].lower_]
    for prefix, iso in lx.DOLLAR_PREFIXES.items():
        k = j - len(prefix)
        if code == "USD" and k >= 0 and tuple(t.lower_ for t in doc[k:j]) == prefix:
            return iso
    return code


def attach_hyphen_word(doc: Doc, d: Draft) -> None:
    """'18-year', 'two-class', '48-year-old', 'a quarter-point': number-hyphen-noun compounds."""
    word = doc[d.end + 1]
    lw = word.lower_
    if lw == "year" and (_lower(doc, d.end + 2) == "old" or
                         (_lower(doc, d.end + 2) == "-" and _lower(doc, d.end + 3) == "old")):
        d.kind, d.end = "age", d.end + (3 if _lower(doc, d.end + 2) == "old" else 4)
        return
    if lw in ("point", "percent") and d.core.unit == "fraction":
        d.core.unit = None
        d.kind, d.item, d.unit = "measure", "percentage points", "percentage point"
    else:
        d.kind, d.item = "duration", word.text
    d.end += 2


def attach_rate(doc: Doc, d: Draft) -> None:
    """'$55.12 per barrel', '$1,472.19 an ounce' -> unit 'USD per barrel'."""
    if _lower(doc, d.end) in lx.RATE_WORDS and _lower(doc, d.end + 1) in lx.RATE_NOUNS:
        d.unit = f"{d.currency} per {_lower(doc, d.end + 1)}"
        d.end += 2


def attach_range(doc: Doc, d: Draft) -> None:
    """'242 to 330', '$40-50 billion', '0.6% to 0.7%', 'between 5 and 10' -> relation range.
    'from $47 billion to $8 billion' and 'by 30 to 126' are changes, not ranges."""
    if d.core.relation is not None or d.kind in ("age", "duration"):
        return
    j, joiner = d.end, _lower(doc, d.end)
    hyphen = joiner in ("-", "–", "—") and _glued(doc, j - 1) and _glued(doc, j)
    between = joiner == "and" and _lower(doc, d.start - 1) == "between"
    change = _lower(doc, d.start - 1) == "by" or (
        _lower(doc, d.start - 1) == "from" and _lower(doc, d.start - 2) not in lx.RANGE_FROM_CUES)
    if not (hyphen or between or joiner == "to") or change:
        return
    currency, k = currency_before(doc, j + 2) if j + 2 < len(doc) else (None, j + 1)
    start2 = j + 2 if currency and k == j + 1 else j + 1
    if start2 >= len(doc):
        return
    second = read_plain(doc, start2, currency or d.currency)
    if second is None or not compatible(doc, d, second, hyphen):
        return
    if d.core.factor == 1.0 and second.core.factor != 1.0:
        d.core.value *= second.core.factor
    d.core.value_max, d.core.relation, d.end = second.core.value, "range", second.end
    d.notes["last_number"] = second.core.end - 1
    d.kind, d.unit, d.item = second.kind if d.kind == "count" else d.kind, d.unit or second.unit, d.item or second.item
    d.currency = d.currency or second.currency


def read_plain(doc: Doc, i: int, currency: str | None) -> Draft | None:
    """A second number for a range: the number, its currency and its unit, nothing more."""
    core = parse_core(doc, i, money=currency is not None)
    if core is None or core.relation is not None:
        return None
    d = Draft(core, i, core.end, currency=currency or core.currency)
    d.kind = "money" if d.currency else "count"
    attach_unit(doc, d)
    return d


def compatible(doc: Doc, first: Draft, second: Draft, hyphen: bool) -> bool:
    """Both ends measure the same thing and rise; hyphenated long numbers are phone numbers or
    models ('555-1234', '787-9')."""
    if first.kind not in ("count", second.kind) or (first.currency and second.currency and
                                                    first.currency != second.currency):
        return False
    low = first.core.value * (second.core.factor if first.core.factor == 1.0 else 1.0)
    if not low < second.core.value:
        return False
    digits = doc[second.core.start].text
    return not (hyphen and len(digits) >= lx.PHONE_GROUP_DIGITS and digits.isdigit())


def is_not_amount(doc: Doc, d: Draft) -> bool:
    """Years, days of a month, clock times, labels, model numbers and 'one' as a pronoun are
    numbers but not quantities (README 'Not annotated')."""
    if d.kind == "age" or is_age_apposition(doc, d):
        d.kind = "age"
        return False
    if d.kind in ("money", "percent", "measure"):
        return False
    first = doc[d.core.start]
    if in_short_quote(doc, d.core.start) or after_name(doc, d) or in_hyphen_word(doc, d.core.start):
        return True
    if d.core.digits:
        return is_calendar(doc, d) or is_label(doc, d) or is_model(doc, d)
    if d.core.unit == "fraction" and _lower(doc, d.core.start - 1) in lx.ORDINAL_WORDS:
        return True  # 'the first half of next year' is a date
    if first.lower_ == "one" and d.core.end == d.core.start + 1:
        return not is_one_count(doc, first)
    nxt = doc[d.core.end] if d.core.end < len(doc) else first
    return first.pos_ == "PROPN" and first.text[0].isupper() and (
        not first.is_sent_start or (nxt.pos_ == "PROPN" and nxt.text[:1].isupper()))  # 'Nine News'


def in_short_quote(doc: Doc, i: int) -> bool:
    """A number inside a short quoted phrase is a slogan or name ('"one country, two
    systems"', '"phase one"'), not an amount."""
    lo, hi = max(0, i - lx.SLOGAN_MAX_TOKENS), min(len(doc), i + lx.SLOGAN_MAX_TOKENS + 1)
    opened = [k for k in range(lo, i) if doc[k].text in lx.OPEN_QUOTES]
    if not opened:
        return False
    closing = [k for k in range(i + 1, hi) if doc[k].text in lx.CLOSE_QUOTES]
    return bool(closing) and closing[0] - opened[-1] <= lx.SLOGAN_MAX_TOKENS + 1 and not any(
        doc[k].text in lx.CLOSE_QUOTES for k in range(opened[-1] + 1, i))


def is_age_apposition(doc: Doc, d: Draft) -> bool:
    """'Singh Jabarjung, 24, from ...': an integer set off by commas right after a name."""
    s, e = d.core.start, d.core.end
    if not d.core.digits or e != s + 1 or not d.core.value.is_integer() or d.core.value > lx.AGE_MAX:
        return _lower(doc, s - 1) in lx.AGE_CUES and d.core.value <= lx.AGE_MAX
    if _lower(doc, s - 1) in lx.AGE_CUES:
        return True
    if _lower(doc, s - 1) in lx.AGE_TIME_WORDS:
        s -= 1  # 'Tsarnaev, then 19, ...'
    name = doc[s - 2] if s >= 2 else None
    after = _lower(doc, e)
    return (_lower(doc, s - 1) == "," and name is not None and name.pos_ == "PROPN"
            and (after in (",", ".", ";", ")", "") or e >= len(doc)))


def is_calendar(doc: Doc, d: Draft) -> bool:
    """A year ('in 2017', '2025 bond'), a day next to a month ('Oct. 26', '15 November') or a
    clock time ('9 a.m.')."""
    s, text, value = d.core.start, doc[d.core.start].text, d.core.value
    if d.kind == "count" and len(text) == 4 and text.isdigit() and lx.YEAR_RANGE[0] <= value <= lx.YEAR_RANGE[1]:
        return True
    if value.is_integer() and 1 <= value <= lx.DAY_OF_MONTH_MAX and (
            _is_month(doc, s - 1) or _is_month(doc, d.core.end)):
        return True
    if _lower(doc, s - 1) == "," and s >= 3 and doc[s - 2].like_num and (
            _is_month(doc, s - 3) or _is_month(doc, s - 4) and doc[s - 3].text == "."):
        return True  # the year in 'November 9, 2016' (even cut short: 'November 9, 201')
    return _lower(doc, d.core.end) in lx.CLOCK_WORDS


def _is_month(doc: Doc, i: int) -> bool:
    """Month names, also split from their dot ('Jan', '.'); 'May' only capitalised (lower-case
    'may' is the verb)."""
    if 0 < i < len(doc) and doc[i].text == "." and not doc[i - 1].whitespace_:
        i -= 1
    return 0 <= i < len(doc) and doc[i].lower_ in lx.MONTHS and doc[i].text[0].isupper()


def is_label(doc: Doc, d: Draft) -> bool:
    """'No. 1', 'Route 66', 'make 911 calls', '2134 Caldwell Place'."""
    s = d.core.start
    if _lower(doc, s - 1) in lx.LABEL_PREFIXES or doc[s].text in lx.EMERGENCY_NUMBERS:
        return True
    following = doc[d.core.end:d.core.end + 3]
    return (any(t.lower_ in lx.STREET_WORDS for t in following)
            and bool(following) and following[0].text[:1].isupper())


def is_model(doc: Doc, d: Draft) -> bool:
    """Numbers inside names: 'Shahed-136', '787-9', 'S&P 500', 'Nikkei 225', '400 737 Max jets',
    'the 777 program'."""
    s, e = d.core.start, d.core.end
    prev = doc[s - 1] if s > 0 else None
    if (_lower(doc, e) in ("-", "–") and _glued(doc, e - 1) and _glued(doc, e)
            and e + 1 < len(doc) and doc[e + 1].text[:1].isdigit()):
        return True  # number-hyphen-number that is not a range ('787-9', '3-1')
    if "/" in doc[s].text and e < len(doc) and doc[e].text.istitle():
        return True  # a gallery counter '1/8 The scene ...'
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and _glued(doc, e - 1) and nxt.text.isalpha() and d.kind == "count":
        return True  # '5G', '3D'
    if d.kind == "duration" and doc[d.end - 1].text[:1].isupper() and not doc[d.end - 1].is_upper:
        return True  # '7-Eleven'
    if prev is not None and read_numeral(prev.text) is not None and d.kind == "count":
        return True
    return d.kind == "count" and d.core.value != 1 and d.core.factor == 1.0 and is_singular_head(doc, d)


def after_name(doc: Doc, d: Draft) -> bool:
    """A number right after a proper name is part of it: 'S&P 500', 'Nikkei 225', 'iPhone 11',
    'Formula One'."""
    prev = doc[d.core.start - 1] if d.core.start > 0 else None
    return (prev is not None and prev.pos_ == "PROPN" and (prev.lower_,) not in lx.QUALIFIERS
            and not prev.text.islower() and prev.lower_ not in lx.MONTHS and d.currency is None
            and d.kind == "count")


def in_hyphen_word(doc: Doc, s: int) -> bool:
    """'Shahed-136', 'A350-900', 'COVID-19', 'mother-of-two': a number glued after a hyphen
    that follows a word is part of a name or compound."""
    return s >= 2 and doc[s - 1].text in ("-", "–") and _glued(doc, s - 1) and _glued(doc, s - 2)


def is_singular_head(doc: Doc, d: Draft) -> bool:
    """A plain number before a singular common noun names a model ('the 777 program', 'its
    popular 737 Max jet'); a noun that is itself a modifier ('1,000 maintenance and cleaning
    workers') does not count."""
    tok = doc[d.core.end - 1]
    head = tok.head
    return (tok.dep_ == "nummod" and 0 < head.i - tok.i <= lx.MODEL_HEAD_GAP and head.tag_ == "NN"
            and head.lower_ not in lx.INVARIANT_PLURALS and head.text.islower()
            and head.dep_ not in ("compound", "nmod", "amod") and not any(c.dep_ == "conj" for c in head.children))


def is_one_count(doc: Doc, one: Token) -> bool:
    """'one woman' counts; 'one of the ...', 'the only one', 'at one point' do not."""
    head = one.head
    between = {t.lower_ for t in doc[one.i + 1:head.i]}
    return (one.dep_ == "nummod" and 0 < head.i - one.i <= lx.ITEM_MAX_GAP and head.tag_ == "NN"
            and head.lower_ not in lx.ONE_IDIOM_NOUNS and not between & lx.DATE_DEICTICS)


def attach_relation(doc: Doc, d: Draft) -> None:
    """Qualifier before the number ('more than', 'up to a', 'some') or after it ('or more')."""
    d.relation = d.core.relation or "eq"
    if d.relation == "range":
        if _lower(doc, d.start - 1) == "between":
            d.start -= 1
        return
    article_before = _lower(doc, d.start - 1) in ("a", "an") and _lower(doc, d.start) not in ("a", "an")
    start = d.start - 1 if article_before else d.start
    for size in range(lx.QUALIFIER_MAX_LEN, 0, -1):
        key = tuple(t.lower_ for t in doc[max(0, start - size):start])
        if len(key) == size and key in lx.QUALIFIERS:
            d.relation, d.start = lx.QUALIFIERS[key], start - size
            break
    else:
        if _lower(doc, d.start - 1) == "of" and any(
                t.lower_ in lx.MAXIMUM_WORDS for t in doc[max(0, d.start - lx.MAXIMUM_LOOKBACK):d.start]):
            d.relation = "lte"
    key2 = (_lower(doc, d.end), _lower(doc, d.end + 1))
    if key2 in lx.SUFFIX_QUALIFIERS:
        d.relation, d.end = lx.SUFFIX_QUALIFIERS[key2], d.end + 2
        if key2[1] in lx.AGE_SUFFIXES and d.kind == "count":
            d.kind = "age"  # '12 and older'


def attach_item(doc: Doc, d: Draft, last_item: list[str | None]) -> None:
    """The counted thing: currency noun, 'percent', the unit, the age marker, or the counted noun
    from the parse ('25 kamikaze drones', 'hundreds of rounds', 'a third of ... employees')."""
    if d.kind == "age":
        d.item, d.unit = lx.AGE_ITEM, lx.AGE_UNIT
    elif d.kind == "money":
        d.item = d.item or lx.CURRENCY_ITEMS.get(d.currency or "", None)
        d.unit = d.unit or d.currency
    if d.item is not None:
        return
    noun = counted_noun(doc, d)
    if noun is not None:
        d.item = noun_phrase(doc, noun)
        if noun.lower_ in lx.CURRENCY_WORDS:
            d.unit = currency_word(doc, noun.i)  # 'millions of dollars'
    elif d.core.unit != "fraction":
        d.item = people_or_previous(doc, d, last_item[0])
    if d.core.unit == "fraction":
        d.unit = "fraction"
    elif d.item and d.kind == "count" and d.item.lower() not in lx.TIME_NOUNS:
        last_item[0] = d.item


def counted_noun(doc: Doc, d: Draft) -> Token | None:
    """Noun the number modifies (to its right) or the object of a following 'of'."""
    tok = doc[d.notes.get("last_number", d.core.end - 1)]
    for _ in range(3):
        if tok.head.i > tok.i and tok.head.i < d.end + 3 and (tok.head.pos_ == "NUM" or tok.head.like_num):
            tok = tok.head
    head = tok.head
    if head.i > tok.i and (head.pos_ == "NOUN" or head.tag_ == "NNPS") and head.i - d.end <= lx.ITEM_MAX_GAP \
            and tok.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod"):
        while head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head  # 'three plague variants': the compound's head is the item
        d.end = max(d.end, head.i + 1)
        return head
    of = d.end if _lower(doc, d.end) == "of" else (d.end - 1 if _lower(doc, d.end - 1) == "of" else None)
    if of is None:
        noun = scan_plural_noun(doc, d.end)
        if noun is not None:
            d.end = noun.i + 1
        return noun
    pobj = [c for c in doc[of].children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
    noun = pobj[0] if pobj else scan_plural_noun(doc, of + 1)
    if noun is not None and not any(t.like_num for t in doc[of + 1:noun.i]):
        d.end = max(d.end, noun.i + 1)
    return noun


def scan_plural_noun(doc: Doc, i: int) -> Token | None:
    """When the parse misses it, the first plural noun after the number across modifiers only
    ('1,000 Iranian-supplied drones', 'hundreds of Shahed-136 drones')."""
    for tok in doc[i:i + lx.ITEM_MAX_GAP]:
        if tok.tag_ in ("NNS", "NNPS"):
            return tok
        if tok.like_num or not (tok.pos_ in lx.ITEM_SKIP_POS or tok.text in ("-", "the", "these", "those")
                                or tok.tag_ in ("VBN", "VBG", "PRP$", "POS")):
            return None
    return None


def noun_phrase(doc: Doc, noun: Token) -> str:
    """The noun with the lower-case compound nouns just before it ('kamikaze drones')."""
    start = noun.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == noun.i \
            and doc[start - 1].pos_ == "NOUN" and doc[start - 1].text.islower():
        start -= 1
    return doc[start:noun.i + 1].text


def people_or_previous(doc: Doc, d: Draft, previous: str | None) -> str | None:
    """A bare number: people if a casualty verb governs it ('killing two'), else the item of the
    previous count ('bought 30 jets ... down by 30 to 126'). A partitive pronoun ('more than 90
    of them') points back at the previous count's things, and 'shot down' downs aircraft,
    missiles and drones, not people."""
    end = d.core.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in lx.PARTITIVE_PRONOUNS:
        return previous
    head = doc[end - 1].head
    shot_down = any(c.lower_ == "down" and c.dep_ == "prt" for c in head.children)
    if head.lower_.startswith(lx.PEOPLE_VERB_PREFIXES) and not shot_down:
        return lx.PEOPLE_ITEM
    return previous


def to_dict(doc: Doc, d: Draft) -> dict:
    """The record's quantity shape (README, "The record"); integral values are written as ints.
    The text is the span's own (Span.text): `doc.text` is rebuilt from every token on each access,
    which made this stage quadratic (775 ms of a 42k-character page, bench/results/profile.md)."""
    span = doc[d.start:d.end]
    start, end = span.start_char, span.end_char

    def num(x: float | None) -> float | int | None:
        return int(x) if x is not None and float(x).is_integer() else x

    return {"text": span.text, "start": start, "end": end, "value": num(d.core.value),
            "relation": d.relation, "value_max": num(d.core.value_max) if d.relation == "range" else None,
            "item": d.item, "unit": d.unit}

"""Language identification for article text: Unicode script first, then stop-word profiles.

Why not py3langid: its model costs ~100 MB of resident memory and ~2 ms per page, which alone
broke the extraction benchmark's memory target (peak RSS at most trafilatura's).  News articles
are long and full of function words, so a stop-word vote decides them as well: on the 121
extraction DEV pages this agrees with py3langid on every page (see tests/test_language.py).
The profiles are spaCy's stop-word lists (MIT), extracted by scripts/build_stopwords.py into
factwire/data/stopwords.json (53 languages, 226 KB); nothing is loaded from spaCy at run time.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache, lru_cache
from importlib.resources import files

#: Characters of text looked at: a few paragraphs decide a language (1500 and 3000 gave the same
#: answer on every extraction DEV page; 1500 halves the cost).
SAMPLE_CHARS = 1500
#: Fewer letters than this and no language is claimed (None, not a guess).
MIN_LETTERS = 20
#: Evidence needed: a vote of at least MIN_VOTE, and at least MIN_VOTE_PER_WORD per word of the
#: sample.  Prose of every DEV page votes 0.1-0.3 per word; a box-score page (names and numbers)
#: voted 3.1 for Lithuanian over ~400 words (0.008) on chance words, and is better left undecided.
MIN_VOTE = 1.5  # Latin script, where dozens of languages share short function words
MIN_VOTE_OTHER_SCRIPTS = 0.4  # Cyrillic, Arabic, Devanagari: few candidates share a script
MIN_VOTE_PER_WORD = 0.04
#: ... and beat the runner-up by this factor.  Short English notes ("On 24 February 2022,
#: Russian airstrikes hit Ukrainka, Kyiv oblast.") voted Swedish 1.0 on the one word "hit":
#: with weak, close votes the answer is None (facts still run), not a wrong language.
MIN_MARGIN = 1.5
#: Japanese text is mostly Han characters; a few per cent of kana already marks it as Japanese.
KANA_SHARE_FOR_JA = 0.05

_SCRIPTS = {
    "latin": r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF", "cyrillic": r"\u0400-\u04FF", "arabic": r"\u0600-\u06FF\u0750-\u077F",
    "devanagari": r"\u0900-\u097F", "greek": r"\u0370-\u03FF", "hebrew": r"\u0590-\u05FF",
    "han": r"\u4E00-\u9FFF\u3400-\u4DBF", "kana": r"\u3040-\u30FF", "hangul": r"\uAC00-\uD7AF\u1100-\u11FF",
    "thai": r"\u0E00-\u0E7F", "armenian": r"\u0530-\u058F", "georgian": r"\u10A0-\u10FF",
    "bengali": r"\u0980-\u09FF", "tamil": r"\u0B80-\u0BFF", "telugu": r"\u0C00-\u0C7F",
    "gujarati": r"\u0A80-\u0AFF", "kannada": r"\u0C80-\u0CFF", "malayalam": r"\u0D00-\u0D7F",
    "sinhala": r"\u0D80-\u0DFF", "ethiopic": r"\u1200-\u137F", "tibetan": r"\u0F00-\u0FFF",
}
_SCRIPT_RES = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPTS.items()}
#: Any letter of a script other than Latin: without one, the per-script counts are not needed.
_OTHER_SCRIPTS = re.compile("[%s]" % "".join(c for name, c in _SCRIPTS.items() if name != "latin"))
#: Scripts used by one language only (in news), decided without a vote.
_SCRIPT_LANGUAGE = {
    "greek": "el", "hebrew": "he", "hangul": "ko", "thai": "th", "armenian": "hy", "georgian": "ka",
    "bengali": "bn", "tamil": "ta", "telugu": "te", "gujarati": "gu", "kannada": "kn",
    "malayalam": "ml", "sinhala": "si", "ethiopic": "am", "tibetan": "bo",
}
#: Ties (equal votes: "и" and "о" are Russian, Bulgarian, Macedonian and Serbian stop words) go
#: to the language with more news published in it: a tiny bonus by rank, never more than a vote.
TIE_ORDER = ("en", "es", "fr", "de", "ru", "pt", "ar", "it", "tr", "fa", "id", "nl", "pl", "uk",
             "vi", "ro", "sv", "cs", "hu", "el", "da", "fi", "nb", "sr", "bg", "hr", "sk", "ur", "hi")
_TIE_BONUS = {lang: 1e-6 * (len(TIE_ORDER) - i) for i, lang in enumerate(TIE_ORDER)}
_NOT_LETTERS = {c: None for c in range(128) if chr(c).isalpha()}  # deletes ASCII letters
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def load_profiles() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(language -> script, word -> the languages that list it, in profile order).

    Kept lean on purpose: a word -> {language: weight} dict per word cost 6 MB of resident
    memory for 20,000 words, which counts against the peak-RSS target (issue 14)."""
    raw = json.loads(files("factwire").joinpath("data", "stopwords.json").read_text(encoding="utf-8"))
    raw = drop_identical_lists(raw)
    scripts = {lang: dominant_script(" ".join(words)) or "latin" for lang, words in raw.items()}
    owners: dict[str, list[str]] = {}
    for lang, words in raw.items():
        for w in words:
            owners.setdefault(w, []).append(lang)
    return scripts, {w: tuple(langs) for w, langs in owners.items()}


@cache
def script_weights(script: str) -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...) of the languages written in `script`, in
    `load_profiles` order: the vote's inner loop then skips other scripts' languages at once.
    A word listed by k languages (of any script) weighs 1/k for each; the (language, weight)
    pairs are shared between words, so the table costs a dict entry and a tuple per word."""
    scripts, owners = load_profiles()
    pairs: dict[tuple[str, int], tuple[str, float]] = {}
    table = {}
    for w, langs in owners.items():
        row = tuple(pairs.setdefault((lang, len(langs)), (lang, 1.0 / len(langs)))
                    for lang in langs if scripts[lang] == script)
        if row:
            table[w] = row
    return table


def drop_identical_lists(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """Languages whose lists are identical can never be told apart (spaCy's ms and id lists are
    the same): keep the one earlier in TIE_ORDER, so the margin test is not stuck on a tie."""
    rank = {code: i for i, code in enumerate(TIE_ORDER)}
    kept: dict[frozenset, str] = {}
    for lang in sorted(raw, key=lambda code: (rank.get(code, len(rank)), code)):
        kept.setdefault(frozenset(raw[lang]), lang)
    return {lang: raw[lang] for lang in kept.values()}


def script_counts(text: str) -> Counter:
    return Counter({name: len(rx.findall(text)) for name, rx in _SCRIPT_RES.items()})


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    name, n = counts.most_common(1)[0]
    return name if n else None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`, or None when there are too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # most pages: skip the per-script counting (21 regex scans)
        letters = len(sample) - len(sample.translate(_NOT_LETTERS))
        return vote_by_stopwords(sample, "latin") if letters >= MIN_LETTERS else None
    if not _OTHER_SCRIPTS.search(sample):  # Latin text with curly quotes or accents: one scan
        letters = len(_SCRIPT_RES["latin"].findall(sample))
        return vote_by_stopwords(sample, "latin") if letters >= MIN_LETTERS else None
    counts = script_counts(sample)
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return None
    if counts["kana"] >= KANA_SHARE_FOR_JA * letters:
        return "ja"
    script = max(counts, key=counts.__getitem__)
    if script in ("han", "kana"):
        return "zh"
    if script in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[script]
    return vote_by_stopwords(sample, script)


def vote_by_stopwords(sample: str, script: str) -> str | None:
    """The language whose function words the sample uses most (weighted by distinctiveness).
    Only words written in lower case vote: a capitalised word mid-text is mostly a name
    ("Nova Kakhovka" voted Portuguese for an English note), and stop words are lower case."""
    table = script_weights(script)
    votes: dict[str, float] = {}
    words = [w for w in _WORD.findall(sample) if w == w.lower()]
    for word in words:
        for lang, weight in table.get(word, ()):
            votes[lang] = votes.get(lang, 0.0) + weight
    if not votes:
        return None
    ranked = sorted(votes, key=lambda code: votes[code] + _TIE_BONUS.get(code, 0.0), reverse=True)
    vote = votes[ranked[0]]
    runner_up = votes[ranked[1]] if len(ranked) > 1 else 0.0
    min_vote = MIN_VOTE if script == "latin" else MIN_VOTE_OTHER_SCRIPTS
    if vote < min_vote or vote < MIN_VOTE_PER_WORD * len(words):
        return None
    if vote == runner_up:  # the very same words voted: nothing tells them apart, the prior does
        return ranked[0]
    return ranked[0] if vote >= MIN_MARGIN * runner_up else None

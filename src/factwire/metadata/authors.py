"""Authors: from JSON-LD, meta tags and byline markup, cleaned of the junk bylines carry.

Bylines mix names with prefixes ("By"), outlet names ("| Fox News"), job titles
("Jane Doe, Senior Reporter"), handles, dates and calls to action ("Email the author",
"Follow").  We split a byline into pieces and keep only the pieces that look like a name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

from factwire.dom import MAX_BYLINE_CHARS, byline_texts
from factwire.metadata.sources import PageSources, jsonld_text, type_names

#: A name has at most this many words / characters; longer pieces are sentences or titles.
MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60
#: Names are at least this many words: single words are first names, handles, outlets,
#: credentials ("MS") or datelines ("Washington") more often than they are full bylines.
MIN_NAME_WORDS = 2

_AUTHOR_META_KEYS = ("author", "article:author", "sailthru.author", "parsely-author",
                     "dc.creator", "dcterms.creator", "byl", "citation_author", "og:article:author")
#: Elements that declare an author by attribute value.  Class-word bylines ("byline",
#: "author") are found by the cleaner's walk, which reads every class anyway, and handed over as
#: `Cleaned.bylines`: a contains(@class) XPath here cost ~1 ms/page, a fifth of extraction.
_BYLINE_XPATH = etree.XPath('//*[@itemprop="author"] | //a[@rel="author"]')
#: "By", "Analysis by", "Story and photos by", "Text:", "Von" ... up to the name.
_PREFIX = re.compile(r"^\s*(?:(?:\w+\s+){0,3}?by|von|par|por|автор|текст|author|authors|byline|"
                     r"text|reporting)\s*[:\-–]?\s+", re.I)
_JUNK_PHRASES = re.compile(
    r"email the author|e-mail the author|send an email|contact the author|follow( on| me| us)?\b.*|"
    r"view all posts.*|more from.*|read more.*|updated\b.*|published\b.*|posted\b.*|"
    r"\bon twitter\b.*|\(?@\w+\)?|https?://\S+|www\.\S+|\S+@\S+\.\w+|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*", re.I)
#: Between names: commas, "and", "&", pipes, bullets, and a full stop after a word
#: ("Finian Cunningham. Sputnik International") but not after an initial ("Sarah E. Needleman").
_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\bund\b|\bet\b|\bи\b|\n|·|•|\s[-–—]\s|"
                    r"(?<=\w\w\w)\.\s)\s*", re.I)
#: Trailing all-caps words after a mixed-case name are an outlet: "Kevin McCoy USA TODAY".
_CAPS_TAIL = re.compile(r"^(.*?[a-z].*?)(?:\s+[A-Z][A-Z.&]+)+$")
_DOMAIN = re.compile(r"\w\.(?:com|net|org|co|de|ru|uk|in|io|info|news)\b", re.I)
#: Words that make a byline piece a job title, an outlet or boilerplate rather than a name.
_NOT_NAME_WORDS = frozenset(
    """reporter correspondent editor editors writer contributor contributing columnist staff
    producer journalist analyst chief senior bureau desk news press associated agency wire
    wires service media newsroom team admin administrator guest opinion photographer photo
    photos video updated published posted minutes minute hours hour ago min read reading
    share comments comment subscribe newsletter sign login email twitter facebook follow
    more view profile about the of for in at online digital magazine times post daily
    correspondents reuters afp ap getty images by business sport sports editor-at-large
    guest contributors international editorial""".split())
_DIGIT = re.compile(r"\d")


def find_authors(root: etree._Element, sources: PageSources, site: str | None) -> list[str]:
    """Authors from the first source that yields names: JSON-LD, meta tags, then author markup."""
    for raw in (_jsonld_authors(sources), _meta_authors(sources)):
        names = clean_authors(raw, site)
        if names:
            return names
    return authors_from_bylines(_byline_texts(root), site)


def authors_from_bylines(texts: Iterable[str], site: str | None) -> list[str]:
    """Names from the first byline text that yields any (page order)."""
    for text in texts:
        if len(text) > MAX_BYLINE_CHARS:
            continue
        names = clean_authors([text], site)
        if names:
            return names
    return []


def _jsonld_authors(sources: PageSources) -> list[str]:
    """Person names from the article's JSON-LD `author` (a dict, a string or a list of them)."""
    for obj in sources.articles():
        value = obj.get("author") or obj.get("creator")
        if value:
            return [name for name in _person_names(value)]
    return []


def _person_names(value: Any) -> Iterable[str]:
    """Names in a JSON-LD author value; Organization authors are outlets, not people."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict) and "organization" in type_names(item):
            continue
        name = jsonld_text(item)
        if name:
            yield name


def _meta_authors(sources: PageSources) -> list[str]:
    """Every value of the first author meta key present (some pages repeat it per author)."""
    for key in _AUTHOR_META_KEYS:
        values = [v for v in sources.meta.get(key, ()) if v.strip()]
        if values:
            return values
    return []


def _byline_texts(root: etree._Element) -> Iterator[str]:
    """Texts of elements that declare an author by attribute (itemprop / rel)."""
    return byline_texts(_BYLINE_XPATH(root))


def clean_authors(raw: Iterable[str], site: str | None = None) -> list[str]:
    """Split bylines into names, drop junk and the site's own name, dedupe keeping order."""
    names: list[str] = []
    seen: set[str] = set()
    for text in raw:
        for name in split_byline(text):
            name = _strip_site_tail(name, site)
            key = _key(name)
            if key and key not in seen and not is_site_name(name, site) and looks_like_name(name):
                seen.add(key)
                names.append(name)
    return names


def is_site_name(name: str, site: str | None) -> bool:
    """True when `name` is the outlet: the same words as the site name, or a part or an
    extension of them ("CNN Business" on CNN, "Business Insider" on Business Insider Deutschland)."""
    if not site:
        return False
    name_words = {_key(w) for w in name.split()} - {""}
    site_words = {_key(w) for w in site.split()} - {"", "the"}
    return bool(site_words) and (name_words <= site_words or site_words <= name_words
                                 or _key(name) == _key(site))


def _strip_site_tail(name: str, site: str | None) -> str:
    """"Elliot Brownstein Florida Today" on floridatoday -> "Elliot Brownstein"."""
    words = name.split()
    if site:
        for cut in range(1, len(words) - 1):
            if _key(" ".join(words[-cut:])) == _key(site):
                return " ".join(words[:-cut])
    return name


def split_byline(text: str) -> list[str]:
    """Names in one byline string: "By Jane Doe and John Roe | Fox News" -> both names."""
    text = " ".join(text.split())
    text = _PREFIX.sub("", text)
    text = _JUNK_PHRASES.sub(" ", text)
    pieces = (_tidy_piece(piece) for piece in _SPLIT.split(text))
    return [piece for piece in pieces if looks_like_name(piece)]


def _tidy_piece(piece: str) -> str:
    """One candidate name without a leading "By", edge punctuation or a trailing CAPS outlet."""
    piece = _PREFIX.sub("", piece).strip(" .:-–—()[]\"'*")
    match = _CAPS_TAIL.match(piece)
    words = (match[1] if match else piece).split()
    while len(words) > MIN_NAME_WORDS and words[-1].lower() in _NOT_NAME_WORDS:
        words.pop()  # "JILL LAWLESS Associated Press" -> "JILL LAWLESS"
    return " ".join(words)


def looks_like_name(piece: str) -> bool:
    """True when `piece` reads as a person's name: short, no digits, no title/outlet words,
    and (for Latin script) capitalised words."""
    words = piece.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS or len(piece) > MAX_NAME_CHARS:
        return False
    if _DIGIT.search(piece) or _DOMAIN.search(piece) or any(ch in piece for ch in "/=*()"):
        return False
    if any(w.lower().strip(".") in _NOT_NAME_WORDS for w in words):
        return False
    last = words[-1]
    return not (last[0].isalpha() and last[0].islower())  # "Coordenadoria de" is cut short


def _key(name: str) -> str:
    """Comparison key: letters only, lower-cased ("Jane  Doe." == "jane doe")."""
    return "".join(ch for ch in name.lower() if ch.isalnum())

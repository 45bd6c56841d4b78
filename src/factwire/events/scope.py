"""Is this text about what ACLED codes? The document-level relevance decision made before any
event is coded (issue 12: ordinary news must not yield conflict events).

An article reports political violence, demonstrations or strategic developments when its
vocabulary names the actors, weapons and harm of such events often enough (`scope_lexicon`).
Sport, business, science and review pages use the same action words ("attack", "fight",
"launch", "deal") but rarely name armed actors, weapons or casualties: a page whose cue density
is below the floor codes no events.
"""
from __future__ import annotations

from factwire.casefree import plain

from .scope_lexicon import OFF_DOMAIN_LOWER_RE, OFF_DOMAIN_RE, SCOPE_CUE_LOWER_RE, SCOPE_CUE_RE

#: Scope cues needed per 100 words of body text. Calibration (session 3, tune halves only):
#: conflict pages and WikiEvents conflict docs run 1.2-6 per 100 words, ACLED notes >= 1 cue
#: in ~30 words; ordinary-news pages mostly 0-0.5 (sport/business/science pages that mention a
#: war or a death once). 0.6 sits between the two groups.
MIN_CUES_PER_100_WORDS = 0.6
#: A text this short (one or two sentences: a wire brief, an ACLED-style note) has no topic
#: apart from its sentence, so cue density says nothing: its sentences and their arguments are
#: judged instead. News articles run to hundreds of words.
BRIEF_MAX_WORDS = 40
#: A text always needs this many cues (a one-line note names at least its actor or weapon).
MIN_CUES = 1


def scope_cues(text: str) -> int:
    """How many scope cues (actor, weapon, harm, protest words) the text holds."""
    return sum(1 for _ in _cues(text))


def _cues(text: str):
    """SCOPE_CUE_RE's matches, found on the lower-cased text where that is the same (scope_lexicon)."""
    if SCOPE_CUE_LOWER_RE is not None and plain(text):
        return SCOPE_CUE_LOWER_RE.finditer(text.lower())
    return SCOPE_CUE_RE.finditer(text)


def _off_domain(text: str) -> bool:
    """Does OFF_DOMAIN_RE find a word in `text` (on the lower-cased text where that is the same)?"""
    if OFF_DOMAIN_LOWER_RE is not None and plain(text):
        return OFF_DOMAIN_LOWER_RE.search(text.lower()) is not None
    return OFF_DOMAIN_RE.search(text) is not None


def article_in_scope(text: str) -> bool:
    """Does the article name the actors, means or harm of ACLED events densely enough to be
    about them? (Below the floor, action words are sport, business, science or figures of
    speech.)"""
    words = len(text.split())
    if words < BRIEF_MAX_WORDS:
        return True  # a brief is its sentences: `sentence_in_scope` and `argument_in_scope` judge it
    needed = max(MIN_CUES, MIN_CUES_PER_100_WORDS * words / 100)
    return has_cues(text, needed)


def has_cues(text: str, needed: float) -> bool:
    """`scope_cues(text) >= needed`, stopping at the cue that reaches `needed`: the cue scan
    of a whole article is ~2 ms of CPU (a long alternation tried at every word), and a conflict
    article reaches its floor within its first paragraphs."""
    found = 0
    for _ in _cues(text):
        found += 1
        if found >= needed:
            return True
    return found >= needed


def sentence_in_scope(text: str) -> bool:
    """A sentence about sport, business, science or culture (its words say so) with no actor,
    weapon or harm of ACLED's (no scope cue) reports no event, even inside conflict news
    ('talks on a trade deal continued')."""
    return not _off_domain(text) or next(_cues(text), None) is not None


def argument_in_scope(text: str | None) -> bool:
    """Grammar: the actor and the target of an ACLED event are armed or political actors,
    people, places or property - not a team, company, product, planet or film."""
    return not text or not _off_domain(text)

"""Shared vocabulary of page-chrome phrases, by removed kind (used by the text and HTML cleaners).

Stable API (other cleaners import it):

* ``classify_boilerplate(line) -> "promo" | "comments" | "navigation" | "related" | None`` —
  the kind of a *short* chrome line (a button, a box title, a menu entry, a section header), or
  None when the line is not recognisably chrome.  Long prose lines are never classified: a
  sentence that merely mentions "subscribe" is body text.
* ``section_kind(line) -> kind | None`` — the kind of a section *header* ("Related stories",
  "Leave a reply", "Subscribe"): lines after such a header belong to that kind until the body
  resumes.  Every section header is also boilerplate (a related block's header itself is
  classified "navigation", the headlines under it "related"), but not every boilerplate line
  opens a section (a lone "Share" button does not).
* ``is_placeholder(line)`` — scraper artefacts with no words (``spot_img``, "Advertisement").

Patterns are matched case-insensitively against the stripped line; they are phrase lists
written from the chrome seen on news sites (seed page + text-dev), not from any one page.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: A line longer than this many words is prose, never a chrome label.  Calibrated on text-dev:
#: the longest chrome labels ("Get the best of ... delivered to your inbox every morning") have
#: about 14 words; body sentences mentioning "subscribe" are longer.
MAX_CHROME_WORDS = 14

#: Menus repeat across pages of one site and within a page; caching the verdicts per line
#: text halves cleaning time on text-dev.  Bounded so a long batch cannot grow memory.
CACHE_LINES = 8192

_PROMO = (
    r"subscribe\b", r"subscription", r"sign up\b", r"newsletter", r"\bapp\b", r"download the",
    r"click here", r"premium", r"free trial", r"never miss", r"get (?:the|our|full|unlimited)",
    r"browse free", r"\bads?\b(?! by)", r"advertis", r"sponsored", r"unlock", r"become a member",
    r"support (?:our|us)", r"donate", r"log ?in\b", r"sign ?in\b", r"register\b", r"inbox",
    r"all rights reserved", r"copyright", r"©", r"terms of (?:use|service)", r"privacy policy",
    r"cookie", r"paywall", r"\bpodcast\b", r"delivered to", r"follow us", r"stay informed",
)
_COMMENTS = (
    r"leave a (?:reply|comment)", r"post a comment", r"add a comment", r"\bcomments?\b",
    r"enter your (?:comment|name|email)", r"your email address will not", r"required fields",
    r"cancel reply", r"join the (?:conversation|discussion)", r"commenting", r"\breplies\b",
    r"save my name", r"notify me of", r"be the first to",
)
_RELATED = (
    r"related (?:stories|articles|posts|news|content|coverage|links|topics)", r"^related:?$",
    r"(?:more|also) (?:from|on|in)\b", r"you (?:may|might) (?:also )?like", r"recommended",
    r"read (?:more|next|also)\b", r"see also", r"most (?:read|popular|viewed|shared)",
    r"trending", r"(?:latest|top|more) (?:stories|news|headlines|articles|videos)",
    r"what to read next", r"popular (?:stories|posts|now)", r"around the web", r"editor'?s picks",
)
_NAVIGATION = (
    r"^home\b", r"^menu$", r"^search\b", r"skip to", r"^share\b", r"^tweet$", r"^email$",
    r"^print$", r"facebook", r"twitter", r"linkedin", r"pinterest", r"whatsapp", r"instagram",
    r"reddit", r"^follow\b", r"^date:?$", r"^posted (?:on|in|by)?\b", r"^updated\b",
    r"^published\b", r"^by$", r"^tags?:?", r"^categor(?:y|ies)\b", r"^filed under",
    r"^next\b", r"^previous\b", r"^prev\b", r"back to top", r"^continue reading",
    r"^(?:image|photo|video)s?:?$", r"^close$", r"^toggle\b", r"^sections?$", r"^topics?:?$",
    r"^loading", r"^site index", r"^go to\b", r"^view (?:all|more)", r"^show (?:all|more)",
    r"^about us", r"^contact\b", r"^sitemap", r"^(?:page )?\d+ of \d+$", r"^\W*$",
    # a bare date / time stamp line is page metadata (bylines, teaser dates), never body
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}(?:,? (?:at )?\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?"
    r"(?: [a-z]{2,4})?)?$", r"^\d+ ?(?:[hm]|hours?|minutes?|mins?|days?) ago$",
    r"^\d{4}-\d{2}-\d{2}(?:t[\d:+.-]+)?$", r"^back to (?:gallery|top|home)",
    r"^get (?:short )?(?:url|link)$", r"^citation:", r"^permalink$",
)
#: Section headers: a short line that opens a block of one kind (checked before the phrases).
_SECTIONS = {
    "related": re.compile(
        r"^(?:related(?: \w+)?|(?:latest|top|more|recommended|trending|popular) (?:stories|news|"
        r"headlines|articles|posts|videos|reads)|you (?:may|might) (?:also )?like.*|"
        r"more (?:from|on|in) .*|read (?:more|next|also)|most (?:read|popular|viewed)|"
        r"editor'?s picks|what to read next|around the web|recommended(?: for you)?|"
        r"explore further)\W*$", re.I),
    "comments": re.compile(
        r"^(?:leave a (?:reply|comment)|post a comment|add a comment|comments?(?: \(\d+\))?|"
        r"\d+ comments?|join the (?:conversation|discussion)|discussion|reader comments)\W*$",
        re.I),
    "promo": re.compile(r"^(?:subscribe(?: now| today)?|newsletter|sign up(?: now)?|"
                        r"support (?:our|us)\b.*|get our newsletter)\W*$", re.I),
}
#: A promo sentence is at most this long (words); longer lines are body text that happens to
#: mention a newsletter.  The longest promo sentences on text-dev have ~30 words.
MAX_PROMO_SENTENCE_WORDS = 32
_PROMO_SENTENCE = re.compile(
    r"subscri(?:be|ption) (?:to|now|today|for)|subscribe\b.*newsletter|sign up (?:for|to)\b|"
    r"activation link|click here|(?:download|get) (?:the|our) (?:\w+ )?app\b|follow us on|"
    r"terms of (?:use|service)|privacy policy|registered trademarks? of|all rights reserved|"
    r"subject to copyright|share (?:it|this(?: story| article)?) with (?:a|your) friends?|"
    r"information (?:provided|contained) (?:on|in) this (?:web ?site|site)|"
    r"not (?:been )?(?:evaluated by the food|intended to diagnose)|"
    r"successfully subscribed|succesfully subscribed|your (?:inbox|email address)", re.I)
#: Cheap substring pre-check: every _PROMO_SENTENCE alternative contains one of these.
_PROMO_SENTENCE_KEYS = ("subscri", "sign up", "activation", "click here", "app", "follow us",
                        "terms of", "privacy", "trademark", "rights reserved", "information",
                        "evaluated", "diagnose", "copyright", "share", "inbox", "email address")
_PLACEHOLDER = re.compile(r"^(?:(?:spot_img)+|advertisement|ad|sponsored|\[?image\]?)$", re.I)

_LEAD_RE = re.compile(r"^(?:\\b)?([a-z'’ ]*)")


def _triggers(alt: str) -> set[str] | None:
    """Word prefixes (2-3 letters) one of which a line must contain for the unanchored
    alternative `alt` to match, or None when `alt` does not start with a literal word."""
    body = alt[2:] if alt.startswith("\\b") else alt
    heads = body[3:body.index(")")].split("|") if body.startswith("(?:") else [body]
    out = set()
    for head in heads:
        lead = _LEAD_RE.match(head).group(1).split(" ")[0]
        if len(lead) < len(head) and head[len(lead):len(lead) + 1] in "?*{":
            lead = lead[:-1]  # "ads?" may match "ad"
        if len(lead) < 2:
            return None
        out.add(lead[:3])
    return out


class _KindMatcher:
    """One kind's phrases, split for speed: anchored ones are tried at the line start only,
    unanchored ones only when the line has a word starting like one of them (a set lookup),
    so most body and menu lines cost a few set lookups instead of a full regex scan."""

    def __init__(self, alternatives: tuple[str, ...]) -> None:
        anchored = [a[1:] for a in alternatives if a.startswith("^")]
        loose = [a for a in alternatives if not a.startswith("^")]
        keyed = [(a, _triggers(a)) for a in loose]
        self.anchored = re.compile("|".join(anchored), re.I) if anchored else None
        self.keyed = re.compile("|".join(a for a, t in keyed if t), re.I) if loose else None
        self.always = re.compile("|".join(a for a, t in keyed if not t) or "(?!)", re.I)
        self.prefixes = set().union(*(t for _, t in keyed if t)) if keyed else set()

    def matches(self, text: str, heads: set[str]) -> bool:
        """`heads`: the 2- and 3-letter starts of the line's lower-case words."""
        if self.anchored is not None and self.anchored.match(text):
            return True
        if self.always.search(text):
            return True
        hit = not self.prefixes.isdisjoint(heads)
        return hit and self.keyed is not None and bool(self.keyed.search(text))


_KIND_MATCHERS = [(kind, _KindMatcher(pats)) for kind, pats in (
    ("comments", _COMMENTS), ("related", _RELATED), ("promo", _PROMO),
    ("navigation", _NAVIGATION))]
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def is_placeholder(line: str) -> bool:
    """True for scraper artefacts standing where an image or ad was (no reader-facing words)."""
    return bool(_PLACEHOLDER.match(line.strip()))


@lru_cache(maxsize=CACHE_LINES)
def section_kind(line: str) -> str | None:
    """Kind of the block a header line opens ("Related stories" -> related), else None.

    Used to attribute the unlabelled lines after a header (teasers, form prompts) to the
    header's kind rather than to a generic "navigation"."""
    text = line.strip()
    if not text or len(text) > 60:
        return None
    for kind, pat in _SECTIONS.items():
        if pat.match(text):
            return kind
    return None


def is_promo_sentence(line: str) -> bool:
    """True for a *sentence* that is a promo or legal notice ("Please activate your
    subscription by clicking ...", "© 2019 Associated Press. All rights reserved.").

    Narrower than the "promo" phrases of classify_boilerplate, because it is applied to
    prose-length lines where a word like "app" or "register" is ordinary body text."""
    if len(line.split()) > MAX_PROMO_SENTENCE_WORDS:
        return False
    low = line.lower()
    return any(k in low for k in _PROMO_SENTENCE_KEYS) and bool(_PROMO_SENTENCE.search(line))


@lru_cache(maxsize=CACHE_LINES)
def classify_boilerplate(line: str) -> str | None:
    """Removed kind of a short chrome line, or None when it is not recognisably chrome.

    Why: both cleaners must set chrome aside *by kind* (README, `removed`), and they should agree on
    what a "promo" or a "comments" line is; keeping the vocabulary here keeps them consistent."""
    text = line.strip()
    if not text:
        return None
    if len(text.split()) > MAX_CHROME_WORDS:
        return None
    if is_placeholder(text) or _SPOT.search(text):
        return "promo" if _AD.match(text) else "navigation"
    sec = section_kind(text)
    if sec:
        # a related block's header is a navigation label; the links under it are "related"
        return "navigation" if sec == "related" else sec
    words = _LOWER_WORD_RE.findall(text.lower())
    heads = {w[:3] for w in words} | {w[:2] for w in words}
    for kind, matcher in _KIND_MATCHERS:
        if matcher.matches(text, heads):
            return kind
    return None


_SPOT = re.compile(r"spot_img", re.I)
_AD = re.compile(r"^(?:advertisement|ad|sponsored)$", re.I)

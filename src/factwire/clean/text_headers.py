"""Is a short line the header of a list of other stories, or a subhead of the article?

"More from Reuters", "Most Read", "Latest News", "Popular on IndieWire" open a page's tail of
teasers; "Most Reliable Mover", "Top MBA Programs", "Popular Places to Visit" are subheads of
a ranking or guide that happen to start with the same words.  The grammar of the first kind:
after "most/latest/top/popular" comes what readers did with the stories (read, viewed,
shared), a noun naming stories themselves (stories, posts, videos), or where they come from
("on Time Out", "in World", "this week").  "More ...", "Related ..." and "Latest ..." open a
list whatever follows, as before ("Latest Business" over a newspaper's section rail).
"""
from __future__ import annotations

import re

from factwire.clean.boilerplate import section_kind
from factwire.clean.text_lines import Block

#: Lines opening a list of other stories whatever follows ("More Games", "Related Topics",
#: "Latest Business").
ALWAYS_HEADER_RE = re.compile(r"^(?:more|related|latest) \w[^.!?]*$", re.I)
#: The same headers in Japanese, Chinese and Korean: "related / recommended / popular
#: articles" ("関連記事", "おすすめ記事", "相关文章", "관련 기사").
CJK_HEADER_RE = re.compile(r"^(?:関連|おすすめ|オススメ|人気|相关|相關|推荐|推薦|热门|熱門)(?:の)?(?:記事|ニュース|"
                           r"エントリー?|投稿|文章|新闻|新聞|阅读|閱讀)|^(?:관련|추천|인기) ?(?:기사|뉴스)")
#: Lines that may open one ("Most Read") or be a subhead ("Most Reliable Mover").
MAYBE_HEADER_RE = re.compile(r"^(?:most|top|popular) (\w[^.!?]*)$", re.I)
#: What readers did with the stories of the list.
READER_WORDS = frozenset(
    "read reads viewed popular shared commented emailed recent watched discussed trending "
    "clicked liked".split())
#: Nouns naming stories or a list of them.
STORY_NOUNS = frozenset(
    "stories story articles article posts post news videos video reads content topics tags "
    "links pages headlines issue edition podcasts galleries photos blogs categories picks "
    "searches headline features updates".split())
#: A preposition (or "this") right after the first word names the list's source or time
#: ("Popular on Time Out", "Most read in World", "Popular this week").
SOURCE_WORDS = frozenset("on in from at across this today now".split())


#: The post navigation after an article: "Next Article", "Previous Post", "Next Auto News -",
#: "Older Stories" -- a link to another story under a label naming it one (STORY_NOUNS).
NAV_HEADER_RE = re.compile(r"^(?:next|previous|prev|older|newer)((?: [\w&][\w&-]*){1,3})[\s:»›<>-]*$", re.I)


def is_more_header(text: str) -> bool:
    """True for a header that opens a list of other stories (see the module docstring)."""
    if ALWAYS_HEADER_RE.match(text) or not text.isascii() and CJK_HEADER_RE.match(text):
        return True
    m = NAV_HEADER_RE.match(text)
    if m and m.group(1).split()[-1].lower() in STORY_NOUNS:
        return True
    m = MAYBE_HEADER_RE.match(text.rstrip(" :"))
    if not m:
        return False
    words = [w.lower().strip("&,") for w in m.group(1).split()]
    if words[0] in SOURCE_WORDS:
        return True
    return any(w in READER_WORDS or w in STORY_NOUNS for w in words)


#: "More from <publication>": a publication's name runs to five words ("More From the Los
#: Angeles Times", "More from The Wall Street Journal"), longer than other tail headers.
SOURCE_HEADER_RE = re.compile(r"^(?i:more (?:from|by) (?:the )?)[A-Z][\w.'’&-]*(?: [A-Z&][\w.'’&-]*){0,4}$")
SOURCE_HEADER_WORDS = 7


def is_source_header(text: str) -> bool:
    """A "More from <Publication Name>" header (SOURCE_HEADER_RE; names capitalised)."""
    return SOURCE_HEADER_RE.match(text) is not None


#: A line saying the article ends here ("End of Article", "End of story"): what follows is the
#: page's tail (author box, teasers), however prose-like.
END_MARKER_RE = re.compile(r"^(?:end of (?:the )?(?:article|story)|ende des artikels|fin de l'article|"
                           r"fin del art[ií]culo|fine dell'articolo)\W*$", re.I)


def is_end_marker(text: str) -> bool:
    """True for an end-of-article line (END_MARKER_RE)."""
    return len(text) < END_MARKER_CHARS and END_MARKER_RE.match(text) is not None


#: End markers are short lines (the regex runs on short lines only).
END_MARKER_CHARS = 30


#: A tag list printed as one line: the label, then keywords between commas and no sentence
#: ("Tags calendario stock car 2018, stock car brasil, ..."; "Tagged: Apple, iPhone").  The
#: label in the languages of the benchmark pages.  Long enough to pass as prose by its length
#: alone, it is the post's metadata.
TAG_LINE_RE = re.compile(r"^(?:tags|tagged(?: with| in)?|keywords|etiquetas|schlagwörter|mots-clés|tópicos)"
                         r"\b:?\s+[^.!?]*,[^.!?]*,[^.!?]*$", re.I)


def is_tag_line(text: str) -> bool:
    """True for a one-line tag list (TAG_LINE_RE): at least two commas after a tag label."""
    return TAG_LINE_RE.match(text) is not None


#: A cookie-consent notice (GDPR banners and their "Privacy Overview" tables, printed at the
#: end of the page text): the site talking about itself in sentences, prose by shape but never
#: the article.  Only the banner's own phrasing: an article about cookies says "cookies track
#: you", not "this website uses cookies".
COOKIE_NOTICE_RE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this website) (?:use|uses|may use) cookies\b|"
    r"\bthis cookie is (?:set|used)\b|\bcookie consent\b|\baccept (?:all )?cookies\b|"
    r"\bby (?:continuing to use|using) (?:this|our) (?:web)?site\b", re.I)


def is_cookie_notice(text: str) -> bool:
    """True for a sentence of a cookie-consent banner (COOKIE_NOTICE_RE; a substring every
    branch needs is checked first, the regex runs on a few lines of a page)."""
    if "ookie" not in text and "y continuing" not in text and "y using" not in text:
        return False
    return COOKIE_NOTICE_RE.search(text) is not None


#: A related-list header is followed by a headline and at most a short dek (text_runs:
#: TEASER_DEK_WORDS = 35); a prose block this long within SUBHEAD_LOOKAHEAD blocks of the
#: header is a paragraph of the article, and the "header" its subhead ("Popular Types of
#: Marketing Videos").
PARAGRAPH_WORDS = 50
SUBHEAD_LOOKAHEAD = 2


def opens_paragraph(blocks: list[Block], scores: list[float], h: int) -> bool:
    """A paragraph of the article right under the header at `h` (see PARAGRAPH_WORDS).  Only
    for a header that may be a subhead ("Most ...", "Top ...", "Popular ..."): under
    "More ..." / "Related ..." a card row glued into one long line can look like a paragraph."""
    if ALWAYS_HEADER_RE.match(blocks[h].text) or section_kind(blocks[h].text) == "related":
        return False
    return any(scores[k] > 0 and blocks[k].words >= PARAGRAPH_WORDS
               for k in range(h + 1, min(h + 1 + SUBHEAD_LOOKAHEAD, len(blocks))))


#: An entry of a reference list as citation styles write a web source: MLA ends it with the
#: address and "Accessed 4 Nov. 2025."; APA writes "Retrieved <date>, from <address>".  A
#: sentence of the article does not cite an address that way: the entry is the sources list
#: under the article (which the WCXB gold leaves out), and a long one is no prose to extend
#: the body over.
REFERENCE_ENTRY_RE = re.compile(r"(?:https?://|www\.)\S+\.?\s+(?:Accessed|Retrieved|Archived)\b|"
                                r"\b(?:Retrieved|Archived)\b[^.]{0,40}\bfrom (?:https?://|www\.)")


def is_reference_entry(text: str) -> bool:
    """A web source in a reference list ("Charles Schwab, https://... Accessed 4 Nov. 2025.")."""
    return ("http" in text or "www." in text) and REFERENCE_ENTRY_RE.search(text) is not None

"""Vocabulary of the HTML cleaner: which tags are blocks, which class/id words hint at what.

Kept apart from the algorithm so the hints can be read (and argued about) in one place.  Class
and id strings are split into lower-case words on anything that is not a letter or digit, so
`article-body__text` gives {article, body, text}; hints match whole words, never substrings
("ad" must not fire on "head", "comment" must not fire on "commentary").
"""
from __future__ import annotations

import re

#: Elements whose content is never visible article text.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "input", "textarea", "head",
    "title", "meta", "link", "map", "dialog",
})

#: Inline elements: their text joins the enclosing block.  Anything not listed here (including
#: unknown custom elements) starts a new block, which is the safe side: a wrongly split block
#: loses nothing, a wrongly merged one can glue a menu onto a paragraph.
INLINE_TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr", "label", "nobr", "img", "picture", "source", "br",
})

HEADING_KINDS = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}

#: Class/id words that mark a subtree as not-body, by the kind it is set aside under.
MARK_WORDS: dict[str, str] = {}
for _kind, _words in {
    # "recentcomments" / "recent-entries": the ids and classes WordPress core gives its
    # recent-comments and recent-posts widgets (one glued word, so spelled out here)
    "comments": "comment comments commentlist disqus discussion respond replies recentcomments",
    "related": "related recommended recommendations recirc trending popular mostread "
               "most-popular outbrain taboola morestories more-stories read-next readnext "
               "sidebar rail up-next upnext also-read recent-entries recent-posts recentposts "
               # an embedded player's headline and duration teases another piece (CNN's
               # video-resource__headline inside the body): set aside with the teasers
               "video videos player playlist",
    "promo": "promo newsletter subscribe subscription signup sign-up ad ads advert advertisement "
             "adsbygoogle sponsor sponsored share sharing social socialmedia sharebar "
             "share-bar paywall banner app-promo donate donation cookie cookies consent gdpr "
             "modal popup tags tag-list cta",
    "navigation": "nav navbar navigation menu breadcrumb breadcrumbs footer masthead "
                  "site-header skip-link pagination toolbar topbar",
}.items():
    for _w in _words.split():
        MARK_WORDS[_w] = _kind

#: Tags that mark a subtree by themselves (HTML5 sectioning for page chrome).  A <button> is
#: page furniture ("Menu", "Share") but not skipped: an unclosed one makes the HTML parser nest
#: the rest of the page inside it, and a marked subtree holding most of the prose keeps no mark.
MARK_TAGS = {"nav": "navigation", "footer": "navigation", "aside": "related", "button": "navigation"}
#: ARIA roles that say the same as those tags (WAI-ARIA: `complementary` is an <aside>,
#: `navigation` a <nav>, `contentinfo` the page footer) or name a menu or a pop-up; the set is
#: readability.js's UNLIKELY_ROLES plus `contentinfo`.  A box whose class/id says "article"
#: keeps no mark (the same veto as for class words).
ROLE_MARKS = {"navigation": "navigation", "menu": "navigation", "menubar": "navigation",
              "contentinfo": "navigation", "complementary": "related", "alert": "promo",
              "alertdialog": "promo", "dialog": "promo"}

#: Class/id words that say "this is the article": they veto a negative mark on the same element
#: (a `main-content has-sidebar` wrapper is still the content) and add to a container's score.
POSITIVE_WORDS = frozenset({
    "article", "articlebody", "article-body", "body", "content", "entry", "main", "post",
    "story", "storybody", "story-body", "text", "blog", "prose", "body-text", "rich-text",
})

#: Class/id words that mark a figure caption or its credit line.
#: Matched as substrings of a class/id word ("imageEmbedCaption", "wp-caption-text").
CAPTION_STEMS = ("caption",)
CREDIT_STEMS = ("credit", "copyright")
#: Class/id words of bylines, datelines and standfirsts: metadata (the metadata stage reads
#: them from the page), not body.  The benchmark's gold bodies leave the standfirst out.
BYLINE_WORDS = frozenset({
    "byline", "bylines", "author", "authors", "author-name", "dateline", "timestamp", "date",
    "published", "publish-date", "pubdate", "posted-on", "entry-meta", "post-meta",
    "article-meta", "meta-author", "reading-time", "read-time", "author-bio", "bio",
    "dek", "standfirst", "abstract", "subtitle", "sub-title", "subheadline", "sub-headline",
})

_WORD_RUN = re.compile(r"[a-z0-9]+")
#: A lower -> upper step inside a camelCase class token (`relatedPosts`).
CAMEL_STEP = re.compile(r"([a-z])([A-Z])")


def token_words(token: str) -> dict[str, None]:
    """The words of one class/id token, then its hyphenated pairs.  Not cached here: its one
    caller (clean/html_hints) caches each token's whole answer."""
    low = token.lower()
    if low != token and CAMEL_STEP.search(token):  # camelCase: split at each lower->upper step
        low = CAMEL_STEP.sub(r"\1-\2", token).lower()
    elif low.isalnum():  # most tokens: one word
        return {low: None}
    parts = _WORD_RUN.findall(low)
    if len(parts) < 2:
        return dict.fromkeys(parts)
    return dict.fromkeys(parts + ["-".join(pair) for pair in zip(parts, parts[1:])])


#: Whole short blocks that are page furniture wherever they appear (checked on blocks of at most
#: PROMO_MAX_WORDS words).  Lower-case, matched at the start of the block.
PROMO_LINE = re.compile(
    r"^(advertisement|advertising|advert|sponsored|this slideshow requires|subscribe|sign up|sign in|log in|register|"
    r"follow us|follow @|like us on|share this|share on|share:|click here|download the|"
    r"get the app|read more|continue reading|newsletter|support our|we want to hear|"
    r"this article (?:was|originally)|story continues|ad feedback|skip advertisement|"
    r"thanks for (?:reading|signing)|copyright|all rights reserved|©|sharing is caring|"
    r"like this (?:story|article)|if you (?:enjoyed|liked|value)|let our news|join (?:us|our)|"
    r"get (?:our|the latest)|sign up|don't miss|never miss|back to gallery|order reprints?|"
    r"print (?:article|this)|text size|explore further|like this:|like loading|"
    r"citation:|this (?:document|material|article) (?:is subject to|may not be)|"
    # the same furniture in the other languages of the suites (de, fr, es, pt, it, nl, ru, ja, zh)
    r"anzeige|werbung|publicité|publicidad|publicidade|pubblicità|advertentie|реклама|"
    r"abonnieren|newsletter abonnieren|s'abonner|abonnez-vous|suscríbete|assine|iscriviti|"
    r"подписывайтесь|подпишитесь|スポンサー|広告|广告|赞助)",
    re.I,
)
RELATED_LINE = re.compile(
    r"^(related|read also|read more|see also|more from|more on|also read|recommended|"
    r"you may also|you might also|most popular|most read|trending|top stories|more stories|"
    r"up next|watch:|listen:|read:|related:|more:|popular on|more great|trending on|"
    r"mehr zum thema|weitere artikel|das könnte sie auch|lesen sie auch|auch interessant|"
    r"à lire aussi|lire aussi|sur le même sujet|voir aussi|articles similaires|"
    r"te puede interesar|noticias relacionadas|relacionad[ao]s|lee también|"
    r"leia também|veja também|notícias relacionadas|leggi anche|articoli correlati|"
    r"lees ook|gerelateerd|читайте также|похожие новости|по теме|"
    r"関連記事|関連ニュース|人気記事|相关新闻|相关文章|热门文章|관련 ?기사)",
    re.I,
)
#: A copyright or rights notice anywhere in a short block ("The-CNN-Wire ™ & © 2013 Cable News
#: Network, Inc. ... All rights reserved."): a legal notice closing syndicated copy, not body.
COPYRIGHT_LINE = re.compile(r"©|\(c\) ?(?:19|20)\d\d|\bcopyright\b.{0,80}(?:19|20)\d\d|"
                            r"\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b",
                            re.I)
#: ... of at most this many words (a paragraph that discusses copyright is longer).
COPYRIGHT_MAX_WORDS = 30
#: Substrings one of which COPYRIGHT_LINE needs: a cheap test before the regex scan (an
#: unanchored alternation costs several microseconds a block, ~40 blocks a page).
COPYRIGHT_KEYS = ("©", "opyright", "OPYRIGHT", "ights", "IGHTS", "(c", "(C", "roits", "echte")


def is_copyright_line(text: str) -> bool:
    return any(k in text for k in COPYRIGHT_KEYS) and COPYRIGHT_LINE.search(text) is not None


#: A CMS shortcode the site failed to expand, printed as text: `[button link="..."]Send us
#: YOUR kit review[/button]` -- a widget, never prose.
SHORTCODE_LINE = re.compile(r"^\[(\w+)\b[^\]]*\].*\[/\1\]$")
#: Word limit for PROMO_LINE/RELATED_LINE: a real paragraph may start with "Related".
PROMO_MAX_WORDS = 14

#: Short lines that are a byline or a dateline: "By Jane Doe", "Posted by X on ...",
#: "Published 7:07 PM EST Nov 19, 2019", "November 20, 2019 - 11:28 AMT".
BYLINE_LINE = re.compile(
    r"^(?:by|posted by|written by|published|updated|posted|last updated|report by)\b"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? \w+ \d"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|^\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}"
    r"|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b",
    re.I,
)
#: A wire-style dateline standing alone before the lede: "CNN —", "WASHINGTON (AP) —",
#: "LONDON, Nov 5 (Reuters) -".  Its text is metadata (the outlet, the place), not body.
#: Every word capitalised (a place, an outlet, a month) or a parenthesised agency, ending in a
#: spaced dash: "As a draft, I offer the following--" is prose.
DATELINE_LINE = re.compile(r"^(?:[A-Z][\w.’'&/-]*,?|\([^()]{2,30}\)|\d{1,2},?)"
                           r"(?: (?:[A-Z][\w.’'&/-]*,?|\([^()]{2,30}\)|\d{1,2},?))* (?:—|–|--|-)$")
#: ... of at most this many words.
DATELINE_MAX_WORDS = 8
#: ...of at most this many words and not ending like a sentence ("By Monday, the fire was out."
#: is prose).  Raised 12 -> 16 for "Updated <date> / Original <date>" lines.
BYLINE_MAX_WORDS = 16
#: A bare e-mail address or social handle line under a story: contact metadata.
CONTACT_LINE = re.compile(r"^(?:\S+@\S+\.\w+|(?:https?://)?(?:www\.)?twitter\.com/\w+|@\w+)$", re.I)
#: Contributor lines closing wire stories: "(Reporting by ...; Editing by ...)",
#: "Keith Bradsher contributed reporting."  Gold bodies of the benchmark leave them out.
CONTRIB_LINE = re.compile(
    r"^[\(\[]?(?:additional |with )?(?:reporting|writing|editing|compiled|research) by\b"
    r"|contributed (?:reporting|to this (?:report|story|article))",
    re.I,
)


def is_contrib_line(text: str) -> bool:
    """CONTRIB_LINE, with the unanchored "contributed ..." branch scanned only when the word is
    there (the scan is the costly part; most blocks are tested)."""
    if "ontributed" in text or "ONTRIBUTED" in text:
        return CONTRIB_LINE.search(text) is not None
    return CONTRIB_LINE.match(text) is not None
#: A whole short block that heads or counts a comment section.
COMMENTS_LINE = re.compile(
    r"^(?:\d+ )?(?:comments?|leave a (?:comment|reply)|post a comment|join the (?:conversation|"
    r"discussion)|show comments|view comments|top rated comments|add a comment)\b",
    re.I,
)

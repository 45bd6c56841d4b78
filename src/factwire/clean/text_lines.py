"""Lines of a flattened page -> blocks with features (the first half of the text cleaner).

A *block* is one logical line: an inscriptis-style line as it is, or a paragraph that a
one-text-node-per-line renderer (BeautifulSoup ``get_text("\\n")``) split at every link and
that we re-join here.  Features are cheap string statistics; the region finder in
``text.py`` scores blocks from them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from factwire.clean.boilerplate import is_placeholder

WORD_RE = re.compile(r"\w+")
BULLET_RE = re.compile(r"^(?:[*•·▪‣◦+-]|\d{1,2}[.)])\s+")
#: Characters that end a sentence (closing quotes/brackets after the stop count too).
TERMINAL_RE = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』）]*$")
#: Han, kana and Hangul: scripts written without spaces, where a "word" is a few characters.
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: Characters per word-equivalent in CJK text (Japanese/Chinese news runs 1.5-2.5 chars per
#: English word of the translation); 2 puts a 60-character Japanese sentence at ~30 "words".
CJK_CHARS_PER_WORD = 2
#: Characters a terminal draws two columns wide (East Asian Wide/Fullwidth: Hangul Jamo, CJK
#: symbols and punctuation such as 、。「」, kana, Han, Hangul, fullwidth forms such as ＋（）).
#: A dump wraps a run of them at any character, so a wrap between two of them is no space.
WIDE_RE = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3040-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
                     r"\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
#: A line starting like this continues the previous line (closing punctuation, lowercase word).
CONTINUATION_START_RE = re.compile(r"^(?:[,.;:!?)\]}’”%»]|[a-z]|'s\b)")
CLOSING_START_RE = re.compile(r"^[,.;:!?)\]}’”%»]")
#: A line ending like this is cut in the middle of a sentence (open bracket/quote, comma -- the
#: Japanese/Chinese enumeration comma "、" and fullwidth "，" too --, dash).
OPEN_END_RE = re.compile(r"(?:[,(\[{“‘«/—–、，（「-]|"
                         r"\b(?:a|an|the|of|to|in|on|at|by|for|from|with|and|"
                         r"or|but|as|that|is|was|are|were|said|says|via|than|into|about))$")

#: A capitalised fragment of at most this many words between two halves of a sentence is a
#: link (a name, a title) inside the paragraph; bs4 pages on text-dev: 1-4 words.
LINK_MAX_WORDS = 4

#: Line-end patterns are matched on the last this-many characters only (an unanchored "...$"
#: search would otherwise try every position of a growing paragraph).
TAIL_CHARS = 24

#: First words of a section header that a one-text-node-per-line renderer splits from the
#: styled name after them ("More" / "Washington Examiner"); text_headers.is_more_header reads
#: the joined header.
HEADER_LEADS = frozenset({"more", "most", "latest", "top", "popular", "related", "more from", "more in"})
#: Joining needs the growing paragraph (or the fragment) to have at least this many words, so
#: that menus of short lowercase entries ("news", "home page", "world") are not glued together.
#: Calibrated on the bs4 half of text-dev: 5 joins 4-word lead-ins like "Trump said at" + link,
#: 4 and below started gluing menus.
JOIN_MIN_WORDS = 5

STOPWORDS = frozenset("""
a an the of to in on at by for from with and or but as that this these those is was are were be
been being it its he she they we you i his her their our your him them us not no so if then than
there here which who whom what when where why how all any some more most also just only about into
over after before under while would will can could should may might must has have had do does did
der die das und ist von zu den mit sich des auf für nicht ein eine als auch es an werden aus er hat
dass sie nach wird bei um noch wie einem über einen so zum war haben nur oder aber vor zur bis
le la les de des du un une et est que qui dans pour pas sur au avec il elle ce se par plus sont
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне
было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до
это этот для при также может которые который
el los las del en y que por con para una es al lo como más pero sus le ya o fue este ha si
""".split())

#: A line that is one bracketed run and nothing else: w3m prints an image as "[alt]" (or
#: "[file-name]" when it has no alt) and a form field as "[    ]"; prose is never bracketed whole.
BRACKET_LINE_RE = re.compile(r"^\[[^\[\]]*\]$")


#: Where a link starts, in the text ``text_unwrap.normalize(marks=True)`` hands to
#: build_blocks: lynx numbers every link ("[12]Home") and html2text writes "[Home](url)";
#: both are removed from the words but kept here as evidence of what is a link.  A Unicode
#: noncharacter (reserved for a program's internal use, never in a page's text).
LINK_MARK = "\ufdd0"
#: Where a link's text ends (Markdown only: lynx shows where a link starts, not where it ends).
LINK_END = "\ufdd1"


def is_bracketed(text: str) -> bool:
    """An image or form placeholder printed by a text browser ("[wAAACH5BAE]", "[ ]")."""
    return text.startswith("[") and text.endswith("]") and BRACKET_LINE_RE.match(text) is not None


#: A caption's credit in parentheses after its last sentence, the agency style for photo
#: captions (AP Stylebook: "... on Tuesday. (AP Photo/Evan Vucci)"; Getty/AFP: "(Photo by X /
#: AFP) (Photo credit should read X/AFP/Getty Images)"; pool photos: "(ITV via AP)").  Text
#: renderers print an image's alt, which news sites fill with the caption: such a line is a
#: caption wherever it stands, never body prose.
CREDIT_TAIL_RE = re.compile(
    r"[.!?\"”’]\s*\((?P<c>(?:AP|AFP|EPA|Reuters|Getty|Bloomberg|Shutterstock|Photo|Image|Picture|Credit|"
    r"Courtesy|Foto)\b[^()]{0,120}|[^()]{1,60}\b(?:via|for) (?:AP|AFP|EPA|Reuters|Getty Images)|"
    r"[^()]{1,60}/(?:AP|AFP|EPA|Reuters|Getty Images|Bloomberg)\b[^()]{0,40})\)"
    r"(?:\s*\([^()]{1,120}\))?$", re.I)


def credit_tail(text: str) -> re.Match[str] | None:
    """The trailing photo credit of a caption line ("... Tuesday. (AP Photo/Andrew Harnik)")."""
    if not text.endswith(")"):
        return None
    return CREDIT_TAIL_RE.search(text, max(0, len(text) - CREDIT_TAIL_CHARS))


#: A caption's credit as a label after its last sentence, no parentheses (the New York Times
#: prints "Credit..." before the name, glued to the caption in a dump: "... get it.Credit...Doug
#: Mills/The New York Times"): Bloomberg's
#: "... on Tuesday. Photographer: Andrew Harrer/Bloomberg", "... Credit: Tyvak", AP's "Photo:
#: Ringo H.W. Chiu, AP / Copyright 2019 Associated Press. All rights reserved.".
LABELLED_CREDIT_RE = re.compile(r"[.!?\"”’]\s*(?:Photographer|Photograph|Photo|Foto|Credit|Image)s?"
                                r"(?:: |\.\.\.|…)[^:]{2,60}?"
                                r"(?:\s*/?\s*(?:Copyright|©)[^/:]{0,80})?$")
#: ... or the agency after a slash ending the line, within a few words of its last sentence:
#: "... harming air quality. Sakib Ali/Hindustan Times/Getty Images" (a figcaption and its
#: credit span, which lynx and w3m print as one paragraph), "... July 15, 2018. / AFP PHOTO /
#: - / RESTRICTED TO EDITORIAL USE -/AFP/Getty Images".
NAMED_CREDIT_RE = re.compile(r"[.!?].{0,160}/\s?(?:Getty Images|AFP|AP|Reuters|EPA|Bloomberg|Shutterstock|"
                             r"iStock|Alamy|NurPhoto|Sipa USA|Zuma Press|Xinhua|Anadolu Agency|SOPA Images|"
                             r"LightRocket)(?: via Getty Images)?$")


def labelled_credit(text: str) -> bool:
    """The line ends in a photo credit after its last sentence, labelled or named (see
    LABELLED_CREDIT_RE, NAMED_CREDIT_RE)."""
    start = max(0, len(text) - CREDIT_TAIL_CHARS)
    if (": " in text[start:] or "Credit..." in text or "Credit…" in text) and LABELLED_CREDIT_RE.search(text, start):
        return True
    if "©" in text and copyright_credit(text):
        return True
    if "/" in text[-AGENCY_FIRST_CHARS:] and AGENCY_FIRST_CREDIT_RE.search(text, start):
        return True
    return named_credit(text)


def named_credit(text: str) -> bool:
    """The line ends in an agency's name after a slash, after its last sentence (see
    NAMED_CREDIT_RE): a caption's credit, the end of the caption."""
    start = max(0, len(text) - CREDIT_TAIL_CHARS)
    return text.endswith(CREDIT_AGENCY_ENDS) and NAMED_CREDIT_RE.search(text, start) is not None


#: Reuters' house style puts the agency first: "... in New York, U.S., November 18, 2019.
#: REUTERS/Brendan McDermid", "... REUTERS/Erin Scott/File Photo" -- the agency, a slash and the
#: photographer's name (two to four capitalised words) after the caption's last sentence.
AGENCY_FIRST_CREDIT_RE = re.compile(r"[.!?\"”’]\s+(?:REUTERS|Reuters|AFP|AP|EPA)/\s?[A-Z][\w.'’-]+"
                                    r"(?: [A-Z][\w.'’-]+){0,3}(?:/File Photo)?$")
#: ... looked for when a slash is among the last this-many characters.
AGENCY_FIRST_CHARS = 60
#: A photo credit as a copyright sign and the holder's name, after a caption's sentence or
#: before it: "... Bolivia, November 19, 2019. © Reuters / David Mercado", "© John Brecher
#: Needle poking skin ..." (MSN / RT style) ...
COPYRIGHT_CREDIT_RE = re.compile(r"(?:^|[.!?\"”’]\s*)©\s?[A-Z]")
#: ... with no year among the first this-many words after the sign: "© Telegraph Media Group
#: Limited 2019", "© Phys.org 2003 - 2019" are the site's own notice (text_footer) ...
COPYRIGHT_YEAR_WORDS = 6
#: ... and no words of a notice ("All rights reserved", "Copyright").
NOTICE_WORDS_RE = re.compile(r"\b(?:rights|copyright|reserved)\b", re.I)


def copyright_credit(text: str) -> bool:
    """The line holds a photo credit written "© <Name>" (see COPYRIGHT_CREDIT_RE)."""
    m = COPYRIGHT_CREDIT_RE.search(text)
    if m is None or NOTICE_WORDS_RE.search(text):
        return False
    after = text[m.end() - 1:].split()[:COPYRIGHT_YEAR_WORDS]
    return not any(ch.isdigit() for word in after for ch in word)


#: The last words NAMED_CREDIT_RE can end on (a cheap pre-check: most blocks end otherwise).
CREDIT_AGENCY_ENDS = ("Images", "AFP", "AP", "Reuters", "EPA", "Bloomberg", "Shutterstock", "iStock",
                      "Alamy", "NurPhoto", "USA", "Press", "Xinhua", "Agency", "LightRocket")


#: A caption's credit tail is looked for in the last this-many characters (two credits of
#: up to 120 characters each).
CREDIT_TAIL_CHARS = 300


@dataclass(slots=True)
class Block:
    """One logical line of the page with the features the region finder needs."""

    text: str
    line: int  # index of its first source line
    blank_before: bool = False
    bullet: bool = False
    words: int = 0
    terminal: bool = False  # ends like a sentence
    stop_ratio: float = 0.0
    upper_ratio: float = 0.0  # share of cased letters that are upper case
    gaps: int = 0  # column gaps in its first line (a table row aligned by the renderer)
    links: int = 0  # links that start in it (LINK_MARK: lynx and Markdown renders only)
    link_lead: bool = False  # its first line opens with a link (after a bullet)
    linked: int = 0  # non-space characters of link text in it (LINK_MARK to LINK_END: Markdown only)
    raw: list[str] = field(default_factory=list)


def count_words(text: str) -> int:
    """Word count that also works for scripts without spaces (CJK counted by characters)."""
    if text.isascii():
        return len(WORD_RE.findall(text))
    cjk = len(CJK_RE.findall(text))
    if not cjk:
        return len(WORD_RE.findall(text))
    latin = len(WORD_RE.findall(CJK_RE.sub(" ", text)))
    return latin + cjk // CJK_CHARS_PER_WORD


#: Two or more spaces inside a line: a column gap (inscriptis and w3m align table cells); or a
#: tab: a browser's innerText ends every table cell but a row's last with a tab (the HTML
#: spec's innerText rules), so a copied table row is its cells joined by tabs.
COLUMN_GAP_RE = re.compile(r"\S(?: {2,}|[ ]?\t[\t ]*)(?=\S)")


def split_lines(text: str) -> list[tuple[str, bool]]:
    """Non-blank stripped lines, each with whether a blank line came before it."""
    return [(line.text, line.blank) for line in split_lines_gaps(text)]


class Line(NamedTuple):
    """One non-blank line with what build_blocks needs of it."""

    text: str
    blank: bool  # a blank line came before it
    gaps: int  # column gaps (before spaces are collapsed)
    links: int = 0  # links that start in it (LINK_MARK, removed from the text)
    lead: bool = False  # it opens with a link
    linked: int = 0  # characters of link text (LINK_MARK to LINK_END)


def split_lines_gaps(text: str) -> list[Line]:
    """split_lines with each line's number of column gaps (before spaces are collapsed) and
    its link marks (see Line)."""
    out: list[Line] = []
    blank = inside = False
    marked, ended = LINK_MARK in text, LINK_END in text  # lynx marks no link's end
    for raw in text.splitlines():
        links, lead, linked = 0, False, 0
        if marked and (inside or LINK_MARK in raw or ended and LINK_END in raw):
            links, lead = raw.count(LINK_MARK), _opens_with_link(raw)
            if ended:
                linked, inside = _linked_chars(raw, inside)
                raw = raw.replace(LINK_END, "")
            raw = raw.replace(LINK_MARK, "")
        line = " ".join(raw.split())
        if not line:
            blank = True
            continue
        inner = raw.strip()
        gaps = len(COLUMN_GAP_RE.findall(inner)) if "  " in inner or "\t" in inner else 0
        out.append(Line(line, blank, gaps, links, lead, linked))
        blank = False
    return out


def _opens_with_link(raw: str) -> bool:
    """The line's first word (after a list bullet) is a link."""
    line = raw.lstrip()
    m = BULLET_RE.match(line)
    return line[m.end() if m else 0:].startswith(LINK_MARK)


def _linked_chars(raw: str, inside: bool) -> tuple[int, bool]:
    """Non-space characters of `raw` inside links, and whether a link is still open at its end
    (a link's text may run over several lines)."""
    n, pos = 0, 0
    while True:
        if inside:
            end = raw.find(LINK_END, pos)
            piece = raw[pos:] if end < 0 else raw[pos:end]
            n += len(piece) - piece.count(" ") - piece.count(LINK_MARK)
            if end < 0:
                return n, True
            pos, inside = end + 1, False
        else:
            start = raw.find(LINK_MARK, pos)
            if start < 0:
                return n, False
            pos, inside = start + 1, True


def continues(prev: str, prev_words: int, line: str, line_words: int, blank_before: bool,
              nxt: str | None = None) -> bool:
    """True when `line` is the rest of the paragraph `prev` (a split inline run).

    Why: a bs4-style renderer puts every link on its own line, so a paragraph with three links
    arrives as seven lines; scoring those fragments one by one would drop the short ones."""
    if BULLET_RE.match(line) or is_placeholder(line):
        return False
    if TERMINAL_RE.search(prev[-TAIL_CHARS:]) and not CLOSING_START_RE.match(line):
        return False
    if prev.endswith(")") and not CLOSING_START_RE.match(line) and credit_tail(prev) is not None:
        return False  # a photo credit ends its caption ("... Wednesday. (Elias Funez/The Union via AP)")
    if not blank_before and prev.lower() in HEADER_LEADS and line_words <= LINK_MAX_WORDS:
        return True  # "More" + "Washington Examiner": a header whose name is a styled span
    if blank_before and not re.match(r"^[,.;:!?)\]’”]", line) and not _cut_mid_sentence(prev, prev_words):
        return False
    long_enough = prev_words >= JOIN_MIN_WORDS or line_words >= JOIN_MIN_WORDS
    if not long_enough:
        return False
    if CONTINUATION_START_RE.match(line):
        return True
    if nxt is not None and line_words <= LINK_MAX_WORDS and prev_words >= JOIN_MIN_WORDS and \
            CONTINUATION_START_RE.match(nxt) and not looks_like_heading(prev):
        return True  # a capitalised link ("Star Trek") between two halves of a sentence
    # an upper-case start continues only a run cut after a function word or open punctuation
    # ("... Trump won by" + "30 points"); after any other word it is a heading + paragraph
    return prev_words >= JOIN_MIN_WORDS and bool(OPEN_END_RE.search(prev[-TAIL_CHARS:])) and \
        not looks_like_heading(prev)


#: A run this long that ends on a comma, an open bracket or a function word (OPEN_END_RE) was
#: cut inside a sentence: what follows it (after a blank line too: bs4 prints a link's own line
#: breaks) is the rest of the sentence.
CUT_MIN_WORDS = 8


def _cut_mid_sentence(prev: str, prev_words: int) -> bool:
    """`prev` stops inside a sentence (see CUT_MIN_WORDS)."""
    return prev_words >= CUT_MIN_WORDS and OPEN_END_RE.search(prev[-TAIL_CHARS:]) is not None


#: A sentence end followed by a capitalised word: a full sentence inside the line.
INNER_STOP_RE = re.compile(r"[.!?][\"'”’)]* [A-Z“\"]")


def has_inner_stop(text: str) -> bool:
    """A sentence end before the last few characters (a full sentence precedes a cut tail)."""
    return bool(INNER_STOP_RE.search(text[:-4]))


def looks_like_heading(text: str) -> bool:
    """Title Case runs without a stop ("Republicans Are Following Trump to Nowhere")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words or len(words) > 14:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def wide_join(prev: str, nxt: str) -> bool:
    """A break between two wide characters (inside a run of Japanese or Chinese, where words
    are not spaced even when the line holds a Latin name elsewhere): joined without a space."""
    return WIDE_RE.match(prev[-1]) is not None and WIDE_RE.match(nxt[0]) is not None


def glue(prev: str, line: str) -> str:
    """Join two fragments with a space unless the second starts with closing punctuation."""
    if CLOSING_START_RE.match(line) or prev.endswith(("(", "[", "“", "‘", "«", "/")) or wide_join(prev, line):
        return prev + line  # no space inside a run of Japanese or Chinese either
    return prev + " " + line


def build_blocks(text: str) -> list[Block]:
    """Group the page's lines into blocks (re-joining split paragraphs) and compute features."""
    blocks: list[Block] = []
    lines = split_lines_gaps(text)
    for idx, (line, blank, gaps, links, lead, linked) in enumerate(lines):
        n = count_words(line)
        nxt = lines[idx + 1].text if idx + 1 < len(lines) and not lines[idx + 1].blank else None
        if blocks and continues(blocks[-1].text, blocks[-1].words, line, n, blank, nxt):
            last = blocks[-1]
            last.text = glue(last.text, line)
            last.raw.append(line)
            last.words += n
            last.links += links
            last.linked += linked
            continue
        blocks.append(Block(text=line, line=idx, blank_before=blank, raw=[line], words=n, gaps=gaps,
                            links=links, link_lead=lead, linked=linked))
    for b in blocks:
        add_features(b)
    return blocks


def add_features(block: Block) -> None:
    """Fill the cheap per-block statistics used for scoring."""
    m = BULLET_RE.match(block.text)
    if m and len(block.text) > m.end():
        block.bullet = True
        block.text = block.text[m.end():]
    text = block.text
    words = WORD_RE.findall(text.lower())
    block.words = len(words) if text.isascii() else count_words(text)
    block.terminal = bool(TERMINAL_RE.search(text[-TAIL_CHARS:]))
    block.stop_ratio = sum(map(STOPWORDS.__contains__, words)) / len(words) if words else 0.0
    head = text[:CAPS_SAMPLE_CHARS]
    upper = sum(map(str.isupper, head))
    cased = upper + sum(map(str.islower, head))
    block.upper_ratio = upper / cased if cased else 0.0


#: Capitalisation is measured on the first this-many characters: enough to tell an ALL-CAPS
#: headline (they are under 200 characters) and it keeps long paragraphs cheap.
CAPS_SAMPLE_CHARS = 200

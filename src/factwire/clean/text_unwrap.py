"""Undo what text renderers add to a page before the line cleaner reads it.

A page "as text" comes from many tools (bench/text_pages.py renders the TEXT DEV with seven).
Three of their habits break a line-based cleaner that expects one line per paragraph:

* hard wrapping at a fixed width (html2text at 78 columns, lynx and w3m at ~80): a paragraph
  arrives as five short lines that each look like a menu entry;
* Markdown syntax (html2text): `[text](url)` puts the URL's words into the text, `# `, `**`
  and `\\-` escapes are not the page's words;
* lynx's link numbers: `[12]Home` inline, and a `References` list of every URL at the end;
* tables printed one cell per line (bs4, readability's text) or drawn with box characters,
  a cell wrapped inside its column (w3m): text_tables.py.

`normalize` detects each habit from the page itself (nothing is assumed from a renderer name)
and returns text in the shape the cleaner was built for; text without them is returned as is.
"""
from __future__ import annotations

import re

from factwire.clean.text_cells import join_wrapped_cells
from factwire.clean.text_columns import split_columns
from factwire.clean.text_embeds import drop_frames, drop_inline_buttons, drop_rules
from factwire.clean.text_lines import (
    CJK_RE,
    LINK_END,
    LINK_MARK,
    WIDE_RE,
    credit_tail,
    named_credit,
    wide_join,
)
from factwire.clean.text_tables import BOX_BAR, join_box_rows, join_cell_runs

# --- Markdown ---------------------------------------------------------------------------------
#: html2text breaks a long link target after a hyphen: "(https://x.com/a-\nb-c)", also before
#: the link's title: "(https://x.com/a-\nb/ "Title")".
MD_URL_BREAK_RE = re.compile(r"(\]\((?:\\.|[^()\s\\])*-)\n(?=(?:\\.|[^\s)\\])*(?:[)\n-]| \"))")
#: An image; its alt text may hold escaped brackets (`![\[https://x/a.jpg\]](...)`), its
#: address escaped parentheses (html2text writes `focal\(0x0:659x692\)`, `Swim+\(1\).jpg`).
MD_IMAGE_RE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\((?:\\.|[^)\s\\])*(?:\s+\"[^\"]*\")?\)")
MD_LINK_RE = re.compile(r"\[([^\]]*)\]\((?:\\.|[^()\s\\]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
#: A heading marker, also inside a list item ("  * ##### More Washington Examiner").
MD_HEADING_RE = re.compile(r"^([ \t]*(?:[*+-][ \t]+)?)#{1,6}[ \t]+", re.M)
#: Underscores standing alone: the emphasis of an empty icon link ("[__](mailto:...)").
MD_BARE_UNDERSCORES_RE = re.compile(r"(?<![\w_])_{2,}(?![\w_])")
MD_BOLD_RE = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
MD_ITALIC_RE = re.compile(r"(?<![\w*])_(\S(?:.*?\S)?)_(?!\w)")
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
MD_RULE_RE = re.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|[-|: \t]*-{3,}[-|: \t]*)$", re.M)
#: html2text's blockquote marks ("> " before every line of a quote, "> > " nested): taken off
#: before unwrapping, or a wrapped quote keeps a ">" inside each of its sentences.
MD_QUOTE_RE = re.compile(r"^([ \t]*)(?:>[ \t]?)+")
#: A link target broken over more lines than this is left as it is.
MAX_URL_BREAKS = 6
#: Markdown links in at least this many lines make a page Markdown (html2text output has
#: hundreds; prose that quotes one link has one or two).
MD_MIN_LINKS = 5

# --- lynx ---------------------------------------------------------------------------------------
#: A link number; not a Markdown link whose text is a number ("[1](https://...)", html2text's
#: numbered references), whose address follows in brackets -- lynx's "[12](BUTTON)" does not.
LYNX_REF_RE = re.compile(r"\[\d{1,4}\](?!\((?:[a-z][a-z0-9+.-]*:|/|#|\.))")
LYNX_PLACEHOLDER_RE = re.compile(r"\[(?:IMG|INLINE|LINK|BUTTON|EMBED|FRAME|hidden)\]")
#: A numbered URL of the list, or the rest of one: an href holding a line break is printed on
#: several lines, the later ones a bare run of non-space characters (no prose line is).
LYNX_REF_LINE_RE = re.compile(r"^\s*(?:\d{1,5}\. \S|\S+\s*$)")
#: A link target holding spaces and line breaks (a "mailto:?body=<the headline and the
#: article's dek>") prints lines that are neither a numbered URL nor a bare run: the list still
#: goes on when at most this share of its lines are such ...
REF_ODD_SHARE = 0.1
#: ... (the scan stops at the first odd lines once this many exceed that share: the page's text).
REF_ODD_MIN = 3
LYNX_REFS_HEADER_RE = re.compile(r"^\s*(?:References|Visible links|Hidden links):?\s*$")
#: lynx's bullets of nested lists ("o", "+", "#", "@"), indented deeper than a paragraph
#: (lynx indents paragraphs by 3; its nested items sit at 7-15): made "* " items.
LYNX_NESTED_BULLET_RE = re.compile(r"^(\s{5,})[o+#@] (?=\S)")
#: lynx's placeholder for an image without alt text: the file's name (and its query, which
#: may hold wrapped spaces and line breaks) in brackets.
LYNX_IMAGE_NAME_RE = re.compile(r"\[[^\[\]\s]+\.(?:jpe?g|png|gif|webp|svg|bmp)(?:[?#][^\[\]]{0,300})?\]", re.I)
#: w3m's placeholder for an image (its alt or file name, cut to a few characters, in brackets)
#: glued to the paragraph the image opens: "[switchlite]Save $31 if you get ...".  One bracketed
#: token with no space, at a line's start, a letter right after it (a Markdown link has "](",
#: a lynx link number is digits): never a word of the page.
GLUED_IMAGE_RE = re.compile(r"^(\s*)\[[^\[\]\s\d!][^\[\]\s]{2,40}\](?=[A-Za-z“\"])", re.M)
#: What may stand before a placeholder that is alone on its line: indent, bullet, link number.
LYNX_LINE_HEAD_RE = re.compile(r"^\s*(?:[*+o#@-]\s+)?(?:\[\d{1,4}\])?\s*$")
#: Inline `[12]` markers on at least this many lines make a page a lynx dump.
LYNX_MIN_REFS = 5

# --- hard wrapping -----------------------------------------------------------------------------
#: Wrap widths looked for (columns): renderers wrap at 72-80, some at up to 100.
WRAP_WIDTHS = (60, 100)
#: A width is the page's wrap width when at least this share of its lines longer than
#: LONG_LINE chars end within WRAP_SLACK columns of it; unwrapped text (inscriptis, a browser
#: copy) has paragraph lines of every length, up to thousands of characters.
WRAP_SHARE = 0.5
LONG_LINE = 40
#: A wrapped line ends at most this many columns short of the width (a long next word).
WRAP_SLACK = 18
#: ... and no more than this share of the page's lines may run past the width (URLs and
#: unbreakable words do).
OVERFLOW_SHARE = 0.08
#: lynx keeps a link's text on one line: a line ending this far short of the width was still
#: wrapped when the next line starts with a link marker.
LINK_WRAP_SLACK = 40
#: A line that is one lynx link of a few words and nothing else (a tag, a menu entry).
LONE_LINK_RE = re.compile(r"^\[\d{1,4}\]\W*\w+(?:\W+\w+){0,3}\W*$")
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*$")
#: A following line starting like this is a new item, not the rest of the paragraph (a line of
#: a table w3m draws with box characters, U+2500-U+257F, neither).
NEW_ITEM_RE = re.compile(r"^(?:[*•·▪+-]\s|\d{1,3}[.)]\s|#{1,6}\s|\||[\u2500-\u257f])")


def normalize(text: str, marks: bool = False) -> str:
    """Text with renderer artefacts undone (wrapping, Markdown, lynx link numbers).  With
    `marks`, every link start that lynx's numbers or Markdown show is left as LINK_MARK (for
    build_blocks, which removes it): the line cleaner can then tell a run of links (a teaser
    rail) from the article's prose, a distinction the plain words lose."""
    mark = LINK_MARK if marks else ""
    if LINK_MARK in text or LINK_END in text:
        text = text.replace(LINK_MARK, "").replace(LINK_END, "")
    if "]" in text:
        text = GLUED_IMAGE_RE.sub(r"\1", text)
    lines = text.splitlines()
    if ">" in text and text.count("](") >= MD_MIN_LINKS:
        lines = [MD_QUOTE_RE.sub(r"\1", ln) if ln.lstrip().startswith(">") else ln for ln in lines]
    lynx = sum(1 for ln in lines if "[" in ln and LYNX_REF_RE.search(ln)) >= LYNX_MIN_REFS
    if lynx:
        lines = [LYNX_NESTED_BULLET_RE.sub(r"\1* ", ln) for ln in drop_frames(cut_references(lines))]
    width = wrap_width(lines)  # on the lines as wrapped: before the [12] markers go
    if width:
        lines = unwrap(join_wrapped_cells(split_columns(lines, width)), width)
    elif lynx and WIDE_RE.search(text):
        lines = unwrap_wide(lines)
    if lynx:
        lines = drop_inline_buttons(drop_rules(drop_image_names(lines)))
        lines = [LYNX_PLACEHOLDER_RE.sub("", LYNX_REF_RE.sub(mark, ln)) for ln in lines]
    boxed = BOX_BAR in text
    if boxed:
        lines = join_box_rows(lines)
    joined = join_cell_runs(lines)
    changed = lynx or boxed or width is not None or len(joined) != len(lines)
    lines = joined
    if not changed and text.count("](") < MD_MIN_LINKS:
        return text
    text = "\n".join(lines)
    if len(MD_LINK_RE.findall(text)) >= MD_MIN_LINKS:
        text = demarkdown(text, mark)
    if mark and mark in text:
        text = GLUED_LINK_RE.sub("\\1\n", text)
    return text


#: A sentence's stop with a link starting right after it, no space between ("... Biletix
#: reveals.[Kim Kardashian ...](url)"): the two were separate elements (a list item's dek and
#: the next item's headline, an image between them that the renderer dropped), since in
#: running prose a space follows a stop; such a line is two blocks.
GLUED_LINK_RE = re.compile("([.!?][\"'”’)]*)(?=" + LINK_MARK + ")")


def drop_image_names(lines: list[str]) -> list[str]:
    """lynx's lines without its placeholders for images that have no alt text: lynx prints the
    file's name in brackets ("[ps4dualshockcrystal.jpg?width=640&amp;...]", "[1x1.trans.gif]"),
    a long one wrapped over two lines; a name of a file is no word of the page."""
    text = "\n".join(lines)
    if "[" not in text:
        return lines
    return LYNX_IMAGE_NAME_RE.sub(_inline_name, text).split("\n")


def _inline_name(m: re.Match[str]) -> str:
    """"" for a placeholder inside a line of text; one alone on its line (a linked icon, a
    spacer between two rails) is kept: a line of images only is the page's chrome, and the
    cleaner scores it so (text_lines.is_bracketed)."""
    text = m.string
    head = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
    end = text.find("\n", m.end())
    tail = text[m.end():end if end >= 0 else len(text)]
    alone = LYNX_LINE_HEAD_RE.match(head) and not tail.strip()
    return m.group(0) if alone else ""


def cut_references(lines: list[str]) -> list[str]:
    """The page without lynx's closing lists of link URLs ("References", or "Visible links"
    and "Hidden links"): the tail made only of such headers, numbered URLs and blank lines."""
    cut, odd, seen = len(lines), 0, 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if LYNX_REFS_HEADER_RE.match(line):
            if odd <= REF_ODD_SHARE * seen:
                cut, odd, seen = i, 0, 0
        elif line.strip():
            seen += 1
            if not LYNX_REF_LINE_RE.match(line):
                odd += 1
                if odd > REF_ODD_SHARE * seen and odd >= REF_ODD_MIN:
                    break
    return lines[:cut]


def wrap_width(lines: list[str]) -> int | None:
    """The column at which the page was hard-wrapped, or None when it was not.

    Wrapped text has most of its long lines ending a little short of one column, and no line
    past it that could have been broken there (a long URL with no space may run past).  When
    no width fits, it is looked for again on the lines without a Markdown link: html2text
    keeps a link's markup whole, so a line holding one ends wherever the next address did not
    fit (a menu of links wraps every 40-60 columns), which can hide the page's width."""
    long: list[tuple[int, int]] = []  # (length, column of the first space after the indent)
    plain: list[int] = []  # lengths of the long lines without a Markdown link
    for ln in lines:
        n = columns(ln.rstrip())
        if n > LONG_LINE and not _drawn(ln):
            indent = len(ln) - len(ln.lstrip())
            space = ln.find(" ", indent)
            if space < 0 or NEW_ITEM_RE.match(ln, indent) or "](" in ln:
                space = n  # list items and Markdown links are left unwrapped (html2text)
            long.append((n, space))
            if "](" not in ln:
                plain.append(n)
    if len(long) < 5:
        return None
    best = _best_width(long, [n for n, _ in long])
    if best is None and len(plain) >= 5 and len(plain) < len(long):
        best = _best_width(long, plain)
    return best


def _best_width(long: list[tuple[int, int]], sample: list[int]) -> int | None:
    """The width at which the largest share of `sample` (line lengths) ends within WRAP_SLACK
    columns, with few of the long lines running past it where they could have been broken."""
    lo, hi = WRAP_WIDTHS
    upto = [0] * (hi + 2)  # upto[k]: sampled lines of at most k columns (k <= hi)
    for n in sample:
        if n <= hi:
            upto[n] += 1
    for k in range(1, hi + 2):
        upto[k] += upto[k - 1]
    best, best_share = None, 0.0
    for width in range(lo, hi + 1):
        share = (upto[width] - upto[width - WRAP_SLACK - 1]) / len(sample)
        if share < WRAP_SHARE or share <= best_share:
            continue  # the overflow count below runs for a few widths of wrapped pages only
        over = sum(1 for n, space in long if n > width and space < width)
        if over <= OVERFLOW_SHARE * len(long):
            best, best_share = width, share
    return best


def unwrap(lines: list[str], width: int) -> list[str]:
    """Join each wrapped line with the line after it: a line is wrapped when it ends near the
    width and the next line's first word would not have fitted after it."""
    out: list[str] = []
    for i, ln in enumerate(lines):
        stripped = ln.strip()
        if i and out and stripped and not NEW_ITEM_RE.match(stripped) and \
                _was_wrapped(lines[i - 1], width, stripped):
            prev = out[-1].rstrip()
            # wrappers break after a hyphen ("well-" / "known", long URLs): no space there;
            # nor between lines of a script written without spaces
            glue = "" if prev.endswith("-") and not prev.endswith(" -") or _unspaced(prev, stripped) or \
                wide_join(prev, stripped) else " "
            out[-1] = prev + glue + stripped
        else:
            out.append(ln)
    return out


def _was_wrapped(line: str, width: int, next_line: str) -> bool:
    """`line` ends near the wrap width and the next line's first word would have run past it
    -- or, for a line of running text well into the width, when the next "word" is a link that
    lynx keeps whole (`[123]Maurkice Pouncey`: its length is unknown here), unless a sentence
    ends the line and the link is all the next line holds (a list of tags or menu links), or
    a photo credit ends it ("... (ITV via AP)"): a caption ends there, and a gallery's next
    linked picture starts a line of its own."""
    next_word = next_line.split(" ", 1)[0]
    n = columns(line.rstrip())
    if n > width or " " not in line.strip() and not CJK_RE.search(line) or _drawn(line):
        return False
    if n >= width - WRAP_SLACK and n + 1 + len(next_word) > width:
        return not named_credit(line.rstrip())  # a caption ends with its agency's name
    return n >= width - LINK_WRAP_SLACK and next_word.startswith("[") and LYNX_REF_RE.match(next_word) is not None \
        and not (SENTENCE_END_RE.search(line.rstrip()) and LONE_LINK_RE.match(next_line)) \
        and credit_tail(line.rstrip()) is None


#: lynx wraps a run of Japanese or Chinese by characters, not columns (74 of them after its
#: 3-column indent, where w3m fills 78 columns), so `wrap_width` finds no width on such a page.
#: It breaks such a run at any character, so its wrapped lines end with a wide character
#: within this many characters of the longest one (line-breaking rules move a character or two) ...
WIDE_WRAP_SLACK = 3
#: ... and a page has at least this many of them (one long line is no wrap width).
WIDE_MIN_WRAPS = 3


def unwrap_wide(lines: list[str]) -> list[str]:
    """lynx's character-wrapped Japanese/Chinese lines joined: a line that ends with a wide
    character at the page's longest such length is continued by the next line (no space
    between two wide characters)."""
    ends = [len(ln.rstrip()) for ln in lines if ln.strip() and WIDE_RE.match(ln.rstrip()[-1])]
    width = max(ends, default=0)
    if sum(1 for n in ends if n >= width - WIDE_WRAP_SLACK) < WIDE_MIN_WRAPS:
        return lines
    out: list[str] = []
    for i, ln in enumerate(lines):
        stripped = ln.strip()
        prev = out[-1].rstrip() if out else ""
        if i and stripped and not NEW_ITEM_RE.match(stripped) and \
                (_wide_full(lines[i - 1], width) or _latin_break(lines[i - 1], stripped, width)):
            out[-1] = prev + ("" if wide_join(prev, stripped) else " ") + stripped
        else:
            out.append(ln)
    return out


def _wide_full(line: str, width: int) -> bool:
    """A line filled to `width` that ends with a wide character (see unwrap_wide)."""
    line = line.rstrip()
    return len(line) >= width - WIDE_WRAP_SLACK and WIDE_RE.match(line[-1]) is not None


def _latin_break(line: str, nxt: str, width: int) -> bool:
    """A wide-script line that lynx broke at the space before a Latin word: it ends with a
    Latin word ("...脱獄すれば、App") and the next line's first run ("Storeにない非公式アプリを...",
    no space in it) would not have fitted after it."""
    line = line.rstrip()
    if not line or not line[-1].isascii() or not line[-1].isalnum() or not nxt[0].isascii() or \
            not nxt[0].isalpha() or WIDE_RE.search(line) is None:
        return False
    return len(line) + 1 + len(nxt.split(" ", 1)[0]) > width


def _drawn(line: str) -> bool:
    """A line of a table w3m draws with box characters (U+2500-U+257F): as wide as the table,
    not the page's wrap width, and never wrapped text."""
    return "\u2500" <= line.lstrip()[:1] <= "\u257f"


def _unspaced(line: str, nxt: str = "") -> bool:
    """A line of a script written without spaces (its wrap can fall inside a Latin word too)
    -- unless a Latin word ends it and another starts the next line: dumps break a run of
    Latin words at a space, also inside Japanese ("... 脱獄すれば、App" / "Storeにない")."""
    if " " in line.strip() or CJK_RE.search(line) is None:
        return False
    return not (line[-1:].isascii() and line[-1:].isalnum() and nxt[:1].isascii() and nxt[:1].isalnum())


def columns(line: str) -> int:
    """Display width of a line: Han, kana, Hangul and fullwidth punctuation take two columns
    in a terminal dump."""
    return len(line) if line.isascii() else len(line) + len(WIDE_RE.findall(line))


#: html2text joins the blocks inside one link (a teaser card: image, headline, summary, age)
#: with two spaces where an inline run has one: such a link is printed one block per line.
MD_BLOCK_GAP_RE = re.compile(r" {2,}")


def _link_text(m: re.Match[str], mark: str = "") -> str:
    """A Markdown link's text (between `mark` and its end mark, LINK_END when marking); a link
    holding blocks (see MD_BLOCK_GAP_RE) on lines of their own, each marked."""
    text = m.group(1)
    end = LINK_END if mark else ""
    if "  " not in text.strip():
        return mark + text + end
    return "\n" + "\n".join(mark + t + end for t in MD_BLOCK_GAP_RE.split(text.strip())) + "\n"


def demarkdown(text: str, mark: str = "") -> str:
    """Markdown as plain text: images dropped, links to their text (a link's text may run over
    several lines; its start marked with `mark`, its end too), headings, rules, emphasis and
    escapes removed."""
    for _ in range(MAX_URL_BREAKS):
        text, n = MD_URL_BREAK_RE.subn(r"\1", text)
        if not n:
            break
    text = MD_IMAGE_RE.sub("", text)
    text = MD_LINK_RE.sub(lambda m: _link_text(m, mark), text) if mark else MD_LINK_RE.sub(_link_text, text)
    text = MD_RULE_RE.sub("", MD_HEADING_RE.sub(r"\1", text))
    if "**" in text:
        text = MD_BOLD_RE.sub(r"\1", text)
    if "_" in text:
        text = MD_BARE_UNDERSCORES_RE.sub("", MD_ITALIC_RE.sub(r"\1", text))
    return MD_ESCAPE_RE.sub(r"\1", text) if "\\" in text else text

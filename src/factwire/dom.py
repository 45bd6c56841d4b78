"""Parse HTML into an lxml tree once per page; cleaning and metadata both read it, and share
the tree helpers below (text of an element, byline elements' texts)."""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator

from lxml import etree

from factwire.errors import ParseError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
#: A <title> whose text runs longer than this swallowed the page: it was never closed, and
#: libxml2 reads everything after it as title text (8 of L3S-GN1's 429 dev pages; real
#: titles are under 300 characters).
MAX_TITLE_CHARS = 2000
#: The opening <title> tag and the first tag after it, where the missing </title> goes.
_OPEN_TITLE = re.compile(r"<title\b[^>]*>[^<]*", re.I)
_OPEN_TITLE_B = re.compile(rb"<title\b[^>]*>[^<]*", re.I)
_local = threading.local()  # lxml parser objects must not be shared between threads


def _parser() -> etree.HTMLParser:
    # Comments and processing instructions never carry article text; dropping them at parse
    # time is cheaper than walking past them later.  A plain etree parser, not lxml.html's:
    # lxml.html looks up a Python element class for every node touched, which cost ~5 % of
    # the whole extraction time on the DEV pages; `text_of` replaces `text_content()`.
    if not hasattr(_local, "parser"):
        _local.parser = etree.HTMLParser(remove_comments=True, remove_pis=True,
                                         collect_ids=False, default_doctype=False)
    return _local.parser


def _utf8_parser() -> etree.HTMLParser:
    if not hasattr(_local, "utf8_parser"):
        _local.utf8_parser = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                                              default_doctype=False, encoding="utf-8")
    return _local.utf8_parser


def text_of(el: etree._Element) -> str:
    """All text inside `el` (what lxml.html's text_content() gives)."""
    return "".join(el.itertext())


def parse_html_checked(content: str, utf8: bytes | None = None) -> tuple[etree._Element, bool]:
    """Parse `content` (or `utf8`, the same page as UTF-8 bytes, which is faster); return
    (root, depth_limited).  libxml2 stops reading nesting deeper than 256 levels, so
    `depth_limited` says that text below that depth was dropped."""
    if utf8 is None:
        content = _XML_DECL.sub("", content, count=1)  # lxml refuses str input with an encoding decl
    if not content or content.isspace():
        raise ParseError("empty document")
    parser = _parser() if utf8 is None else _utf8_parser()
    try:
        root = etree.fromstring(content if utf8 is None else utf8, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"HTML parser: {exc}") from exc
    if root is None:
        raise ParseError("HTML parser returned no tree")
    limited = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    if _swallowed_by_title(root):
        fixed = _close_title(content, utf8)
        if fixed != (content, utf8):  # re-parsed once: the fixed page's title has no tag in it
            return parse_html_checked(*fixed)
    return root, limited


def _swallowed_by_title(root: etree._Element) -> bool:
    """True when the page's <title> holds the page (it was never closed)."""
    title = root.find("head/title")
    return title is not None and len(title.text or "") > MAX_TITLE_CHARS and "<" in title.text


def _close_title(content: str, utf8: bytes | None) -> tuple[str, bytes | None]:
    """The page with </title> put before the first tag after <title> (its text never has one)."""
    if utf8 is not None:
        return content, _OPEN_TITLE_B.sub(lambda m: m.group(0) + b"</title>", utf8, count=1)
    return _OPEN_TITLE.sub(lambda m: m.group(0) + "</title>", content, count=1), None


def parse_html(content: str) -> etree._Element:
    """Return the <html> root of `content`; raise ParseError with a one-line reason."""
    return parse_html_checked(content)[0]


# -- bylines: the cleaner's walk (stage 2) and metadata's author markup (stage 3) both read them --

#: Byline elements longer than this are article text, not a byline.
MAX_BYLINE_CHARS = 200
#: Look at this many byline-like elements at most: the article's byline comes early, and
#: pages repeat "author" classes in teasers and comments further down.
MAX_BYLINE_ELEMENTS = 12
_NOT_BYLINE_TAGS = frozenset(("meta", "link", "script", "style", "body", "html", "input",
                              "label", "textarea", "form", "img"))
#: Byline-looking elements inside these are comment forms and teasers, not the article's byline.
_FOREIGN_CONTAINERS = re.compile(r"comment|respond|reply|related|recommend|sidebar|footer", re.I)


def byline_texts(elements: Iterable[etree._Element]) -> Iterator[str]:
    """Texts of byline-like elements, in page order, outside comment forms and teasers; at
    most MAX_BYLINE_ELEMENTS are looked at."""
    for elem in list(elements)[:MAX_BYLINE_ELEMENTS]:
        if elem.tag in _NOT_BYLINE_TAGS or _in_foreign_container(elem):
            continue
        name = elem.find('.//*[@itemprop="name"]')
        text = " ".join((name if name is not None else elem).itertext()).strip()
        if text and len(text) <= MAX_BYLINE_CHARS:
            yield text


def _in_foreign_container(elem: etree._Element) -> bool:
    """True inside a <form> or a comment/related block (their "author" fields are not bylines)."""
    for ancestor in elem.iterancestors():
        if ancestor.tag in ("body", "html"):  # page-wide classes ("one-sidebar") say nothing
            return False
        if ancestor.tag == "form" or _FOREIGN_CONTAINERS.search(
                f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False

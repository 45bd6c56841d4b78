"""Parse HTML into an lxml tree once per page; cleaning and metadata both read it."""
from __future__ import annotations

import re
import threading

from lxml import etree

from factwire.errors import ParseError

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
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
    return root, limited


def parse_html(content: str) -> etree._Element:
    """Return the <html> root of `content`; raise ParseError with a one-line reason."""
    return parse_html_checked(content)[0]

"""Parse HTML into an lxml tree once per page; cleaning and metadata both read it."""
from __future__ import annotations

import re
import threading

import lxml.html
from lxml import etree

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_local = threading.local()  # lxml parser objects must not be shared between threads


class ParseError(ValueError):
    """The content could not be parsed into an HTML tree (reason in the message)."""


def _parser() -> lxml.html.HTMLParser:
    # Comments and processing instructions never carry article text; dropping them at parse
    # time is cheaper than walking past them later.
    if not hasattr(_local, "parser"):
        _local.parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True,
                                             collect_ids=False, default_doctype=False)
    return _local.parser


def parse_html_checked(content: str) -> tuple[lxml.html.HtmlElement, bool]:
    """Parse `content`; return (root, depth_limited).  libxml2 stops reading nesting deeper than
    256 levels, so `depth_limited` says that text below that depth was dropped."""
    content = _XML_DECL.sub("", content, count=1)  # lxml refuses str input with an encoding decl
    if not content.strip():
        raise ParseError("empty document")
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(content, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"HTML parser: {exc}") from exc
    if root is None:
        raise ParseError("HTML parser returned no tree")
    limited = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, limited


def parse_html(content: str) -> lxml.html.HtmlElement:
    """Return the <html> root of `content`; raise ParseError with a one-line reason."""
    return parse_html_checked(content)[0]

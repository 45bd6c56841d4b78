"""Parse HTML into an lxml tree once per page; cleaning and metadata both read it."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Comments and processing instructions never carry article text; dropping them at parse time
# is cheaper than walking past them later.
_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                               default_doctype=False)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


class ParseError(ValueError):
    """The content could not be parsed into an HTML tree (reason in the message)."""


def parse_html(content: str) -> lxml.html.HtmlElement:
    """Return the <html> root of `content`; raise ParseError with a one-line reason."""
    content = _XML_DECL.sub("", content, count=1)  # lxml refuses str input with an encoding decl
    if not content.strip():
        raise ParseError("empty document")
    try:
        root = lxml.html.document_fromstring(content, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"HTML parser: {exc}") from exc
    if root is None:
        raise ParseError("HTML parser returned no tree")
    return root

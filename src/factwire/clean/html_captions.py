"""Figure captions: gather caption and credit blocks, split credits off, keep each caption once."""
from __future__ import annotations

import re

from lxml import etree

from factwire.model import Caption

Element = etree._Element

#: A trailing parenthesised credit: "(AP Photo/Evan Vucci)", "(Reuters)", "(Photo: Jane Doe)".
_PAREN_CREDIT = re.compile(
    r"\s*[\(\[]((?:AP|AFP|Reuters|Getty|EPA|Bloomberg|Shutterstock|Photo|Image|Picture|Credit|"
    r"Courtesy|File)\b[^()\[\]]{0,120})[\)\]]\s*$", re.I)
#: A trailing "Photo: ..." / "Credit: ..." / "Image: ..." run at the end of a caption.
_LABEL_CREDIT = re.compile(
    r"\s*(?:\||—|-|\.)?\s*((?:Photo(?:graph)?|Image|Picture|Credit|Source)s?(?: credit)?\s*:\s*"
    r"[^:]{2,120})$", re.I)
#: A credit block that starts with one of these words has the label stripped.
_CREDIT_LABEL = re.compile(r"^(?:photo(?:graph)?|image|picture|credit|source)s?(?: credit)?\s*:\s*",
                           re.I)


def split_credit(text: str) -> Caption:
    """Caption text with a credit the page wrote inline split off into `credit`."""
    m = _PAREN_CREDIT.search(text) or _LABEL_CREDIT.search(text)
    if m and m.start() > 0:
        return Caption(text[: m.start()].rstrip(" -—|"), clean_credit(m.group(1)))
    return Caption(text, None)


def clean_credit(text: str) -> str:
    return _CREDIT_LABEL.sub("", text.strip()).strip()


#: A caption and a credit belong to one figure when they meet within this many levels above
#: each (CNN: caption div and credit figcaption are siblings under `image__metadata`; a video
#: player's "Source: CNN" line several boxes further down is another figure's).
FIGURE_DEPTH = 3


def same_figure(a: Element, b: Element) -> bool:
    """True when `a` and `b` have a common ancestor at most FIGURE_DEPTH levels above both."""
    above_a = []
    el = a.getparent()
    while el is not None and len(above_a) < FIGURE_DEPTH:
        above_a.append(el)
        el = el.getparent()
    el = b.getparent()
    for _ in range(FIGURE_DEPTH):
        if el is None:
            return False
        if any(el is x for x in above_a):
            return True
        el = el.getparent()
    return False


class CaptionCollector:
    """Receives caption/credit blocks in page order and pairs each credit with the caption of
    its own figure: the caption before it, or (credit printed first) the caption after it."""

    def __init__(self) -> None:
        self.captions: list[Caption] = []
        self._seen: set[str] = set()
        self._last: Element | None = None  # element of the last caption kept
        self._pending: tuple[str, str, Element] | None = None  # (raw, credit) waiting for its caption

    def add_caption(self, text: str, el: Element | None = None) -> None:
        cap = split_credit(text)
        if not cap.text or cap.text in self._seen:
            return
        self._seen.add(cap.text)
        self.captions.append(cap)
        self._last = el
        pending, self._pending = self._pending, None
        if pending and cap.credit is None and (el is None or same_figure(el, pending[2])):
            cap.credit = pending[1]

    def add_credit(self, text: str, el: Element | None = None) -> None:
        credit = clean_credit(text)
        if not credit:
            return
        last = self.captions[-1] if self.captions else None
        if last is not None and last.credit is None and \
                (el is None or self._last is None or same_figure(self._last, el)):
            if last.text.endswith(text):  # the caption block swallowed its own credit span
                last.text = last.text[: -len(text)].rstrip(" -—|")
            last.credit = credit
        elif el is not None:
            self._pending = (text, credit, el)
        # A credit with no caption of its own figure (a bare photo credit) is not a caption.

"""Figure captions: gather caption and credit blocks, split credits off, keep each caption once."""
from __future__ import annotations

import re

from factwire.model import Caption

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


class CaptionCollector:
    """Receives caption/credit blocks in page order; a credit attaches to the caption before it."""

    def __init__(self) -> None:
        self.captions: list[Caption] = []
        self._seen: set[str] = set()

    def add_caption(self, text: str) -> None:
        cap = split_credit(text)
        if cap.text and cap.text not in self._seen:
            self._seen.add(cap.text)
            self.captions.append(cap)

    def add_credit(self, text: str) -> None:
        credit = clean_credit(text)
        if not credit:
            return
        if self.captions and self.captions[-1].credit is None:
            last = self.captions[-1]
            if last.text.endswith(text):  # the caption block swallowed its own credit span
                last.text = last.text[: -len(text)].rstrip(" -—|")
            last.credit = credit
        # A credit with no caption before it (a bare photo credit) is not a caption: dropped.

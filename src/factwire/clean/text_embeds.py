"""Embedded frames in a lynx dump: the address of a frame is no word of the page.

lynx prints an `<iframe>` (a video player, a map, a social "like" button, an ad widget) as a
label and a link to the frame's address: "IFRAME: [22]https://www.youtube.com/embed/..." on
one line, or "IFRAME:" alone with the link on the next; a long address is broken over further
lines at the wrap width with no space (lynx breaks a word it cannot wrap).  `<embed>` is
labelled "EMBED:" the same way.  Left in, the address reads as a long line of words (every
"%2F" splits one) and can score as a paragraph of prose.
"""
from __future__ import annotations

import re

#: lynx's label of a frame or embedded object, optionally followed by its address or name.
FRAME_LABEL_RE = re.compile(r"^\s*(?:IFRAME|EMBED):(?:\s|$)")


def drop_frames(lines: list[str]) -> list[str]:
    """`lines` without lynx's frame labels and the address lines that follow them: the
    label's line, then every non-blank line without a space up to the next blank line (the
    rest of an address broken by the wrap).  A line with a space after a label is text again."""
    if not any("IFRAME:" in ln or "EMBED:" in ln for ln in lines):
        return lines
    out: list[str] = []
    in_frame = False
    for ln in lines:
        stripped = ln.strip()
        if FRAME_LABEL_RE.match(ln):
            in_frame = True
            continue
        if in_frame and stripped and " " not in stripped:
            continue
        in_frame = False
        out.append(ln)
    return out

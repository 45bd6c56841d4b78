"""lynx's embedded frames ("IFRAME: [n]<address>") are no text of the page."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_embeds import drop_frames
from factwire.clean.text_unwrap import normalize

BODY = [
    "   Senator Ahmad Lawan on Tuesday moved a motion for the adjournment of the first plenary",
    "   session of the Senate since it resumed from its annual recess, citing two recent deaths.",
    "",
    "   IFRAME:",
    "   [22]http://www.facebook.com/plugins/like.php?href=http%3A%2F%2Fwww.thep",
    "   aradigmng.com%2F2018%2F10%2F09%2Fbreaking-lawan-moves-motion-senates-ad",
    "   journment-nzeribe-adedoyins-deaths%2F&layout=button_count&show_faces=fa",
    "",
    "   The Senate then resolved to observe a minute of silence in honour of the departed",
    "   souls, and the details of the plenary were shared on the Senate's own Twitter handle.",
    "",
    "   IFRAME: [23]https://www.youtube.com/embed/AEyOoZ7JpyY",
    "",
    "   The National Assembly had resumed from its annual recess on Tuesday morning after a",
    "   long break in which members visited their constituencies and held public hearings.",
]
MENU = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(["Home", "News", "Sport", "Business", "Politics"], 1))


def test_frame_label_and_its_wrapped_address_are_dropped():
    lines = drop_frames(BODY)
    assert not any("IFRAME" in ln or "facebook" in ln or "aradigmng" in ln or "youtube" in ln for ln in lines)
    assert sum(1 for ln in lines if ln.strip()) == 6


def test_a_line_with_spaces_after_a_frame_label_is_text_again():
    lines = ["   IFRAME: [124]https://www.youtube.com/embed/mR3", "   This line is prose again.", ""]
    assert drop_frames(lines) == ["   This line is prose again.", ""]


def test_lynx_page_keeps_no_frame_address_in_the_body():
    text = MENU + "\n\n" + "\n".join(BODY) + "\n"
    assert "facebook" not in normalize(text)
    body = "\n".join(clean_text(text).paragraphs)
    assert "Senator Ahmad Lawan" in body and "National Assembly" in body
    assert "http" not in body and "IFRAME" not in body


def test_text_without_frames_is_unchanged():
    lines = ["IFRAMES: are a word here", "", "The EMBED label needs a colon"]
    assert drop_frames(lines) == lines

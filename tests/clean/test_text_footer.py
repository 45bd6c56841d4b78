"""Tests for the copyright-notice wall of the flattened-text cleaner (factwire.clean.text_footer)."""
from __future__ import annotations

from factwire.clean.text import clean_text
from factwire.clean.text_footer import is_copyright_notice

MENU = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "About"])


def _para(n: int, topic: str) -> str:
    words = f"the council said that the {topic} plan would cost more than people expected this year".split()
    return " ".join((words * 5)[:n]).capitalize() + "."


def test_a_teaser_rail_after_the_footer_notice_is_not_the_body():
    """Headline + dek pairs after "(c) 2019 CBS ... All Rights Reserved." read as prose, and
    with their deks they out-scored the cost of the short lines between: the body ran past the
    footer into the rail."""
    body = [_para(40, "budget"), _para(35, "transit"), _para(45, "housing")]
    rail = []
    for k in range(5):
        rail += [f"Why farmers in county {k} may want to paint their cows with zebra stripes",
                 f"Some people thought the stripy cattle number {k} were a practical joke, but the science"
                 " behind the camouflaged animals could save farmers big money every single year.",
                 f"{k + 1}H ago"]
    page = "\n".join([MENU, *body, "© 2019 CBS Interactive Inc. All Rights Reserved.", "World", "More", *rail, MENU])
    assert clean_text(page).paragraphs == body


def test_the_notice_is_the_rights_reserved_line_not_a_photo_credit():
    assert is_copyright_notice("© 1995 - 2025 The Motley Fool. All rights reserved.", 8)
    assert is_copyright_notice("Copyright © 2019 Axel Springer SE. Alle Rechte vorbehalten.", 8)
    assert not is_copyright_notice("© Getty Images", 2)
    assert not is_copyright_notice("Photo: AP", 2)
    long = "The court said the band had all rights reserved to it under the contract it signed in 1998 with the label."
    assert not is_copyright_notice(long, 22)

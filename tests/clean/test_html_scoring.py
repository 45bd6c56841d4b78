"""clean/html_scoring: which container holds the article."""
from __future__ import annotations

from factwire.clean.html import clean_html
from factwire.dom import parse_html

STEP = ("<div class='step'><h3>Step {n}</h3><div class='content{lead}'><span><p>{text}</p></span>"
        "</div></div>")
STEP_TEXTS = [
    "Rent a hall from the parish, which costs far less than a restaurant, a hotel or a club, "
    "and ask friends to bring chairs, tables and plates.",
    "Play music from a phone, a laptop or a borrowed speaker, and let the graduate choose the "
    "songs, so nobody has to pay a disc jockey for the evening.",
    "Serve water, lemonade and iced tea from large jugs, since canned drinks are opened, "
    "left half full and thrown away by the end of the party.",
    "Invite family, close friends and neighbours only, and send the invitations by e-mail, "
    "which saves printing, envelopes and stamps for every guest.",
]


def _how_to_page() -> str:
    steps = "".join(STEP.format(n=i + 1, lead=" lead" if i == 0 else "", text=t)
                    for i, t in enumerate(STEP_TEXTS))
    return ("<html><body><div class='page'><article><h1>How to throw a party on a budget</h1>"
            f"<span><span>{steps}</span></span></article>"
            "<div class='sidebar'><p>Subscribe to our newsletter, and get the best tips, every "
            "week, in your inbox, for free.</p></div></div></body></html>")


def test_an_article_cut_into_equal_steps_is_taken_whole() -> None:
    """Each step box scores about the same; the first one wins by a little.  Its close rivals
    outside it say the article is the box that holds them all (readability.js's rule)."""
    body = "\n".join(clean_html(parse_html(_how_to_page())).paragraphs)
    for text in STEP_TEXTS:
        assert text in body
    assert "newsletter" not in body


def test_one_dominant_box_is_not_widened() -> None:
    """A single long article box with short boxes elsewhere keeps its own extent."""
    long_text = " ".join(STEP_TEXTS)
    page = ("<html><body><div class='wrap'><div class='story'>"
            + "".join(f"<p>{long_text}</p>" for _ in range(3)) + "</div>"
            "<div class='teasers'>" + "".join(f"<div class='teaser'><p>{t[:60]}, more.</p></div>"
                                              for t in STEP_TEXTS) + "</div></div></body></html>")
    body = "\n".join(clean_html(parse_html(page)).paragraphs)
    assert long_text in body and ", more." not in body

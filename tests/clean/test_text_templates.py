"""Tests for listicle item templates, announced lists and related-list headers in the text
cleaner (factwire.clean.text_runs.template_labels / announced_items, clean.text_headers)."""
from __future__ import annotations

from factwire.clean.text import clean_text
from factwire.clean.text_headers import is_more_header
from factwire.clean.text_lines import build_blocks
from factwire.clean.text_region import score_blocks
from factwire.clean.text_runs import TABLE_ROW_SCORE, template_labels

MENU = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "About"])
TEMPLATE = ["Pros & Cons", "Pros", "Careful handling", "Quick service", "Cons", "Late arrival",
            "Services", "Full-service", "Piano", "Storage", "Packing", "Labor-only", "In-state",
            "Out-of-state", "Unpacking", "Junk hauling"]


def _para(n: int, topic: str) -> str:
    words = f"the {topic} company moved our whole house in one day and the crew was careful".split()
    return " ".join((words * 5)[:n]).capitalize() + "."


def _listicle(names: list[str]) -> list[str]:
    return [line for name in names for line in (name, _para(35, name), *TEMPLATE)]


def test_a_listicle_template_longer_than_a_menu_does_not_cut_the_article():
    """Every entry prints the same 16 labels; at the menu cost that run ended the body after
    the first entry."""
    names = ["Acme Movers", "Bolt Moving", "Crate Haulers", "Dash Relocation", "Echo Vans"]
    cleaned = clean_text("\n\n".join([MENU, *_listicle(names), MENU]))
    for name in names:
        assert _para(35, name) in cleaned.paragraphs
    assert "Weather" not in cleaned.paragraphs


def test_template_labels_need_several_labels_each_repeated_between_prose():
    """One or two recurring buttons ("Get a demo") are a menu's, and a name printed three
    times (byline, staff box, footer) is no template."""
    page = "\n".join(line for k in range(5) for line in (_para(30, f"firm {k}"), "Get a demo", "Customers"))
    blocks = build_blocks(page)
    assert template_labels(blocks, score_blocks(blocks), -3.0) == set()
    blocks = build_blocks("\n".join(_listicle(["Acme", "Bolt", "Crate", "Dash"])))
    scores = score_blocks(blocks)
    assert {blocks[i].text for i, s in enumerate(scores) if s == TABLE_ROW_SCORE} >= {"Pros & Cons", "Services"}


def test_a_list_a_sentence_announces_does_not_end_the_body():
    """"Check out these resources:" and twenty town names: the article goes on after them."""
    towns = [f"Town{chr(97 + k)}ville" for k in range(20)]
    first, second = _para(40, "local"), [_para(40, f"long distance {k}") for k in range(3)]
    page = "\n\n".join([MENU, first, "Looking for a local mover? Check out these resources:", *towns,
                        *second, MENU])
    cleaned = clean_text(page)
    assert first in cleaned.paragraphs and second[0] in cleaned.paragraphs


def test_related_headers_name_stories_while_subheads_name_the_topic():
    for header in ("Most Read", "Most read in World", "Popular on IndieWire", "Top Stories",
                   "Latest Business", "More Weather", "Related Topics:", "Popular posts"):
        assert is_more_header(header), header
    for subhead in ("Most Transparent Pricing", "Most Reliable Mover", "Top MBA Programs",
                    "Popular Distribution Channels to Consider"):
        assert not is_more_header(subhead), subhead


def test_a_one_line_tag_list_is_metadata_not_prose():
    """A long "Tags a, b, c, ..." line passed as prose by its length and pulled the body to a
    promo rail under it; the page's real body was a race calendar."""
    from factwire.clean.text_headers import is_tag_line

    tags = "Tags calendario stock car 2018, stock car brasil, stock car cascavel, stock car corrida milhão"
    assert is_tag_line(tags) and is_tag_line("Tagged: Apple, iPhone, Samsung, Galaxy")
    assert not is_tag_line("Tags are labels, and readers use them, the editor said.")
    blocks = build_blocks(tags)
    assert score_blocks(blocks)[0] < 0


def test_a_popular_subhead_over_a_full_paragraph_does_not_end_the_article():
    """"Popular Types of Marketing Videos" names a teaser list's words, but a whole paragraph
    under it is the article going on; "More Articles" over a long glued card row still ends it."""
    before = [_para(60, f"video part {k}") for k in range(5)]
    after = [_para(70, "brand video")]
    page = "\n\n".join([MENU, *before, "Popular Types of Marketing Videos", *after, MENU])
    assert after[0] in clean_text(page).paragraphs
    page = "\n\n".join([MENU, *before, "More Articles", *after, MENU])
    assert after[0] not in clean_text(page).paragraphs


def test_a_cookie_banner_after_the_article_is_not_prose():
    """A GDPR banner and its cookie table print sentences at the page's end; they out-scored a
    short article behind a comment form."""
    from factwire.clean.text_headers import is_cookie_notice

    banner = ("We use cookies on our website to give you the most relevant experience by remembering "
              "your preferences and repeat visits.")
    assert is_cookie_notice(banner)
    assert is_cookie_notice("This cookie is set by GDPR Cookie Consent plugin to store the user consent.")
    assert not is_cookie_notice("Advertisers use cookies to follow readers from site to site, the study found.")
    assert score_blocks(build_blocks(banner))[0] < 0


def test_a_line_of_bare_web_addresses_is_not_prose():
    """A sources list prints addresses side by side; their dots and slashes passed for phrase
    punctuation, so a long line of them scored as a paragraph."""
    urls = " ".join(f"https://www.example{k}.com/news/story-{k}.php?id={k}&ref=feed" for k in range(8))
    assert score_blocks(build_blocks(urls))[0] < 0


def test_rows_of_a_drawn_table_are_no_echoed_headline():
    """w3m draws a bordered table with box characters; rows open alike (empty cells, one word
    wrapped in a column) and were taken for teasers echoing one headline."""
    from factwire.clean.text_runs import echoed_openings

    head = "│ │Business │ │ │ │ │ │"
    rows = [head, *(f"{head} ├───────┼─────────────┼── {k}" for k in range(4))]
    assert echoed_openings(build_blocks("\n".join(rows))) == []


def test_post_navigation_labels_naming_a_story_are_tail_headers():
    for text in ("Next Auto News", "Previous Auto News -", "Next Article", "Previous Post:", "Older Stories"):
        assert is_more_header(text), text
    for text in ("Next steps", "Previous owners of the house", "Next", "Newer models and their prices"):
        assert not is_more_header(text), text

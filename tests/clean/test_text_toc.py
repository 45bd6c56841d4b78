"""A page's table of contents (its own headings under "Jump to chapter") is navigation."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_lines import build_blocks
from factwire.clean.text_toc import toc_items

HEADS = ["Do I want to explore Iceland at my own pace and schedule?",
         "Do I want to access remote regions or the Icelandic Highlands?",
         "Do I want control over where to stay and how to get around?",
         "Do I want to handle the airport pickup and car rental process myself?"]
PARA = ("Planning a trip to Iceland comes with one big question: should you rent a car or join "
        "one of the many guided tours that leave the capital every morning of the year? {} ")


def page(header: str, entries: list[str]) -> str:
    toc = [header] + [f"• {h}" for h in entries]
    body = []
    for h in HEADS:
        body += [h, PARA.format(h) * 2]
    return "\n\n".join(["Home", "\n".join(toc)] + body + ["Share this article"])


def test_a_table_of_contents_is_navigation_not_body():
    cleaned = clean_text(page("Jump to chapter", HEADS))
    for head in HEADS:
        assert cleaned.paragraphs.count(head) == 1
    assert cleaned.paragraphs[0] == HEADS[0]
    assert cleaned.removed.navigation[1:1 + len(HEADS)] == HEADS


def test_entries_must_be_printed_again_as_headings():
    blocks = build_blocks(page("Table of Contents", ["Other", "Entries", "Here", "Only"]))
    assert not toc_items(blocks)


def test_an_empty_table_of_contents_takes_no_sentence():
    """A script fills the list in; a copy without it has the article's first sentence right
    under the header."""
    text = "\n\n".join(["Table of Contents", "Now, here are our general recommendations for you.",
                        *HEADS, "Body text."] + HEADS)
    assert not toc_items(build_blocks(text))

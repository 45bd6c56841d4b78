"""Record renderers: Markdown of hostile page text renders as that text (no HTML, no links, no
stray headings), tables keep their cells, the facts table is inert in a terminal."""
from __future__ import annotations

import io

from factwire.export.records import print_facts_table, to_markdown
from factwire.model import Caption, Entity, Record, Removed


def record(paragraphs: list[str], kinds: list[str], **over) -> Record:
    base = dict(id="r1", url=None, site=None, title="A *bold* <b>title</b>", published="2022-11-19",
                authors=[], language="en", text="\n\n".join(paragraphs), paragraphs=paragraphs,
                captions=[Caption(text="Ruins <img src=x onerror=alert(1)>", credit="AP")], removed=Removed(),
                kinds=kinds)
    base.update(over)
    return Record(**base)


def test_markdown_escapes_page_text_but_keeps_structure():
    rec = record(["Intro with [a link](javascript:alert(1)) and <script>alert(1)</script>.",
                  "# not a heading", "Kept heading", "item one", "a | b\nc | d", "x = `code` ```"],
                 ["p", "p", "h2", "li", "table", "pre"])
    md = to_markdown(rec)
    assert md.startswith("# A \\*bold\\* &lt;b&gt;title&lt;/b&gt;\n")
    assert "<script>" not in md and "<img" not in md
    assert "\\[a link\\](javascript:alert(1))" in md  # escaped brackets: text, not a link
    assert "\\# not a heading" in md and "## Kept heading" in md and "- item one" in md
    assert "| a | b |\n| --- | --- |\n| c | d |" in md
    assert "````\nx = `code` ```\n````" in md  # the fence outlasts any backtick run inside


def test_markdown_shows_direction_controls_as_codes():
    md = to_markdown(record(["evil \u202etxet"], ["p"]))
    assert "\u202e" not in md and "\\[U+202E\\]" in md


def test_facts_table_is_inert_in_a_terminal():
    rec = record(["x"], ["p"], entities=[Entity("\x1b[2J[red]Rebels[/]", "ORG", 0, 1)],
                 errors=[{"stage": "facts.dates", "reason": "bad \x1b[31m"}])
    out = io.StringIO()
    print_facts_table(rec, out)
    text = out.getvalue()
    assert "\x1b" not in text and "[red]Rebels[/]" in text and "! facts.dates: bad" in text


def test_an_adjectival_place_says_so_in_the_facts_table_a_literal_one_does_not():
    from factwire.export.records import describe_fact

    base = {"text": "Turkish", "name": "Turkey", "country": "TR", "lat": 39.0, "lon": 35.0, "kind": "country"}
    assert describe_fact("places", {**base, "use": "adjectival"})[1].endswith("country (adjectival)")
    assert describe_fact("places", {**base, "text": "Turkey"})[1].endswith("country")

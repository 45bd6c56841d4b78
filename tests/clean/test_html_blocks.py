"""clean/html_blocks: the flattening pass over a parsed page."""
from __future__ import annotations

from factwire.clean.html_blocks import Flattener, is_hidden
from factwire.dom import parse_html

PAGE = """<html><body><article>
<p>Visible first paragraph of the story.</p>
<p hidden>Hidden by the attribute.</p>
<div style="display: none"><p>Hidden by an inline style.</p></div>
<p style="color: red">Styled but visible.</p>
<div style="Visibility : Hidden">Invisible box.</div>
<div hidden id="S:1"><p>A React streamed segment is shown.</p></div>
</article></body></html>"""


def test_hidden_by_attribute_or_by_a_css_value_in_any_case() -> None:
    root = parse_html(PAGE)
    assert len([el for el in root.iter() if is_hidden(el)]) == 3


def test_hidden_elements_give_no_blocks() -> None:
    texts = [b.text for b in Flattener().run(parse_html(PAGE)).blocks]
    assert texts == ["Visible first paragraph of the story.", "Styled but visible.",
                     "A React streamed segment is shown."]

"""clean/html_blocks: the flattening pass over a parsed page."""
from __future__ import annotations

from factwire.clean.html_blocks import Flattener, hidden_elements, is_hidden
from factwire.dom import parse_html

PAGE = """<html><body><article>
<p>Visible first paragraph of the story.</p>
<p hidden>Hidden by the attribute.</p>
<div style="display: none"><p>Hidden by an inline style.</p></div>
<p style="color: red">Styled but visible.</p>
<div style="Visibility : Hidden">Invisible box.</div>
<div hidden id="S:1"><p>A React streamed segment is shown.</p></div>
</article></body></html>"""


def test_the_hidden_set_is_what_is_hidden_says_of_each_element() -> None:
    root = parse_html(PAGE)
    assert hidden_elements(root) == {el for el in root.iter() if is_hidden(el)}
    assert len(hidden_elements(root)) == 3


def test_hidden_elements_give_no_blocks() -> None:
    texts = [b.text for b in Flattener().run(parse_html(PAGE)).blocks]
    assert texts == ["Visible first paragraph of the story.", "Styled but visible.",
                     "A React streamed segment is shown."]

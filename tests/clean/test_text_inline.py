"""bs4 prints every text node on its own line: inline runs are joined back (text_inline.py)."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_inline import join_inline_runs

#: A CNN markets paragraph as BeautifulSoup get_text("\n") prints it: a ticker link in
#: parentheses after every index name, the text after each link with its leading space.
MARKETS = "\n".join([
    "The major Asian market indexes were mixed in early trading on Tuesday.",
    "Japan's", "Nikkei 225", "", "(", "N225", ")", " declined 0.3%, while South Korea's",
    "Kospi Index", "", "(", "KOSPI", ")", " fell 0.5%. China's", "Shanghai Composite", "",
    "(", "SHCOMP", ")", " slumped 0.2%, but recovered those losses.",
])


def test_a_sentence_split_at_its_links_and_brackets_is_one_line_again():
    out = join_inline_runs(MARKETS).split("\n")
    assert out[1] == ("Japan's Nikkei 225 (N225) declined 0.3%, while South Korea's Kospi Index "
                      "(KOSPI) fell 0.5%. China's Shanghai Composite (SHCOMP) slumped 0.2%, but "
                      "recovered those losses.")
    assert out[0].startswith("The major Asian")  # a line ending with a stop is left alone


def test_pages_without_the_renderers_habit_are_untouched():
    """Without lines that keep a text node's leading space (" declined"), nothing is joined:
    a menu of short lines in a browser copy or an inscriptis page stays as printed."""
    text = "\n".join(["Japan's", "Nikkei 225", "(", "N225", ")", "declined 0.3%", "Home", "(5)"])
    assert join_inline_runs(text) == text


def test_lines_after_a_stop_or_across_paragraph_gaps_stay_apart():
    text = "\n".join([
        "He said it would take months to repair the bridge.", "(", "Reporting by Jane Doe", ")",
        "Sign up for", "", "", "", "Newsletters",
        "a", "muddled view", " of the talks.", "b", " c", "d", " e",
    ])
    out = join_inline_runs(text).split("\n")
    assert out[0] == "He said it would take months to repair the bridge."
    assert out[1] == "(Reporting by Jane Doe)"
    assert "Newsletters" in out  # three blank lines are a paragraph gap, not an inline run
    assert "a muddled view of the talks." in out


def test_the_markets_paragraph_is_kept_whole_in_the_body():
    page = "\n".join(["Home", "Markets", "Video", "Asian markets are mixed as trade talks drag on",
                      MARKETS, "Share", "Twitter"])
    body = " ".join(clean_text(page).paragraphs)
    assert "Kospi Index (KOSPI) fell 0.5%" in body and "Twitter" not in body

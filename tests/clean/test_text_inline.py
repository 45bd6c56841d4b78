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


def test_a_link_inside_a_sentence_joins_both_halves_but_a_heading_stays_apart():
    text = "\n".join([
        "After a three-year silence, there is news on the fourth film in rebooted", "Star Trek",
        " film series.", "Markets", "Apple", " said on Monday it would buy back shares.",
        "Shares rose", " after the news.",
    ])
    out = join_inline_runs(text).split("\n")
    assert out[0] == ("After a three-year silence, there is news on the fourth film in rebooted "
                      "Star Trek film series.")
    assert out[1:3] == ["Markets", "Apple said on Monday it would buy back shares."]


def test_a_link_before_a_closing_stop_joins_the_sentence_it_ends():
    """"... lists. See" / "Privacy Policy" / ".": the stop after the link shows the link ends
    the sentence before it; joining "." to the link alone left "Privacy Policy." a line of its
    own and the sentence without its end."""
    text = "\n".join([
        "By submitting, you agree to be contacted, including numbers on Do Not Call lists. See",
        "Privacy Policy", ".", "It rose", " by a third.", "Shares fell", " after the news.", "They said", " so.",
    ])
    out = join_inline_runs(text).split("\n")
    assert out[0].endswith("Do Not Call lists. See Privacy Policy.")


def test_bracket_decorations_and_list_entries_stay_on_their_own_lines():
    """A reference list's link decorations ("[" / "DOI" / "]") are a list's barrier of short
    lines, not a parenthesis; an entry that opens with its number starts its own line even
    after a line cut at a comma."""
    refs = ["Smith J, Doe K. Trade and tariffs. J Econ. 2012;5:85-91.", "[", "DOI", "]", "[", "PubMed", "]",
            "Lee A, Park B. Markets in Asia,", "2. Kim C. Indexes. Asian Econ Rev. 2015;2:1-9."]
    text = "\n".join(["Prices rose", " on Monday.", "It fell", " again.", "They said", " so.", *refs])
    out = join_inline_runs(text).split("\n")
    assert out[3:] == refs


def test_repeated_speaker_and_field_labels_join_their_values():
    """A label printed above its value on every turn ("Prof. Carlos:" / "Estou aqui ...") is a
    bold name inside the paragraph; one printed once ("Related:") heads a list, and a label
    never takes another label ("Presented by:" / "In Partnership With:") for its value."""
    text = "\n".join([
        "It rose", " by a third.", "Shares fell", " after the news.", "They said", " so.",
        "Prof. Carlos:", "Estou aqui ao lado do Eugênio.", "Eugênio:", "Por sua causa, Carlos.",
        "Prof. Carlos:", "Daquele famoso vídeo.", "Eugênio:", "Isso mesmo.",
        "Related:", "Key Facts and Trends in Manufacturing",
        "Presented by:", "In Partnership With:", "Presented by:", "On-Demand",
    ])
    out = join_inline_runs(text).split("\n")
    assert "Prof. Carlos: Estou aqui ao lado do Eugênio." in out and "Eugênio: Isso mesmo." in out
    assert "Related:" in out and "Key Facts and Trends in Manufacturing" in out
    assert "In Partnership With:" in out


def test_a_link_between_two_tails_joins_the_run_however_short_the_run_is():
    """"Wells Fargo" / " analyst" / "Zachary Fadem" / " points out ...": the name sits between
    two tails, so it is inside the sentence even though "Wells Fargo analyst" is short and
    capitalised like a heading."""
    text = "\n".join(["He is not worried.", "Wells Fargo", " analyst", "Zachary Fadem",
                      " points out a couple of reasons investors should not fret.", "Markets",
                      "Apple", " said so."])
    out = join_inline_runs(text).split("\n")
    assert out[1] == "Wells Fargo analyst Zachary Fadem points out a couple of reasons investors should not fret."
    assert out[2] == "Markets"

"""Tables printed one cell per line (bs4, readability's text) are put back row by row."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_tables import join_cell_runs

HEADER = ["Pos.", "Driver", "Points", "Wins"]
ROWS = [["1", "Kyle Busch", "5040", "5"], ["2", "Martin Truex Jr.", "5035", "7"],
        ["3", "Kevin Harvick", "5033", "4"], ["4", "Denny Hamlin", "5027", "6"]]


def test_cells_one_per_line_become_rows():
    lines = ["Final standings after 36 races:", *HEADER, *[c for r in ROWS for c in r], "Share"]
    out = join_cell_runs(lines)
    assert out[1] == "Pos. Driver Points Wins" and out[2] == "1 Kyle Busch 5040 5"
    assert "4 Denny Hamlin 5027 6" in out and out[-1] == "Share"


def test_bs4_blank_lines_between_cells_and_rows_are_crossed():
    lines = []
    for row in [HEADER, *ROWS]:
        for cell in row:
            lines += [cell, "", ""]
        lines += ["", "", ""]
    assert "3 Kevin Harvick 5033 4" in join_cell_runs(lines)


def test_menus_and_two_column_lists_are_left_alone():
    menu = ["Home", "World", "Business", "Sport", "Weather", "Video", "Travel", "Style", "Food"]
    assert join_cell_runs(menu) == menu
    ranked = [x for i in range(1, 6) for x in (str(i), f"Headline number {i}")]
    assert join_cell_runs(ranked) == ranked


def test_a_standings_page_keeps_its_table_in_any_renderer():
    cells = [c for r in [HEADER, *ROWS, *ROWS] for c in r]
    page = "\n".join(["Home", "Menu", "Standings", *cells, "Tags", "RSS"])
    assert "1 Kyle Busch 5040 5" in clean_text(page).paragraphs


def _bs4_table(rows: list[list[str]], cell_gap: int = 2, row_gap: int = 6) -> list[str]:
    """Cells as bs4 prints them: `cell_gap` blank lines inside a row, `row_gap` between rows."""
    lines: list[str] = []
    for row in rows:
        for k, cell in enumerate(row):
            lines += [cell] + [""] * (cell_gap if k < len(row) - 1 else row_gap)
    return lines


def test_bs4_rows_are_found_by_their_longer_blank_gaps():
    """Cells that vary in kind ("3 (tie)", "N/A", "1 and a half") break the figure/word period;
    the blank lines bs4 prints between rows still mark them."""
    rows = [["1", "Chicago Booth", "1", "37% / 40%", "$175,000"],
            ["2", "Kellogg School of Management", "3 (tie)", "38% / 48%", "$165,000"],
            ["3", "UPenn Wharton School", "1 (tie)", "N/A", "$175,000"],
            ["6 (tie)", "Dartmouth Tuck", "11", "43% / 45%", "$159,842"]]
    out = join_cell_runs(["The chart below has the data.", *_bs4_table(rows), "Share"])
    assert "2 Kellogg School of Management 3 (tie) 38% / 48% $165,000" in out
    assert "6 (tie) Dartmouth Tuck 11 43% / 45% $159,842" in out
    assert out[0] == "The chart below has the data." and out[-1] == "Share"


def test_grouped_menus_with_the_same_blank_gaps_are_no_table():
    """Footer columns of links have the two gap lengths too, but no figures."""
    groups = [["About", "Careers", "Press"], ["Help", "Contact", "Sitemap"],
              ["Terms", "Privacy", "Cookies"], ["Facebook", "Twitter", "Instagram"]]
    lines = _bs4_table(groups)
    assert join_cell_runs(lines) == lines


def test_a_browser_copys_tab_separated_rows_count_their_cells():
    """innerText joins a table row's cells with tabs: each tab is a column gap, as two spaces
    are in an inscriptis or w3m row (text_runs then takes three such rows for a table)."""
    from factwire.clean.text_lines import build_blocks

    blocks = build_blocks("Motivation\t% of Respondents\tRank\nEnergy and Focus\t61.59%\t1\nA sentence.")
    assert [b.gaps for b in blocks] == [2, 2, 0]
    assert blocks[0].text == "Motivation % of Respondents Rank"


W3M_TABLE = """\
┌───────┬──────────┬────────┬─────────┐
│Ranking│Business  │Previous│Average  │
│in 2023│School    │Ranking │GMAT     │
├───────┼──────────┼────────┼─────────┤
│       │Chicago   │        │         │
│1      │Booth     │1       │729      │
│       │School of │        │         │
│       │Business  │        │         │
├───────┼──────────┼────────┼─────────┤
│       │Kellogg   │        │         │
│2      │School of │3 (tie) │729      │
│       │Management│        │         │
└───────┴──────────┴────────┴─────────┘"""


def test_w3m_box_drawn_rows_are_rebuilt_cell_by_cell():
    """w3m wraps a cell inside its column, so its lines interleave the cells of a row."""
    from factwire.clean.text_tables import join_box_rows

    out = [ln for ln in join_box_rows(W3M_TABLE.splitlines()) if ln]
    assert out == ["Ranking in 2023  Business School  Previous Ranking  Average GMAT",
                   "1  Chicago Booth School of Business  1  729",
                   "2  Kellogg School of Management  3 (tie)  729"]


def test_a_box_drawn_table_is_neither_unwrapped_nor_taken_for_the_wrap_width():
    """The table is wider than the page's text; its lines are no wrapped prose."""
    import textwrap

    from factwire.clean.text_unwrap import normalize, wrap_width

    para = ("The 2023 ranking data for the top full-time programs can be found in the chart below, "
            "with the previous ranking and the average score of every school in the list. ") * 3
    wide = "\n".join(ln[:-1] + (" " if ln.endswith("│") else "─") * 60 + ln[-1] for ln in W3M_TABLE.splitlines())
    text = "\n".join(textwrap.wrap(para, 79)) + "\n\n" + wide + "\n\n" + "\n".join(textwrap.wrap(para, 79)) + "\n"
    assert (wrap_width(text.splitlines()) or 0) in range(70, 80)
    out = normalize(text)
    assert para.strip() in out
    assert "1  Chicago Booth School of Business  1  729" in out.splitlines()


def test_a_list_only_page_keeps_the_sentences_that_introduce_and_note_its_list():
    """A standings page's body is its table, with the sentence that introduces it and the
    notes under it; the menu above and the footer below stay out."""
    rows = [f"{i} Driver Number{i} {5100 - i * 7} {i % 4} {i % 3} {20 - i % 9} {25 - i % 7}" for i in range(1, 21)]
    page = ["Home", "News", "Calendar", "Login", "Contact us",
            "On this page you will always find the updated NASCAR standings after the last race!",
            "Final standings of the Cup Series in 2019 after 36 races:",
            "Pos. Driver Points Wins Poles Top 5 Top 10", *rows,
            "*Only the first 12 drivers contest the title over the last 10 races.",
            "The calendar of the Cup Series is made up of 36 races in all.", "Privacy Policy", "Cookie settings"]
    paras = clean_text("\n\n".join(page)).paragraphs
    assert paras[0].startswith("On this page") and "The calendar of the Cup Series is made up of 36 races in all." in paras
    assert "1 Driver Number1 5093 1 1 19 24" in paras
    assert "Home" not in paras and "Privacy Policy" not in paras

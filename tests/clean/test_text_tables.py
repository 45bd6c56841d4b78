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

"""Table cells w3m wrapped inside their column go back into their row; lists, prose and
menus below a row are left alone."""
from __future__ import annotations

from factwire.clean.text_cells import join_wrapped_cells

TABLE = [
    "Pos     Player      Plays  %                        Stats",
    "DL  Larry Ogunjobi  63    85% 1 tackle (1 combined). 1 sack, 1 TFL, 2 QH.",
    "DL  Devaroe         28    38% No stats registered.",
    "    Lawrence",
    "LB  Joe       74    100% 7 tackles, 3 assists (10 combined). 1 sack, 2 TFL, 2",
    "    Schobert             QH, 2 INT, 4 passes defended.",
    "DL  Eli Ankou       13    18% 1 tackle (1 combined). 1 TFL.",
]
AMOUNTS = [
    "Onions                                 1 and a half  3            6",
    "Celery                                 80g (around 3 160g         320g",
    "                                       sticks)",
    "Carrots                                4             8            16",
]


def squeeze(line: str) -> str:
    return " ".join(line.split())


def test_a_wrapped_name_joins_its_cell():
    out = [squeeze(ln) for ln in join_wrapped_cells(TABLE)]
    assert "DL Devaroe Lawrence 28 38% No stats registered." in out
    assert "Lawrence" not in out
    assert len(out) == len(TABLE) - 2


def test_two_wrapped_cells_of_one_row_join_their_own_cells():
    out = [squeeze(ln) for ln in join_wrapped_cells(TABLE)]
    assert "LB Joe Schobert 74 100% 7 tackles, 3 assists (10 combined). 1 sack, 2 TFL, 2 QH, 2 INT, " \
           "4 passes defended." in out


def test_a_piece_ends_its_cell_before_the_next_column():
    out = [squeeze(ln) for ln in join_wrapped_cells(AMOUNTS)]
    assert out == ["Onions 1 and a half 3 6", "Celery 80g (around 3 sticks) 160g 320g", "Carrots 4 8 16"]


def test_lines_below_a_row_that_are_no_cell_pieces_stay():
    menu = ["* Overview   * News   * Articles", "* Video      * Photo  * Live",
            "    □ Sub-menu entry", "  • A bullet of a list below the menu"]
    assert join_wrapped_cells(menu) == menu
    prose = ["Wrapped prose has no gaps of two spaces, so none of its lines",
             "    is a table row, and an indented line below one stays."]
    assert join_wrapped_cells(prose) == prose

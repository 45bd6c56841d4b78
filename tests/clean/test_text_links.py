"""Link rails: runs of lines that open with a link (lynx's numbers, Markdown links)."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_lines import build_blocks
from factwire.clean.text_links import link_rails
from factwire.clean.text_region import score_block
from factwire.clean.text_unwrap import normalize

MENU = ["Home", "World", "Business", "Sport", "Weather"]
BODY = [
    "Beauty company Coty is breaking out in a good way, and the stock added more than two per cent "
    "to begin the week after the brand took a majority stake in a cosmetics company.",
    "Matt Maley, an equity strategist at Miller Tabak, says the stock could be a risky bet with a "
    "worthy reward, and that the rally has only just broken above a multiyear trend line.",
    "The deal could be the beginning of a new trend for consumer-facing stocks, says John Petrides, "
    "a portfolio manager at Tocqueville Asset Management, who expects more acquisitions.",
]
#: A video rail as lynx prints it: each item a linked headline and a linked picture whose alt
#: text is a full caption sentence.
RAIL = [
    "[40]Pence aide describes call between Trump and Zelensky",
    "[41]Alexander Vindman, director for European affairs on the National Security Council, "
    "speaks during a House Intelligence Committee hearing in Washington on Tuesday.",
    "[42]Tillerson takes swipe at Trump over Ukraine dealings",
    "[43]President Donald Trump pauses while speaking during a rally at CenturyLink Center on "
    "November 14, 2019 in Bossier City, Louisiana, with supporters behind him.",
    "[44]Trump made 45 false claims about impeachment and Ukraine",
    "[45]President Donald Trump talks to reporters before departing the White House on November 1, "
    "2019 in Washington, as the impeachment inquiry went on in Congress.",
]


def _lynx(lines: list[str]) -> str:
    menu = [f"   * [{i}]{m}" for i, m in enumerate(MENU, 1)]
    return "\n".join(menu) + "\n\n" + "\n\n".join("   " + ln for ln in lines) + "\n"


def test_a_lynx_rail_of_linked_alts_is_not_the_article():
    text = _lynx([*RAIL, *BODY[:1], "[14]Matt Maley" + BODY[1][len("Matt Maley"):], BODY[2]])
    blocks = build_blocks(normalize(text, marks=True))
    scores = [score_block(b) for b in blocks]
    rail = {i for i, b in enumerate(blocks) if b.text.startswith(("Alexander", "President"))}
    assert rail and rail <= set(link_rails(blocks, scores))
    assert not any(b.text.startswith(("Beauty", "Matt")) for i, b in enumerate(blocks)
                   if i in link_rails(blocks, scores))
    assert clean_text(text).paragraphs == BODY


def test_paragraphs_that_each_hold_a_link_inside_are_no_rail():
    """Links inside sentences (or one paragraph opening with a name link) are the article's."""
    paras = [f"[{20 + k}]{p}" if k == 1 else p.replace("stock", f"[{30 + k}]stock", 1)
             for k, p in enumerate(BODY * 2)]
    blocks = build_blocks(normalize(_lynx(paras), marks=True))
    assert link_rails(blocks, [score_block(b) for b in blocks]) == []


def test_a_short_link_list_is_left_to_the_menu_cost():
    """Only rails with linked prose matter: short links already score as chrome."""
    blocks = build_blocks(normalize(_lynx([f"[{50 + k}]Story {k}" for k in range(8)] + BODY), marks=True))
    assert link_rails(blocks, [score_block(b) for b in blocks]) == []


def test_a_roundup_whose_items_open_with_a_linked_name_is_the_article():
    """lynx shows where a link starts, not that it ends after the name: items that each open
    with a link and go on in sentences are the article's list (no headline link among them)."""
    items = [f"[{60 + k}]{p}" for k, p in enumerate(BODY * 2)]
    blocks = build_blocks(normalize(_lynx(["Good morning! This is the tech news you need to know.", *items]),
                                    marks=True))
    assert link_rails(blocks, [score_block(b) for b in blocks]) == []


def test_a_section_header_ends_a_rail_run():
    """The article's last paragraph may open with a link; "More From <Site>" between it and a
    rail keeps it out of the rail."""
    last = "[14]Matt Maley" + BODY[1][len("Matt Maley"):]
    blocks = build_blocks(normalize(_lynx([BODY[0], last, "More From Dawgs By Nature", *RAIL]), marks=True))
    rails = link_rails(blocks, [score_block(b) for b in blocks])
    assert rails and all(not blocks[i].text.startswith("Matt") for i in rails)


def test_a_link_glued_to_a_stop_starts_a_new_block():
    """html2text drops the bullet image between a dek and the next headline link: "reveals.[Kim
    ...](url)" is two elements, split into two blocks (only where links are marked)."""
    md = ("A lede paragraph of the other story, as a rail prints it, ends here.[Kim Kardashian, "
          "Christian Bale support a new institute](https://x.example/news/2/) and more words follow")
    links = " ".join(f"[Menu {k}](https://x.example/{k}/)" for k in range(6))
    blocks = build_blocks(normalize(links + "\n\n" + md, marks=True))
    texts = [b.text for b in blocks]
    assert "A lede paragraph of the other story, as a rail prints it, ends here." in texts
    assert any(t.startswith("Kim Kardashian") for t in texts)
    assert normalize(md) == md  # no marks (no Markdown page): the text is left as it is


def test_a_link_after_a_spaced_stop_stays_in_the_paragraph():
    md = ("The council voted on Tuesday. [The report](https://x.example/r/) says more than that "
          "and the vote was close.")
    links = " ".join(f"[Menu {k}](https://x.example/{k}/)" for k in range(6))
    blocks = build_blocks(normalize(links + "\n\n" + md, marks=True))
    assert any(b.text.startswith("The council voted") and b.text.endswith("was close.") for b in blocks)

"""Tests for the flattened-text cleaner (factwire.clean.text) and the boilerplate vocabulary.

The seed page (examples/seed-drones.txt) is checked line by line against its gold,
tests/fixtures/seed-drones.gold.json; the floor on the text-dev pages is a DEV gate
(bench/gates/test_gate_extraction.py)."""
from __future__ import annotations

import json

import pytest

from factwire.clean.boilerplate import classify_boilerplate, section_kind
from factwire.clean.text import clean_text

from fwtest import FIXTURES, SEED

SEED_GOLD = FIXTURES / "seed-drones.gold.json"


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    return clean_text(text), gold


def test_seed_gold_holds_only_lines_of_the_page():
    """The gold is a labelling of the page, nothing more: every string in it is on the page."""
    lines = set(SEED.read_text(encoding="utf-8").splitlines())
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    strings = [gold["title"], *gold["paragraphs"], *(v for c in gold["captions"] for v in c.values()),
               *(line for kind in gold["removed"].values() for line in kind)]
    assert len(strings) > 40 and [s for s in strings if not any(s in line for line in lines)] == []


def test_seed_title(seed):
    cleaned, gold = seed
    assert cleaned.title == gold["title"]


def test_seed_paragraphs_exact(seed):
    cleaned, gold = seed
    assert cleaned.paragraphs == gold["paragraphs"]
    assert cleaned.kinds == ["p"] * len(gold["paragraphs"])


def test_seed_captions_once_with_credit(seed):
    cleaned, gold = seed
    assert [c.to_dict() for c in cleaned.captions] == gold["captions"]


@pytest.mark.parametrize("kind", ["related", "promo", "navigation", "comments"])
def test_seed_removed_by_kind(seed, kind):
    cleaned, gold = seed
    assert getattr(cleaned.removed, kind) == gold["removed"][kind]


BODY = ("The council voted on Tuesday to close the old bridge for repairs after engineers found "
        "cracks in two of its supporting piers, officials said.")
BODY2 = ("Traffic will be diverted through the northern ring road for at least six months, and "
         "buses will stop at temporary stations on both banks of the river.")
BODY3 = ("Residents who live near the bridge said they had warned the city about the damage for "
         "years, and several asked why the repairs had taken so long to begin.")


def test_bs4_split_paragraph_is_rejoined():
    page = "\n".join([
        "Home", "News", "Local", "Bridge closed for repairs",
        "The council voted on Tuesday to close the old bridge for repairs after",
        "engineers found cracks",
        "in two of its supporting piers,", "officials said", ".",
        BODY2, BODY3, "Share", "Facebook", "Twitter",
    ])
    cleaned = clean_text(page)
    assert cleaned.paragraphs[0] == BODY
    assert cleaned.paragraphs[1:] == [BODY2, BODY3]
    assert "Facebook" in cleaned.removed.navigation


def test_inscriptis_bullets_in_body_are_items():
    page = "\n".join([
        "* Home", "* World", "* Sports", "",
        BODY, "", "The city listed three changes for drivers:", "",
        "* Buses will stop at the temporary stations on both banks of the river.",
        "* Lorries over ten tonnes must use the ring road until the work is finished.",
        "", BODY2, "", BODY3,
    ])
    cleaned = clean_text(page)
    assert "Home" not in cleaned.paragraphs
    items = [p for p, k in zip(cleaned.paragraphs, cleaned.kinds) if k == "li"]
    assert items == ["Buses will stop at the temporary stations on both banks of the river.",
                     "Lorries over ten tonnes must use the ring road until the work is finished."]


def test_caption_with_credit_and_rendition():
    caption = "Workers inspect the bridge's cracked pier on Monday, November 18, 2019."
    page = "\n".join([BODY, "", caption, "", caption.replace("'", "’"), "",
                      "(AP Photo/Jane Doe)", "", BODY2, "", BODY3])
    cleaned = clean_text(page)
    assert [c.to_dict() for c in cleaned.captions] == [
        {"text": caption.replace("'", "’"), "credit": "AP Photo/Jane Doe"}]
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]


def test_allcaps_headline_in_body_is_related():
    headline = "MAYOR SAYS SECOND BRIDGE WILL BE INSPECTED BEFORE WINTER STORMS ARRIVE"
    cleaned = clean_text("\n\n".join([BODY, headline, BODY2, BODY3]))
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert cleaned.removed.related == [headline]


def test_comments_after_article_are_not_body():
    comment = ("I drive over that bridge every day and I am glad somebody finally noticed the "
               "cracks, but six months of detours is going to be hard for everyone here.")
    page = "\n".join([BODY, BODY2, BODY3, "Share this:", "12 Comments", "jdoe", "says:",
                      "November 19, 2019 at 6:34 am", comment, "asmith", "says:", comment + "!"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert any(comment in line for line in cleaned.removed.comments)


def test_boilerplate_vocabulary():
    assert classify_boilerplate("CLICK HERE TO GET THE FOX NEWS APP") == "promo"
    assert classify_boilerplate("Leave a Reply") == "comments"
    assert classify_boilerplate("Related stories") == "navigation"
    assert section_kind("Related stories") == "related"
    assert classify_boilerplate("spot_img") == "navigation"
    assert classify_boilerplate(BODY) is None


def test_schedule_after_article_is_kept_as_list():
    dates = [f"June {d} -- Arena number {d}, Springfield, IL" for d in range(1, 7)]
    page = "\n".join([BODY, BODY2, BODY3, "Tour dates:", *dates, "Related", "Facebook"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs[-6:] == dates
    assert cleaned.kinds[-6:] == ["li"] * 6


def test_page_without_prose_gets_its_list():
    rows = [f"{n}a etapa: {n} de maio – Circuito {n}" for n in range(1, 11)]
    page = "\n".join(["Home", "Menu", "Calendário 2018", *rows, "Tags", "RSS"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == rows


def test_a_more_in_rail_between_lede_and_body_does_not_end_the_article():
    """A "More in <topic>" video rail inside the article: what follows out-scores the lede
    many times over, so the header is not the start of the page's tail."""
    lede = [BODY, BODY2, BODY3, BODY.replace("council", "city")]
    rail = ["More in Bridge Repairs", "Watch live: the bridge", "Engineers inspect piers", "Video"]
    rest = [p.replace(" said", f" said at briefing {i}") for i in range(6) for p in (BODY, BODY2, BODY3)]
    # every paragraph of the rest is followed by two video titles of the rail (sparse prose)
    page = [x for p in rest for x in (p, "Watch: the bridge", "Piers inspected")]
    cleaned = clean_text("\n\n".join(["Home", "World", *lede, *rail, *page, "Facebook"]))
    assert cleaned.paragraphs[:4] == lede and rest[-1] in cleaned.paragraphs


def test_a_header_split_at_its_styled_name_is_rejoined():
    from factwire.clean.text_lines import build_blocks

    blocks = build_blocks("\n\n".join([BODY, "More\nWashington Examiner", "Teaser one"]))
    assert [b.text for b in blocks][1] == "More Washington Examiner"


def test_byline_and_tagged_teaser_lines_in_the_body_are_set_aside():
    body4 = BODY.replace("council", "city council")
    page = "\n\n".join(["Home", BODY, BODY2, BODY3, "By Laura Mowat", body4,
                        "Plague outbreak: China hit by highly contagious plague [VIDEO]", BODY3, "Facebook"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == [BODY, BODY2, BODY3, body4]
    assert any("[VIDEO]" in line for line in cleaned.removed.related)


def test_image_alts_with_an_agency_credit_are_captions_not_body():
    """A text browser prints an image's alt, which news sites fill with the caption and its
    credit: such lines are captions, and a rail of them does not out-score a short article."""
    alts = [f"Officials inspect bridge pier {i} in Springfield, Tuesday, Nov. 19, 2019, after the "
            f"council voted to close the road for repairs. (AP Photo/Jane Doe)" for i in range(8)]
    rail = [x for i, alt in enumerate(alts) for x in (alt, f"Bridge video {i}")]
    cleaned = clean_text("\n\n".join(["Home", "World", *rail, BODY, BODY2, "Facebook"]))
    assert cleaned.paragraphs == [BODY, BODY2]
    inside = clean_text("\n\n".join(["Home", BODY, alts[0], BODY2, BODY3, "Facebook"]))
    assert inside.paragraphs == [BODY, BODY2, BODY3]
    assert inside.captions[0].credit == "AP Photo/Jane Doe"


def test_a_caption_with_a_labelled_or_named_credit_inside_the_body_is_a_caption():
    """A figcaption and its credit span print as one paragraph ("... air quality. Sakib
    Ali/Hindustan Times/Getty Images", "... on Tuesday. Photographer: Andrew Harrer/Bloomberg"):
    inside the body region it is set aside as a caption, like one with "(AP Photo/...)"."""
    named = ("A fire to rid of crop stubble raises smoke at a farm near Masuri on November 4, 2019. "
             "Burning crop stubble is sending smoke into the city. Sakib Ali/Hindustan Times/Getty Images")
    labelled = "Traders work on the floor of the exchange on Tuesday. Photographer: Andrew Harrer/Bloomberg"
    cleaned = clean_text("\n\n".join(["Home", BODY, named, BODY2, labelled, BODY3, "Facebook"]))
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert [c.text for c in cleaned.captions] == [named, labelled.split(" Photographer")[0]]
    assert cleaned.captions[1].credit == "Photographer: Andrew Harrer/Bloomberg"


def test_a_caption_with_a_copyright_credit_is_a_caption_and_a_site_notice_is_none():
    """"© Reuters / David Mercado" after a caption's sentence, or "© John Brecher" before it,
    credits a photo; "© Telegraph Media Group Limited 2019" (a year) is the site's notice."""
    from factwire.clean.text_lines import copyright_credit

    after = ("A cyclist rides next to a blocked petrol plant of Senkata in the outskirts of La Paz, "
             "Bolivia, November 19, 2019. © Reuters / David Mercado")
    before = "© John Brecher Needle poking skin during administration of flu shot at a health center."
    cleaned = clean_text("\n\n".join(["Home", BODY, after, BODY2, before, BODY3, "Facebook"]))
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert copyright_credit("© Regan") and copyright_credit(after)
    for notice in ("© Telegraph Media Group Limited 2019", "© Phys.org 2003 - 2019 powered by Science X",
                   "© Example News. All rights reserved.", "Prices fell 3 % © in the index"):
        assert not copyright_credit(notice), notice


def test_a_reuters_caption_credited_agency_first_is_a_caption():
    """Reuters credits "REUTERS/<Photographer>" after the caption's last sentence."""
    from factwire.clean.text_lines import labelled_credit

    cap = ("FILE PHOTO: Traders work on the floor at the New York Stock Exchange (NYSE) in New York, "
           "U.S., November 18, 2019. REUTERS/Brendan McDermid")
    cleaned = clean_text("\n\n".join(["Home", BODY, cap, BODY2, BODY3, "Facebook"]))
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert labelled_credit("Officials met on Monday. REUTERS/Erin Scott/File Photo")
    assert not labelled_credit("The figures were published on Monday by Reuters/Ipsos polls")


def test_a_lynx_button_after_a_paragraph_is_no_credit_of_a_caption():
    """"(BUTTON)" is parenthesised like "(AP Photo/...)" but credits nothing: the paragraph
    before it stays in the body."""
    cleaned = clean_text("\n".join(["Home", "", BODY, "", BODY2, "", BODY3, "(BUTTON)", "", "Facebook"]))
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]


def test_a_caption_glued_to_its_nyt_credit_and_its_alt_rendition_both_go():
    """The New York Times labels a credit "Credit..."; a dump glues it to the caption
    ("... get it.Credit...Doug Mills/The New York Times") printed after the image's alt."""
    alt = "Trump asked voters in Louisiana for a big win. He didn't get it."
    cap = alt + "Credit...Doug Mills/The New York Times"
    cleaned = clean_text("\n\n".join(["Home", BODY, alt, cap, BODY2, BODY3, "Facebook"]))
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert cleaned.captions[0].text == alt


def test_text_browser_image_placeholders_are_not_body():
    """w3m prints an image as "[alt]" or "[file-name]" on a line of its own."""
    page = "\n\n".join(["Home", BODY, "[20180816_1009]", BODY2, "[wAAACH5BAE]", BODY3, "Facebook"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]


def test_an_image_file_name_printed_for_its_alt_is_not_body():
    """A CMS fills an empty alt with the file's name; text browsers print it where the
    picture stands ("milano-design-week-2018-flos-01", "echo-dot-on-a-table.jpg")."""
    page = "\n\n".join(["Home", BODY, "milano-design-week-2018-flos-arrangements-01", BODY2,
                         "amazon-echo-dot-with-clock.jpg", BODY3, "Facebook"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]


def test_a_caption_the_page_labels_is_a_caption_not_body():
    """Screen-reader labels before a caption ("Image caption ...", "Image copyright EPA Image
    caption ...", "Media captionJulian ...") say what the line is."""
    cap = "Image copyright EPA Image caption The prosecutor said the decision was taken after interviews"
    media = "Media captionThe founder being dragged from the embassy in London"
    page = "\n\n".join(["Home", BODY, cap, BODY2, media, BODY3, "Facebook"])
    cleaned = clean_text(page)
    assert cleaned.paragraphs == [BODY, BODY2, BODY3]
    assert [c.text for c in cleaned.captions] == [
        "The prosecutor said the decision was taken after interviews",
        "The founder being dragged from the embassy in London"]
    assert cleaned.captions[0].credit == "EPA"


def test_file_name_shapes():
    from factwire.clean.text_embeds import is_file_name
    assert is_file_name("what-is-catering-business-demo")
    assert is_file_name("https://static.example.com/image/5dd3a0-500-250/ten-things.jpg")
    assert not is_file_name("1-800-555-0199")  # a phone number is digits
    assert not is_file_name("2019-11-19")
    assert not is_file_name("http://www.example.com/2013/02/a-page-about-it.html")
    assert not is_file_name("A well-known state-of-the-art design")


def test_a_label_the_article_repeats_over_its_parts_does_not_open_the_tail():
    """A buying guide ends every item with "Top Expert Recommendations:": the label recurs
    inside the article, so it is a subheading, not a "Top stories" rail after it."""
    page = ["Home", "World", BODY, BODY2, BODY3]
    items = [BODY.replace("council", f"council {i}") + " " + BODY2 for i in range(14)]
    for i, item in enumerate(items):
        page += [f"Tool {i}", item, "Top Expert Recommendations:" if i < 3 else "Top Expert Recommendations",
                 *[f"Brand {i} model {m}" for m in "ABC"]]
    cleaned = clean_text("\n\n".join([*page, "Facebook"]))
    assert items[-1] in cleaned.paragraphs


def test_a_standfirst_above_the_byline_is_not_the_first_paragraph():
    """Headline, standfirst, byline, date, body: the summary above the byline is the page's,
    not the article's first paragraph."""
    dek = ("The president's unpredictability and his demands of China are complicating an end to "
           "the long-running trade war between the two largest economies.")
    page = ["Home", "World", "Trade talks stall again", dek, "By Ana Swanson", "November 20, 2019",
            BODY, BODY2, BODY3, "Facebook"]
    assert clean_text("\n\n".join(page)).paragraphs == [BODY, BODY2, BODY3]
    # a short first paragraph with no byline under it stays
    short = ["Home", "World", dek, BODY, BODY2, BODY3, "Facebook"]
    assert clean_text("\n\n".join(short)).paragraphs[0] == dek
    # a year inside a sentence broken at its links is no date line
    broken = ["Home", dek, "film was 2016’s", BODY, BODY2, BODY3, "Facebook"]
    assert dek in clean_text("\n\n".join(broken)).paragraphs


def test_a_list_announced_by_a_colon_goes_on_with_the_article():
    """"Here are the deals:" and then numbered items (each with its shop link): the colon
    announces the list, so it is the article's, not a menu after it."""
    items = [f"{n}) Lego Star Wars set number {n} with bonus parts" for n in range(1, 7)]
    lines = [x for n, item in enumerate(items) for x in (item, f"http://amzn.to/{n}abc")]
    page = ["Home", "World", BODY, BODY2, "Here are the best deals of the week on Amazon:", *lines, "Tags", "RSS"]
    cleaned = clean_text("\n\n".join(page))
    assert "Lego Star Wars set number 6 with bonus parts" in cleaned.paragraphs
    # the same list after a paragraph that ends with a stop is not taken
    plain = clean_text("\n\n".join(["Home", BODY, BODY2, BODY3, *lines, "Tags"]))
    assert not any("Lego" in p for p in plain.paragraphs)


def test_a_sentence_cut_on_a_function_word_goes_on_after_a_blank_line():
    """bs4 prints a link's own line breaks as blank lines: "... easily outpacing the" + blank +
    "Dow Jones Industrial Average" + blank + "over the same span." is one sentence."""
    from factwire.clean.text_lines import build_blocks

    text = ("Home Depot shares are up about 40% year to date, easily outpacing the\n\n"
            "Dow Jones Industrial Average")
    assert [b.text for b in build_blocks(text)] == [
        "Home Depot shares are up about 40% year to date, easily outpacing the Dow Jones Industrial Average"]
    # a short run, or one that ends a sentence, does not pull the next line across a blank
    assert len(build_blocks("Latest news from the\n\nMarkets")) == 2
    assert len(build_blocks("Shares of Home Depot are up about 40% this year.\n\nDow Jones")) == 2


def test_a_long_parenthesised_aside_is_no_photo_credit():
    """"(AP Photo/Susan Walsh)" under a line makes it a caption; "(Leggi anche su: <headline>
    – FOTO)" under the article's last paragraph is a cross-link, and the paragraph stays body."""
    from factwire.clean.text import credit_of
    from factwire.clean.text_lines import build_blocks

    aside = "(Leggi anche su: I Cavalieri dello Zodiaco: ecco gli attori che interpreteranno Pegasus e co – FOTO)"
    assert credit_of(build_blocks(aside)[0]) is None
    assert credit_of(build_blocks("(AP Photo/Susan Walsh)")[0]) == "AP Photo/Susan Walsh"
    body = ("Tornando al remake, il titolo provvisorio è Knights of the Zodiac e la prima stagione "
            "dovrebbe essere di dodici episodi, che conterranno il periodo della Guerra Galattica.")
    lede = " ".join(["La serie arriva su Netflix il prossimo anno e i fan la aspettano da tempo."] * 4)
    cleaned = clean_text("\n\n".join(["Home", "News", lede, body, aside, "Cerca", "Search"]))
    assert body in cleaned.paragraphs


def test_a_photo_credit_ends_its_caption_before_a_split_gallery_counter():
    """bs4 prints a gallery's "2 of 4" as three lines; "2" followed by "of" read as a link
    inside a sentence and joined the caption above it, so its "(... via AP)" credit was no
    longer at the end and the caption scored as prose.  A credit closes a caption."""
    from factwire.clean.text_lines import build_blocks

    cap = ("A shopper looks at extension cords at a hardware store, Tuesday, Nov. 19, 2019, in Grass "
           "Valley, Calif., before the planned power shutdown. (Elias Funez/The Union via AP)")
    blocks = build_blocks("\n".join(["1", "of", "4", cap, "2", "of", "4", cap]))
    assert blocks[3].text == cap and blocks[-1].text == cap


def test_image_alts_written_from_the_title_and_a_counter_are_set_aside():
    """A CMS names a post's images "<headline> 2", "<headline> 3"; a text dump prints the alts
    inside the body.  Short counted headings ("Step 2") stay."""
    para = ("The council approved the new budget on Monday after a long debate, a spokesman said, "
            "and the first payments will be made in the spring of next year.")
    head = "Why Some Councils Approve Budgets Faster Than Others"
    body = [para, f"{head} 2", "Step 2", para.replace("council", "board"), f"{head} 3",
            para.replace("council", "city")]
    out = clean_text(f"{head}\n\n" + "\n\n".join(body))
    assert not any(p.startswith(head) for p in out.paragraphs)
    assert "Step 2" in out.paragraphs and len(out.paragraphs) == 4
    assert f"{head} 2" in out.removed.navigation

"""Tests for the body-region scoring of the flattened-text cleaner (factwire.clean.text_region)."""
from __future__ import annotations

from factwire.clean.text import clean_text
from factwire.clean.text_lines import build_blocks
from factwire.clean.text_region import score_blocks
from factwire.clean.text_runs import TABLE_ROW_SCORE, table_rows, teaser_deks

MENU = "\n".join(["Home", "News", "Sport", "Weather", "Contact us", "About"])


def _para(n: int, topic: str) -> str:
    words = f"the council said that the {topic} plan would cost more than people expected this year".split()
    return " ".join((words * 5)[:n]).capitalize() + "."


def test_a_data_table_between_two_halves_of_an_article_keeps_both():
    """A table of amounts is never sentence-shaped; at the menu cost a long one cut the article
    in two and the half after it was lost."""
    rows = [f"Item {k} ${100 + k} ${200 + 3 * k} {k % 4 + 2} movers {k % 5 + 3} hours" for k in range(30)]
    before = [_para(30 + k, "moving") for k in range(4)]  # distinct: a page printing one paragraph 4 times is a rail (repeated_prose)
    after = [_para(30, "storage"), _para(30, "storage budget")]
    page = "\n\n".join([MENU, *before, "Home size Avg. total cost Cost/hour", *rows, *after, MENU])
    cleaned = clean_text(page)
    assert after[0] in cleaned.paragraphs and after[1] in cleaned.paragraphs
    assert rows[0] in cleaned.paragraphs and "Weather" not in cleaned.paragraphs


def test_table_rows_need_a_run_of_figure_lines_without_phrase_punctuation():
    """Citations ("Title," Oct. 16, 2019) and dated list entries have figures too, but commas
    and quotes between words; a single figure line between headlines is a teaser's date."""
    cites = [f'Federal Reserve Board, "Beige Book," Oct. {k}, 2019' for k in range(1, 6)]
    rows = ["Celery 80g 160g 320g", "Carrots 4 8 16", "Garlic 6 cloves 12 cloves 16 cloves"]
    teaser = ["Storm closes roads", "Dec 17 2025 5 min read", "Council backs new budget"]
    blocks = build_blocks("\n".join([*cites, "", *teaser, "", *rows]))
    scores = score_blocks(blocks)
    rows_found = [blocks[i].text for i in table_rows(blocks, [s if s != TABLE_ROW_SCORE else -3.0 for s in scores], -3.0)]
    assert rows_found == rows
    assert [scores[i] for i, b in enumerate(blocks) if b.text in rows] == [TABLE_ROW_SCORE] * 3


def test_markdown_headline_with_its_dek_in_italics_is_a_teaser():
    """html2text prints a teaser card as its headline and the dek's `<em>` run on one line;
    the article below must win over a rail of such cards."""
    from factwire.clean.text_region import is_glued_teaser

    card = ("Police: 2 In Custody After Death Of Local Student-Athlete _A 24-year-old woman and "
            "a 28-year-old man have been arrested in connection with the death._")
    assert is_glued_teaser(build_blocks(card)[0])
    prose = "The council said on Monday that the plan would cost more than people expected, and a vote is due."
    assert not is_glued_teaser(build_blocks(prose + " _Reuters_")[0])


def test_headline_and_one_sentence_dek_pairs_are_a_teaser_list():
    """Three or more (Title Case headline, one-sentence summary) pairs in a row are another
    stories' rail: their summaries do not count as prose; an article's subhead is followed by
    several paragraphs, and a lead-in label ("Optimize Title Tags:") is no headline."""
    pairs = []
    for k, head in enumerate(["Customers Leave Without Paying Bill At Steakhouse",
                              "Michigan To Mail Redistricting Panel Applications",
                              "Officers Seek Tips About Bull Elk Poached Up North"]):
        pairs += [head, f"A party of {k + 6} people left the restaurant in town without paying their bill after a fight."]
    blocks = build_blocks("\n\n".join(pairs))
    assert teaser_deks(blocks, [-3.0 if i % 2 == 0 else 10.0 for i in range(len(blocks))]) == [1, 3, 5]
    labels = build_blocks("\n\n".join(p + ":" if i % 2 == 0 else p for i, p in enumerate(pairs)))
    assert teaser_deks(labels, [-3.0 if i % 2 == 0 else 10.0 for i in range(len(labels))]) == []


def test_w3m_bordered_table_lines_are_table_rows():
    """w3m draws a bordered (data) table with box-drawing characters; its lines are rows of
    the article's table whatever their figures, borders included."""
    lines = ["┌───────┬──────────┐", "│Rank   │School    │", "│1      │Chicago   │",
             "│       │Booth     │", "└───────┴──────────┘"]
    blocks = build_blocks("\n".join(lines))
    assert table_rows(blocks, score_blocks(blocks), -3.0) == list(range(len(blocks)))


def _box(k: int, price: bool = True) -> list[str]:
    name = ["Apple AirPods", "Beats Solo3 Headphones", "Apple Watch Series 3", "Anker Charger", "Kindle Paperwhite"][k % 5]
    lines = [name, "Automatically on", "Quick access to Siri", "Sweat resistant", "Charges quickly in the case"]
    lines += [f"{name} (Latest Model) ${100 + 7 * k}.99" if price else "Sale price withheld.", "Buy Now"]
    return lines


def test_a_run_of_priced_product_boxes_is_the_article_going_on():
    """A deals post lists its products as boxes (name, features, price, buy button) between
    its lede and its closing lines; every box has a price, which a menu or teaser rail lacks,
    so the run is bridged instead of cutting the post after the lede -- one box without a
    price included."""
    lede = [_para(40, "deals"), _para(30, "deals page")]
    boxes = [line for k in range(5) for line in _box(k, price=k != 2)]
    close = _para(25, "deals closing")
    page = "\n\n".join([MENU, *lede, *boxes, close, MENU])
    cleaned = clean_text(page)
    assert close in cleaned.paragraphs and "Beats Solo3 Headphones" in cleaned.paragraphs


def test_product_boxes_need_repeated_prices_at_line_end():
    """Two priced lines, or headlines quoting a price mid-sentence, are no run of boxes."""
    from factwire.clean.text_runs import product_boxes

    two = [line for k in range(2) for line in _box(k)]
    blocks = build_blocks("\n\n".join(two))
    assert product_boxes(blocks, [-3.0] * len(blocks), -3.0) == []
    rail = [f"Sony earbuds are on sale for ${k}9 today only and more" for k in range(1, 6)]
    blocks = build_blocks("\n\n".join(x for r in rail for x in (r, "By Maren Estrada 2 days ago")))
    assert product_boxes(blocks, [-3.0] * len(blocks), -3.0) == []


def test_a_subhead_about_comments_is_no_comments_wall():
    """"Mistake 3: Ignoring comments or messages ..." is a subhead of the article (long, no
    count, dense prose below); "12 Comments" over a thread stays the wall it was."""
    body = [_para(40, "shop"), _para(35, "shop again"), _para(30, "sales")]
    sub = "Mistake 3: Ignoring comments or messages about the shopping experience"
    after = [_para(40, "social"), _para(35, "social media"), _para(30, "service")]
    cleaned = clean_text("\n\n".join([MENU, *body, sub, *after, MENU]))
    assert after[2] in cleaned.paragraphs
    thread = ["12 Comments", "Jane Doe", "May 3, 2024 at 9:15 am", _para(20, "reader"), "Reply",
              "Bob", "May 4, 2024 at 1:00 pm", _para(15, "other reader"), "Reply"]
    cleaned = clean_text("\n\n".join([MENU, *body, *thread]))
    assert body[2] in cleaned.paragraphs and thread[3] not in cleaned.paragraphs


def test_an_announced_list_keeps_items_whose_link_or_image_has_its_own_line():
    """After "... ecco le offerte su Amazon:" the numbered items go on the article whatever a
    renderer prints between them: html2text's `**http://...` / `<http://...>` links, a lone
    `**`, w3m's `[1-300x300]` image placeholder, an item name wrapped onto a second line."""
    from factwire.clean.text_lists import announced_list

    lines = [_para(30, "black friday"), "Ecco allora le offerte da non lasciarsi sfuggire su Amazon:",
             "1) Lego Star Wars 75188 Bombardiere", "**http://amzn.to/2iJFhRj", "**",
             "2) Cofanetto Nolan: Interstellar/Il Cavaliere Oscuro – La", "Trilogia/Inception/Memento (Blu-Ray)",
             "<http://amzn.to/2hWw372>", "3) Blade Runner The Final Cut", "[4-240x300]",
             "4) Monopoly Travel Versione da Viaggio", "http://amzn.to/2jRvThQ", "Home", "Contact us"]
    blocks = build_blocks("\n\n".join(lines))
    span = announced_list(blocks, 1)
    assert [blocks[i].text for i in span][-1] == "http://amzn.to/2jRvThQ"


def test_lines_opening_with_the_page_headline_are_echoed_alt_teasers():
    """A rail whose pictures all carry the page's headline as alt prints "<headline> <teaser>"
    per item; lines that merely share their first words (a meal plan's ingredient lines) are
    not such echoes."""
    from factwire.clean.text_runs import echoed_openings

    head = "‘He died in my hands’: 3 demonstrators killed in clashes near fuel plant"
    rail = [f"{head} {t}" for t in ("Miss Moscow picks a dress", "A galaxy far away", "Drunk man on a bus")]
    blocks = build_blocks("\n\n".join([head, _para(30, "protest"), *rail]))
    assert echoed_openings(blocks) == [2, 3, 4]
    meals = [f"Asparagus and Eggs with one cup of asparagus and {k} poached eggs" for k in range(2, 6)]
    assert echoed_openings(build_blocks("\n\n".join(meals))) == []


def test_a_line_with_a_raw_character_reference_is_an_attribute_not_prose():
    """Renderers decode entities in the page's text; "Huawei&#39;s press conference ..." kept
    its reference because it was an alt/title printed raw (lynx/w3m photo rails)."""
    from factwire.clean.text_region import score_block

    alt = ("A guest holds her phone showing a picture taken during Huawei&#39;s press conference "
           "unveiling its new operating system in Dongguan, Guangdong province on August 9, 2019.")
    assert score_block(build_blocks(alt)[0]) < 0
    assert score_block(build_blocks(alt.replace("&#39;", "'"))[0]) > 0


def test_a_fact_box_of_label_value_lines_is_table_rows():
    """"Location: Boston, Massachusetts" / "Median GMAT: 740" / "Class Size: 930": a fact box
    of the article, one row per line, is neutral like a table; a lone "Tags: news" is not."""
    facts = ["Location: Boston, Massachusetts", "Median GMAT: 740", "Class Size: 930", "Acceptance Rate: 14%"]
    blocks = build_blocks("\n\n".join([*facts, "Learn more about the program", "Tags: news"]))
    assert table_rows(blocks, [-3.0] * len(blocks), -3.0) == [0, 1, 2, 3]


def test_lines_the_renderer_aligned_in_columns_are_table_rows():
    """inscriptis and w3m align a table's cells with runs of spaces; such lines are rows
    whatever they hold (words with commas and semicolons included)."""
    rows = ["Company          Type        Membership   Notable",
            "UnitedHealthcare For-Profit  ~47M         Largest insurer; diverse plans",
            "Elevance Health  For-Profit  ~45M         Focus on digital tools",
            "Kaiser           Non-Profit  ~12.6M       Integrated care, hospitals"]
    blocks = build_blocks("\n".join(rows))
    assert [b.gaps >= 2 for b in blocks] == [True] * 4
    assert table_rows(blocks, [-3.0] * 4, -3.0) == [0, 1, 2, 3]


def test_italian_and_portuguese_comment_headers_are_comments_walls():
    """"Lascia un commento" / "Deixe seu comentário" open the comments like "Leave a comment"."""
    from factwire.clean.text_region import is_comments_header

    for text in ("Lascia un commento", "Deixe seu comentário", "12 commenti"):
        assert is_comments_header(build_blocks(text)[0]), text
    assert not is_comments_header(build_blocks("Il commento del direttore sulla partita.")[0])


def test_a_rail_of_cards_with_one_kicker_has_no_prose():
    """"Company Town" over every teaser (kicker, headline, one-sentence dek) is a rail of
    other stories; a label with a colon over each part of a guide is the article's."""
    from factwire.clean.text_runs import kicker_deks

    cards = []
    for k in range(5):
        cards += ["Company Town", f"Studio number {k} signs a new agreement with the guild",
                  f"The agency is the {k}th company to break ranks with the talent agents group."]
    blocks = build_blocks("\n\n".join(cards))
    scores = [-3.0 if i % 3 < 2 else 12.0 for i in range(len(blocks))]
    assert kicker_deks(blocks, scores) == [2, 5, 8, 11, 14]
    labels = [c.replace("Company Town", "Top Expert Picks:") for c in cards]
    blocks = build_blocks("\n\n".join(labels))
    assert kicker_deks(blocks, scores) == []


def test_a_closing_author_box_is_not_the_article():
    """"Sobre Carlos Nadalim" and his bio after the last paragraph is the author's box; an
    "About" header far above the region's end is a section of the article."""
    body = [_para(40, "school"), _para(35, "reading"), _para(30, "homework")]
    bio = "Pai de dois filhos, Carlos Nadalim é coordenador pedagógico numa escola em Londrina e escreve sobre educação."
    cleaned = clean_text("\n\n".join([MENU, *body, "Sobre Carlos Nadalim", bio, "Facebook", "Artigos relacionados"]))
    assert cleaned.paragraphs == body
    from factwire.clean.text_region import author_box_start

    blocks = build_blocks("\n\n".join([body[0], "About the project", *body[1:], body[0] + " Again.", body[2] + " More."]))
    assert author_box_start(blocks, 0, len(blocks) - 1) == len(blocks) - 1


def test_reference_list_entries_are_no_prose():
    """An MLA/APA web source ("..., https://x.com/a. Accessed 4 Nov. 2025.") is an entry of the
    sources list under the article, scored like a list entry, not as a sentence."""
    from factwire.clean.text_headers import is_reference_entry
    from factwire.clean.text_lines import build_blocks
    from factwire.clean.text_region import SHORT_PENALTY, score_block

    entry = "“M&A Opportunities | FP Transitions.” FP Transitions, https://www.fptransitions.com/ma. Accessed 11 Apr. 2025."
    assert is_reference_entry(entry)
    assert is_reference_entry("Smith, J. (2020). Title of work. Retrieved March 3, 2020, from https://x.org/a")
    assert score_block(build_blocks(entry)[0]) == -SHORT_PENALTY
    assert not is_reference_entry("The report, published at https://x.org/report, was accessed by millions.")


def test_a_prose_line_printed_before_every_teaser_is_an_alt_not_the_article():
    """w3m prints each picture's alt on its own line; a rail whose pictures all carry the
    page's headline prints that headline (prose by its shape) before every teaser."""
    from factwire.clean.text_runs import repeated_prose

    head = "Three demonstrators were killed in clashes with the police near a fuel plant on Tuesday."
    rail = [x for k in range(6) for x in (head, f"Teaser headline number {k} about another story")]
    body = [_para(30, "fuel"), _para(40, "protest"), _para(35, "plant")]
    blocks = build_blocks("\n\n".join([MENU, head, *body, MENU, *rail, MENU]))
    scores = score_blocks(blocks)
    assert all(scores[i] < 0 for i, b in enumerate(blocks) if b.text == head)
    assert repeated_prose(build_blocks("\n\n".join([head, head, *body])), [1.0] * 5) == []
    assert clean_text("\n\n".join([MENU, head, *body, MENU, *rail])).paragraphs == body


def test_more_from_a_publication_opens_the_tail():
    from factwire.clean.text_headers import is_source_header

    assert is_source_header("More From the Los Angeles Times")
    assert is_source_header("More from The Wall Street Journal")
    assert not is_source_header("More people are moving to the suburbs")
    assert not is_source_header("More from the tour")


def test_related_article_headers_in_japanese_chinese_and_korean():
    from factwire.clean.text_headers import is_more_header

    for text in ("関連記事", "おすすめ記事", "人気の記事", "相关文章", "相關新聞", "관련 기사"):
        assert is_more_header(text), text
    assert not is_more_header("関連する法律の改正について")


def test_end_of_article_ends_the_body_and_a_glued_author_box_is_no_paragraph():
    """"End of Article" says where the article stops: the author box and teasers below it are
    the page's tail; "About the AuthorTOI Lifestyle Desk" (two elements glued) heads a bio box."""
    body = [_para(30, "meditation"), _para(45, "brain"), _para(38, "practice")]
    bio = "The Lifestyle Desk is a dynamic team of dedicated journalists who sift through the news to bring stories."
    teasers = [f"Article image for: Story number {k} about how to eat well and sleep better at home." for k in range(4)]
    page = "\n\n".join([MENU, *body, "About the AuthorTOI Lifestyle Desk", bio, "End of Article", *teasers, MENU])
    assert clean_text(page).paragraphs == body
    from factwire.clean.text_headers import is_end_marker

    assert is_end_marker("End of Article") and is_end_marker("End of story.")
    assert not is_end_marker("End of an era for the club")


def test_a_long_agency_caption_and_a_labelled_credit_caption_score_as_captions():
    """Getty captions describe the event in full (over 70 words) and end in the credit;
    Bloomberg's end in "Photographer: Name/Agency": image alts a text browser printed."""
    from factwire.clean.text_region import score_block
    getty = ("WASHINGTON, DC - NOVEMBER 19: " + "Officials arrive to testify before the committee "
             "in the office building on Capitol Hill in Washington. " * 8 +
             "(Photo by Chip Somodevilla/Getty Images)")
    bloomberg = ("Alexander Vindman, director for European affairs, speaks during a hearing in "
                 "Washington on Tuesday, Nov. 19, 2019. Photographer: Andrew Harrer/Bloomberg via Getty Images")
    body = ("Alexander Vindman, director for European affairs, spoke during a hearing in "
            "Washington on Tuesday and told the committee what he had heard on the call.")
    getty_b, bloom_b, body_b = build_blocks("\n\n".join([getty, bloomberg, body]))
    assert getty_b.words > 70
    assert score_block(getty_b) < 0 and score_block(bloom_b) < 0 and score_block(body_b) > 0


def test_a_caption_ending_in_the_photographer_and_agency_scores_as_a_caption():
    """lynx and w3m print a figcaption and its credit span as one paragraph: "... harming air
    quality. Sakib Ali/Hindustan Times/Getty Images"; a sentence naming an agency is prose."""
    from factwire.clean.text_region import score_block
    cap = ("A fire to rid of crop stubble raises smoke at a farm near Masuri on November 4, 2019 in "
           "Ghaziabad, India. Burning crop stubble is sending smoke into the city. Sakib Ali/Hindustan "
           "Times/Getty Images")
    body = ("The photographs were sold to Getty Images and AFP, and the agencies sent them to every "
            "newspaper in the country on the same afternoon.")
    cap_b, body_b = build_blocks(cap + "\n\n" + body)
    assert score_block(cap_b) < 0 < score_block(body_b)


def test_captions_ending_in_an_agency_restriction_or_a_copyright_score_as_captions():
    from factwire.clean.text_region import score_block
    afp = ("This combination of photographs shows supporters from France and Croatia cheering on "
           "their teams during the final in Moscow on July 15, 2018. / AFP PHOTO / - / RESTRICTED TO "
           "EDITORIAL USE - NO MOBILE PUSH ALERTS/DOWNLOADS -/AFP/Getty Images")
    ap = ("Los Angeles Lakers' LeBron James dunks during the first half of the team's game against "
          "the Oklahoma City Thunder on Tuesday. Photo: Ringo H.W. Chiu, AP / Copyright 2019 "
          "Associated Press. All rights reserved.")
    for block in build_blocks(afp + "\n\n" + ap):
        assert score_block(block) < 0, block.text


def test_an_alt_glued_to_its_cards_headline_is_a_teaser_not_prose():
    """A text dump prints a rail's card as "<alt sentence>.<Headline>" with no space; the card
    must not extend the body, while a glued sentence followed by more prose stays prose."""
    from factwire.clean.text_lines import build_blocks
    from factwire.clean.text_region import is_glued_alt_card

    card = ("A Kylie Jenner cosmetics display in an Ulta store in New York.One of the "
            "top-performing beauty stocks could surge after a makeover")
    prose = ("The article provides practical steps to create smart strategies for saving money.It's "
             "recommended that you pay down your debts first. Then save.")
    assert is_glued_alt_card(build_blocks(card)[0])
    assert not is_glued_alt_card(build_blocks(prose)[0])


def test_a_contact_footer_of_figures_is_no_prose():
    """A footer line of an address, a company number and a phone ("CNPJ: 83.102.459/0001-23 -
    Rua ..., 1111 - ... - Fone: (047) 2106-8000") has punctuation only inside figures: no
    phrase of prose, so it cannot pull the body region down to the page's footer."""
    from factwire.clean.text_region import is_prose
    footer = ("Jaraguá do Sul - SC - CNPJ: 83.102.459/0001-23 - Rua Walter Marquardt, 1111 - "
              "Barra do Rio Molha - 89259-565 - Caixa Postal 421 - Fone: (047) 2106-8000")
    assert not is_prose(build_blocks(footer)[0])
    wordy = ("The council met on Tuesday, the mayor said, and it voted on the budget for the "
             "schools of the district without a debate on the roads")
    assert is_prose(build_blocks(wordy)[0])
    counts = " ".join(f"{k} drones, {k} people and {k} missiles" for k in range(1, 6))
    assert is_prose(build_blocks(counts)[0])  # a comma before a figure still parts phrases

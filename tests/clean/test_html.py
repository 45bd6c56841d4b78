"""HTML cleaner: hand-written pages for behaviour.  Whole pages in the shapes of real sites are
tests/clean/test_pages.py; the floor on the real DEV pages is bench/gates/test_gate_extraction.py."""
from __future__ import annotations

from factwire.clean.html import clean_html
from factwire.dom import parse_html

BODY = [
    "The first paragraph of the story says what happened, where, and to whom, in one sentence.",
    "A second paragraph adds the quote, the context, and the numbers that a reader needs here.",
    "The third paragraph closes the story with what comes next, and when it is expected to be.",
]


def page(article: str, extra: str = "") -> str:
    nav = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
           '<li><a href="/sport">Sport</a></li></ul></nav>')
    related = ('<div class="related-stories"><h3>Related stories</h3><ul>'
               '<li><a href="/a">Another story about something that happened yesterday</a></li>'
               '<li><a href="/b">A second story about the same thing, with more detail</a></li>'
               '</ul></div>')
    comments = ('<section id="comments"><h3>3 Comments</h3>'
                '<div class="comment"><p>I think this article is wrong, and here is why, at length.</p>'
                '</div></section>')
    return (f"<html><head><title>Big news - Site</title></head><body>{nav}<main><article>"
            f"<h1>Big news happened today</h1>{article}</article>{related}{comments}</main>"
            f"{extra}<footer><p>Copyright 2024 Site Inc. All rights reserved.</p></footer>"
            f"</body></html>")


def clean(html: str):
    return clean_html(parse_html(html))


def paras(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_body_in_order_and_title_not_duplicated():
    out = clean(page(paras(BODY)))
    assert out.title == "Big news happened today"
    assert out.paragraphs == BODY
    assert out.kinds == ["p", "p", "p"]


def test_chrome_set_aside_by_kind():
    out = clean(page(paras(BODY)))
    assert "World" in out.removed.navigation
    assert any("Another story" in t for t in out.removed.related)
    assert any("this article is wrong" in t for t in out.removed.comments)
    assert not any("Another story" in p or "Home" == p for p in out.paragraphs)


def test_promo_lines_inside_the_body_are_promo():
    body = paras(BODY[:2]) + '<div class="newsletter-signup"><p>Get our newsletter every morning, free.</p></div>'
    body += "<p>Advertisement</p>" + paras(BODY[2:])
    out = clean(page(body))
    assert out.paragraphs == BODY
    assert "Advertisement" in out.removed.promo
    assert any("newsletter" in t for t in out.removed.promo)


def test_figcaption_with_credit_span_kept_once():
    fig = ('<figure><img src="x.jpg"><figcaption>Rescuers search the rubble in Kyiv. '
           '<span class="credit">AP Photo/Roman Hrytsyna</span></figcaption></figure>')
    out = clean(page(paras(BODY[:1]) + fig + paras(BODY[1:]) + fig))
    assert out.paragraphs == BODY
    assert len(out.captions) == 1
    assert out.captions[0].text == "Rescuers search the rubble in Kyiv."
    assert out.captions[0].credit == "AP Photo/Roman Hrytsyna"


def test_inline_parenthesised_credit_is_split():
    fig = ('<figure><img src="x.jpg"><figcaption>Smoke rises over the city on Monday. '
           '(AP Photo/Evan Vucci)</figcaption></figure>')
    out = clean(page(fig + paras(BODY)))
    assert [(c.text, c.credit) for c in out.captions] == [
        ("Smoke rises over the city on Monday.", "AP Photo/Evan Vucci")]


def test_lists_headings_and_tables_get_their_kinds():
    body = (paras(BODY[:2]) + "<h2>What we know</h2><ul><li>First known fact, with a detail.</li>"
            "<li>Second known fact, with another detail.</li></ul>"
            "<ol><li>Step one of the plan, in order.</li></ol>"
            "<table><tr><th>City</th><th>Count</th></tr><tr><td>Kyiv</td><td>12</td></tr></table>"
            + paras(BODY[2:]))
    out = clean(page(body))
    assert out.kinds == ["p", "p", "h2", "li", "li", "oli", "table", "p"]
    assert out.paragraphs[6] == "City | Count\nKyiv | 12"


def test_article_split_in_same_template_chunks_is_whole():
    chunk = '<div class="story-chunk">{}</div>'
    body = (chunk.format(paras(BODY[:2])) + '<div class="ad-slot"><p>Advertisement</p></div>'
            + '<aside class="pull"><p>Inline related: a teaser link</p></aside>'
            + chunk.format(paras(BODY[2:] * 2)))
    html = f"<html><body><div class='wrap'><div><div class='x'>{body}</div></div></div></body></html>"
    out = clean(html)
    assert out.paragraphs == BODY + BODY[2:]


def test_byline_and_dateline_are_not_body():
    meta = '<div class="byline">By Jane Doe</div><p>Published 7:07 PM EST Nov 19, 2019</p>'
    out = clean(page(meta + paras(BODY) + "<p>(Reporting by Jane Doe; Editing by John Roe)</p>"))
    assert out.paragraphs == BODY


def test_hidden_and_script_text_is_ignored():
    body = ('<div style="display: none"><p>Hidden teaser text that nobody can see on the page.</p></div>'
            "<script>var x = 'not text';</script>" + paras(BODY))
    out = clean(page(body))
    assert out.paragraphs == BODY


def test_wrapper_class_words_do_not_hide_the_article():
    # A site-wide class list on the article box mentions "paywall" and "sidebar".
    html = page(f'<div class="article-content paywall has-sidebar">{paras(BODY * 2)}</div>')
    assert clean(html).paragraphs == BODY * 2


def test_title_falls_back_to_title_element():
    out = clean(f"<html><head><title>Only a title</title></head><body>{paras(BODY)}</body></html>")
    assert out.title == "Only a title"
    assert out.paragraphs == BODY


def test_stub_page_without_voting_paragraphs_keeps_its_text():
    out = clean("<html><body><nav><a href='/'>Home</a></nav><p>Short note.</p></body></html>")
    assert out.paragraphs == ["Short note."]
    assert out.removed.navigation == ["Home"]


def test_byline_rule_spares_sentences_starting_with_by():
    text = "By Monday, the fire was out and residents were allowed back home."
    out = clean(page(paras([text] + BODY)))
    assert out.paragraphs[0] == text


SECTION_PROSE = [
    "The plan puts whole foods first and keeps processed ones out of the kitchen for good reasons.",
    "Most people who try it for a month say that meals took longer to plan but less time to cook.",
    "Dietitians advise starting with breakfast, since it is the meal people change most easily.",
    "Cost is the usual worry, although dried beans and grains are among the cheapest foods sold.",
]
SHOPPING_LIST = [
    "Fruits: berries, citrus fruits, pears, peaches, pineapple, bananas, apples, grapes, etc.",
    "Vegetables: kale, spinach, tomatoes, broccoli, cauliflower, carrots, asparagus, etc.",
    "Whole grains: brown rice, rolled oats, farro, quinoa, brown rice pasta, barley, etc.",
    "Legumes: peas, chickpeas, lentils, peanuts, black beans, kidney beans, soy beans, etc.",
    "Seeds and nuts: almonds, cashews, macadamia nuts, pumpkin seeds, sunflower seeds, etc.",
    "Milks: coconut milk, almond milk, cashew milk, oat milk, rice milk, soy milk, hemp, etc.",
]


def test_a_dense_list_does_not_win_over_the_article_around_it():
    """Each paragraph in its own wrapper, one section holding a comma-heavy list: the list
    box scores highest alone, but the article around it out-scores the list's own section,
    so the parent walk takes the whole article (readability.js's walk)."""
    sections = "".join(f'<div class="sec"><div><p>{t}</p></div><div><p>{t}</p></div></div>'
                       for t in SECTION_PROSE)
    shop = "<div class=\"sec\"><h3>Shopping list</h3><ul>" + \
        "".join(f"<li>{t}</li>" for t in SHOPPING_LIST) + "</ul></div>"
    out = clean(page(f'<div class="body">{sections}{shop}</div>'))
    assert SECTION_PROSE[0] in out.paragraphs and SECTION_PROSE[-1] in out.paragraphs
    assert SHOPPING_LIST[0] in out.paragraphs


def test_a_blog_day_wrapper_named_after_its_date_is_not_a_dateline():
    """Blogger's template wraps each day's posts in `date-outer`: a box named after a date that
    holds the post's content box is that day's posts, not metadata, however short the post."""
    post = ("I spent the week in Shanghai and the cities around it, working on the new plant. "
            "The trains were fast, the food was better, and the meetings ran long every day.")
    sidebar = ("About me: I write about manufacturing, supply chains and the people who run them, "
               "and I have done so for twenty years, in print and online, for several outlets.")
    html = ("<html><head><title>In Shanghai this week</title></head><body>"
            '<div class="blog-posts"><div class="date-outer"><h2 class="date-header">Tuesday, '
            'October 23, 2012</h2><div class="date-posts"><div class="post-outer">'
            '<h3 class="post-title">In Shanghai this week</h3>'
            f'<div class="post-body entry-content">{post}</div></div></div></div></div>'
            f'<div class="sidebar"><div class="widget"><p>{sidebar}</p></div></div></body></html>')
    out = clean(html)
    assert out.paragraphs == [post]


def test_a_winning_reference_list_hands_over_to_its_article():
    """A long reference list in its own section wrappers out-scores the article by far, and the
    wrappers between them score low (only the list's items voted for them): the walk goes on
    past them to the article, which then holds the prose and the list."""
    refs = "".join(f"<li>Author {i}, A., Other, B., Third, C. Title of paper {i}, Journal, 2020, "
                   f"vol. {i}, pp. 1-10, doi, pmid, pmc.</li>" for i in range(6))
    prose = "".join(f'<div class="sec"><p>{t}</p><p>{t}</p></div>' for t in SECTION_PROSE)
    body = (f'<div class="body">{prose}<section><section class="refs"><h2>References</h2>'
            f'<ul class="ref-list">{refs}</ul></section></section></div>')
    out = clean(page(body))
    assert SECTION_PROSE[0] in out.paragraphs and SECTION_PROSE[-1] in out.paragraphs


def test_a_short_post_under_the_headline_is_kept_when_a_sidebar_box_outscores_it():
    """The headline that repeats the page's <title> opens the article: when the scored
    container is a longer box elsewhere (a left-column "About me"), the post under the
    headline is body too."""
    post = "The new pack adds twelve tasks and fixes the bugs players reported last month."
    about = ("About me: I have written about games, gadgets, apps and the people who make them "
             "for more than ten years, for magazines, newspapers, radio shows and a few blogs, "
             "and I test every game I write about, on every phone I can find, at home.")
    html = ("<html><head><title>What is new in the September pack | Game Blog</title></head>"
            f'<body><div id="wrap"><div class="col-b"><div class="box"><div class="in"><p>{about}'
            '</p></div></div></div><div class="col-a"><div class="item">'
            "<h3>What is new in the September pack</h3>"
            f'<div class="inner"><div>{post}</div></div></div></div></div></body></html>')
    out = clean(html)
    assert post in out.paragraphs


def test_a_long_post_in_a_date_wrapper_without_a_content_box_is_still_the_article():
    """A `date-outer` box holding more prose than a dateline ever does is a post wrapper even
    when no class inside it says "content" (META_MAX_PROSE)."""
    paras_ = [f"{t} It was the {k} time the council met this year." for k, t in
              enumerate(SECTION_PROSE * 3)]
    blurb = " ".join(SHOPPING_LIST * 4).replace(",", "")  # a sidebar: more prose than the post
    html = ("<html><head><title>Council notes</title></head><body>"
            '<div class="date-outer"><h2 class="date-header">Tuesday, October 23, 2012</h2>'
            f'<div class="wrap">{paras(paras_)}</div></div>'
            f'<div class="col-b"><div class="box"><p>{blurb}</p></div></div></body></html>')
    out = clean(html)
    assert out.paragraphs[:2] == paras_[:2] and len(out.paragraphs) == len(paras_)

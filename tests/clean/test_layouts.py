"""Layout kinds issue 14 named: paywalled body paragraphs, in-body teasers and video players,
caption/credit pairing, wire datelines, copyright lines, canonical URLs, spanned table cells.

Fixtures under fixtures/ are trimmed excerpts of newspaper4k's test pages (see their README)."""
from __future__ import annotations

from pathlib import Path

from factwire import extract
from factwire.clean.html import clean_html
from factwire.dom import parse_html
from factwire.export.records import table_to_markdown

FIXTURES = Path(__file__).parent / "fixtures"

LONG = ("The minister said the agreement would be signed next week, after both parliaments had "
        "voted on it, and that the first deliveries were planned for the spring of next year.")


def fixture(name: str):
    return extract((FIXTURES / name).read_bytes(), facts=False)


def cleaned(body: str, title: str = "<h1>Talks end with a deal</h1>"):
    html = (f"<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
            f"{title}{body}</article></main></body></html>")
    return clean_html(parse_html(html))


# --- Wired: `class="paywall"` on body paragraphs ---------------------------------------------------


def test_wired_paywalled_paragraphs_stay_in_the_body():
    rec = fixture("wired_paywall.html")
    assert len(rec.paragraphs) == 6
    assert rec.paragraphs[1].startswith("Azza lives in Tel Rumeida")
    # a short paragraph of the same template is body too
    assert "The Israeli Defense Force declined to provide an attributable comment." in rec.paragraphs
    assert "How Citizen Surveillance Ate San Francisco" in rec.removed.related
    assert "Most Popular" not in rec.text


def test_wired_caption_gets_its_caption_credit():
    rec = fixture("wired_paywall.html")
    assert [(c.text, c.credit) for c in rec.captions] == [
        ("Israeli security forces near a checkpoint in the West Bank on October 11, 2023.",
         "AHMAD GHARABLI/Getty Images")]


def test_promo_box_items_stay_out_however_well_written():
    """The guard overrules a mark on the paragraph itself, never one inherited from a box."""
    box = f'<div class="promo-slideshow"><p>{LONG}</p><p>{LONG.replace("minister", "envoy")}</p></div>'
    out = cleaned(f"<p>{LONG.replace('minister', 'president')}</p>{box}<p>{LONG.replace('said', 'added')}</p>")
    assert not any("envoy" in p for p in out.paragraphs)
    assert any("envoy" in p for p in out.removed.promo)


def test_short_promo_paragraph_in_the_body_is_still_promo():
    out = cleaned(f'<p>{LONG}</p><p class="promo">Sign up for our newsletter.</p><p>{LONG}</p>')
    assert "Sign up for our newsletter." in out.removed.promo


# --- CNN: dateline, in-body related box, video player, caption credits ------------------------------


def test_cnn_dateline_is_metadata_not_body():
    rec = fixture("cnn_video_caption.html")
    assert rec.paragraphs[0].startswith("Justice Samuel Alito is the tip of the spear")
    assert not any(p.startswith("CNN") for p in rec.paragraphs)


def test_cnn_related_story_and_video_headline_are_set_aside():
    rec = fixture("cnn_video_caption.html")
    teaser = "Justice Samuel Alito rejects calls from Democratic senators to recuse in case involving journalist who interviewed him"
    video = "Hear what happened inside the Supreme Court after historic ruling"
    assert teaser not in rec.paragraphs and teaser in rec.removed.related
    assert video not in rec.paragraphs and video in rec.removed.related
    assert rec.paragraphs[-1] == "Prelogar, it turned out, won that vote, too."


def test_cnn_caption_pairs_with_its_own_credit_only():
    rec = fixture("cnn_video_caption.html")
    assert [(c.text, c.credit) for c in rec.captions] == [
        ("Samuel Alito and Elizabeth Prelogar", "Getty Images/Sipa USA")]


def test_credit_printed_before_its_caption_pairs_forward():
    fig = ('<figure><span class="photo-credit">Jane Doe/Reuters</span>'
           '<figcaption>Rescuers search the rubble on Monday.</figcaption></figure>')
    out = cleaned(f"<p>{LONG}</p>{fig}<p>{LONG}</p>")
    assert [(c.text, c.credit) for c in out.captions] == [("Rescuers search the rubble on Monday.",
                                                           "Jane Doe/Reuters")]


def test_a_distant_credit_does_not_attach_to_the_last_caption():
    fig = "<figure><figcaption>Rescuers search the rubble on Monday.</figcaption></figure>"
    player = ('<div><div><div class="clip"><div class="clip__meta">'
              '<span class="clip__credit">05:22 - Source: CNN</span></div></div></div></div>')
    out = cleaned(f"<p>{LONG}</p>{fig}<p>{LONG}</p>{player}")
    assert [(c.text, c.credit) for c in out.captions] == [("Rescuers search the rubble on Monday.", None)]


# --- FOX13: copyright line, canonical URL --------------------------------------------------------------


def test_fox13_copyright_line_is_set_aside():
    rec = fixture("fox13_copyright.html")
    assert rec.paragraphs[-1].startswith("(Sourcing: much of this list")
    assert any("All rights reserved." in r for r in rec.removed.promo)


def test_fox13_canonical_prefers_the_pages_own_site():
    assert fixture("fox13_copyright.html").url == \
        "https://www.fox13now.com/2013/12/30/new-year-new-laws-obamacare-pot-guns-and-drones"


def test_canonical_follows_the_given_url_when_it_names_a_candidate():
    raw = (FIXTURES / "fox13_copyright.html").read_bytes()
    rec = extract(raw, url="https://localtvkstu.wordpress.com/2013/12/30/x/", facts=False)
    assert rec.url.startswith("https://localtvkstu.wordpress.com/2013/12/30/new-year")


# --- tables with rowspan / colspan --------------------------------------------------------------------


def test_rowspan_and_colspan_keep_columns_aligned_in_markdown():
    table = ("<table><tr><th>State</th><th>Candidate</th><th>Share</th></tr>"
             "<tr><td rowspan='2'>Ohio</td><td>Smith</td><td>51%</td></tr>"
             "<tr><td>Jones</td><td>49%</td></tr>"
             "<tr><td colspan='2'>Turnout</td><td>64%</td></tr></table>")
    out = cleaned(f"<p>{LONG}</p>{table}<p>{LONG}</p>")
    text = out.paragraphs[out.kinds.index("table")]
    assert table_to_markdown(text).splitlines() == [
        "| State | Candidate | Share |", "| --- | --- | --- |", "| Ohio | Smith | 51% |",
        "|  | Jones | 49% |", "| Turnout |  | 64% |"]


# --- page-shape robustness the broader DEV showed ---------------------------------------------------


def test_an_unclosed_button_does_not_swallow_the_article():
    html = (f"<html><body><header><button class='menu'>Menu<div><main><article><h1>Deal</h1>"
            f"<p>{LONG}</p><p>{LONG}</p></article></main></div></header></body></html>")
    out = clean_html(parse_html(html))
    assert out.paragraphs == [LONG, LONG]


def test_related_content_box_is_related_although_it_says_content():
    box = ('<div class="related-content"><p><a href="/x">Another story about the talks, from last '
           'week</a></p><p>The earlier round of talks ended without any agreement at all.</p></div>')
    out = cleaned(f"<p>{LONG}</p>{box}<p>{LONG}</p>")
    assert not any("earlier round" in p for p in out.paragraphs)


def test_heading_anchor_ids_are_not_class_hints():
    out = cleaned(f"<p>{LONG}</p><h2 id='h-video-how-the-deals-were-reached'>How the deals were reached</h2><p>{LONG}</p>")
    assert "How the deals were reached" in out.paragraphs


def test_article_split_into_page_builder_boxes_is_taken_whole():
    boxes = "".join(
        f'<section class="elementor-section elementor-element-{i:04x}"><div class="elementor-widget-container">'
        f'<p>{LONG.replace("minister", "minister " + str(i))}</p></div></section>' for i in range(6))
    html = (f"<html><body><nav><a href='/'>Home</a></nav><div class='elementor'>{boxes}</div>"
            f"<footer><p>Contact us</p></footer></body></html>")
    out = clean_html(parse_html(html))
    assert len(out.paragraphs) == 6


def test_a_photo_page_tells_its_story_in_the_caption():
    story = ("You probably know a few people who cannot resist a good cheese board, and this guide "
             "collects twelve presents for them, from a slate board to a fondue set and a grater.")
    html = (f"<html><body><nav><a href='/'>Home</a></nav><article class='post gallery'>"
            f"<h1>Gifts for cheese lovers</h1><div class='body'><p><a href='/p'>Previous</a> 1 / 13</p>"
            f"<div class='caption'><p>{story}</p></div></div></article></body></html>")
    out = clean_html(parse_html(html))
    assert out.paragraphs == [story]
    assert out.captions == []


def test_an_article_keeps_its_captions_as_captions():
    html = (f"<html><body><article><h1>Deal</h1><p>{LONG}</p><figure><img src='a.jpg'>"
            f"<figcaption>The two ministers shake hands after signing the agreement in the capital on Monday.</figcaption>"
            f"</figure><p>{LONG}</p></article></body></html>")
    out = clean_html(parse_html(html))
    assert out.paragraphs == [LONG, LONG] and len(out.captions) == 1


def test_cms_tag_classes_give_no_hints():
    """`tag-tax-credits` names the post's topic, not a credit line; `category-related` no box."""
    html = (f"<html><body><div class='post hentry tag-tax-credits category-related-news'>"
            f"<h1 class='entry-title'>The flawed case for stimulus</h1><div class='entry'><p>{LONG}</p>"
            f"<p>{LONG}</p></div></div></body></html>")
    out = clean_html(parse_html(html))
    assert out.title == "The flawed case for stimulus" and out.paragraphs == [LONG, LONG]


def test_a_long_comment_thread_does_not_take_over_a_short_article():
    post = "<div class='comment'><p>{}</p><p>Reply</p></div>"
    thread = "".join(post.format(LONG.replace("minister", f"reader {i}")) for i in range(8))
    html = (f"<html><body><div class='story'><h1>Short item</h1><p>The council approved the new "
            f"budget on Monday, a spokesman said.</p></div><div id='comments_displayed'>{thread}</div>"
            f"</body></html>")
    out = clean_html(parse_html(html))
    assert out.paragraphs == ["The council approved the new budget on Monday, a spokesman said."]
    assert len(out.removed.comments) >= 8


def test_a_briefing_item_with_a_linked_first_clause_is_body():
    item = ("<li><a href='/half-life'>A new 'Half-Life' game is finally coming out after 12 years of "
            "waiting</a> — but it is for virtual reality only. Developer Valve called it a flagship VR game.</li>")
    out = cleaned(f"<p>{LONG}</p><ol>{item}{item.replace('Half-Life', 'Portal')}</ol><p>{LONG}</p>")
    assert any(p.startswith("A new 'Portal' game") for p in out.paragraphs)


def test_an_unexpanded_shortcode_is_promo():
    out = cleaned(f'<p>{LONG}</p><p>[button link="/submit" type="big"] Send us your review[/button]</p>')
    assert out.paragraphs == [LONG]


def test_call_to_action_box_after_the_article_is_promo():
    """A `cta` (call-to-action) widget is a donation or sign-up appeal, not the story."""
    box = ('<div class="widget-custom-cta-letter"><h5>A Word to Our Loyal Readers</h5>'
           '<p>Support us and make a difference for readers everywhere.</p></div>')
    out = cleaned(f"<p>{LONG}</p><p>{LONG.replace('minister', 'envoy')}</p>{box}")
    assert not any("Loyal Readers" in p or "Support us" in p for p in out.paragraphs)
    assert any("Support us" in p for p in out.removed.promo)


def test_an_unclosed_title_does_not_swallow_the_page():
    """libxml2 reads everything after an unclosed <title> as its text; the page is re-read
    with the title closed before its first tag."""
    page = ("<html><head><title>Talks end with a deal\n<script>var x = 1;</script></head>"
            "<body><nav>Home</nav><article>" + f"<p>{LONG}</p>" * 12 +
            "</article></body></html>")
    rec = extract(page.encode(), facts=False)
    assert LONG in rec.paragraphs


def test_an_aria_complementary_box_is_not_the_article():
    """role="complementary" is an <aside> (WAI-ARIA): a long comma list of linked names in it
    (a fan-fiction site's kudos) must not out-vote the story, however many commas it has."""
    names = ", ".join(f"<a href='/users/u{i}'>reader_{i}</a>" for i in range(400))
    story = "".join(f"<p>{LONG.replace('minister', f'minister {i}')}</p>" for i in range(6))
    html = (f"<html><body><div id='main'><h1>Chapter 1</h1><div class='userstuff'>{story}</div></div>"
            f"<div id='feedback' role='complementary'><h3>Kudos</h3><p class='kudos'>{names}</p>"
            f"</div></body></html>")
    out = clean_html(parse_html(html))
    assert len(out.paragraphs) == 6 and not any("reader_" in p for p in out.paragraphs)


def test_an_aria_role_gives_way_to_an_article_class():
    """A box whose class says "article" keeps no mark from its role, as with class words."""
    story = "".join(f"<p>{LONG}</p>" for _ in range(3))
    out = cleaned(f"<div class='article-body' role='complementary'>{story}</div>")
    assert out.paragraphs == [LONG, LONG, LONG]


def test_schema_org_article_body_wins_over_a_longer_sibling():
    """itemprop="articleBody" says "this is the body" by definition (schema.org): it scores like
    an article class, and a longer paragraph in a sibling box is not joined to it."""
    decoy = ("Not the story - a long promotional paragraph about a developer tool, with commas, "
             "clauses, asides, and more words than the story itself has, so that it would win, "
             "on length and commas alone, any vote between the two boxes of this page.")
    story = "Search teams were mobilised on Sunday after an airliner lost contact off the coast."
    html = (f"<html><body><div><p>{decoy}</p></div><div itemprop='articleBody'><p>{story}</p></div>"
            f"</body></html>")
    out = clean_html(parse_html(html))
    assert out.paragraphs == [story]


def test_a_react_streamed_segment_is_read_a_plain_hidden_box_is_not():
    """React 18+ streams late parts of a page in `<div hidden id="S:0">`, moved into view by
    an inline script at once: a browser shows them, so must we; any other hidden box stays out."""
    story = "".join(f"<p>{LONG.replace('minister', f'minister {i}')}</p>" for i in range(4))
    html = ("<html><body><header><a href='/'>Home</a></header><main><template id='B:0'></template>"
            f"</main><footer>About us</footer><div hidden id='S:0'><article><h1>Deal</h1>{story}"
            f"</article></div><div hidden><p>{LONG.replace('minister', 'hidden envoy')}</p></div>"
            "<script>$RC(\"B:0\",\"S:0\")</script></body></html>")
    out = clean_html(parse_html(html))
    assert len(out.paragraphs) == 4 and not any("hidden envoy" in p for p in out.paragraphs)

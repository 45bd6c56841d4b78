"""Stage 3 (metadata): hand-written fixtures per source.  Whole pages in the shapes of real sites
are tests/test_metadata_pages.py; hand-checked DEV pages are a gate (bench/gates/test_gate_metadata.py)."""
from __future__ import annotations

import copy
import json

import lxml.html
import pytest

from factwire.clean import clean_html
from factwire.dom import parse_html
from factwire.metadata import complete_metadata, extract_html_metadata
from factwire.metadata.authors import clean_authors
from factwire.metadata.dates import parse_date
from factwire.model import Cleaned, Metadata


def page(head: str = "", body: str = "", url: str | None = None) -> Metadata:
    """Metadata of a small page built from `head` and `body` markup, the way the pipeline
    makes it: page metadata, then cleaning (which hands over class-marked bylines), then
    completion."""
    return full_metadata(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def full_metadata(root, url: str | None) -> Metadata:
    meta = extract_html_metadata(root, url)
    return complete_metadata(meta, clean_html(root), html_root=root)


def cleaned(title: str | None, *paragraphs: str) -> Cleaned:
    return Cleaned(title=title, paragraphs=list(paragraphs), kinds=["p"] * len(paragraphs))


# --- titles and site names ---------------------------------------------------------------------

def test_og_title_wins_and_site_suffix_is_stripped_from_title_tag():
    meta = page('<title>Drones deal signed | Daily Planet</title>'
                '<meta property="og:site_name" content="Daily Planet">')
    assert meta.title == "Drones deal signed"
    assert meta.site == "Daily Planet"
    meta = page('<meta property="og:title" content="Russia and Iran agree - Daily Planet">'
                '<meta property="og:site_name" content="Daily Planet"><title>x</title>')
    assert meta.title == "Russia and Iran agree"


def test_site_from_jsonld_publisher_then_title_suffix_then_domain():
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"The Courier"}}</script>'
    assert page(ld).site == "The Courier"
    assert page("<title>Storm hits the coast tonight | Coast Gazette</title>").site == "Coast Gazette"
    assert page("<title>Storm</title>", url="https://www.example.co.uk/a/b").site == "example.co.uk"


def test_site_tagline_and_handle_are_not_site_names():
    assert page('<meta property="og:site_name" content="LinkNaija | Nigeria\'s popular news platform">').site == "LinkNaija"
    meta = page('<meta property="og:site_name" content="@politifact">'
                '<title>What is the value of drugs? | PolitiFact West Virginia</title>')
    assert meta.site == "PolitiFact West Virginia"


def test_h1_is_used_when_it_agrees_with_title_tag():
    meta = page("<title>Storm hits the coast - Weather - Coast Gazette</title>",
                "<h1>Coast Gazette</h1><h1>Storm hits the coast</h1>")
    assert meta.title == "Storm hits the coast"


# --- canonical URL ----------------------------------------------------------------------------

def test_canonical_relative_is_resolved_against_given_url():
    meta = page('<link rel="canonical" href="/news/2022/11/19/story.html">', url="https://news.example.com/amp/story?x=1")
    assert meta.url == "https://news.example.com/news/2022/11/19/story.html"


def test_relative_canonical_without_url_falls_back_to_og_url_or_none():
    assert page('<link rel="canonical" href="/a">').url is None
    assert page('<link rel="canonical" href="/a"><meta property="og:url" content="https://x.org/a">').url == "https://x.org/a"
    assert page("", url="https://x.org/given").url == "https://x.org/given"


# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("head", [
    '<meta property="article:published_time" content="2022-11-19T10:04:00-05:00">',
    '<meta name="pubdate" content="20221119">',
    '<meta name="sailthru.date" content="2022-11-19 10:04:00">',
    '<meta name="parsely-pub-date" content="2022-11-19T15:04:00Z">',
    '<meta name="DC.date" content="2022-11-19">',
    '<meta itemprop="datePublished" content="2022-11-19">',
])
def test_published_from_meta_tags(head):
    assert page(head).published == "2022-11-19"


def test_published_not_modified():
    head = ('<meta property="article:modified_time" content="2022-12-01T00:00:00Z">'
            '<meta property="article:published_time" content="2022-11-19T09:00:00Z">')
    assert page(head).published == "2022-11-19"


def test_published_from_jsonld_graph_and_lists():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Planet"},
        {"@type": ["Article", "NewsArticle"], "headline": "Deal signed",
         "datePublished": "2022-11-19T08:00:00+01:00", "dateModified": "2022-11-20T08:00:00+01:00",
         "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}]}]}
    meta = page(f'<script type="application/ld+json">{json.dumps(graph)}</script>')
    assert (meta.published, meta.title, meta.authors) == ("2022-11-19", "Deal signed", ["Jane Doe", "John Roe"])
    listed = [{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "datePublished": "2021-03-04"}]
    assert page(f'<script type="application/ld+json">{json.dumps(listed)}</script>').published == "2021-03-04"


def test_broken_jsonld_block_is_skipped_not_fatal():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-05-06"}</script>')
    assert page(head).published == "2020-05-06"


def test_published_from_time_element_and_itemprop():
    assert page("", '<span itemprop="datePublished" content="2019-11-20">Nov 20</span>').published == "2019-11-20"
    assert page("", '<time class="published" datetime="2019-11-21T10:00">x</time>').published == "2019-11-21"
    assert page("", '<time pubdate datetime="2019-11-22">x</time>').published == "2019-11-22"


@pytest.mark.parametrize("url,iso", [
    ("https://a.com/2019/11/20/some-story/", "2019-11-20"),
    ("https://a.com/news/2019-11-20-some-story", "2019-11-20"),
    ("https://a.com/statements/2019/nov/18/someone/story/", "2019-11-18"),
])
def test_published_from_url(url, iso):
    assert page("<title>x</title>", url=url).published == iso


def test_url_local_day_beats_utc_timestamp_a_day_apart():
    # CNN-style: published 2019-11-19T02:34Z is the evening of the 18th in the URL's time zone
    head = '<meta name="pubdate" content="2019-11-19T02:34:30Z">'
    assert page(head, url="https://www.cnn.com/2019/11/18/investing/x/index.html").published == "2019-11-18"


def test_visible_dateline_via_htmldate_fallback():
    body = "<div><h1>Storm</h1><p class='date'>Published November 19, 2022</p><p>Text of the story.</p></div>"
    assert page("<title>Storm</title>", body).published == "2022-11-19"


def test_no_date_is_none_and_implausible_dates_are_rejected():
    assert page("<title>x</title>", "<p>No dates here.</p>").published is None
    assert parse_date("0001-01-01T00:00:00Z") is None
    assert parse_date("2019-02-30") is None
    assert parse_date("Nov. 19, 2022 10:04 am ET") == "2022-11-19"
    assert parse_date("1574168580") == "2019-11-19"


# --- authors ----------------------------------------------------------------------------------

@pytest.mark.parametrize("byline,names", [
    ("By Jane Doe and John Roe | Fox News", ["Jane Doe", "John Roe"]),
    ("By Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
    ("Jane Doe, Senior Reporter", ["Jane Doe"]),
    ("By Jane Doe Email the author Follow @janedoe", ["Jane Doe"]),
    ("Jane Doe Updated 3 hours ago", ["Jane Doe"]),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
    ("Kevin McCoy USA TODAY", ["Kevin McCoy"]),
    ("https://www.facebook.com/janedoe", []),
    ("November 19, 2022", []),
    ("Fox News", []),
])
def test_byline_junk_is_stripped(byline, names):
    assert clean_authors([byline], site="Fox News") == names


def test_authors_from_meta_rel_and_byline_class_deduplicated():
    assert page('<meta name="author" content="Jane Doe"><meta name="author" content="Jane Doe">').authors == ["Jane Doe"]
    assert page("", '<a rel="author" href="/u/jd">Jane Doe</a>').authors == ["Jane Doe"]
    assert page("", '<div class="article-byline">By <b>Jane Doe</b> and <b>John Roe</b></div>').authors == ["Jane Doe", "John Roe"]


def test_site_as_author_and_organization_author_are_dropped():
    ld = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Daily Planet"}}
    head = f'<meta property="og:site_name" content="Daily Planet"><script type="application/ld+json">{json.dumps(ld)}</script>'
    assert page(head, '<span class="author">Daily Planet</span>').authors == []


def test_comment_form_author_field_is_not_a_byline():
    body = '<form id="commentform"><label class="comment-author">Имя *</label><input class="author"></form>'
    assert page("", body).authors == []


# --- extract_html_metadata does not touch the tree --------------------------------------------

def test_tree_is_not_modified():
    html = ('<html><head><title>A | B</title><script type="application/ld+json">{"@type":"Article"}</script>'
            '</head><body><h1>A</h1><time datetime="2020-01-01">x</time><p>Text 2020-01-02</p></body></html>')
    root = parse_html(html)
    before = lxml.html.tostring(copy.deepcopy(root))
    extract_html_metadata(root, "https://x.org/")
    assert lxml.html.tostring(root) == before


# --- complete_metadata ------------------------------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Russia and Iran have agreed to build drones together, officials said on Saturday.", "en"),
    ("Russland und der Iran haben vereinbart, gemeinsam Drohnen zu bauen, sagten Beamte am Samstag.", "de"),
    ("Россия и Иран договорились о совместном производстве беспилотников, заявили чиновники.", "ru"),
])
def test_language_of_clean_body(text, language):
    assert complete_metadata(Metadata(), cleaned(None, text)).language == language


def test_no_text_no_language():
    assert complete_metadata(Metadata(), cleaned(None)).language is None


def test_cleaned_headline_replaces_site_polluted_title():
    meta = Metadata(title="Opinion | Republicans Are Following Trump to Nowhere", site="NYTimes")
    done = complete_metadata(meta, cleaned("Republicans Are Following Trump to Nowhere", "Text."))
    assert done.title == "Republicans Are Following Trump to Nowhere"
    assert complete_metadata(Metadata(), cleaned("Headline only", "Text.")).title == "Headline only"


TEXT_PAGE = """Home | World | Politics
Russia, Iran agree to build drones
By Jane Doe and John Roe | Fox News
Published November 19, 2022 10:04am EST
Russia and Iran agreed on Saturday to build drones, officials said on November 5, 2022.
"""


def test_text_page_dateline_and_byline():
    meta = complete_metadata(Metadata(), cleaned("Russia, Iran agree to build drones", "Russia and Iran agreed."),
                             page_text=TEXT_PAGE, published_hint="2022-12-01")
    assert meta.published == "2022-11-19"
    assert meta.authors == ["Jane Doe", "John Roe"]
    assert meta.site == "Fox News"


@pytest.mark.parametrize("line,iso", [
    ("Nov. 19, 2022 10:04 am ET", "2022-11-19"),
    ("19 November 2022", "2022-11-19"),
    ("2022-11-19", "2022-11-19"),
    ("Date: Saturday, 19 Nov 2022", "2022-11-19"),
])
def test_text_page_dateline_formats(line, iso):
    text = f"A headline here\n{line}\nBody text.\n"
    assert complete_metadata(Metadata(), cleaned("A headline here", "Body text."), page_text=text).published == iso


def test_published_hint_only_when_page_has_no_date():
    assert complete_metadata(Metadata(), cleaned("T", "x"), page_text="T\nBody.", published_hint="2022-11-20").published == "2022-11-20"
    assert complete_metadata(Metadata(published="2022-11-19"), cleaned("T", "x"), published_hint="2022-11-20").published == "2022-11-19"


def test_text_page_site_falls_back_to_the_url_host():
    from factwire import extract

    rec = extract("Title line\n\nA paragraph about shelling in the region that went on for hours, officials said.",
                  input_kind="text", url="https://www.local-news.example/world/x", facts=False)
    assert rec.site == "local-news.example"
    assert extract("Title line\n\nA paragraph about shelling in the region that went on for hours.",
                   input_kind="text", facts=False).site is None

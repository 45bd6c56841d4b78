"""Gate on hand-checked DEV pages (../shared/bench/extraction/scrapinghub-dev): the metadata of
ten real pages, each value read by hand from the page's HTML.  The same shapes, written for the
repo, are tests/fixtures/pages/ (tests/test_metadata_pages.py)."""
from __future__ import annotations

import gzip
import json

import pytest
from benchdata import EXTRACTION

from factwire.clean import clean_html
from factwire.dom import parse_html
from factwire.metadata import complete_metadata, extract_html_metadata
from factwire.model import Metadata
from factwire.read.pages import page_from_bytes

DEV = EXTRACTION / "scrapinghub-dev"


def full_metadata(root, url: str | None) -> Metadata:
    """Page metadata, then cleaning (which hands over class-marked bylines), then completion."""
    return complete_metadata(extract_html_metadata(root, url), clean_html(root), html_root=root)


def dev_page(prefix: str) -> Metadata:
    """The metadata of the DEV page whose id starts with `prefix` (URL from ground truth)."""
    truth = json.loads((DEV / "ground-truth.json").read_text(encoding="utf-8"))
    page_id = next(k for k in truth if k.startswith(prefix))
    raw = gzip.decompress((DEV / "html" / f"{page_id}.html.gz").read_bytes())
    content = page_from_bytes(raw, page_id, url=truth[page_id]["url"]).content
    return full_metadata(parse_html(content), truth[page_id]["url"])


# (prefix, title, published, authors, site) -- where each was seen is noted per line.
DEV_EXPECTED = [
    # WSJ: og:title (trailing space), <time class="timestamp"> "Nov. 19, 2019 8:03 am ET",
    # <meta name="author" content="Sarah E. Needleman">, og:site_name "WSJ".
    ("042bb7b5", "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
     "2019-11-19", ["Sarah E. Needleman"], "WSJ"),
    # VentureBeat: article:published_time 2019-11-19T07:03Z, but the visible <time class="the-time">
    # says "November 18, 2019 11:03 PM" and the URL /2019/11/18/; JSON-LD author is "Reuters"
    # (an agency, not a person) -> no authors.
    ("06e5123e", "New York State Attorney General investigating WeWork and former CEO",
     "2019-11-18", [], "VentureBeat"),
    # CNN: pubdate 2019-11-19T02:34:30Z = evening of the 18th ET, URL /2019/11/18/;
    # <meta name="author" content="Jill Disis, CNN Business">; og:site_name "CNN".
    ("d605bdef", "Investors don't seem to know what to make of the US-China trade war",
     "2019-11-18", ["Jill Disis"], "CNN"),
    # AP (hosted.ap.org): <div class="ap-story-byline">By DANICA KIRKA and JILL LAWLESS</div>
    # <div>Associated Press</div>; article:published_time 2019-11-20T06:01:44-05:00.
    ("e7994d55", "UK Tories under fire for Twitter name switch during debate",
     "2019-11-20", ["DANICA KIRKA", "JILL LAWLESS"], "Hosted"),
    # PolitiFact: no date meta at all; the date is only in the URL /statements/2019/nov/18/;
    # og:site_name is the handle "@politifact", <title> ends "| PolitiFact West Virginia".
    ("9e8c9f08", "What is the value of drugs that come to the U.S. border?",
     "2019-11-18", [], "PolitiFact West Virginia"),
    # LinkNaija (Blogger): og:site_name "LinkNaija | Nigeria's popular news platform";
    # JSON-LD BlogPosting datePublished 2018-10-06T08:57:00+02:00, author Person "LinkNaija"
    # (the site itself) -> no authors.
    ("34a73285", "Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos",
     "2018-10-06", [], "LinkNaija"),
    # USA TODAY: JSON-LD datePublished is the placeholder 0001-01-01 (rejected); the URL has
    # /2019/11/19/; byline "Kevin Johnson and Kevin McCoy USA TODAY"; JSON-LD publisher "USA TODAY"
    # (og:site_name is the lower-case "usatoday").
    ("c58aa507", "Prison guards charged in connection with Jeffrey Epstein's death",
     "2019-11-19", ["Kevin Johnson", "Kevin McCoy"], "USA TODAY"),
    # wday.ru (Russian): <meta itemprop="datePublished" content="2018-09-24T16:45:00+03:00">,
    # byline "Текст: Венера Ерофеева"; the comment form's "Гость" / "Имя *" are not authors.
    ("3c6d3381", "Самые популярные кулинарные блоги и фудблогеры в Инстаграм по версии Wday.ru: список",
     "2018-09-24", ["Венера Ерофеева"], "wday.ru"),
    # comwrap blog (German): no date anywhere on the page (only years in the text and a
    # "01.01.2019" deadline in the body) -> None; author box "Moritz Bachmann".
    ("57b4dafd", "Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen",
     None, ["Moritz Bachmann"], "blog.comwrap.com"),
    # AppleInsider: JSON-LD author Person "AppleInsider" (the site); the byline names two people,
    # "Mike Wuerthele and Malcolm Owen", followed by "Monday, November 18, 2019".
    ("65bf3048", "16-inch MacBook Pro review: The keyboard is probably enough to convince those waiting",
     "2019-11-18", ["Mike Wuerthele", "Malcolm Owen"], "AppleInsider"),
]


@pytest.mark.parametrize("prefix,title,published,authors,site", DEV_EXPECTED)
def test_dev_pages(prefix, title, published, authors, site):
    meta = dev_page(prefix)
    assert (meta.title, meta.published, meta.authors, meta.site) == (title, published, authors, site)


def test_dev_page_language_after_cleaning():
    meta = dev_page("3c6d3381")
    assert meta.language == "ru"

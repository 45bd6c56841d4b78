"""Stage 3 on whole pages: the hand-written pages in tests/fixtures/pages/ copy the shapes of ten
real sites' metadata (the DEV pages of the same shapes are a gate: bench/gates/test_gate_metadata.py)
-- og:title with a trailing space, a visible local date that overrules a UTC timestamp, an
agency or the site itself as author, a site handle for a site name, a byline of two names, a
placeholder JSON-LD date, a Russian byline beside a comment form, a page with no date at all."""
from __future__ import annotations

import pytest

from factwire import extract

from fwtest import PAGES, fixture_pages

EXPECTED = fixture_pages()
#: Why each page is here: the metadata rule its markup exercises.
SHAPES = {
    "ledger-cloud-gaming.html": "og:title ends in a space; byline box full of bio/e-mail/handle junk",
    "harbor-tech-probe.html": "visible <time> and URL say the 18th, article:published_time the 19th UTC; "
                              "JSON-LD author is an agency (Reuters)",
    "metro-markets.html": "meta author 'Name, Outlet Section'; <title> differs from og:title; UTC pubdate "
                          "a day after the URL's local day",
    "hosted-wire-debate.html": "ALL-CAPS byline of two names over an agency line",
    "factcheck-border-drugs.html": "no date but in the URL (/2019/nov/18/); og:site_name is a handle",
    "lagoslens-photos.html": "og:site_name 'Name | tagline'; JSON-LD author is the site itself",
    "nationdaily-guards.html": "JSON-LD date is the 0001-01-01 placeholder; lower-case og:site_name",
    "domovoy-food-blogs.html": "Russian 'Текст:' byline; the comment form's 'Гость' and 'Имя *'",
    "werkstatt-patientenakte.html": "no date anywhere (a deadline date in the body is not one)",
    "gadgetdesk-laptop-review.html": "JSON-LD author is the site; byline 'By A and B' then the date",
    "quotidien-velo.html": "French page, article:published_time and meta author",
    "diario-puerto.html": "Spanish page, JSON-LD author list",
}


def test_every_page_has_a_reason_and_an_expectation():
    assert sorted(SHAPES) == sorted(EXPECTED) == sorted(p.name for p in PAGES.glob("*.html"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata(name):
    want = EXPECTED[name]
    rec = extract((PAGES / name).read_bytes(), url=want["url"], facts=False)
    got = {k: getattr(rec, k) for k in ("title", "published", "authors", "site", "language")}
    assert got == {k: want[k] for k in got}, SHAPES[name]

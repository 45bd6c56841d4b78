"""`extract()` checks its arguments and says what it takes: TypeError for a wrong type, ValueError
for a wrong value, ExtractionError for a page it refuses (a str over the size limit is refused
like bytes); a lone surrogate in a str is read as U+FFFD, never an encoding error from spaCy."""
from __future__ import annotations

import datetime as dt

import pytest

from factwire import ExtractionError, extract

TEXT = ("Officials in Kyiv said on Monday that air defence forces shot down three drones over the city "
        "overnight, and that nobody was hurt. ") * 3


@pytest.mark.parametrize("data", [None, 123, ["a page"], {"text": "x"}, 1.5])
def test_a_page_that_is_not_str_or_bytes_is_a_type_error(data):
    with pytest.raises(TypeError, match="takes the page as str or bytes"):
        extract(data)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"published": 20221119}, TypeError, "published must be a 'YYYY-MM-DD' string or a datetime.date, not int"),
    ({"published": "19/11/2022"}, ValueError, "is not a date in YYYY-MM-DD form"),
    ({"timeout": -1}, ValueError, "timeout must be >= 0"),
    ({"timeout": float("nan")}, ValueError, "timeout must be >= 0"),
    ({"timeout": "5"}, TypeError, "timeout must be a number"),
    ({"url": 5}, TypeError, "url must be a str"),
    ({"id": b"x"}, TypeError, "id must be a str"),
    ({"input_kind": "pdf"}, ValueError, "input_kind must be 'html', 'text' or None"),
])
def test_wrong_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        extract(TEXT, facts=False, **kwargs)


def test_dates_and_datetimes_are_publication_dates():
    assert extract(TEXT, facts=False, published=dt.date(2022, 11, 19)).published == "2022-11-19"
    assert extract(TEXT, facts=False, published="2022-11-19T08:30:00Z").published == "2022-11-19"


def test_a_lone_surrogate_in_a_str_is_replaced_and_facts_still_run():
    rec = extract("Officials in Kyiv \ud800 said on Monday that three drones were shot down. " * 3,
                  id="\udfff", url="http://x/\ud800")
    assert "\ufffd" in rec.text and rec.id == "\ufffd" and rec.url == "http://x/\ufffd"
    assert not rec.errors and rec.events


@pytest.mark.parametrize("kind", [str, bytes])
def test_a_50_mb_str_is_refused_like_50_mb_of_bytes(kind):
    data = "x" * (50 << 20)
    with pytest.raises(ExtractionError, match=r"page too large \(50 MiB > 16 MiB limit"):
        extract(data if kind is str else data.encode())


def test_bytearray_and_memoryview_are_bytes():
    raw = TEXT.encode()
    assert extract(bytearray(raw), facts=False).text == extract(memoryview(raw), facts=False).text


def test_timeout_zero_means_no_limit():
    assert extract(TEXT, timeout=0).entities

"""pipeline.process_pages: several pages' texts parsed by spaCy in one batch, the per-page
sandbox kept (order, failures, facts identical to page by page, a failed batch parse retried
page by page)."""
from __future__ import annotations

from pathlib import Path

import pytest

from factwire.facts import annotate
from factwire.model import Failure, Page, Record
from factwire.pipeline import process_page, process_pages

SEED = (Path(__file__).resolve().parents[1] / "examples" / "seed-drones.txt").read_text(encoding="utf-8")
OTHER = ("KYIV, Nov 18 (Reuters) - Russian forces fired more than 20 drones at Kyiv overnight, "
         "Ukraine's air force said on Friday, adding that 18 were shot down.")


def _pages() -> list[Page]:
    texts = [SEED, "   ", OTHER, "Ceci est un article en français sur la politique locale de la ville."]
    return [Page(source=f"p{i}.txt", content=t, kind="text", id=f"p{i}", published="2022-11-19")
            for i, t in enumerate(texts)]


def _facts(r: Record | Failure):
    return r if isinstance(r, Failure) else (r.to_dict()["quantities"], r.to_dict()["places"],
                                             r.to_dict()["events"], r.notes, r.errors)


def test_batched_pages_equal_pages_one_by_one_in_input_order():
    batched = process_pages(_pages())
    one_by_one = [process_page(p) for p in _pages()]
    assert [type(r) for r in batched] == [Record, Failure, Record, Record]
    assert [_facts(r) for r in batched] == [_facts(r) for r in one_by_one]
    assert batched[0].quantities and batched[2].events  # facts really ran in the batch


def test_a_failed_batch_parse_falls_back_to_each_page_on_its_own(monkeypatch):
    def broken(records):
        raise RuntimeError("batch parse broke")

    monkeypatch.setattr(annotate, "parse_records", broken)
    batched = process_pages(_pages())
    assert [_facts(r) for r in batched] == [_facts(process_page(p)) for p in _pages()]
    assert not any(r.errors for r in batched if isinstance(r, Record))


@pytest.mark.parametrize("facts", [False, True])
def test_no_pages_and_no_facts(facts):
    assert process_pages([], facts=facts) == []
    out = process_pages(_pages()[:1], facts=False)
    assert out[0].quantities == [] and out[0].events == []

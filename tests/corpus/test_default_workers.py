"""`factwire ingest` without --workers: one worker per usable core, bounded by free memory."""
from __future__ import annotations

import os

import pytest

from factwire.corpus import engines


@pytest.fixture
def cores(monkeypatch):
    def set_cores(n: int) -> None:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(n)), raising=False)
    return set_cores


def test_one_worker_per_usable_core(cores, monkeypatch):
    cores(6)
    monkeypatch.setattr(engines, "_available_mb", lambda: 64_000)
    assert engines.default_workers(facts=True) == 6


def test_free_memory_caps_the_workers(cores, monkeypatch):
    cores(8)
    monkeypatch.setattr(engines, "_available_mb", lambda: 2 * engines.WORKER_MB_FACTS + 10)
    assert engines.default_workers(facts=True) == 2
    assert engines.default_workers(facts=False) == 8  # --no-facts workers are small


def test_never_below_one(cores, monkeypatch):
    cores(4)
    monkeypatch.setattr(engines, "_available_mb", lambda: 10)
    assert engines.default_workers() == 1


def test_cli_help_states_the_default():
    from click.testing import CliRunner

    from factwire.cli import main

    out = " ".join(CliRunner().invoke(main, ["ingest", "--help"]).output.split())
    assert "one per core" in out

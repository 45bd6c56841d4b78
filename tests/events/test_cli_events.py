"""`factwire events` through a real subprocess: help, the three formats, -o, exit codes.

Why: the command is what an analyst types; its CSV header and exit codes are part of the
contract whether or not the coder found events on the page (it may be unavailable or find none).
"""
from __future__ import annotations

import csv
import io
import json

from factwire.export.events import CSV_COLUMNS

from fwtest import SEED, run_cli

STORY = ("Russian forces shelled the town of Kharkiv on Monday, killing two civilians, "
         "the regional governor said.\n\nUkrainian air defenses shot down three drones over Kyiv overnight.\n")


def test_help_has_example_and_formats():
    out = run_cli("events", "--help")
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "factwire events" in text and "table" in text and "csv" in text and "jsonl" in text


def test_csv_header_is_acled_order_and_rows_parse(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text(STORY, encoding="utf-8")
    out = run_cli("events", str(page), "--published", "2022-03-01", "--format", "csv")
    assert out.returncode == 0, out.stderr.decode()
    reader = csv.DictReader(io.StringIO(out.stdout.decode()))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    for row in reader:  # whatever the coder found, each row is a whole event
        assert row["event_type"] and row["article_id"]


def test_jsonl_to_file_one_event_per_line(tmp_path):
    page = tmp_path / "story.txt"
    page.write_text(STORY, encoding="utf-8")
    dest = tmp_path / "events.jsonl"
    out = run_cli("events", str(page), "--no-clean", "--input-kind", "text", "--url", "https://ex.com/a",
                  "--format", "jsonl", "-o", str(dest))
    assert out.returncode == 0, out.stderr.decode()
    for line in dest.read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        assert ev["url"] == "https://ex.com/a" and "event_type" in ev and "evidence" in ev


def test_table_on_seed_page():
    out = run_cli("events", str(SEED), "--published", "2022-11-19")
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode()
    assert "sub-type" in text and "evidence" in text and "fatalities" in text and "weapon" in text


def test_exit_codes_missing_and_mixed(tmp_path):
    missing = run_cli("events", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and b"Traceback" not in missing.stderr
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    mixed = run_cli("events", str(good), str(empty), "--format", "csv")
    assert mixed.returncode == 1 and b"empty.txt" in mixed.stderr
    assert mixed.stdout.decode().startswith(",".join(CSV_COLUMNS[:3]))


def test_bad_date_is_usage_error():
    out = run_cli("events", str(SEED), "--published", "19/11/2022")
    assert out.returncode == 2 and b"YYYY-MM-DD" in out.stderr

"""Misuse of the CLI, as a new user makes it, answered in one line that names the problem and the
fix; exit codes as documented (2: nothing to read, or a value that is not allowed; 1: another
error such as a missing database)."""
from __future__ import annotations

import resource
import sqlite3
import subprocess
import sys

import pytest

from fwtest import SEED, run_cli


def one_line(result) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr.decode()
    return lines[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("misuse") / "news.db"
    r = run_cli("ingest", str(SEED), "--db", str(path), "--no-facts", "--quiet")
    assert r.returncode == 0, r.stderr
    return path


def test_ingest_of_a_missing_folder_names_it_and_makes_no_database(tmp_path):
    r = run_cli("ingest", str(tmp_path / "missing-dir"), "--db", str(tmp_path / "x.db"))
    assert r.returncode == 2
    assert one_line(r) == (f"Error: no such file or folder: {tmp_path / 'missing-dir'} (check the path; give pages, "
                           "folders, JSONL or WARC files)")
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("command", [("ingest", "--db", "x.db"), ("extract",), ("facts",), ("events",)])
def test_a_folder_without_pages_exits_2_naming_the_path_and_the_types_read(tmp_path, command):
    (tmp_path / "empty").mkdir()
    r = run_cli(command[0], str(tmp_path / "empty"), *command[1:], cwd=tmp_path)
    assert r.returncode == 2
    line = one_line(r)
    assert f"no pages found in {tmp_path / 'empty'}" in line and ".html" in line and ".warc" in line
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("command", [("events", "--type", "explosions"), ("events", "--sub-type", "bombing"),
                                     ("report", "--type", "explosions")])
def test_an_unknown_event_type_lists_the_valid_ones(db, command):
    r = run_cli(command[0], "--db", str(db), *command[1:])
    assert r.returncode == 2
    line = one_line(r)
    assert "use one of:" in line and ("Explosions/Remote violence" in line or "Air/drone strike" in line)


def test_event_types_are_case_insensitive(db):
    assert run_cli("events", "--db", str(db), "--type", "explosions/remote VIOLENCE").returncode == 0


@pytest.mark.parametrize("command", [("status",), ("failures",), ("search", "drones"), ("events",), ("report",)])
def test_a_missing_database_has_one_wording(tmp_path, command):
    args = [a for a in command if a != "drones"]
    r = run_cli(*args, "--db", str(tmp_path / "nope.db"), *(["drones"] if "drones" in command else []))
    assert r.returncode == 1
    assert one_line(r) == f"Error: no database at {tmp_path / 'nope.db'} (make one with: factwire ingest PAGES " \
                          f"--db {tmp_path / 'nope.db'})"
    assert not (tmp_path / "nope.db").exists()


@pytest.mark.parametrize("content", [b"", b"hello, not a database\n" * 100])
def test_status_on_a_file_that_is_not_a_factwire_database_is_one_line(tmp_path, content):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    r = run_cli("status", "--db", str(bad))
    assert r.returncode == 1 and one_line(r).startswith(f"Error: {bad} is not a factwire database (")


def test_no_results_are_said(db):
    r = run_cli("search", "zzqqxx", "--db", str(db))
    assert r.returncode == 0 and r.stdout == b"" and one_line(r) == f"factwire: no articles match 'zzqqxx' in {db}"
    r = run_cli("failures", "--db", str(db))
    assert r.returncode == 0 and r.stdout == b"" and one_line(r) == f"factwire: no failures recorded in {db}"


def test_a_database_path_with_hash_and_question_mark_makes_no_stray_file(tmp_path):
    db = tmp_path / "a#b?c.db"
    assert run_cli("ingest", str(SEED), "--db", str(db), "--no-facts", "--quiet").returncode == 0
    for command in (("status",), ("failures",), ("search", "drones"), ("events",)):
        assert run_cli(*command, "--db", str(db)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) <= sorted(["a#b?c.db", "a#b?c.db-wal", "a#b?c.db-shm"])


def test_a_file_size_limit_while_the_schema_is_written_is_one_line(tmp_path):
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (16_384, resource.RLIM_INFINITY))

    cmd = [sys.executable, "-m", "factwire.cli", "ingest", str(SEED), "--db", str(tmp_path / "u.db"), "--quiet"]
    r = subprocess.run(cmd, capture_output=True, preexec_fn=limit, timeout=120)
    assert r.returncode == 1
    assert one_line(r).startswith("Error: disk full: the file size limit (ulimit -f) of 16,384 bytes is reached")


def test_a_negative_timeout_is_refused():
    r = run_cli("extract", str(SEED), "--timeout", "-1")
    assert r.returncode == 2 and b"-1" in r.stderr


def test_ingest_into_a_file_that_is_not_a_database_is_one_line(tmp_path):
    bad = tmp_path / "notes.txt.db"
    bad.write_text("my notes\n" * 100)
    r = run_cli("ingest", str(SEED), "--db", str(bad), "--quiet")
    assert r.returncode == 1 and one_line(r).startswith(f"Error: cannot use {bad} as a corpus database (")
    assert bad.read_text() == "my notes\n" * 100
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(bad).execute("SELECT 1 FROM sqlite_master").fetchall()

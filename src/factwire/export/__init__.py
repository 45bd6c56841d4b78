"""Stage 7 -- outputs: records and events for people and programs.

- `records.py`: a record as JSON / JSONL / text / Markdown, and the facts table;
- `events.py`: events as a table, CSV (ONE `csv_row`, one column set for files and databases)
  and JSONL;
- `writers.py`: many events at once: CSV, JSONL, GeoJSON, Parquet;
- `db_events.py`: a corpus database's events, read back and written in any of those formats;
- `tables.py`: the one terminal table renderer;
- `safe.py`: the one set of escaping rules (HTML, URLs, Markdown, CSV cells, terminal) that
  every output, the web UI and the report use.
"""

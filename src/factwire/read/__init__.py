"""Stage 1 -- read: bytes in from files, folders, `.gz`, stdin, JSONL, WARC or memory; decoded
pages out.  Every input yields either a Page or a Failure with a one-line reason, never an
exception that stops a batch.

- `pages.py`: one page's bytes -> Page (size limit, binary sniffing, charset, HTML or text);
- `sources.py`: the one folder walk and the per-file reader used by `extract` and `ingest`;
- `jsonl.py`, `warc.py`: the multi-page file formats.
"""

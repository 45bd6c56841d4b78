"""Stage 6 -- corpus: the store, resumable ingest, engines (in-process, local pool, Dask), WARC reading,
syndication and cross-article event merging.  Import the submodules you need; nothing heavy loads here."""

"""Syndication: find near-duplicate and syndicated copies of the same article.

Most pages of a news corpus are copies of a few wire stories under other sites' chrome,
trimmed, or with a local paragraph added. We keep one canonical article per story and list
its copies, so facts and events are counted once per story rather than once per copy.

How: word 5-gram shingles over the body lines of each text -> a MinHash sketch (one-permutation
MinHash with rotation densification, computed for a whole batch at once in numpy) -> LSH bands
for candidate pairs -> an exact containment/Jaccard check on the candidates (LSH alone lets
through same-topic pairs) -> union-find clusters -> one canonical per cluster (earliest
published, then most complete, then smallest id: deterministic).

`backend="datasketch"` computes the sketches with datasketch's `MinHash.bulk` and indexes them
in its `MinHashLSH` instead; the results are checked by the same exact verification. It is the
reference the numpy path is measured against in `bench/corpus_dedup.py` (same pair precision and
recall, several times slower: datasketch hashes every shingle under 128 permutations and hashes
every band in Python).

Memory: the index keeps each article's sorted shingle hashes (uint32, ~2 KB per article) for the
exact check, plus one LSH key per band.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np

# Word n-gram length of a shingle. 5 words: long enough that two different articles on one
# topic share few shingles (measured on the DEV same-topic pairs: containment <= 0.13), short
# enough that a one-word edit only removes five shingles.
SHINGLE_WORDS = 5
# Lines with fewer words are chrome-like (navigation, "Subscribe", bylines) and are not
# shingled, unless that would leave fewer than MIN_SHINGLES shingles.
MIN_LINE_WORDS = 6
# Articles with fewer shingles are too short to call copies with any confidence; they are
# never clustered.
MIN_SHINGLES = 8
# Sketch size and LSH banding: 64 bands of 2 rows. The chance that a pair becomes a candidate
# is 1-(1-J^2)^64: 0.93 at J=0.2, >0.99 at J=0.3 (a copy trimmed to a third, or a short article
# under heavy chrome), 0.15 at J=0.05 (same-topic articles). 42 bands of 3 rows verified half as
# many pairs but missed trimmed copies at J~0.45 by bad luck (recall 0.990 vs 0.995 on the
# labelled set); the exact check is cheap enough to afford the extra candidates.
NUM_PERM = 128
LSH_BANDS = 64
LSH_ROWS = 2
# Exact check on a candidate pair, calibrated on bench/corpus_dedup.py's labelled set: an
# original against its copies scores containment >= 0.72 (trimmed copies under new chrome are
# the lowest), different articles <= 0.45 (a copy of B quoting a paragraph of same-topic A),
# except a page that is mostly chrome (0.75, Jaccard 0.23). Containment: the share of the
# smaller article's shingles found in the larger one...
CONTAINMENT_MIN = 0.6
# ...and a Jaccard floor, so that a short text inside a much longer page (a digest, a live blog
# quoting it, shared chrome around a stub) is not called a copy of that page. 0.25 still admits
# a copy trimmed to a quarter of the original.
JACCARD_MIN = 0.25
SEED = 1

_VALUE_MASK = np.uint64((1 << 57) - 1)
_SHINGLE_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                          0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)
_EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)
_POLY = 0x01000193  # odd, so it has an inverse modulo 2**32
_CHUNK_DOCS = 256  # docs tokenised together: bounds the per-byte uint64 arrays (~40 MB)

# Byte classes of lower-cased UTF-8. Word bytes: ASCII letters and digits, and every byte of a
# non-ASCII character, except the punctuation blocks blanked in `_word_bytes`.
_WORD_BYTE = np.zeros(256, dtype=bool)
for _lo, _hi in ((48, 57), (97, 122), (65, 90), (128, 255)):
    _WORD_BYTE[_lo:_hi + 1] = True
# Lead bytes of U+3000-U+9FFF (kana, CJK ideographs), written without spaces: each such
# character is a token of its own (so shingles there are 5 characters).
_CHAR_TOKEN_LEAD = np.zeros(256, dtype=bool)
_CHAR_TOKEN_LEAD[0xE3:0xEA] = True
# Byte value in the token hash: ASCII capitals fold to small letters here, so no str.lower()
# over the text (it cost 16 us/doc); non-ASCII capitals stay as written.
_BYTE_VALUE = np.arange(1, 257, dtype=np.uint32)
_BYTE_VALUE[65:91] += 32
_powers_cache: list[np.ndarray] = [np.ones(1, dtype=np.uint32), np.ones(1, dtype=np.uint32)]


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """POLY**i and POLY**-i modulo 2**32 for i < n (cached, grown on demand)."""
    if len(_powers_cache[0]) < n:
        size = max(n, 2 * len(_powers_cache[0]))
        with np.errstate(over="ignore"):
            for k, base in enumerate((_POLY, pow(_POLY, -1, 1 << 32))):
                steps = np.full(size, base, dtype=np.uint32)
                steps[0] = 1
                _powers_cache[k] = np.cumprod(steps, dtype=np.uint32)
    return _powers_cache[0][:n], _powers_cache[1][:n]


def _word_bytes(buf: np.ndarray) -> np.ndarray:
    """Which bytes belong to words: punctuation blocks (U+00A0-U+00BF, U+2000-U+206F,
    U+3000-U+303F, fullwidth U+FF00-U+FF0F) are separators like ASCII punctuation, so curly
    and straight quotes or dashes do not make two copies differ."""
    word = _WORD_BYTE[buf]
    at = np.flatnonzero(buf[:-2] >= 0xC2)  # lead bytes only: few in most texts
    lead, second, third = buf[at], buf[at + 1], buf[at + 2]
    two = at[(lead == 0xC2) & (second >= 0xA0)]
    three = at[((lead == 0xE2) & (second <= 0x81)) | ((lead == 0xE3) & (second == 0x80))
               | ((lead == 0xEF) & (second == 0xBC) & (third <= 0x8F))]
    for k in range(3):
        word[three + k] = False
        if k < 2:
            word[two + k] = False
    return word


def token_hashes(buf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A 64-bit hash and the first byte offset of every token of a UTF-8 buffer.

    All in numpy: a token is a run of word bytes (or one CJK character); its hash is the
    polynomial sum of its bytes modulo 2**32, made position-free by the inverse power at its
    start, then spread to 64 bits (a word-level collision only matters if a whole 5-gram collides).
    No Python string per word: that alone cost more than the whole budget of 200 us/doc.
    """
    word = _word_bytes(buf)
    breaks = np.zeros(len(buf) + 4, dtype=bool)
    lead = np.flatnonzero(_CHAR_TOKEN_LEAD[buf] & word)
    breaks[lead] = breaks[lead + 3] = True
    start = word.copy()
    start[1:] &= ~word[:-1] | breaks[1:len(buf)]
    first = np.flatnonzero(start)
    if not len(first):
        return np.zeros(0, dtype=np.uint64), first
    pw, inv = _powers(len(buf))
    with np.errstate(over="ignore"):
        weighted = np.where(word, _BYTE_VALUE[buf], np.uint32(0)) * pw
        return _mix64((np.add.reduceat(weighted, first, dtype=np.uint32) * inv[first]).astype(np.uint64)), first


def body_tokens(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Token hashes of the body-like lines of each text, and the text each token belongs to.

    Lines with fewer than MIN_LINE_WORDS tokens (navigation, "Subscribe", bylines) are left out,
    unless that would leave a text fewer than MIN_SHINGLES shingles.
    """
    encoded = [t.encode("utf-8", "replace") for t in texts]
    starts = np.cumsum([0] + [len(e) + 1 for e in encoded])[:-1]
    buf = np.frombuffer(b"\n".join(encoded) + b"\n", dtype=np.uint8)
    hashes, first = token_hashes(buf)
    line = np.searchsorted(np.flatnonzero(buf == 10), first)
    keep = np.bincount(line)[line] >= MIN_LINE_WORDS
    owner = np.searchsorted(starts, first, side="right") - 1
    kept = np.bincount(owner[keep], minlength=len(texts))
    keep |= (kept < MIN_SHINGLES + SHINGLE_WORDS - 1)[owner]
    return hashes[keep], owner[keep]


def shingle_chunk(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of the word 5-grams of each text, in text order, and each text's offsets.

    Windows that would cross from one text into the next are dropped.
    """
    hashes, owner = body_tokens(texts)
    n = max(len(hashes) - SHINGLE_WORDS + 1, 0)
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint64)
        for k in range(SHINGLE_WORDS):
            acc += hashes[k:k + n] * _SHINGLE_MULT[k]
    inside = owner[:n] == owner[SHINGLE_WORDS - 1:SHINGLE_WORDS - 1 + n]
    owner = owner[:n][inside]
    return _mix64(acc[inside]), np.searchsorted(owner, np.arange(len(texts) + 1))


def shingle_batch(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """`shingle_chunk` over any number of texts, a chunk at a time to bound memory."""
    parts, offsets, base = [], [np.zeros(1, dtype=np.int64)], 0
    for at in range(0, len(texts), _CHUNK_DOCS):
        sh, off = shingle_chunk(texts[at:at + _CHUNK_DOCS])
        parts.append(sh)
        offsets.append(off[1:] + base)
        base += len(sh)
    if not parts:
        return np.zeros(0, dtype=np.uint64), offsets[0]
    return np.concatenate(parts), np.concatenate(offsets)


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads bits so the top 32 bits are a fair bin choice."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x = x ^ (x >> np.uint64(27))
        x = x * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def sketch_batch(shingles: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """One-permutation MinHash of every text: the smallest value in each of 128 hash bins.

    One hash per shingle instead of 128 (datasketch's permutations): the top 32 bits pick the
    bin, the low 57 bits are the value.
    Empty bins borrow from the next non-empty bin to the right (rotation densification,
    Shrivastava & Li 2014), so short texts still compare.
    """
    n = len(offsets) - 1
    sketch = np.full(n * NUM_PERM, _EMPTY, dtype=np.uint64)
    owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
    slot = owner * NUM_PERM + ((shingles >> np.uint64(32)) * np.uint64(NUM_PERM) >> np.uint64(32)).astype(np.int64)
    np.minimum.at(sketch, slot, shingles & _VALUE_MASK)
    return _densify(sketch.reshape(n, NUM_PERM))


def _densify(sketch: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the next non-empty bin (circularly), offset by the distance."""
    n, k = sketch.shape
    doubled = np.concatenate([sketch, sketch], axis=1)
    cols = np.arange(2 * k)
    pos = np.where(doubled != _EMPTY, cols, 2 * k)
    nxt = np.minimum.accumulate(pos[:, ::-1], axis=1)[:, ::-1][:, :k]
    nxt = np.minimum(nxt, 2 * k - 1)
    dist = (nxt - cols[:k]).astype(np.uint64)
    filled = doubled[np.arange(n)[:, None], nxt]
    with np.errstate(over="ignore"):
        out = np.where(sketch != _EMPTY, sketch, filled + dist * np.uint64(1 << 57))
    return out


def band_keys(sketch: np.ndarray) -> np.ndarray:
    """One integer key per (text, band): the band's rows combined, tagged with the band number."""
    used = sketch[:, :LSH_BANDS * LSH_ROWS].reshape(len(sketch), LSH_BANDS, LSH_ROWS)
    with np.errstate(over="ignore"):
        acc = np.zeros(used.shape[:2], dtype=np.uint64)
        for r in range(LSH_ROWS):
            acc = acc * np.uint64(0x100000001B3) + used[:, :, r]
        acc = _mix64(acc + np.arange(LSH_BANDS, dtype=np.uint64) * _SHINGLE_MULT[0])
    return acc


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact (containment of the smaller in the larger, Jaccard) of two sorted unique hash sets."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    at = np.minimum(np.searchsorted(large, small), len(large) - 1)
    inter = int(np.count_nonzero(large[at] == small))
    return inter / len(small), inter / (len(a) + len(b) - inter)


def is_copy(a: np.ndarray, b: np.ndarray) -> tuple[bool, float]:
    """Whether two shingle sets are the same story, and their containment."""
    contain, jacc = overlap(a, b)
    return contain >= CONTAINMENT_MIN and jacc >= JACCARD_MIN, contain


def published_key(value: Any) -> str:
    """Sortable publication date: ISO text; unknown dates sort after every known one."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value) if value else "\uffff"


@dataclass
class _Doc:
    """What the index keeps of an article: its rank keys and its shingles (top 32 bits)."""
    id: str
    published: str
    size: int
    text_len: int
    raw: np.ndarray
    _set: np.ndarray | None = None

    @property
    def shingles(self) -> np.ndarray:
        """Sorted unique shingle set, built on first use (most articles are never verified)."""
        if self._set is None:
            ordered = np.sort(self.raw)
            keep = np.ones(len(ordered), dtype=bool)
            keep[1:] = ordered[1:] != ordered[:-1]
            self._set = ordered[keep]
            self.raw = self._set
        return self._set

    def rank(self) -> tuple:
        """Canonical order: earliest published, then most complete (most body shingles, then
        longest text), then smallest id."""
        return (self.published, -self.size, -self.text_len, self.id)


@dataclass
class SyndicationIndex:
    """Incremental near-duplicate index: `add(batch)` as ingest batches arrive.

    `add` returns the copy rows `{"id", "canonical_id", "similarity"}` of every cluster the batch
    touched (all of its copies, old and new, since a new earlier article can change the
    canonical): upsert them by id. A copy never becomes a canonical later (clusters only grow,
    and the canonical of a union is the best of the old canonicals or a new article), so no
    copy row ever needs deleting.
    """
    backend: str = "numpy"
    docs: list[_Doc] = field(default_factory=list)
    _pos: dict[str, int] = field(default_factory=dict)
    _parent: list[int] = field(default_factory=list)
    _members: dict[int, list[int]] = field(default_factory=dict)
    _buckets: dict[int, list[int]] = field(default_factory=dict)
    _canonical_of: dict[int, int] = field(default_factory=dict)
    _lsh: Any = None

    def add(self, docs: Iterable[dict]) -> list[dict]:
        """Index a batch; return the copy rows of the clusters it touched, sorted by id."""
        fresh = self._register(docs)
        if not fresh:
            return []
        for i, candidates in zip(fresh, self._candidates(fresh)):
            for j in sorted(candidates):
                self._join_if_copy(i, j)
        return self._report(fresh)

    def _register(self, docs: Iterable[dict]) -> list[int]:
        """Shingle the new docs (skipping ids already indexed) and append them to the index."""
        batch, seen = [], set()
        for d in docs:
            if d["id"] not in self._pos and d["id"] not in seen:
                seen.add(d["id"])
                batch.append(d)
        shingles, offsets = shingle_batch([d.get("text") or "" for d in batch])
        top32 = (shingles >> np.uint64(32)).astype(np.uint32)
        start = len(self.docs)
        for k, d in enumerate(batch):
            own = top32[offsets[k]:offsets[k + 1]]
            self.docs.append(_Doc(str(d["id"]), published_key(d.get("published")), len(own),
                                  len(d.get("text") or ""), own))
            self._pos[str(d["id"])] = start + k
            self._parent.append(start + k)
            self._members[start + k] = [start + k]
        self._pending = (shingles, offsets)
        return list(range(start, len(self.docs)))

    def _candidates(self, fresh: list[int]) -> list[set[int]]:
        """LSH candidates of each new doc among every doc indexed so far (new ones included)."""
        shingles, offsets = self._pending
        if self.backend == "datasketch":
            return self._candidates_datasketch(fresh, shingles, offsets)
        keys = band_keys(sketch_batch(shingles, offsets)).tolist()
        buckets, out = self._buckets, []
        for i, row in zip(fresh, keys):
            found: set[int] = set()
            if self.docs[i].size >= MIN_SHINGLES:
                for key, bucket in zip(row, map(buckets.get, row)):
                    if bucket is None:
                        buckets[key] = [i]
                    else:
                        found.update(bucket)
                        bucket.append(i)
            out.append(found)
        return out

    def _candidates_datasketch(self, fresh, shingles, offsets) -> list[set[int]]:
        """The same candidates from datasketch's MinHash.bulk + MinHashLSH (reference path)."""
        from datasketch import MinHash, MinHashLSH
        if self._lsh is None:
            self._lsh = MinHashLSH(num_perm=NUM_PERM, params=(LSH_BANDS, LSH_ROWS))
        sets = [self.docs[i].raw.tolist() for i in fresh]
        sketches = MinHash.bulk(sets, num_perm=NUM_PERM, seed=SEED, hashfunc=int)
        out = []
        for i, m in zip(fresh, sketches):
            found: set[int] = set()
            if self.docs[i].size >= MIN_SHINGLES:
                found = set(self._lsh.query(m))
                self._lsh.insert(i, m, check_duplication=False)
            out.append(found)
        return out

    def _find(self, i: int) -> int:
        """Union-find root with path halving."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _join_if_copy(self, i: int, j: int) -> None:
        """Union i and j when the exact check says they are one story (skip if already joined)."""
        ri, rj = self._find(i), self._find(j)
        if ri == rj or not is_copy(self.docs[i].shingles, self.docs[j].shingles)[0]:
            return
        if len(self._members[ri]) < len(self._members[rj]):
            ri, rj = rj, ri
        self._parent[rj] = ri
        self._members[ri].extend(self._members.pop(rj))

    def _report(self, fresh: list[int]) -> list[dict]:
        """Copy rows for every cluster containing a new doc."""
        rows = []
        for root in sorted({self._find(i) for i in fresh}):
            members = self._members[root]
            if len(members) < 2:
                continue
            canon = min(members, key=lambda m: self.docs[m].rank())
            for m in members:
                if m != canon:
                    self._canonical_of[m] = canon
                    rows.append(self._row(m, canon))
        return sorted(rows, key=lambda r: r["id"])

    def _row(self, copy: int, canon: int) -> dict:
        """One copy row: the similarity is the exact containment between copy and canonical."""
        contain, _ = overlap(self.docs[copy].shingles, self.docs[canon].shingles)
        return {"id": self.docs[copy].id, "canonical_id": self.docs[canon].id,
                "similarity": round(contain, 3)}

    def rows(self) -> list[dict]:
        """Every copy row of the index as it stands, sorted by id."""
        return sorted((self._row(m, c) for m, c in self._canonical_of.items()),
                      key=lambda r: r["id"])


def cluster_articles(docs: list[dict], backend: str = "numpy") -> list[dict]:
    """Copy rows `{"id", "canonical_id", "similarity"}` for every article that is a copy.

    Input articles: `{"id", "text", "published", "site", "url", "title"}` (only id, text and
    published are used). Canonical articles get no row. Deterministic: the same rows whatever
    the order of `docs`.
    """
    return SyndicationIndex(backend=backend).add(docs)

#!/usr/bin/env python3
"""Train the student NER (facts/ner_student.py) on spaCy en_core_web_sm's own NER output.

    PYTHONPATH=src .venv/bin/python bench/train_ner.py collect --suites /tmp/ner5/suites --out /tmp/ner5
    PYTHONPATH=src .venv/bin/python bench/train_ner.py train --work /tmp/ner5 [--seed 15]
    PYTHONPATH=src .venv/bin/python bench/train_ner.py agree --work /tmp/ner5   # table (a) of ner.md
    PYTHONPATH=src .venv/bin/python bench/train_ner.py cost [--sample 60]        # table (b) of ner.md
    PYTHONPATH=src .venv/bin/python bench/train_ner.py exact   # facts/ner_greedy.py vs spaCy's ner pipe

Teacher: the spaCy pipeline factwire loads (facts/nlp.get_nlp: en_core_web_sm 3.8.0, MIT), its
`ner` pipe's entities as BIO tags; inputs: the same Doc's shared tok2vec tensor and token
attributes (facts/ner_student.features), so training and run time see identical features.

Training texts (only text whose licence lets derived weights ship; none is an evaluation set):
- the extraction suites built by bench/suites.py (`build --out DIR`): WCXB article and other
  pages (CC-BY-4.0), readability.js test pages (Apache-2.0), newspaper4k test pages (MIT),
  goose3 test pages (Apache-2.0), dev and held splits: their gold article text, English only
  (factwire.metadata.language.detect_language).  Not used: L3S-GN1 (research-only licence),
  CleanEval / CleanPortalEval (no licence), Dragnet (AGPL).
- ScrapingHub article-extraction-benchmark DEV gold bodies (MIT repository;
  ../shared/bench/extraction/scrapinghub-dev) MINUS the 24 facts DEV articles.
- Any training text sharing an 8-word shingle with an evaluation text is dropped (facts DEV,
  ACLED notes, WikiEvents, TimeBank, AQUAINT, GeoWebNews).
One text in TUNE_MODULUS (by hash of its id) is the tuning split used to pick the epoch; the
agreement table is measured on the evaluation texts (facts DEV + ACLED notes + WikiEvents),
which no training decision reads.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

# One BLAS thread, set before numpy loads: small products on threads of a busy shared machine
# spin (a minibatch step took 29 ms with OpenBLAS's default threads, 1.9 ms with one).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "bench"
SUITES = ("wcxb-article", "wcxb-other", "readability", "newspaper4k", "goose3")
TUNE_MODULUS = 10
SHINGLE = 8
#: A training text is cut here: a few WCXB "other" pages are 100k+ characters of listings, which
#: would be most of the data; 20,000 is longer than every news body of the suites but a handful.
MAX_TEXT_CHARS = 20_000
HIDDEN = 128
EMB_DIM = 16
BATCH = 256
EPOCHS = 8
LEARN_RATE = 2e-3
OUT = HERE.parent / "src" / "factwire" / "data" / "ner_student.npz"


def eval_texts() -> dict[str, list[str]]:
    """The evaluation texts, by set (never trained on)."""
    import csv

    ev = SHARED / "events"
    acled = csv.DictReader(open(ev / "acled_ukraine_2022q1" / "events.csv", encoding="utf-8"))
    out = {"facts": [json.loads(x)["text"] for x in open(SHARED / "facts" / "dev.jsonl", encoding="utf-8")],
           "acled": [r["notes"] for r in acled],
           "wikievents": [json.loads(x)["text"] for x in open(ev / "wikievents" / "texts.jsonl", encoding="utf-8")]}
    peers = SHARED / "facts-peers"
    for name in ("tempeval3/timebank.jsonl", "tempeval3/aquaint.jsonl", "geowebnews/gwn-dev.jsonl"):
        out[name.split("/")[1].split(".")[0]] = [json.loads(x)["text"] for x in open(peers / name, encoding="utf-8")]
    return out


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {hash(tuple(words[k:k + SHINGLE])) for k in range(max(len(words) - SHINGLE + 1, 0))}


def training_texts(suites: Path) -> list[tuple[str, str]]:
    """(id, text) of every training text, English, deduplicated against the evaluation sets."""
    from factwire.metadata.language import detect_language

    facts_ids = {json.loads(x)["id"] for x in open(SHARED / "facts" / "dev.jsonl", encoding="utf-8")}
    texts = [(f"scrapinghub/{k}", v["articleBody"]) for k, v in
             json.load(open(SHARED / "extraction" / "scrapinghub-dev" / "ground-truth.json", encoding="utf-8")).items()
             if k not in facts_ids]
    for suite in SUITES:
        for gt in sorted((suites / suite).glob("*/ground-truth.json")):
            texts += [(f"{suite}/{gt.parent.name}/{k}", v["articleBody"]) for k, v in json.load(open(gt)).items()]
    seen: set[int] = set()
    for group in eval_texts().values():
        for text in group:
            seen |= shingles(text)
    texts = [(k, t[:MAX_TEXT_CHARS]) for k, t in texts if t]
    keep = [(k, t) for k, t in texts if len(t) > 200 and detect_language(t) == "en" and not shingles(t) & seen]
    print(f"training texts: {len(keep)} of {len(texts)} (English, >200 chars, no shared shingle)", file=sys.stderr)
    return keep


def teacher_arrays(docs, labels: list[str], tok2vec=None) -> dict[str, np.ndarray]:
    """Student inputs and the teacher's BIO tags for many Docs, concatenated (doc starts kept);
    with `tok2vec` (spaCy's NER's own) its vectors are inputs too."""
    from spacy.attrs import ENT_IOB

    from factwire.facts.ner_student import features, ner_tok2vec_vectors

    index = {label: k for k, label in enumerate(labels)}
    dense, lex, tags, starts = [], [], [], [0]
    docs = list(docs)
    extras = ner_tok2vec_vectors(tok2vec, docs) if tok2vec is not None else [None] * len(docs)
    for doc, extra in zip(docs, extras):
        d, x = features(doc, extra)
        iob = doc.to_array([ENT_IOB])
        lab = np.array([index.get(t.ent_type_, -1) for t in doc])
        tag = np.where((iob == 3) & (lab >= 0), 1 + 2 * lab, np.where((iob == 1) & (lab >= 0), 2 + 2 * lab, 0))
        dense.append(d.astype(np.float16)), lex.append(x.astype(np.int32)), tags.append(tag.astype(np.int8))
        starts.append(starts[-1] + len(doc))
    return {"dense": np.concatenate(dense), "lex": np.concatenate(lex), "tags": np.concatenate(tags),
            "starts": np.array(starts)}


def join_arrays(chunks: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """teacher_arrays of consecutive chunks as one (doc starts shifted)."""
    starts, offset = [np.array([0])], 0
    for c in chunks:
        starts.append(c["starts"][1:] + offset)
        offset += int(c["starts"][-1])
    out = {k: np.concatenate([c[k] for c in chunks]) for k in ("dense", "lex", "tags")}
    return {**out, "starts": np.concatenate(starts)}


def collect(args) -> None:
    """Run the teacher over the training texts (tune / train by id hash) and the evaluation texts."""
    from factwire.facts.nlp import get_nlp, parse_many

    labels = list(get_nlp().get_pipe("ner").labels)
    tok2vec = get_nlp().get_pipe("ner").model.get_ref("tok2vec") if args.ner_tok2vec else None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    texts = training_texts(Path(args.suites))
    tune = [t for k, t in texts if int(hashlib.sha1(k.encode()).hexdigest(), 16) % TUNE_MODULUS == 0]
    train = [t for k, t in texts if int(hashlib.sha1(k.encode()).hexdigest(), 16) % TUNE_MODULUS != 0]
    ev = eval_texts()
    sets = {"train": train[::args.every], "tune": tune, "eval": ev["facts"] + ev["acled"] + ev["wikievents"]}
    for name, group in sets.items():
        t0 = time.process_time()
        chunks = [teacher_arrays(parse_many(group[k:k + 100], batch_size=32), labels, tok2vec)
                  for k in range(0, len(group), 100)]
        arrays = join_arrays(chunks)
        np.savez(out / f"{name}.npz", labels=np.array(labels), uses_ner_tok2vec=bool(args.ner_tok2vec),
                 **arrays)
        print(f"{name}: {len(group)} texts, {len(arrays['tags'])} tokens, "
              f"{time.process_time() - t0:.0f} s CPU", file=sys.stderr)


def load_set(work: Path, name: str) -> dict[str, np.ndarray]:
    with np.load(work / f"{name}.npz") as data:
        return {k: data[k] for k in data.files}


def init_params(rng, data: dict, n_tags: int) -> dict[str, np.ndarray]:
    """Weights of a fresh student; the dense inputs are standardised with the training statistics."""
    from factwire.facts.ner_student import BUCKETS, LEX_ATTRS

    sample = data["dense"][rng.choice(len(data["dense"]), min(200_000, len(data["dense"])), replace=False)]
    sample = sample.astype(np.float32)
    d_in = sample.shape[1] + len(LEX_ATTRS) * EMB_DIM
    return {"labels": data["labels"], "uses_ner_tok2vec": data["uses_ner_tok2vec"],
            "mean": sample.mean(axis=0), "scale": 1.0 / (sample.std(axis=0) + 1e-3),
            "emb": (rng.standard_normal((len(LEX_ATTRS) * BUCKETS, EMB_DIM)) * 0.1).astype(np.float32),
            "w1": (rng.standard_normal((d_in, HIDDEN)) * np.sqrt(2.0 / d_in)).astype(np.float32),
            "b1": np.zeros(HIDDEN, np.float32),
            "w2": (rng.standard_normal((HIDDEN, n_tags)) * np.sqrt(1.0 / HIDDEN)).astype(np.float32),
            "b2": np.zeros(n_tags, np.float32)}


class Adam:
    """Adam for the dense weights; the embedding table is updated lazily (rows of the batch only)."""

    def __init__(self, params: dict[str, np.ndarray], lr: float):
        self.lr, self.t = lr, 0
        self.m = {k: np.zeros_like(v) for k, v in params.items() if k in TRAINED}
        self.v = {k: np.zeros_like(v) for k, v in params.items() if k in TRAINED}

    def step(self, params: dict, grads: dict, rows: np.ndarray) -> None:
        self.t += 1
        c1, c2 = 1 - 0.9 ** self.t, 1 - 0.999 ** self.t
        for k, g in grads.items():
            m, v = (self.m[k][rows], self.v[k][rows]) if k == "emb" else (self.m[k], self.v[k])
            m = 0.9 * m + 0.1 * g
            v = 0.999 * v + 0.001 * g * g
            delta = self.lr * (m / c1) / (np.sqrt(v / c2) + 1e-8)
            if k == "emb":
                self.m[k][rows], self.v[k][rows] = m, v
                params[k][rows] -= delta
            else:
                self.m[k][...], self.v[k][...] = m, v
                params[k] -= delta


TRAINED = ("emb", "w1", "b1", "w2", "b2")


def batch_grads(model, params: dict, dense: np.ndarray, lex: np.ndarray, tags: np.ndarray):
    """Softmax cross-entropy gradients of one minibatch (and the embedding rows it touched)."""
    from factwire.facts.ner_student import forward

    hidden, logits = forward(model, (dense.astype(np.float32), lex))
    logits -= logits.max(axis=1, keepdims=True)
    prob = np.exp(logits)
    prob /= prob.sum(axis=1, keepdims=True)
    prob[np.arange(len(tags)), tags] -= 1.0
    return backward(model, params, dense, lex, hidden, prob / len(tags))


def backward(model, params: dict, dense: np.ndarray, lex: np.ndarray, hidden: np.ndarray, g: np.ndarray):
    """Gradients of the student's layers given the loss gradient `g` at its output (shared by
    the classification and the regression losses), and the embedding rows the batch touched."""
    d_dense = dense.shape[1]
    x = np.concatenate([(dense - model.mean) * model.scale, model.emb[lex].reshape(len(lex), -1)], axis=1)
    dh = (g @ params["w2"].T) * (hidden > 0)
    dx = (dh @ params["w1"].T)[:, d_dense:].reshape(len(lex), lex.shape[1], -1)
    rows, inverse = np.unique(lex, return_inverse=True)
    demb = np.zeros((len(rows), params["emb"].shape[1]), np.float32)
    np.add.at(demb, inverse.reshape(-1), dx.reshape(-1, dx.shape[2]))
    grads = {"w2": hidden.T @ g, "b2": g.sum(axis=0), "w1": x.T @ dh, "b1": dh.sum(axis=0), "emb": demb}
    return grads, rows


def train_cmd(args) -> None:
    """Minibatch Adam; after each epoch the tune split's entity F1 against the teacher picks the
    epoch kept (the evaluation texts are not read)."""
    from factwire.facts.ner_student import StudentNER

    rng = np.random.default_rng(args.seed)
    work = Path(args.work)
    data, tune = load_set(work, "train"), load_set(work, "tune")
    n_tags = 1 + 2 * len(data["labels"])
    params = init_params(rng, data, n_tags)
    model, opt, best = StudentNER(params), Adam(params, LEARN_RATE), (-1.0, None)
    for epoch in range(args.epochs):
        t0 = time.process_time()
        order = rng.permutation(len(data["tags"]))
        for k in range(0, len(order), BATCH):
            idx = np.sort(order[k:k + BATCH])
            tags = data["tags"][idx].astype(np.int64)
            grads, rows = batch_grads(model, params, data["dense"][idx], data["lex"][idx], tags)
            opt.step(params, grads, rows)
        f1 = agreement(model, tune)["ALL"][2]
        print(f"epoch {epoch + 1}: tune entity F1 vs teacher {f1:.4f} ({time.process_time() - t0:.0f} s CPU)",
              file=sys.stderr)
        if f1 > best[0]:
            best = (f1, {k: v.copy() for k, v in params.items()})
    save(best[1], Path(args.out))
    print(f"kept tune F1 {best[0]:.4f} -> {args.out}", file=sys.stderr)


def save(params: dict, out: Path) -> None:
    """float16 weights (half the size; the run-time products are float32)."""
    small = {k: (v.astype(np.float16) if k in ("emb", "w1", "w2") else v) for k, v in params.items()}
    np.savez_compressed(out, **small)


def predict_tags(model, data: dict) -> np.ndarray:
    from factwire.facts.ner_student import forward

    out = []
    for k in range(0, len(data["tags"]), 8192):
        feats = (data["dense"][k:k + 8192].astype(np.float32), data["lex"][k:k + 8192])
        out.append(forward(model, feats)[1].argmax(axis=1))
    return np.concatenate(out)


def entity_spans(tags: np.ndarray, starts: np.ndarray) -> set[tuple[int, int, int]]:
    """(start, end, label) of each entity in concatenated BIO tags (entities never cross a Doc start)."""
    from factwire.facts.ner_student import IOB_BEGIN, IOB_IN, decode

    iob, label = decode(tags)
    doc_start = np.zeros(len(tags), bool)
    doc_start[starts[:-1]] = True
    iob[doc_start & (iob == IOB_IN)] = IOB_BEGIN
    begin = np.flatnonzero(iob == IOB_BEGIN)
    stops = np.append(np.flatnonzero(iob != IOB_IN), len(tags))
    ends = stops[np.searchsorted(stops, begin, side="right")]
    return {(int(b), int(e), int(label[b])) for b, e in zip(begin, ends)}


def agreement(model, data: dict) -> dict[str, tuple[float, float, float, int]]:
    """Entity-level P/R/F1 of the student against the teacher, per label and ALL (support = teacher's)."""
    ours = entity_spans(predict_tags(model, data), data["starts"])
    gold = entity_spans(data["tags"].astype(np.int64), data["starts"])
    labels = [str(x) for x in data["labels"]]
    out = {}
    for k, name in [(None, "ALL"), *enumerate(labels)]:
        o = {s for s in ours if k is None or s[2] == k}
        g = {s for s in gold if k is None or s[2] == k}
        p, r = len(o & g) / max(len(o), 1), len(o & g) / max(len(g), 1)
        out[name] = (p, r, 2 * p * r / max(p + r, 1e-9), len(g))
    return out


def agree_cmd(args) -> None:
    """Table (a) of bench/results/ner.md: agreement on the evaluation texts."""
    from factwire.facts.ner_student import load

    scores = agreement(load(Path(args.weights)), load_set(Path(args.work), "eval"))
    print("| label | P | R | F1 | teacher entities |\n|---|---|---|---|---|")
    for name, (p, r, f, n) in sorted(scores.items(), key=lambda kv: (kv[0] != "ALL", -kv[1][3])):
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |")


TENSOR_WIDTH, NER_T2V_WIDTH = 96, 64


def distil_columns(width: int) -> tuple[np.ndarray, slice]:
    """In a `--ner-tok2vec` dense row (3 window slots of [tensor, NER tok2vec], then flags): the
    columns a distilled model may read (the shared tensor window + flags) and the target (the
    current token's NER tok2vec vector)."""
    slot = TENSOR_WIDTH + NER_T2V_WIDTH
    inputs = [np.arange(k * slot, k * slot + TENSOR_WIDTH) for k in range(3)] + [np.arange(3 * slot, width)]
    return np.concatenate(inputs), slice(slot + TENSOR_WIDTH, 2 * slot)


def regress_grads(model, params: dict, dense: np.ndarray, lex: np.ndarray, target: np.ndarray):
    """Mean squared error gradients of one minibatch (same network as the student, linear output)."""
    from factwire.facts.ner_student import forward

    hidden, out = forward(model, (dense.astype(np.float32), lex))
    return backward(model, params, dense, lex, hidden, 2.0 * (out - target) / target.size)


def distil_cmd(args) -> None:
    """Experiment: regress the NER's own tok2vec vector from the shared tensor window (MSE), then
    decode spaCy's NER exactly (facts/ner_greedy.py) on the regressed vectors; entity agreement
    with spaCy on the evaluation texts.  Row 'true vectors' checks the decoding path (must be 1)."""
    from factwire.facts.ner_student import StudentNER

    rng = np.random.default_rng(args.seed)
    work = Path(args.work)
    data, ev = load_set(work, "train"), load_set(work, "eval")
    cols, target = distil_columns(data["dense"].shape[1])
    dense = data["dense"][:, cols]
    params = init_params(rng, {**data, "dense": dense}, NER_T2V_WIDTH)
    model, opt = StudentNER(params), Adam(params, LEARN_RATE)
    print(f"| vectors | epoch | entity P | R | F1 |\n|---|---|---|---|---|\n{distil_row(ev, None, 'true vectors', 0)}")
    for epoch in range(args.epochs):
        order = rng.permutation(len(dense))
        for k in range(0, len(order), BATCH):
            idx = np.sort(order[k:k + BATCH])
            grads, rows = regress_grads(model, params, dense[idx], data["lex"][idx],
                                        data["dense"][idx, target].astype(np.float32))
            opt.step(params, grads, rows)
        print(distil_row(ev, model, "regressed from the shared tensor", epoch + 1), flush=True)


def distil_row(ev: dict, model, name: str, epoch: int) -> str:
    """Exact greedy decoding of spaCy's NER over `ev` with true or regressed NER tok2vec vectors."""
    from factwire.facts.ner_greedy import GreedyNER
    from factwire.facts.ner_student import FLAG_ATTRS, forward
    from factwire.facts.nlp import get_nlp

    cols, target = distil_columns(ev["dense"].shape[1])
    if model is None:
        vectors = ev["dense"][:, target].astype(np.float32)
    else:
        vectors = np.concatenate([forward(model, (ev["dense"][k:k + 8192, cols].astype(np.float32),
                                                  ev["lex"][k:k + 8192]))[1] for k in range(0, len(ev["tags"]), 8192)])
    greedy = GreedyNER(get_nlp().get_pipe("ner"))
    flags = ev["dense"][:, -len(FLAG_ATTRS):].astype(np.float32)
    space, sent = flags[:, FLAG_ATTRS.index("IS_SPACE")] > 0.5, flags[:, FLAG_ATTRS.index("SENT_START")] > 0.5
    starts = ev["starts"]
    last = np.zeros(len(space), bool)
    last[starts[1:] - 1] = True
    nxt_sent = np.concatenate([sent[1:], [False]]) & ~last
    cached = np.asarray(greedy.lower.predict(vectors))
    moves = greedy.outside_moves(cached, nxt_sent | space | last, space)
    label_index = {str(x): k for k, x in enumerate(ev["labels"])}
    ours = {(a + int(s), b + int(s), label_index[lab]) for s, e in zip(starts[:-1], starts[1:])
            for a, b, lab in greedy.walk(cached, moves, nxt_sent, int(s), int(e))}
    gold = entity_spans(ev["tags"].astype(np.int64), starts)
    p, r = len(ours & gold) / max(len(ours), 1), len(ours & gold) / max(len(gold), 1)
    return f"| {name} | {epoch} | {p:.3f} | {r:.3f} | {2 * p * r / max(p + r, 1e-9):.3f} |"


def exact_cmd(args) -> None:
    """Table (a) for facts/ner_greedy.py: its entities against spaCy's `ner` pipe on the same Docs
    of the evaluation texts (facts DEV, ACLED notes, WikiEvents)."""
    from factwire.facts.ner_greedy import GreedyNER
    from factwire.facts.ner_student import NER_ENV
    from factwire.facts.nlp import get_nlp

    os.environ[NER_ENV] = "spacy"
    nlp = get_nlp()
    ev = eval_texts()
    for name in ("facts", "acled", "wikievents"):
        with nlp.select_pipes(disable=["ner"]):
            docs = list(nlp.pipe(ev[name], batch_size=16))
        ref = [{(e.start, e.end, e.label_) for e in d.ents} for d in nlp.get_pipe("ner").pipe(docs)]
        ours = [{(e.start, e.end, e.label_) for e in d.ents} for d in GreedyNER(nlp.get_pipe("ner")).pipe(docs)]
        same = sum(len(r & o) for r, o in zip(ref, ours))
        print(f"| {name} | {len(docs)} | {sum(len(d) for d in docs)} | {sum(map(len, ref))} | {sum(map(len, ours))} "
              f"| {same} | {sum(r == o for r, o in zip(ref, ours))} |")


def cost_cmd(args) -> None:
    """Table (b): CPU ms a page of spaCy's `ner` pipe and of the student, on the same Docs of
    the same corpus-bench pages in the same pinned process (bench/profile_stages.py's pages and
    extraction; spaCy's components timed one by one as there)."""
    sys.path.insert(0, str(HERE))
    import profile_stages as ps
    from facts import pin_one_core

    from factwire.facts import annotate
    from factwire.facts.ner_greedy import GreedyNER
    from factwire.facts.ner_hybrid import HybridNER
    from factwire.facts.ner_student import NER_ENV, bound_student
    from factwire.facts.nlp import get_nlp

    os.environ[NER_ENV] = "spacy"  # spaCy's own `ner` in the pipeline: timed there, the others after it
    cpu = pin_one_core()
    annotate.load_resources()
    pages = ps.corpus_pages(args.sample, __import__("corpus").dev_htmls())
    student = bound_student(get_nlp())
    hybrid = HybridNER(student, get_nlp().get_pipe("ner"))
    greedy = GreedyNER(get_nlp().get_pipe("ner"))
    clock, tokens, diff = ps.Clock(), 0, [0, 0]
    for start in range(0, len(pages), args.batch):
        recs = [ps.extraction(ps.Clock(), raw, start + k) for k, raw in enumerate(pages[start:start + args.batch])]
        docs = ps.spacy_components(clock, [t for rec in recs for t in annotate.facts_texts(rec)])
        tokens += sum(len(d) for d in docs)
        spacy_ents = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
        clock.run("spaCy's NER weights decoded in numpy (facts/ner_greedy.py)", lambda d=docs: list(greedy.pipe(d)))
        for doc, ref in zip(docs, spacy_ents):
            diff[0] += len(ref ^ {(e.start, e.end, e.label_) for e in doc.ents})
            diff[1] += len(ref)
        clock.run("student NER (facts/ner_student.py)", lambda d=docs: list(student.pipe(d)))
        clock.run("hybrid NER (facts/ner_hybrid.py)", lambda d=docs: [hybrid(x) for x in d])
    n = len(pages)
    print(f"{n} corpus-bench pages, {tokens / n:.0f} tokens a page, CPU {cpu}, load "
          f"{os.getloadavg()[0]:.1f}; numpy decoding vs spaCy: {diff[0]} entities differ of {diff[1]}; "
          f"hybrid: {hybrid.fallback_tokens / max(tokens, 1):.1%} of tokens "
          f"re-read by spaCy's NER\n\n| component | CPU ms a page |\n|---|---|")
    for label, secs in clock.total.items():
        print(f"| {label} | {1000 * secs / n:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("--suites", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--ner-tok2vec", action="store_true", help="inputs include spaCy's NER's own tok2vec")
    c.add_argument("--every", type=int, default=1, help="every n-th training text only")
    t = sub.add_parser("train")
    t.add_argument("--work", required=True)
    t.add_argument("--seed", type=int, default=15)
    t.add_argument("--epochs", type=int, default=EPOCHS)
    t.add_argument("--out", default=str(OUT))
    a = sub.add_parser("agree")
    a.add_argument("--work", required=True)
    a.add_argument("--weights", default=str(OUT))
    b = sub.add_parser("cost")
    b.add_argument("--sample", type=int, default=60)
    b.add_argument("--batch", type=int, default=4)
    sub.add_parser("exact")
    x = sub.add_parser("distil")
    x.add_argument("--work", required=True)
    x.add_argument("--seed", type=int, default=15)
    x.add_argument("--epochs", type=int, default=4)
    args = ap.parse_args()
    {"collect": collect, "train": train_cmd, "agree": agree_cmd, "cost": cost_cmd, "exact": exact_cmd,
     "distil": distil_cmd}[args.cmd](args)


if __name__ == "__main__":
    main()

"""Syndication: copies under other chrome, trimmed or extended are found; different stories on
one topic are not; the canonical is the earliest, then the most complete; output is stable."""
from __future__ import annotations

import random

from factwire.corpus.syndication import SyndicationIndex, cluster_articles

STORY = [
    "Moscow and Tehran have reached an agreement to manufacture drones on Russian soil to bolster "
    "their war effort in Ukraine after months of relentless shelling of civilian sites, a "
    "Washington Post report said on Saturday.",
    "US intelligence officials only recently learned of the deal the two nations reached in early "
    "November, according to the report, and the Pentagon could not immediately be reached.",
    "It is unclear which drone design would be used for production in Russia, but officials from "
    "both nations are working on the transfer of key components and plans to get manufacturing "
    "underway in three months.",
    "Some 400 drones have been launched on various targets in Ukraine, hitting civilian "
    "neighborhoods, towns, cities and the nation's energy infrastructure.",
    "Since November 11, Russia has launched approximately 150 missiles and more than 25 kamikaze "
    "drones against Ukraine, according to Ukraine's Deputy Chief of General Staff Oleksii Hromov.",
    "More than 100 of the airstrikes carried out in the six-day period were blocked by Ukrainian "
    "air defenses, the general staff said in its Thursday briefing.",
]
# Same topic (Iranian drones, Russia, Ukraine), many shared words, a different story.
OTHER = [
    "Ukraine said on Monday it had shot down dozens of Iranian-made Shahed drones launched by "
    "Russia overnight against the capital and the southern port of Odesa.",
    "The air force said air defenses destroyed most of the drones before they reached their "
    "targets, though energy infrastructure in two regions was damaged and power was cut.",
    "Iran denies supplying drones for use in Ukraine, while Western governments say Tehran has "
    "shipped hundreds of them to Russia since the summer and is helping to maintain them.",
    "Kyiv has asked its Western allies for more air defense systems to counter the drones, which "
    "are cheap to build and hard to detect at low altitude.",
]
CHROME_TOP = ["Skip to main content", "Menu", "World News | Politics | Business",
              "CLICK HERE TO GET THE FOX NEWS APP"]
CHROME_BOTTOM = ["Share this article", "Sign up for our morning newsletter and get the day's top "
                 "stories in your inbox every morning.", "LEAVE A REPLY", "Comments are closed."]


def doc(id_: str, paras: list[str], published: str | None = "2022-11-19", **kw) -> dict:
    return {"id": id_, "text": "\n\n".join(paras), "published": published, "site": kw.get("site"),
            "url": None, "title": None}


def canonical_of(rows: list[dict]) -> dict[str, str]:
    return {r["id"]: r["canonical_id"] for r in rows}


def test_copies_with_chrome_trim_and_added_paragraph_are_found():
    docs = [doc("orig", STORY, "2022-11-19"),
            doc("chrome", CHROME_TOP + STORY + CHROME_BOTTOM, "2022-11-20"),
            doc("trimmed", CHROME_TOP[:2] + STORY[:4], "2022-11-20"),
            doc("added", STORY[:2] + ["Editor's note: this story was first published by our partner "
                                      "newsroom and is republished with permission."] + STORY[2:],
                "2022-11-21")]
    got = canonical_of(cluster_articles(docs))
    assert got == {"chrome": "orig", "trimmed": "orig", "added": "orig"}


def test_same_topic_different_story_is_not_a_copy():
    docs = [doc("a", STORY), doc("b", OTHER), doc("b-copy", CHROME_TOP + OTHER, "2022-11-20")]
    assert canonical_of(cluster_articles(docs)) == {"b-copy": "b"}


def test_quoting_one_paragraph_of_another_article_is_not_a_copy():
    docs = [doc("a", STORY), doc("b", OTHER[:2] + [STORY[0]] + OTHER[2:])]
    assert cluster_articles(docs) == []


def test_canonical_is_earliest_then_longest_then_id():
    docs = [doc("late-long", STORY + ["An added closing paragraph with some more words in it for "
                                      "length and completeness of the report."], "2022-11-21"),
            doc("early-short", STORY[:5], "2022-11-18"),
            doc("early-long", STORY, "2022-11-18"),
            doc("undated", STORY, None)]
    assert set(canonical_of(cluster_articles(docs)).values()) == {"early-long"}
    tie = [doc("b", STORY, "2022-11-18"), doc("a", STORY, "2022-11-18")]
    assert canonical_of(cluster_articles(tie)) == {"b": "a"}


def test_similarity_is_reported_against_the_canonical():
    rows = cluster_articles([doc("orig", STORY), doc("copy", CHROME_TOP + STORY, "2022-11-20")])
    assert rows == [{"id": "copy", "canonical_id": "orig", "similarity": 1.0}]


def test_output_does_not_depend_on_input_order():
    docs = [doc(f"s{i}", (CHROME_TOP[:i] + STORY)[: 4 + i], f"2022-11-{19 + i % 3}") for i in range(6)]
    docs += [doc(f"o{i}", OTHER[: 2 + i % 3] + CHROME_BOTTOM[:i], "2022-11-20") for i in range(4)]
    want = cluster_articles(docs)
    for seed in range(3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_articles(shuffled) == want


def test_incremental_index_repoints_copies_when_an_earlier_article_arrives():
    index = SyndicationIndex()
    first = index.add([doc("x", STORY, "2022-11-20"), doc("y", CHROME_TOP + STORY, "2022-11-21")])
    assert canonical_of(first) == {"y": "x"}
    second = index.add([doc("w", STORY + CHROME_BOTTOM, "2022-11-19")])
    assert canonical_of(second) == {"x": "w", "y": "w"}
    assert index.add([doc("x", STORY, "2022-11-20")]) == []  # re-ingest: idempotent
    assert canonical_of(index.rows()) == {"x": "w", "y": "w"}


def test_clusters_joined_by_a_bridging_article_keep_the_best_canonical():
    index = SyndicationIndex()
    index.add([doc("x", STORY[:3], "2022-11-20"), doc("y", STORY[3:], "2022-11-19")])
    assert index.rows() == []
    rows = index.add([doc("bridge", STORY, "2022-11-21")])
    # the full story contains both halves: one cluster, its earliest article canonical
    assert canonical_of(rows) == {"bridge": "y", "x": "y"}


def test_short_and_empty_texts_are_never_clustered():
    docs = [doc("a", ["Breaking news."]), doc("b", ["Breaking news."]), doc("c", [""])]
    assert cluster_articles(docs) == []


def test_cjk_copies_are_found():
    text = ["先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。",
            "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhone。もちろん、Apple社は「脱獄」を認めていません。"]
    docs = [doc("ja", text), doc("ja-copy", ["ホーム", "ニュース"] + text + ["関連記事"], "2022-11-20")]
    assert canonical_of(cluster_articles(docs)) == {"ja-copy": "ja"}


def test_datasketch_backend_agrees():
    docs = [doc("orig", STORY), doc("chrome", CHROME_TOP + STORY, "2022-11-20"), doc("b", OTHER)]
    assert cluster_articles(docs, backend="datasketch") == cluster_articles(docs)

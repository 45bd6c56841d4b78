"""Relevance before coding (issue 12): ordinary news that uses the action words of conflict
("attack", "clash", "strike", "deal", "shoot", "launch", "demonstrate", "fight", "bombastic")
codes no events; conflict news with its armed actors, weapons and victims still does.
Paragraphs are written for these tests."""
from __future__ import annotations

import pytest

from factwire import extract
from factwire.events.scope import article_in_scope


def code(text: str) -> list[dict]:
    return extract(text, input_kind="text", clean=False, published="2024-05-10").to_dict()["events"]


ORDINARY = [
    # sport
    "The Rangers attacked from the opening whistle and Smith shot the winner past the keeper in the 80th "
    "minute. The two captains clashed after the final whistle and the referee had to break up the fight. "
    "Coach Miller said the side would fight for the title.",
    # business
    "Acme Corp struck a $2 billion deal with Globex on Tuesday, and the two companies agreed to merge their "
    "cloud units. Shares jumped 8 percent. The trade war between the two largest economies hit markets.",
    # science
    "NASA will launch the Europa probe next year; the rocket's four engines fired for eight minutes in a "
    "test. The ice shell of the moon may hide an ocean, and a strike by a comet could explain the crater.",
    # culture / figures of speech
    "The director's bombastic new film shoots for the moon. Its star demonstrates his independence in every "
    "scene, and critics attacked the ending as a killer twist.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_news_codes_no_events(text):
    assert code(text) == []


def test_short_ordinary_paragraph_is_judged_by_its_arguments():
    """'rocket' is a scope cue, so this paragraph passes the document gate; the events die at
    the argument check (a probe, engines and a comet are not ACLED actors or targets)."""
    assert article_in_scope(ORDINARY[2])
    assert code(ORDINARY[2]) == []


CONFLICT = [
    ("On 3 May 2024, Russian forces shelled Kharkiv, killing two civilians.", "Shelling/artillery/missile attack"),
    ("On 3 May 2024, hundreds of protesters gathered outside parliament in Tbilisi demanding new elections.",
     "Peaceful protest"),
    ("On 3 May 2024, militants attacked a police checkpoint near Quetta with rifles and grenades.", None),
]


@pytest.mark.parametrize("text,sub", CONFLICT)
def test_conflict_news_is_coded(text, sub):
    assert article_in_scope(text)
    events = code(text)
    assert events
    if sub:
        assert max(events, key=lambda e: e["confidence"])["sub_event_type"] == sub


def test_density_not_a_single_mention():
    """A long business story that mentions a war once stays out of scope; the same words
    in a short report are in scope."""
    filler = "The company said revenue rose and margins improved in the quarter. " * 30
    assert not article_in_scope(filler + "Sales in the region fell after the invasion.")
    assert article_in_scope("Sales in the region fell after the invasion.")


@pytest.mark.parametrize("text", [
    "The Rangers attacked from the opening whistle and the keeper was beaten twice.",
    "Acme Corp struck a deal with Globex to merge their cloud units, shares jumped.",
])
def test_ordinary_brief_is_judged_by_its_sentence(text):
    """A one-line brief skips the density gate; its sport or business words with no actor,
    weapon or harm of ACLED's keep it out."""
    assert article_in_scope(text)
    assert code(text) == []


@pytest.mark.parametrize("needed", [1, 2, 3.5, 4, 4.5, 7])
def test_has_cues_stops_early_with_the_count_answer(needed):
    """The early-stopping cue check answers exactly `scope_cues(text) >= needed` (4 cues here: troops, shelled, civilians, wounded)."""
    from factwire.events.scope import has_cues, scope_cues

    text = "Troops shelled the town and two civilians were wounded; the weather was mild."
    assert scope_cues(text) == 4
    assert has_cues(text, needed) is (4 >= needed)
    assert has_cues("Nothing to see here.", 1) is False


def test_cues_on_lower_cased_text_equal_the_case_insensitive_patterns():
    """The lower-case scan (scope_lexicon.SCOPE_CUE_LOWER_RE) counts what re.I counts, and a text
    with a character on which the two disagree (the long s of 'ſhelled') takes the re.I path."""
    from factwire.events.scope import argument_in_scope, scope_cues, sentence_in_scope
    from factwire.events.scope_lexicon import SCOPE_CUE_RE

    for text in ("TROOPS Shelled the Town; Civilians were WOUNDED.", "The Rangers' coach praised the Players.",
                 "Ukraine’s army – “shelling” at dawn – détente", "ſhelled by the Kelvin-K army"):
        assert scope_cues(text) == sum(1 for _ in SCOPE_CUE_RE.finditer(text)), text
    assert scope_cues("ſhelled") == 1  # re.I reads ſ as s
    assert not argument_in_scope("the Lakers") and argument_in_scope("the Army")
    assert sentence_in_scope("Troops attacked the stadium.") and not sentence_in_scope("The Lakers attacked the rim.")

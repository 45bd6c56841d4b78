"""Figurative and out-of-scope uses of trigger words inside conflict news (events/figurative.py):
each sentence sits in a paragraph that passes the relevance gate, so only the word-level rule
can stop it; the same paragraph's real incident must still be coded. Sentences are written
for these tests (kinds seen on ordinary newswire: light verbs, proof sense, firefighting,
hyphenated modifiers, non-conflict accords, withdrawn envoys, hazard evacuations)."""
from __future__ import annotations

import pytest

from factwire import extract

#: A real incident in its own paragraph, of a sub-event type none of the cases is mistaken for.
INCIDENT = "\n\nOn 2 March 2022, Russian soldiers shot dead two civilians in Bucha."
INCIDENT_TYPE = "Attack"


def subs(text: str) -> list[str]:
    events = extract(text, input_kind="text", clean=False, published="2022-03-05", timeout=0).to_dict()["events"]
    return [e["sub_event_type"] for e in events]


@pytest.mark.parametrize("figurative, wrong", [
    ("A salvage firm struck a deal with the Malaysian government to restart the search.", "Air/drone strike"),
    ("Its allies said the vote was the clearest demonstration of the fact that Europe is united.", "Peaceful protest"),
    ("Firefighters were busy fighting two apartment fires overnight in the city.", "Armed clash"),
    ("The sale includes 180 howitzer systems, artillery-firing vehicles on tracks.", "Shelling/artillery/missile attack"),
    ("The presidents of the two countries signed an economic cooperation plan on Friday.", "Agreement"),
    ("Several news outlets withdrew their journalists from the parliament after the row.", "Non-violent transfer of territory"),
    ("Crews fought a blaze at a warehouse overnight. Two families were evacuated from the building.", "Other"),
    ("Firefighters were busy fighting two apartment fires overnight. The first began after 11 p.m. "
     "Officials said two people had to be evacuated from a second floor suite.", "Other"),
])
def test_figurative_use_is_no_event_but_the_incident_is(figurative, wrong):
    found = subs(figurative + INCIDENT)
    assert wrong not in found
    assert INCIDENT_TYPE in found


@pytest.mark.parametrize("literal, sub", [
    ("On 3 March, 200 students held a demonstration of solidarity in Lviv against the war.", "Peaceful protest"),
    ("Russia and Ukraine agreed to a ceasefire around Mariupol on 3 March.", "Agreement"),
    ("On 3 March Ukrainian troops fought Russian forces near Izium.", "Armed clash"),
    ("Russian forces withdrew their troops from the Kyiv region on 3 March.", "Non-violent transfer of territory"),
    ("On 3 March civilians were evacuated from Irpin as shelling continued.", "Other"),
])
def test_literal_use_keeps_its_event(literal, sub):
    assert sub in subs(literal + INCIDENT)


def test_event_dated_years_before_publication_is_history():
    """passes.drop_history: an attack of 2015 told in a 2018 story is background; the same
    story's attack of last month is news (ACLED codes reports of the period)."""
    text = ("In March 2015, gunmen attacked the Bardo museum in Tunis, killing 22 tourists. "
            "On 2 February 2018, gunmen attacked a police post in Kasserine, killing two officers.")
    events = extract(text, input_kind="text", clean=False, published="2018-03-01", timeout=0).to_dict()["events"]
    assert [e["date"]["from"][:4] for e in events] == ["2018"]


def test_period_end_is_compared_at_its_precision():
    from factwire.events.passes import _ends_before

    assert _ends_before("2016", "2017-04-05") and _ends_before("2017-03", "2017-04-05")
    assert not _ends_before("2017-04", "2017-04-05") and not _ends_before("2017", "2017-04-05")

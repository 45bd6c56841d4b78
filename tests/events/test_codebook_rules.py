"""ACLED codebook rules of the event coder, on sentences written for these tests (not taken
from any ACLED row): classes rare or absent in the DEV set (agreements, bases established,
seizures), the line between battles and remote violence, the force used on demonstrations,
and the non-events and back-references that must not make extra events."""
from __future__ import annotations

import pytest

from factwire import extract


def code(text: str, published: str = "2022-04-02") -> list[dict]:
    rec = extract(text, input_kind="text", clean=False, published=published)
    assert rec.language in (None, "en"), rec.notes  # a non-English guess would skip the coder
    return rec.to_dict()["events"]


def top(text: str) -> dict:
    """The most confident event: what a one-event-per-report coder would keep."""
    events = code(text)
    assert events, text
    return max(events, key=lambda e: e["confidence"])


@pytest.mark.parametrize("text,sub", [
    # Strategic developments from the codebook's definitions
    ("On 5 March 2022, Russia and Ukraine agreed on a ceasefire in Mariupol to let civilians "
     "leave the city.", "Agreement"),
    ("On 24 March 2022, Russian and Ukrainian forces exchanged prisoners of war near "
     "Zaporizhzhia, the regional administration said.", "Agreement"),
    ("On 12 March 2022, Russian forces set up a military base near Kherson, local officials "
     "reported.", "Headquarters or base established"),
    ("On 1 April 2022, Russian forces set up a command post in the village hall in Yahidne, "
     "residents said.", "Headquarters or base established"),
    ("On 4 April 2022, Ukrainian sappers defused a landmine near Irpin, the State Emergency "
     "Service said.", "Disrupted weapons use"),
    ("On 10 March 2022, police seized a cache of grenades and rifles in a garage in Lviv, "
     "the regional police said.", "Disrupted weapons use"),
    ("On 26 February 2022, several hundred Russian marines landed near Kyrylivka, Zaporizhia, "
     "the regional administration said.", "Change to group/activity"),
    # Battles: two armed sides, no remote means known
    ("On 10 March 2022, Ukrainian forces fired unspecified weapons at the positions of the "
     "Donetsk People's Militia near Yasynuvata, Donetsk.", "Armed clash"),
    ("On 8 April 2022, Russian forces shelled the outskirts of Kreminna, Luhansk. Ukrainian "
     "forces responded with fire. Casualties unknown.", "Armed clash"),
    ("On 11 March 2022, Russian forces tried to break through the defence of Ukrainian forces "
     "near Brovary, Kyiv. Casualties unknown.", "Armed clash"),
    ("On 26 February 2022, Russian marines attempted a landing on the coast near Ochakiv, "
     "Mykolaiv, but were repelled by Ukrainian forces.", "Armed clash"),
    # remote violence from the air takes the lead over shelling in the same sentence
    ("On 24 March 2022, Russian forces dropped cluster bombs and shelled Chernihiv throughout "
     "the night. Casualties unknown.", "Air/drone strike"),
    ("On 2 April 2022, the Russian air force fired missiles at an oil depot in Lviv. There "
     "were no casualties.", "Air/drone strike"),
    # violence against an unarmed person
    ("On 23 March 2022, Russian forces shot dead a retired teacher in his garden in Irpin, "
     "Kyiv.", "Attack"),
    # demonstrations by the force used on them; crowd violence
    ("On 20 February 2022, about 300 people gathered in Poltava to commemorate the victims of "
     "the 2014 revolution.", "Peaceful protest"),
    ("On 6 March 2022, hundreds of residents protested against the occupation in Melitopol. "
     "Russian soldiers fired warning shots to disperse them.", "Protest with intervention"),
    ("On 7 March 2022, about 2000 residents protested against the occupation in Kakhovka. "
     "Russian forces opened fire on the protesters, wounding two people.",
     "Excessive force against protesters"),
    ("On 27 February 2022, local residents threw a molotov cocktail at a Russian armoured "
     "vehicle in Berdiansk, Zaporizhia.", "Mob violence"),
])
def test_codebook_sub_event(text, sub):
    assert top(text)["sub_event_type"] == sub


def test_territory_won_in_a_clash_is_the_event():
    e = top("On 27 March 2022, Ukrainian forces clashed with Russian forces in Trostianets, "
            "Sumy. As a result of the clash the town was liberated from Russian forces.")
    assert e["sub_event_type"] == "Government regains territory"


def test_retaken_village_written_village_region():
    """'Topolyne, Kherson': a name the tagger may read as a person is a place."""
    e = top("On 31 March 2022, Ukrainian forces retook Topolyne, Kherson. No information on "
            "whether fighting took place.")
    assert e["sub_event_type"] == "Non-violent transfer of territory"


@pytest.mark.parametrize("text", [
    "Police said they were still trying to understand what motivation lay behind the blast.",
    "Instructions for building such bombs are easy to find on many websites, experts say.",
    "The group has said in several statements that it seeks to retake territory it once held.",
    "Federal agents are examining the detonated material recovered from the first device.",
    "A witness said that eight cars parked nearby were badly burned and their windows shattered.",
])
def test_not_an_incident(text):
    assert code(text) == []


def test_talked_about_back_reference_merges_into_the_incident():
    events = code("A bomb exploded outside a cafe in Madrid on Friday, killing 12 people. "
                  "The interior minister responded to the bombing by ordering more police patrols.")
    assert len(events) == 1
    e = events[0]
    assert e["event_type"] == "Explosions/Remote violence" and e["fatalities"] == 12
    assert len(e["mentions"]) == 1 and e["mentions"][0]["start"] > e["evidence"]["end"]


def test_casualties_told_after_an_attack_are_its_outcome():
    events = code("Taliban gunmen attacked an army base in Helmand province on Monday morning. "
                  "They killed 23 soldiers and injured 15 others.")
    assert len(events) == 1
    assert events[0]["fatalities"] == 23 and events[0]["mentions"]

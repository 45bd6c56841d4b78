"""Actor and target naming in ACLED's style (codebook naming conventions), from the parse of
whole sentences: who acted, on whom."""
from __future__ import annotations

import pytest

from factwire import extract
from factwire.events.actors import normalize_actor

PUBLISHED = "2022-03-20"


def top(text: str) -> dict:
    rec = extract(text, input_kind="text", clean=False, published=PUBLISHED)
    assert rec.to_dict()["events"], text
    return max(rec.to_dict()["events"], key=lambda e: e["confidence"])


@pytest.mark.parametrize("text,home,name", [
    ("police", "Ukraine", "Police Forces of Ukraine (2019-)"),
    ("the Security Service of Ukraine", "Ukraine", "Police Forces of Ukraine (2019-)"),
    ("Ukrainian border guards", None, "Police Forces of Ukraine (2019-) State Border Guard Service"),
    ("President of Ukraine", None, "Government of Ukraine (2019-)"),
    ("the Russian authorities", None, "Government of Russia (2000-)"),
    ("National Guard troops", "Ukraine", "Military Forces of Ukraine (2019-) National Guard"),
    ("the military air forces of Russia", None, "Military Forces of Russia (2000-) Air Force"),
    ("a Russian navy ship", None, "Military Forces of Russia (2000-) Navy"),
    ("a Russian airstrike", None, "Military Forces of Russia (2000-)"),
    ("the Russian military forces and NAF forces", None, "Military Forces of Russia (2000-)"),
    ("a Ukrainian checkpoint", None, "Military Forces of Ukraine (2019-)"),
    ("a military training ground", "Ukraine", "Military Forces of Ukraine (2019-)"),
    ("an ammunition warehouse and gas reserves of Russian forces", "Ukraine", "Military Forces of Russia (2000-)"),
    ("the deputy commander", "Ukraine", None),
    ("residential areas of Chernihiv", "Ukraine", None),
    ("the Regional State Administration building", "Ukraine", None),
    ("a column of military vehicles", "Ukraine", None),
])
def test_acled_names(text, home, name):
    assert normalize_actor(text, home) == name


@pytest.mark.parametrize("text,actor", [
    # a thing as subject: its owner, its country, or the side that fired it just before
    ("On 3 March 2022, a column of military vehicles belonging to the Russian military forces "
     "was moving towards Vasylivka, Zaporizhia.", "Military Forces of Russia (2000-)"),
    ("On 2 March 2022, a Ukrainian Bayraktar drone destroyed a Russian convoy near Dymer, Kyiv.",
     "Military Forces of Ukraine (2019-) Air Force"),
    # 'fighting took place between X and Y': X
    ("On 11 March 2022, fighting took place between Russian forces and Ukrainian forces in "
     "Velyka Dymerka, Kyiv.", "Military Forces of Russia (2000-)"),
    # a reported clause keeps its own subject
    ("On 4 March 2022, LPR Press Service reported that the Ukrainian military forces fired on "
     "Pervomayske, Donetsk.", "Military Forces of Ukraine (2019-)"),
    # the attack 'of' a force names the attacker
    ("On 3 March 2022, the Ukrainian military forces carried out defensive operations during the "
     "attack of the Russian military forces near Prymorsk, Zaporizhia.", "Military Forces of Russia (2000-)"),
])
def test_actor_from_parse(text, actor):
    assert top(text)["actor_norm"] == actor


@pytest.mark.parametrize("text,target", [
    ("On 23 January 2022, the NAF rebel forces fired 120mm and 82mm mortars and grenade launchers "
     "at the governmental positions near Vodyane, Donetsk.", "Military Forces of Ukraine (2019-)"),
    ("On 29 March 2022, Russian forces fired unspecified weapons at the units of the Armed Forces "
     "of Ukraine near Moshchun, Kyiv.", "Military Forces of Ukraine (2019-)"),
    ("On 4 April 2022, Russian forces shelled Heorhiivka, Donetsk, wounding three civilians.",
     "Civilians (Ukraine)"),
    ("On 26 March 2022, Russian forces shelled Barvinkove, Kharkiv, killing four Ukrainian soldiers "
     "and one civilian.", "Military Forces of Ukraine (2019-)"),
    ("On 3 March 2022, Ukrainian soldiers destroyed a Russian T-72B3 tank with a Javelin missile "
     "near Rusaniv, Kyiv.", "Military Forces of Russia (2000-)"),
])
def test_target_from_parse(text, target):
    assert top(text)["target_norm"] == target


def test_property_alone_names_no_civilians():
    """Civilians are a party when people are harmed, not when only buildings are hit."""
    e = top("On 26 March 2022, Russian forces shelled residential areas of Ivanivka, Chernihiv. Casualties unknown.")
    assert e["target_norm"] is None


def test_intercepted_missile_belongs_to_who_fired_it():
    rec = extract("On 2 March 2022, Russian forces fired a missile at Kyiv, but the missile was intercepted "
                  "above the railway station.", input_kind="text", clean=False, published=PUBLISHED)
    [e] = [e for e in rec.to_dict()["events"] if e["action"] == "intercept"]
    assert e["actor_norm"] == "Military Forces of Ukraine (2019-)"  # the home state's air defence
    assert e["target_norm"] == "Military Forces of Russia (2000-)"


def test_displaced_civilians_are_the_actor():
    e = top("Displacement: On 8 March 2022, Russian military forced locals to leave Hostomel, Kyiv, for Belarus.")
    assert e["sub_event_type"] == "Other" and e["actor_norm"] == "Civilians (Ukraine)"


def test_no_civilian_target_for_an_agreement():
    """Harm told in the paragraph names the target of violence only, never of an agreement
    ('... reached an agreement to manufacture drones, according to US intelligence officials')."""
    rec = extract("Moscow and Tehran have reached an agreement to manufacture drones on Russian soil, "
                  "according to US intelligence officials. Russian strikes have killed 12 civilians this week.",
                  input_kind="text", clean=False, published=PUBLISHED)
    [e] = [e for e in rec.to_dict()["events"] if e["sub_event_type"] == "Agreement"]
    assert not (e["target_norm"] or "").startswith("Civilians")


def test_officials_who_act_are_their_government_and_civilians_when_harmed():
    acting = top("Russian officials agreed to supply 300 drones to Belarus, the ministry said.")
    assert acting["actor_norm"] == "Government of Russia (2000-)"
    harmed = top("Russian forces shelled Izium, Kharkiv, killing two local officials.")
    assert (harmed["target_norm"] or "").startswith("Civilians")


@pytest.mark.parametrize("text,actor1,actor2", [
    ("Moscow and Tehran have reached an agreement to manufacture drones, officials said.",
     "Government of Russia (2000-)", "Government of Iran"),
    ("Russian and Ukrainian forces agreed to a local ceasefire near Mariupol on Monday.",
     "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"),
])
def test_agreement_parties_in_acled_naming(text, actor1, actor2):
    """Codebook: an agreement's actors are its parties; a state named by its country or capital
    is its government, a force named as a force stays a force."""
    rec = extract(text, input_kind="text", clean=False, published=PUBLISHED)
    [e] = [e for e in rec.to_dict()["events"] if e["sub_event_type"] == "Agreement"]
    assert (e["actor_norm"], e["target_norm"]) == (actor1, actor2)

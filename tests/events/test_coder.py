"""Event coder: the seed page's events, one sentence per supported sub-event type, modality,
actor naming, non-events, evidence offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from factwire import extract
from factwire.events.actors import normalize_actor

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-drones.txt"


@pytest.fixture(scope="module")
def seed():
    return extract(SEED.read_bytes(), published="2022-11-19")


def find(events, sub=None, action=None, **slots):
    """Events matching a sub-event type / action and slot predicates."""
    out = []
    for e in events:
        if sub and e["sub_event_type"] != sub or action and e["action"] != action:
            continue
        if all(check(e.get(k)) for k, check in slots.items()):
            out.append(e)
    return out


def has_count(value, relation):
    return lambda counts: any(c["value"] == value and c["relation"] == relation for c in counts or [])


def test_seed_agreement(seed):
    [e] = find(seed.to_dict()["events"], "Agreement")
    assert e["event_type"] == "Strategic developments" and e["action"] == "agree"
    assert e["date"]["from"] == "2022-11"
    assert e["sources"][:2] == ["Washington Post report", "US intelligence officials"]
    assert (e["actor_norm"], e["target_norm"]) == ("Government of Russia (2000-)", "Government of Iran")


def test_seed_supply_shipment(seed):
    [e] = find(seed.to_dict()["events"], action="supply", counts=has_count(1000, "eq"))
    assert e["sub_event_type"] == "Other" and e["modality"] == "reported"
    assert e["date"]["from"] == "2022-08"
    assert e["location"]["name"] == "Russia"


def test_seed_missiles_and_drones_are_two_events(seed):
    [m] = find(seed.to_dict()["events"], "Shelling/artillery/missile attack", counts=has_count(150, "approx"))
    [d] = find(seed.to_dict()["events"], "Air/drone strike", counts=has_count(25, "gt"))
    for e in (m, d):
        assert e["action"] == "launch" and e["actor_norm"] == "Military Forces of Russia (2000-)"
        assert e["sources"] == ["Oleksii Hromov"]
        assert e["date"] == {"from": "2022-11-11", "to": "2022-11-19"}
        assert e["evidence"] == m["evidence"]
    assert d["weapon"] == "kamikaze drones" and m["weapon"] == "missiles"


def test_seed_interception(seed):
    [e] = find(seed.to_dict()["events"], "Disrupted weapons use", counts=has_count(100, "gt"))
    assert e["action"] == "intercept" and e["actor_norm"] == "Military Forces of Ukraine (2019-)"


def test_seed_withdrawals(seed):
    found = find(seed.to_dict()["events"], "Non-violent transfer of territory", action="withdraw")
    by_place = {e["location"]["name"]: e["date"]["from"] for e in found}
    assert by_place == {"Kherson": "2022-11-01", "Kharkiv": "2022-09"}


def test_seed_poland_deaths(seed):
    [e] = find(seed.to_dict()["events"], fatalities=lambda n: n == 2)
    assert e["event_type"] == "Explosions/Remote violence"
    assert has_count(2, "eq")(e["counts"]) and e["location"]["name"] == "Poland"


def test_seed_planned_manufacturing(seed):
    assert find(seed.to_dict()["events"], action="manufacture", modality=lambda m: m == "planned")


def test_seed_no_event_from_removed_headline(seed):
    assert all("18" not in seed.text[e["evidence"]["start"]:e["evidence"]["end"]] for e in seed.to_dict()["events"])
    assert not find(seed.to_dict()["events"], counts=has_count(18, "eq"))


def test_evidence_offsets_are_sentences(seed):
    for e in seed.to_dict()["events"]:
        s = seed.text[e["evidence"]["start"]:e["evidence"]["end"]]
        assert s == s.strip() and s[-1] in ".!?\u201d\"" and s[0].isupper()


def code(text: str, published: str = "2022-03-21") -> list[dict]:
    return extract(text, input_kind="text", clean=False, published=published).to_dict()["events"]


def top(text: str) -> dict:
    events = code(text)
    assert events, text
    return max(events, key=lambda e: e["confidence"])


@pytest.mark.parametrize("text,sub", [
    ("On 20 March 2022, Russian forces shelled Avdiivka, Donetsk.", "Shelling/artillery/missile attack"),
    ("On 20 March 2022, Russian aircraft carried out an airstrike on Chernihiv.", "Air/drone strike"),
    ("On 20 March 2022, Russian forces clashed with Ukrainian forces near Izium.", "Armed clash"),
    ("On 20 March 2022, Ukrainian forces shot down a Russian drone over Kharkiv.", "Disrupted weapons use"),
    ("On 20 March 2022, Ukrainian forces retook Irpin after heavy fighting.", "Government regains territory"),
    ("On 20 March 2022, Russian forces withdrew from Bucha.", "Non-violent transfer of territory"),
    ("On 20 March 2022, a civilian car hit a landmine near Izium in Kharkiv region, and the driver was wounded.", "Remote explosive/landmine/IED"),
    ("On 20 March 2022, Russian soldiers shot dead two civilians in Bucha.", "Attack"),
    ("On 20 March 2022, Russian forces abducted the mayor of Melitopol.", "Abduction/forced disappearance"),
    ("On 20 March 2022, residents protested against the occupation in Kherson.", "Peaceful protest"),
    ("On 20 March 2022, Russia and Ukraine agreed a ceasefire around Mariupol.", "Agreement"),
    ("On 20 March 2022, Russian forces looted shops in Bucha.", "Looting/property destruction"),
    ("On 20 March 2022, civilians were evacuated from Sumy.", "Other"),
])
def test_sub_event_types(text, sub):
    assert top(text)["sub_event_type"] == sub


@pytest.mark.parametrize("text,modality", [
    ("Russia plans to launch more missiles at Kyiv.", "planned"),
    ("Russia will launch more missiles at Kyiv next week.", "planned"),
    ("Russia may launch more missiles at Kyiv.", "hypothetical"),
    ("Moscow denied launching missiles at Kyiv.", "denied"),
    ("Russia launched missiles at Kyiv on Sunday.", "reported"),
])
def test_modality(text, modality):
    assert top(text)["modality"] == modality


@pytest.mark.parametrize("text,home,name", [
    ("Russian forces", None, "Military Forces of Russia (2000-)"),
    ("the Ukrainian army", None, "Military Forces of Ukraine (2019-)"),
    ("Russia", None, "Military Forces of Russia (2000-)"),
    ("DPR rebels", None, "NAF: United Armed Forces of Novorossiya"),
    ("the Donetsk People's Militia", None, "NAF: United Armed Forces of Novorossiya"),
    ("two civilians", "Ukraine", "Civilians (Ukraine)"),
    ("protesters", "Ukraine", "Protesters (Ukraine)"),
    ("unidentified gunmen", "Ukraine", "Unidentified Armed Group (Ukraine)"),
    ("Ukrainian police", None, "Police Forces of Ukraine (2019-)"),
    ("a bridge", "Ukraine", None),
])
def test_actor_names(text, home, name):
    assert normalize_actor(text, home) == name


@pytest.mark.parametrize("text", [
    "Ukraine has pleaded with its allies since the start of the war to help against air strikes.",
    "Did Russia launch missiles at Kyiv on Sunday?",
    "\u201cThe bombing of Kyiv will be punished and every attack answered,\u201d the prosecutor told the trial.",
    "Investigators questioned the parents of the two bombing suspects.",
])
def test_no_event(text):
    assert code(text) == []


def test_fatalities_at_least():
    e = top("On 7 April 2022, Russian forces shelled Kharkiv, as a result of which at least 3 civilians were killed.")
    assert e["fatalities"] == 3 and e["target_norm"] == "Civilians (Ukraine)"


def test_date_is_never_guessed():
    assert top("Russian forces shelled Avdiivka.")["date"] is None


def test_seed_launch_location_is_target_not_actor(seed):
    """ACLED codes where the effect lands: 'Russia has launched ... against Ukraine' is in
    Ukraine (or unplaced), never in the launching country."""
    launches = find(seed.to_dict()["events"], action="launch", actor=lambda a: a == "Russia")
    assert launches
    for e in launches:
        assert (e["location"] or {}).get("name") in ("Ukraine", None)


@pytest.mark.parametrize("text,place", [
    ("On 20 March 2022, Russia launched missiles against Ukraine.", "Ukraine"),
    ("On 20 March 2022, Russia fired rockets at Kharkiv.", "Kharkiv"),
    ("On 20 March 2022, Belarus launched missiles on targets in Zhytomyr.", "Zhytomyr"),
    ("On 20 March 2022, Russia shelled positions near Izium.", "Izium"),
    ("On 20 March 2022, Ukraine intercepted drones over Kyiv.", "Kyiv"),
])
def test_attack_location_is_target_area(text, place):
    assert top(text)["location"]["text"] == place


@pytest.mark.parametrize("text", [
    "On 20 March 2022, Russia launched 30 cruise missiles.",
    "Russia has launched approximately 150 missiles since November 11.",
])
def test_attack_location_null_when_only_actor_country_known(text):
    assert top(text)["location"] is None

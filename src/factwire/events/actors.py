"""Actor names in ACLED's naming style (codebook, "Actor names, types and inter codes"):
state forces are "Military Forces of <Country> (<regime start>-)", police "Police Forces of
<Country> (<start>-)", and the unnamed are "Civilians (<Country>)", "Protesters (<Country>)",
"Rioters (<Country>)", "Unidentified Armed Group (<Country>)".

The regime periods are the public ACLED actor names for the governments concerned
(Russia: Putin era from 2000; Ukraine: Zelensky government from 2019; Belarus: Lukashenko
from 1994). Other countries get no period tag rather than a guessed one.
"""
from __future__ import annotations

import re

#: demonym / name -> country (general knowledge; what conflict news in English uses).
COUNTRY_WORDS: dict[str, str] = {
    "russia": "Russia", "russian": "Russia", "russians": "Russia", "moscow": "Russia",
    "kremlin": "Russia",
    "ukraine": "Ukraine", "ukrainian": "Ukraine", "ukrainians": "Ukraine", "kyiv": "Ukraine",
    "kiev": "Ukraine",
    "belarus": "Belarus", "belarusian": "Belarus", "iran": "Iran", "iranian": "Iran",
    "tehran": "Iran", "poland": "Poland", "polish": "Poland", "syria": "Syria",
    "syrian": "Syria", "iraq": "Iraq", "iraqi": "Iraq", "afghanistan": "Afghanistan",
    "afghan": "Afghanistan", "israel": "Israel", "israeli": "Israel", "turkey": "Turkey",
    "turkish": "Turkey", "us": "United States", "u.s.": "United States",
    "american": "United States", "america": "United States", "united states": "United States",
    "nigeria": "Nigeria", "nigerian": "Nigeria", "somalia": "Somalia", "somali": "Somalia",
    "pakistan": "Pakistan", "pakistani": "Pakistan", "yemen": "Yemen", "yemeni": "Yemen",
    "egypt": "Egypt", "egyptian": "Egypt", "libya": "Libya", "libyan": "Libya",
    "mali": "Mali", "malian": "Mali", "france": "France", "french": "France",
    "britain": "United Kingdom", "british": "United Kingdom", "uk": "United Kingdom",
    "india": "India", "indian": "India", "china": "China", "chinese": "China",
    "georgia": "Georgia", "georgian": "Georgia", "moldova": "Moldova", "moldovan": "Moldova",
}
ISO2_COUNTRY: dict[str, str] = {
    "UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "IR": "Iran", "PL": "Poland",
    "SY": "Syria", "IQ": "Iraq", "AF": "Afghanistan", "IL": "Israel", "TR": "Turkey",
    "US": "United States", "NG": "Nigeria", "SO": "Somalia", "PK": "Pakistan", "YE": "Yemen",
    "EG": "Egypt", "LY": "Libya", "ML": "Mali", "FR": "France", "GB": "United Kingdom",
    "IN": "India", "CN": "China", "GE": "Georgia", "MD": "Moldova",
}
#: ACLED period tags of current governments' forces (see module docstring).
PERIODS: dict[str, str] = {"Russia": "2000-", "Ukraine": "2019-", "Belarus": "1994-"}

NOVOROSSIYA = "NAF: United Armed Forces of Novorossiya"
#: Donbas separatist forces (ACLED folds DPR and LPR forces into NAF).
REBEL_RE = re.compile(
    r"\b(naf|dpr|lpr|separatists?|rebels?|novorossiya|people'?s militia|people'?s republic|"
    r"militia of the (?:donetsk|luhansk))\b", re.I)
#: Police and the state's other internal security bodies. ACLED's codebook names security
#: services and border guards as police branches ('Police Forces of <Country> (<start>-)
#: State Border Guard Service'), not as military forces.
POLICE_RE = re.compile(r"\b(police|policemen|policeman|officers|security forces|sbu|fsb|"
                       r"security service|border guards?|border service|border guard service|"
                       r"border patrol|intelligence service|gendarmerie)\b", re.I)
FORCE_RE = re.compile(
    r"\b(forces?|troops?|army|military|soldiers?|servicem[ae]n|armed|navy|air ?force|"
    r"aviation|units?|battalions?|brigades?|paratroopers|marines|guards?|defen[cs]es?|fighters|"
    r"artillery|positions?|government|governmental|occupiers|invaders|tanks?)\b", re.I)
CIVILIAN_RE = re.compile(
    r"\b(civilians?|residents?|people|persons?|man|men|woman|women|child|children|boy|girl|"
    r"family|families|villagers?|locals?|journalists?|mayor|priest|volunteers?|students?|"
    r"farmers?|workers?|teachers?|doctors?|patients?|passengers?|pedestrians?|elderly|"
    r"citizens?|hostages?|inhabitants?|neighborhoods?|homes?|houses?|hospital|school|refugees?|"
    r"orphans?|evacuees?|displaced)\b", re.I)
#: People who are not combatants (CIVILIAN_RE without buildings): ACLED names civilians as a
#: party only when people are targeted or harmed, not when property alone is hit (codebook:
#: violence against civilians is violence against unarmed non-combatants).
CIVILIAN_PEOPLE_RE = re.compile(
    r"\b(civilians?|residents?|people|persons?|man|men|woman|women|child|children|boy|girl|"
    r"family|families|villagers?|locals?|journalists?|mayor|priests?|volunteers?|students?|"
    r"farmers?|workers?|teachers?|doctors?|nurses?|patients?|passengers?|pedestrians?|elderly|"
    r"citizens?|hostages?|inhabitants?|refugees?|orphans?|evacuees?|displaced|pensioners?|"
    r"activists?|drivers?|employees?|staff|officials?|head|deputy|councill?ors?|director|"
    r"professor|businessm[ae]n|minors?|kids?|wife|husband|mother|father|son|daughter)\b", re.I)
#: Members of armed forces named by rank or role ('the deputy commander', 'the pilot').
COMBATANT_RE = re.compile(r"\b(commanders?|generals?|colonels?|majors?|officers?|pilots?|crews?|"
                          r"snipers?|saboteurs?|sabotage|mercenar(?:y|ies)|combatants?|militiam[ae]n|"
                          r"conscripts?|recruits?|reservists?|sailors?)\b", re.I)
#: Military sites (general military English): hitting one is hitting the force that holds it.
MILITARY_SITE_RE = re.compile(r"\b(military (?:base|unit|facility|facilities|airfield|airport|"
                              r"warehouse|infrastructure|object|target)s?|air ?base|airfield|airdrome|"
                              r"aerodrome|"
                              r"barracks|checkpoints?|block ?posts?|ammunition (?:depot|warehouse)s?|"
                              r"fuel depots?|training (?:ground|centre|center)|command (?:post|centre|center)|"
                              r"radar|garrison|trenches|fortifications?|staging (?:camp|area|point)s?|"
                              r"supply (?:point|depot|base|hub)s?|field camps?|military camps?)\b", re.I)
#: A state's own side named without the state ("governmental positions", "government troops").
GOVERNMENT_RE = re.compile(r"\b(government|governmental|government-controlled)\b", re.I)
#: The state acting as a state, not by its forces (ACLED codebook: 'Government of <Country>
#: (<start>-)' for the executive and legislature - decrees, diplomatic acts, laws).
STATE_BODY_RE = re.compile(r"\b(president|prime minister|government|parliament|verkhovna rada|"
                           r"rada|duma|cabinet|ministry|ministries|authorities|administration)\b",
                           re.I)
#: State bodies that are always the home state's own when named without a country ('the
#: National Guard', 'territorial defence', 'border guards', 'police' in a Ukrainian town).
DOMESTIC_FORCE_RE = re.compile(r"\b(national guard|territorial defen[cs]e|border guards?|"
                               r"police|security service)\b", re.I)
#: A weapon, military vehicle or attack of a named country stands for that country's forces ('a
#: Russian missile hit ...', 'Ukrainian Bayraktar drones destroyed ...', 'Russian shelling
#: destroyed ...') - general military English.
PLATFORM_RE = re.compile(r"\b(jets?|aircraft|planes?|warplanes?|helicopters?|drones?|uavs?|"
                         r"unmanned|bayraktars?|missiles?|rockets?|ships?|warships?|vessels?|"
                         r"fleet|tanks?|vehicles?|columns?|convoys?|artillery|howitzers?|mortars?|"
                         r"launchers?|shells?|bombs?|mines?|grads?|su-\d+|airstrikes?|"
                         r"air strikes?|strikes?|shelling|bombing|attacks?|raids?)\b", re.I)
#: ACLED's branch suffixes ('Military Forces of Russia (2000-) Air Force'); the first match wins.
BRANCHES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"\bnational guard\b", re.I), "National Guard"),
    (re.compile(r"\b(air ?forces?|aviation|jets?|aircraft|warplanes?|helicopters?|bombers?|"
                r"su-\d+|bayraktars?|unmanned aerial)\b", re.I), "Air Force"),
    (re.compile(r"\b(navy|naval|fleet|warships?|marines)\b", re.I), "Navy"),
    (re.compile(r"\bborder guards?\b|\bborder service\b", re.I), "State Border Guard Service"),
)
PROTESTER_RE = re.compile(r"\b(protesters?|protestors?|demonstrators?|activists?|rally)\b", re.I)
RIOTER_RE = re.compile(r"\b(rioters?|mob)\b", re.I)
#: Unnamed armed people; 'unknown'/'unidentified' only of people ('unknown weapons' is no actor).
UNIDENTIFIED_RE = re.compile(r"\b(gunm[ae]n|assailants?|attackers?|militants?|bombers?|"
                             r"armed (?:men|group|groups|individuals|persons|people)|"
                             r"(?:unidentified|unknown) (?:armed )?(?:individuals?|persons?|people|men|"
                             r"groups?|attackers?|assailants?|perpetrators?|saboteurs?|forces|soldiers|"
                             r"gunm[ae]n|militants?))\b", re.I)
COUNTRY_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, COUNTRY_WORDS), key=len, reverse=True)) + r")\b", re.I)
#: Joins of several parties in one mention: ACLED's actor1 is the first, the others are its
#: associates ('Russian forces and LPR militia' -> Military Forces of Russia).
PARTY_JOIN_RE = re.compile(r",?\s+(?:and|as well as|along with|together with|supported by|"
                           r"backed by|with the support of|including)\s+|,\s+", re.I)


def country_in(text: str) -> str | None:
    """The first country named (or implied by a demonym/capital) in `text`."""
    m = COUNTRY_RE.search(text)
    return COUNTRY_WORDS[m.group(1).lower()] if m else None


def state_force(country: str, kind: str = "Military", branch: str | None = None) -> str:
    """'Military Forces of Russia (2000-)' style name (with ACLED's branch suffix if given)."""
    period = PERIODS.get(country)
    name = f"{kind} Forces of {country}" + (f" ({period})" if period else "")
    return f"{name} {branch}" if branch else name


def government(country: str) -> str:
    """'Government of Ukraine (2019-)': the state acting through its executive or legislature."""
    period = PERIODS.get(country)
    return f"Government of {country}" + (f" ({period})" if period else "")


def normalize_actor(text: str | None, home: str | None = None) -> str | None:
    """An ACLED-style name for a mention as written; `home` is the country where the event
    happened (civilians, protesters, unidentified groups and the state's domestic bodies are
    named by it). None when the mention names no kind of actor ACLED would code (a place, a
    thing, a building). Of several joined parties the first is named (ACLED's actor1)."""
    if not text:
        return None
    first = PARTY_JOIN_RE.split(text, maxsplit=1)[0]
    if first != text:
        # 'an ammunition warehouse and gas reserves of Russian forces': the owner is at the end
        name = _normalize_one(first, country_in(text) or home)
        if name is not None:
            return name
    return _normalize_one(text, home)


#: A building of a body is property, not the body ('the Regional State Administration
#: building', 'the Security Service Office'): hitting it names no actor by itself.
PROPERTY_HEAD_RE = re.compile(r"\b(building|buildings|office|offices|premises|headquarters)$", re.I)


def _normalize_one(text: str, home: str | None) -> str | None:
    """`normalize_actor` for a single party (checks in order of specificity)."""
    if PROPERTY_HEAD_RE.search(text.strip(" .,;:")) and not MILITARY_SITE_RE.search(text):
        return None
    if REBEL_RE.search(text):
        return NOVOROSSIYA
    country = country_in(text)
    if PROTESTER_RE.search(text):
        return f"Protesters ({country or home or 'Unknown'})" if (country or home) else "Protesters"
    if RIOTER_RE.search(text):
        return f"Rioters ({home or country})" if (home or country) else "Rioters"
    if POLICE_RE.search(text) and (country or home) and not _military_unit(text):
        return state_force(country or home, "Police", _branch(text))
    if UNIDENTIFIED_RE.search(text) and not (country and FORCE_RE.search(text)):
        return f"Unidentified Armed Group ({home or country})" if (home or country) else "Unidentified Armed Group"
    if STATE_BODY_RE.search(text) and not FORCE_RE.search(text) and (country or home):
        return government(country or home)
    if CIVILIAN_PEOPLE_RE.search(text) and not (FORCE_RE.search(text) or COMBATANT_RE.search(text)
                                                or MILITARY_SITE_RE.search(text)):
        place = home or country
        return f"Civilians ({place})" if place else "Civilians"
    return _armed_state(text, country, home)


def _armed_state(text: str, country: str | None, home: str | None) -> str | None:
    """A state's military: '<country> forces', a bare state name, a country's weapon or
    vehicle, or a domestic force named without its country (the home state's)."""
    if country and (FORCE_RE.search(text) or COMBATANT_RE.search(text) or PLATFORM_RE.search(text)
                    or _is_bare_country(text)):
        return state_force(country, branch=_branch(text))
    if MILITARY_SITE_RE.search(text) and (country or home):
        return state_force(country or home)  # 'a Ukrainian checkpoint', 'a military base'
    if not country and home and DOMESTIC_FORCE_RE.search(text):
        return state_force(home, branch=_branch(text))
    if not country and home and GOVERNMENT_RE.search(text):
        return state_force(home)  # 'the governmental positions': the state where it happens
    return None


def _military_unit(text: str) -> bool:
    """'officers of the Special Forces', 'army officers': 'officers' of a military unit."""
    return bool(re.search(r"\bofficers\b", text, re.I) and re.search(
        r"\b(forces|army|military|brigade|battalion|regiment)\b", text, re.I))


def _branch(text: str) -> str | None:
    for pattern, name in BRANCHES:
        if pattern.search(text):
            return name
    return None


def _is_bare_country(text: str) -> bool:
    """'Russia', "Russia's", 'the Russians', 'Moscow': a state named alone acts by its forces."""
    words = re.sub(r"['\u2019]s\b", "", text.lower()).replace("the ", "").strip()
    parts = re.split(r"\s*(?:,|\band\b)\s*", words)
    return all(p in COUNTRY_WORDS for p in parts if p)

"""ACLED's taxonomy and the trigger lexicon, written from ACLED's public codebook (2019-2024
editions: "Definitions of ACLED event and sub-event types") and general English, never from
ACLED rows.

The spaCy pipeline runs without a lemmatizer (facts.nlp drops it for speed), so each trigger is
listed by its base form and `inflect` expands the regular forms; irregular ones are listed.
"""
from __future__ import annotations

#: sub-event type -> event type (ACLED codebook, 6 types / 25 sub-event types).
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

#: action -> base trigger words (verbs and event nouns). Codebook wording: "clash", "attack",
#: "shelling", "air strike", "intercept(ion)", "abduct", "arrest", "loot", "protest", ...
ACTION_WORDS: dict[str, tuple[str, ...]] = {
    "shell": ("shell", "bombard", "bombardment", "barrage", "pound", "shelling"),
    "fire": ("fire", "projectile"),
    "launch": ("launch",),
    "strike": ("strike", "airstrike", "air-strike", "hit", "target", "raid", "bomb", "bombing", "drop",
               "destroy"),
    "explode": ("explode", "explosion", "blast", "detonate", "detonation", "blow", "go"),
    "attack": ("attack", "assault", "ambush", "storm", "offensive", "advance", "counterattack",
               "counter-attack", "counteroffensive", "beat", "torture", "break", "throw", "hurl"),
    "clash": ("clash", "fight", "battle", "firefight", "skirmish", "gunfight", "shootout",
              "engage", "fighting", "exchange"),
    "shoot": ("shoot", "gun", "burst"),
    "kill": ("kill", "murder", "execute", "execution", "massacre", "slay", "behead",
             "assassinate", "assassination"),
    "injure": ("injure", "wound", "hurt", "maim"),
    "intercept": ("intercept", "interception", "repel", "repulse", "defuse", "neutralize",
                  "neutralise", "block", "down"),
    "capture": ("capture", "seize", "occupy", "take", "overrun", "enter", "gain"),
    "regain": ("recapture", "retake", "regain", "liberate", "reclaim", "recover"),
    "withdraw": ("withdraw", "withdrawal", "retreat", "pull", "abandon"),
    "abduct": ("abduct", "abduction", "kidnap", "kidnapping", "hostage"),
    "arrest": ("arrest", "detain", "detention", "apprehend"),
    "rape": ("rape",),
    "loot": ("loot", "looting", "plunder", "pillage", "ransack", "vandalize", "vandalise",
             "torch", "burn"),
    "protest": ("protest", "rally", "demonstrate", "demonstration", "march", "picket",
                "sit-in", "strike", "gather"),
    "riot": ("riot", "rioting", "lynch", "mob"),
    "agree": ("agree", "agreement", "deal", "ceasefire", "cease-fire", "truce", "accord",
              "treaty", "sign", "swap"),
    "supply": ("supply", "ship", "shipment", "deliver", "delivery", "transfer", "send",
               "provide", "give", "sell", "sale"),
    "manufacture": ("manufacture", "manufacturing", "produce", "production", "build"),
    "displace": ("evacuate", "evacuation", "flee", "displace", "displacement"),
    "establish": ("establish", "set"),
    "move": ("move", "movement", "redeploy", "redeployment", "deploy", "deployment", "regroup",
             "relocate", "mobilise", "mobilize", "mobilisation", "mobilization", "amass",
             "concentrate", "arrive", "land"),
}

#: Irregular inflections of trigger verbs (general English).
IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shot", "shots", "shooting"), "hit": ("hitting",), "fight": ("fought",),
    "take": ("took", "taken", "taking"), "blow": ("blew", "blown"), "give": ("gave", "given"),
    "send": ("sent",), "sell": ("sold",), "build": ("built",), "withdraw": ("withdrew", "withdrawn"),
    "slay": ("slain", "slew"), "flee": ("fled",), "set": ("setting",), "overrun": ("overran",),
    "strike": ("struck", "stricken", "striking"), "bomb": ("bombed", "bombing"),
    "shell": ("shelled", "shelling"), "pound": ("pounded",), "down": ("downed", "downing"),
    "gun": ("gunned",), "go": ("went", "gone"), "beat": ("beaten", "beating"),
    "retake": ("retook", "retaken"), "break": ("broke", "broken"), "throw": ("threw", "thrown"),
    "repel": ("repelled", "repelling"), "hurt": ("hurting",), "lynch": ("lynched",),
}

#: Nouns that name a weapon class; `WEAPON_CLASS` decides the Explosions sub-event from them
#: (codebook: air/drone strike = air or drone; shelling = artillery, missiles, rockets, mortars).
WEAPON_CLASSES: dict[str, tuple[str, ...]] = {
    "air": ("airstrike", "air strike", "air raid", "airstrikes", "air strikes", "air raids",
            "drone", "uav", "aviation", "unmanned aerial", "aerial vehicle", "air bomb",
            "aerial bomb", "glide bomb",
            "air force", "shahed", "bayraktar", "lancet", "orlan", "kamikaze"),
    "shelling": ("shell", "artillery", "mortar", "missile", "rocket", "howitzer", "mlrs",
                 "grad", "uragan", "smerch", "tornado", "iskander", "kalibr", "cannon",
                 "tank", "launcher", "rpg", "projectile", "munition", "cluster", "heavy weapon",
                 "air defense", "air defence", "caliber", "calibre", "ballistic", "cruise",
                 "s-300", "tochka", "mm", "bmp", "anti-aircraft", "heavy machine",
                 "heavy machinegun", "heavy machine-gun",
                 "javelin", "stinger", "nlaw",  # man-portable missiles (general knowledge)
                 "anti-tank"),
    "ied": ("ied", "landmine", "mine", "explosive device", "roadside bomb", "car bomb",
            "pipe bomb", "booby", "tripwire", "bomb", "explosive", "pressure cooker"),
    "suicide": ("suicide",),
    "grenade": ("grenade",),
    "chemical": ("chemical weapon", "chemical attack", "chemical agent", "chemical munition", "sarin",
                 "chlorine", "nerve agent", "toxic gas"),
    "manned": ("jet", "aircraft", "warplane", "plane", "helicopter", "su-", "bomber", "fighter jet"),
    "small_arms": ("small arms", "small-arms", "rifle", "gunfire", "machine gun", "machinegun", "machine-gun",
                   "sniper", "gun", "pistol",
                   "firearm", "automatic weapon", "bullet", "ak-47", "gunman", "gunmen",
                   "knife", "sword", "machete"),
}

#: Order in which weapon classes decide a sub-event when several occur: specific before
#: generic ("grenade launcher" is shelling; "suicide car bomb" a suicide bomb).
WEAPON_PRIORITY = ("chemical", "suicide", "air", "manned", "shelling", "grenade", "ied", "small_arms")

WEAPON_SUB_EVENT: dict[str, str] = {
    "air": "Air/drone strike",
    "manned": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "suicide": "Suicide bomb",
    "grenade": "Grenade",
    "chemical": "Chemical weapon",
}


def inflect(base: str) -> set[str]:
    """Regular inflections of an English verb/noun base (no lemmatizer in the pipeline)."""
    forms = {base, base + "s", base + "es"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ied", base[:-1] + "ies", base + "ing"}
    else:
        forms |= {base + "ed", base + "ing"}
        if len(base) > 2 and base[-1] in "bdgmnpt" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms | set(IRREGULAR.get(base, ()))


#: Regular forms that are other words in English: "according (to)" is attribution, not an
#: accord; "downing" and "downs" mostly the street / the plural of down.
NOT_TRIGGER_FORMS = frozenset({"according", "accorded", "downs", "settings", "giving", "gos",
                               "goed", "goe"})


def build_trigger_forms() -> dict[str, str]:
    """word form -> action; the first action listing a form wins (ACTION_WORDS order)."""
    forms: dict[str, str] = {}
    for action, bases in ACTION_WORDS.items():
        for base in bases:
            for form in inflect(base):
                forms.setdefault(form, action)
    for form in NOT_TRIGGER_FORMS:
        forms.pop(form, None)
    return forms


TRIGGER_FORMS: dict[str, str] = build_trigger_forms()


#: Casualty actions describe another event's outcome; alone they need a named perpetrator.
CASUALTY = frozenset({"kill", "injure"})
#: ACLED names of armed actors (see actors.normalize_actor).
ARMED_NAMES = ("Military Forces", "Police Forces", "NAF", "Unidentified Armed Group")
#: Event types of one incident family: a bombing told later as 'the attack' is one incident.
VIOLENT_FAMILY = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
#: ACLED name prefixes of the state's armed sides and the Donbas separatists (NAF).
STATE_SIDES = ("Military", "Police", "NAF")
#: ACLED name prefixes of any armed side (STATE_SIDES and unidentified armed groups).
ARMED_SIDES = ("Military", "Police", "NAF", "Unidentified")
#: ACLED name prefixes of the military sides of a battle (codebook: two armed groups).
MILITARY_SIDES = ("Military Forces", "NAF")
#: ACLED names a state's government replaces when it agrees, as a party (codebook: agreements).
GOVERNMENT_STAND_INS = ("Military Forces", "Civilians")

"""Filling an event's slots from the parse and the facts already on the record: who acted, on
whom, with what, how many died, where, when, and who says so.
"""
from __future__ import annotations

import re

from .actors import FORCE_RE, country_in, normalize_actor
from .codebook import TRIGGER_FORMS, WEAPON_CLASSES, WEAPON_PRIORITY

#: Dependency labels of the doer / the done-to (spaCy's ClearNLP scheme).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
TARGET_PREPS = frozenset({"at", "on", "against", "upon", "into", "in", "near"})
#: Modifier deps kept when a head noun is grown into its phrase ("the NAF rebel forces").
PHRASE_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "quantmod", "case", "nmod",
                         "prep", "pobj", "conj", "cc", "advmod", "npadvmod", "punct"})
PRONOUNS = frozenset({"it", "they", "its", "their", "them", "he", "she", "his", "her"})
#: Pronouns that stand for a state or group (resolved to the last country/organisation).
GROUP_PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
#: Quantity items that measure time or calibre, not things or people.
NON_COUNT_ITEMS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                             "hour", "hours", "minute", "minutes", "mm", "km", "kilometers",
                             "kilometres", "miles", "percent", "%", "times", "nations"})
DEATH_WORDS = frozenset({"kill", "killed", "killing", "kills", "dead", "died", "die", "dies",
                         "death", "deaths", "dying", "lives", "fatalities", "bodies", "slain",
                         "executed", "murdered", "massacred"})
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
#: Quick first check: does a text hold any weapon word at all?
ANY_WEAPON = re.compile(r"\b(" + "|".join(map(re.escape, sorted(
    {w for words in WEAPON_CLASSES.values() for w in words}, key=len, reverse=True))) + r")", re.I)
WEAPON_PATTERNS = {cls: re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")", re.I)
                   for cls, words in WEAPON_CLASSES.items()}


def doc_text(doc) -> str:
    """The Doc's text, built once: spaCy joins every token on each `doc.text` access, which
    made the coder slower than the parser."""
    text = doc.user_data.get("factwire_text")
    if text is None:
        text = doc.user_data["factwire_text"] = doc.text
    return text


def phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` (prepositions other than "of" and
    clauses left out: "positions of the Donetsk People's Militia near X" -> up to Militia)."""
    keep = [tok]
    stack = list(tok.children)
    preps = _member_preps(tok)
    while stack:
        c = stack.pop()
        if c.dep_ not in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ not in preps):
            continue
        if c.dep_ == "punct" and c.text not in ("-", "'", "\u2019"):
            continue
        keep.append(c)
        stack.extend(c.children)
    start = min(t.idx for t in keep)
    end = max(t.idx + len(t) for t in keep)
    return start, end


#: Nouns for members of an unnamed force: their 'with'/'from' phrase names the force
#: ('soldiers with the Ukrainian 72nd Mechanized Brigade', 'fighters from the Azov battalion').
MEMBER_NOUNS = frozenset({"soldiers", "soldier", "troops", "fighters", "servicemen", "serviceman",
                          "members", "member", "units", "unit", "officers", "men"})


def _member_preps(tok) -> frozenset[str]:
    """Prepositions kept in the phrase of `tok`: 'of' always; 'with'/'from' for members of a
    force not named in the noun's own modifiers."""
    if tok.lower_ in MEMBER_NOUNS and not any(country_in(c.text) for c in tok.lefts):
        return frozenset({"of", "with", "from"})
    return frozenset({"of"})


def phrase_text(tok) -> str:
    """The noun phrase of `tok` as written, without its conjuncts ('Russian forces' of
    'Russian forces and Ukrainian forces') and a trailing possessive."""
    skip = {x.i for c in tok.children if c.dep_ in ("conj", "cc", "relcl", "acl", "appos")
            or (c.dep_ == "prep" and c.lower_ != "of") for x in c.subtree}
    words = [x for x in tok.subtree if x.i not in skip and x.dep_ != "punct"]
    text = tok.doc[words[0].i: words[-1].i + 1].text if words else tok.text
    return re.sub(r"['\u2019]s$", "", text.strip(" ,.;:"))


def argument(trigger, deps: frozenset[str]):
    """The child of `trigger` in `deps`; a date or number the parser took for a subject
    ('Around 29 March, Russian forces ...') is passed over for a real one."""
    found = [c for c in trigger.children if c.dep_ in deps]
    real = [c for c in found if c.ent_type_ not in NOT_PARTY_ENTS and not c.like_num]
    if len(real) > 1:  # a misparse with two subjects ('Movement of forces: ... a column ... was moving')
        real.sort(key=lambda c: abs(c.i - trigger.i))
    return (real or found or [None])[0]


def agent(trigger):
    """pobj of 'by' under a passive trigger ('was shelled by Russian forces')."""
    for c in trigger.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


#: Entity labels of a prepositional object that is a time or amount, never a party
#: ('On 18 February', 'in 2022').
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT"})


def prep_object(trigger, preps: frozenset[str]):
    """pobj of the first prep child in `preps` ('fired mortars at the positions'); a date
    ('On 18 February') is no object."""
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTY_ENTS:
                    return g
    return None


def is_passive(verb) -> bool:
    """'was shot down', 'were repelled': the grammatical subject is the done-to."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def misparsed_subject(verb):
    """'Russian forces destroyed by shelling a school' is often parsed as a noun phrase with a
    participle modifier (acl) and no main verb; the noun is then the subject of the verb."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.tag_ not in ("VBD", "VBN") or agent(verb) is not None:
        return None
    return head


def root_party(tok):
    """'Ukrainian forces through an artillery attack fired on X' parsed with the noun as the
    sentence root and no main verb: the root noun, when it names an armed party, is the doer."""
    root = tok.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= tok.i or root == tok:
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), root)
    name = normalize_actor(" ".join(x.text for x in subj.subtree if x.i < tok.i and x.dep_ != "prep"))
    return subj if name and name.startswith(("Military", "Police", "NAF", "Unidentified")) else None


def between_parties(trig):
    """('Russian forces', 'Ukrainian forces') tokens of 'fighting took place between Russian
    forces and Ukrainian forces' (the 'between' hung on the verb the trigger is subject of), or
    of 'between Russian and Ukrainian forces' (the two country adjectives)."""
    host = trig.head if trig.dep_ in ("nsubj", "nsubjpass", "attr") else trig
    pobj = prep_object(host, frozenset({"between"})) or prep_object(trig, frozenset({"between"}))
    if pobj is None:
        return None
    if pobj.conjuncts:
        return pobj, pobj.conjuncts[0]
    adjs = [c for c in pobj.children if c.dep_ in ("amod", "compound") and country_in(c.text)]
    adjs += [x for a in adjs for x in a.conjuncts if country_in(x.text)]
    return (adjs[0], adjs[1]) if len(adjs) >= 2 else None


#: Head nouns of a thing that cannot act by itself: a weapon's part, a vehicle group, a blast
#: (general English); the doer is its owner or whoever is said to have used it.
THING_HEADS = frozenset({"column", "columns", "convoy", "convoys", "vehicle", "vehicles",
                         "explosion", "explosions", "blast", "fragments", "fragment", "debris",
                         "wreckage", "shrapnel", "one", "some", "part", "remains"})


def is_thing(tok) -> bool:
    """A subject that is a weapon, vehicle or blast, not a party ('One of the shells hit',
    'a column of military vehicles was moving'); force nouns that double as weapons ('the air
    forces', 'Russian artillery') stay parties."""
    if FORCE_RE.fullmatch(tok.text):
        return False
    if tok.lower_ in THING_HEADS or weapon_of([tok])[0] is not None:
        return True
    return False


def owner_of(tok):
    """The party a thing belongs to: 'a column ... belonging to the Russian military forces',
    'tanks of Russian forces', "Russia's missiles"; None if none is named."""
    for x in tok.subtree:
        if x.dep_ == "acl" and x.lower_ in ("belonging", "belonged", "owned"):
            found = prep_object(x, frozenset({"to", "by"}))
            if found is not None:
                return found
    for c in tok.children:
        if c.dep_ == "poss" and normalize_actor(c.text):
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.lower_ in THING_HEADS or weapon_of([pobj])[0]):
                return owner_of(pobj)  # 'one of the shells', 'a column of military vehicles'
            if pobj is not None and normalize_actor(" ".join(x.text for x in pobj.subtree)):
                return pobj
    return None


def country_marked(tok) -> bool:
    """Does the thing's own phrase name a country ('a Russian air force missile', 'Ukrainian
    Bayraktar drones')? Then the thing stands for that country's forces."""
    return any(country_in(x.text) for x in tok.subtree
               if x.i < tok.i and x.dep_ in ("amod", "compound", "nmod", "poss"))


#: Generic words for what is fired, not whom it is fired at ('fired unspecified weapons at').
GENERIC_MEANS = frozenset({"weapon", "weapons", "arms", "ammunition", "munitions", "rounds",
                           "salvo", "salvos", "volley", "volleys", "systems", "shots", "fire"})
#: Nouns of an operation, not a party ('launched an offensive operation against X').
OPERATION_NOUNS = frozenset({"operation", "operations", "offensive", "offensives", "attack",
                             "attacks", "assault", "strike", "strikes", "fire", "raid", "raids"})
AIM_PREPS = frozenset({"at", "on", "against", "upon"})
#: Verbs that project what they take as object ('fired mortars', 'launched missiles',
#: 'dropped bombs'): that object is the means, not the target (prefixes of the forms).
PROJECT_VERBS = ("fir", "launch", "drop", "us", "deploy", "lob", "throw", "threw", "shot",
                 "shoot", "conduct", "carr")


def is_means(tok) -> bool:
    """What is fired or used (a weapon, 'unspecified weapons', 'fire'), not a target."""
    return weapon_of([tok])[0] is not None or tok.lower_ in GENERIC_MEANS


def aimed_in_clause(verb):
    """The first 'at/on/against' object anywhere in the verb's own clause, after the verb: the
    parser may hang 'at the positions' on a misparsed conjunct ('fired mortars and grenade
    launchers at the positions'). A date is no target; a clause with its own subject is
    another event's."""
    for t in verb.subtree:
        if t.i <= verb.i or t.dep_ != "prep" or t.lower_ not in AIM_PREPS:
            continue
        if _crosses_clause(t, verb):
            continue
        pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ not in NOT_PARTY_ENTS:
            return pobj
    return None


#: Verbs that name what an attack was aimed at ('launched mortars targeting Russian forces').
AIMING_VERBS = frozenset({"targeting", "targetting", "aiming", "aimed", "hitting", "striking"})


def aimed_by_participle(verb):
    """The object of a participle of aiming hung on the verb: 'launched mortars and heavy
    artillery targeting hidden Russian forces' -> forces."""
    for c in verb.subtree:
        if c.lower_ in AIMING_VERBS and c.dep_ in ("advcl", "xcomp", "conj", "acl") and not _crosses_clause(c, verb):
            found = argument(c, frozenset({"dobj"})) or prep_object(c, AIM_PREPS)
            if found is not None:
                return found
    return None


def _crosses_clause(tok, verb) -> bool:
    """Is there a verb with its own subject between `tok` and `verb` in the tree?"""
    x = tok.head
    while x != verb and x.head != x:
        if x.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in x.children):
            return True
        x = x.head
    return False


HARM_WORDS = DEATH_WORDS | frozenset({"wounded", "wounding", "wound", "wounds", "injured",
                                      "injuring", "injure", "injures", "injuries", "hurt"})


def paragraph_tokens(sent) -> list:
    """Tokens of `sent` and the sentences after it up to the paragraph's end."""
    doc = sent.doc
    text = doc_text(doc)
    end = text.find("\n\n", sent.start_char)
    end = len(text) if end < 0 else end
    return [t for t in doc[sent.start:] if t.idx < end]


def victims(tokens) -> list:
    """Head tokens of those harmed in `tokens`, in text order ('killing four Ukrainian soldiers
    and one civilian' -> soldiers, civilian; 'one child was killed' -> child)."""
    found = {}
    for t in tokens:
        if t.lower_ not in HARM_WORDS or any(c.dep_ == "neg" for c in t.children):
            continue
        cands = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if t.dep_ in ("amod", "acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN", "NUM"):
            cands.append(t.head)
        for c in cands:
            for v in [c, *c.conjuncts]:
                if v.pos_ in ("NOUN", "PROPN", "NUM"):
                    found[v.i] = v
    return [found[i] for i in sorted(found)]


def cause_agent(sent):
    """The 'by' party of an event noun in the sentence: 'as a result of an airstrike by the
    Russian forces ... two buildings collapsed, killing 26' -> the Russian forces."""
    for t in sent:
        if t.lower_ == "by" and t.head.lower_ in TRIGGER_FORMS and t.head.pos_ == "NOUN":
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None and normalize_actor(" ".join(x.text for x in pobj.subtree)):
                return pobj
    return None


def earlier_armed(tok):
    """The armed side acting before `tok` in its sentence, else in the sentence before (same
    paragraph): 'Russian forces fired a missile ..., but the missile was intercepted'."""
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.dep_ in ("nsubj", "agent") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            name = normalize_actor(" ".join(x.text for x in t.subtree if x.dep_ not in ("relcl", "acl")))
            if name and name.startswith(("Military", "Police", "NAF")):
                return t
    return previous_actor(tok)


def previous_actor(tok):
    """The armed party that acted in the sentence before, same paragraph: 'Russian forces
    shelled Mariupol. One of the shells hit a school' -> Russian forces."""
    sent = tok.sent
    doc = tok.doc
    if sent.start == 0 or "\n\n" in doc_text(doc)[doc[sent.start - 1].idx: sent.start_char]:
        return None
    prev = doc[sent.start - 1].sent
    for t in prev:
        if t.dep_ in ("nsubj", "agent") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            name = normalize_actor(" ".join(x.text for x in t.subtree))
            if name and name.startswith(("Military", "Police", "NAF")):
                return t
    return None


def resolve_pronoun(tok, doc):
    """A pronoun's nearest preceding country/organisation mention in the two sentences before."""
    if tok is None or tok.lower_ not in GROUP_PRONOUNS:
        return tok
    floor = max(0, tok.sent.start - 80)
    fallback = None
    for i in range(tok.i - 1, floor - 1, -1):
        t = doc[i]
        if t.ent_type_ in ("GPE", "NORP", "ORG") and t.dep_ != "compound":
            if country_in(t.text) and t.ent_type_ != "NORP":
                return t
            fallback = fallback or t
    return fallback or tok


def weapon_of(tokens) -> tuple[str | None, str | None, object]:
    """(class, text as written, head token) of the most specific weapon among `tokens`."""
    best = None
    for t in tokens:
        cls = _weapon_class(t)
        if cls is None:
            continue
        rank = WEAPON_PRIORITY.index(cls)
        if best is None or rank < best[0]:
            best = (rank, cls, t)
    if best is None:
        return None, None, None
    head = best[2]
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return best[1], weapon_text(head), head


def _weapon_class(t) -> str | None:
    """Weapon class of a token (with its compound neighbour for 'air strike', 'car bomb'),
    computed once per token (the coder asks about the same tokens for many triggers)."""
    cache = t.doc.user_data.setdefault("factwire_weapon", {})
    if t.i not in cache:
        cache[t.i] = _classify_weapon(t)
    return cache[t.i]


def _classify_weapon(t) -> str | None:
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "VERB"):
        return None
    prev = t.doc[t.i - 1].lower_ + " " if t.i > t.sent.start else ""
    if prev == "- " and t.i - 2 >= t.sent.start:
        prev = t.doc[t.i - 2].lower_ + "-"  # 'small-arms' is tokenised small / - / arms
    text = prev + t.lower_
    if not ANY_WEAPON.search(text):
        return None
    for cls in WEAPON_PRIORITY:
        if any(m.end() > len(prev) for m in WEAPON_PATTERNS[cls].finditer(text)):
            return cls
    return None


def weapon_text(head) -> str:
    """'kamikaze drones', 'Shahed-136 drones', '122mm mortars': modifiers + head noun."""
    left = head
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in ("more", "other", "several"):
            left = c if c.i < left.i else left
            break
    span = head.doc[left.i: head.i + 1]
    return span.text


#: ACLED's conventional values for vague counts (ACLED FAQ "How does ACLED code fatalities?":
#: 10 for "tens", 12 for "dozens", 100 for "hundreds", and so on). 'Several', 'a few' and
#: 'many' get no number: the public texts we could check give none for them.
VAGUE_COUNTS = {"tens": 10, "dozen": 12, "dozens": 12, "hundreds": 100, "thousands": 1000}
#: An explicit statement of the count a report carries ('Unspecified fatalities coded as 10',
#: '(unspecified fatalities coded as 10)', '[10 fatalities coded, ...]'): ACLED-style notes
#: say which number the event holds; it overrides what the story counts.
CODED_AS_RE = re.compile(r"\b(?:fatalities|casualties|deaths)\s+(?:were\s+|are\s+)?coded\s+as\s+(\d+)|"
                         r"\b(\d+)\s+fatalities\s+coded\b(?!\s+to)", re.I)
#: '8 fatalities coded here' names this event's share outright (it wins over the rest).
CODED_HERE_RE = re.compile(r"\b(\d+)\s+(?:fatalities|deaths)\s+(?:were\s+)?coded\s+(?:here|to this event)", re.I)
#: 'N fatalities split among M events': each event holds its share (rounded up: the
#: remainder goes to the first events, so most hold the larger share).
SPLIT_RE = re.compile(r"\b(\d+)\s+(?:fatalities|deaths)\s+(?:were\s+)?split\s+(?:among|between|across)\s+"
                      r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+events\b", re.I)
#: '(fatalities coded to Horlivka event)': the deaths belong to the event at that place only.
CODED_TO_RE = re.compile(r"\b(?:fatalities|deaths|casualties)\s+(?:were\s+|are\s+)?coded\s+to\s+(?:the\s+)?"
                         r"(.+?)\s+event\b", re.I)
#: Singular nouns that name one person (a count of 1 when no number is given).
PERSON_NOUN_RE = re.compile(
    r"(civilian|resident|person|man|woman|child|boy|girl|villager|local|journalist|mayor|priest|"
    r"volunteer|student|farmer|worker|teacher|doctor|nurse|patient|passenger|pedestrian|citizen|"
    r"hostage|refugee|pensioner|activist|driver|employee|official|head|deputy|director|professor|"
    r"businessman|minor|kid|wife|husband|mother|father|son|daughter|victim|soldier|serviceman|"
    r"servicewoman|officer|commander|general|colonel|pilot|fighter|rebel|militant|policeman|"
    r"guard|sniper|member|leader|firefighter|rescuer|employee|operator|photographer|cameraman|actor)",
    re.I)


def fatalities_of(tokens, quantities: list[dict]) -> int | None:
    """Deaths reported in `tokens` (a sentence or an event's share of it); ACLED's reading:
    the lower bound of 'at least N' or 'between N and M', 1 for a single named or singular
    victim ('the pilot died'), the conventional values of VAGUE_COUNTS, the stated number of
    'fatalities coded as N'. None when no death is reported or no number is given."""
    tokens = list(tokens)
    if tokens:
        stated = coded_count(doc_text(tokens[0].doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])])
        if stated is not None:
            return stated
    best = None
    for t in tokens:
        if t.lower_ not in DEATH_WORDS or t.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in t.children) or t.head.lower_ in ("no", "without"):
            best = best if best is not None else 0
            continue
        n = _victim_count(t, quantities)
        if n is not None:
            best = n if best is None else max(best, n)
    return best


def coded_count(text: str) -> int | None:
    """The count a text states for its event ('fatalities coded as 10'; 'N fatalities split
    among M events' -> the share), else None."""
    m = CODED_HERE_RE.search(text)
    if m:
        return int(m.group(1))
    m = SPLIT_RE.search(text)  # before 'N fatalities coded': '[10 coded, the other 11 split among 6]'
    if m and (parts := _parse_number(m.group(2).lower())):
        return -(-int(m.group(1)) // parts)
    m = CODED_AS_RE.search(text)
    if m:
        return int(m.group(1) or m.group(2))
    return None


#: Event types that carry no deaths (codebook: strategic developments are non-violent).
NON_VIOLENT_TYPES = frozenset({"Strategic developments"})


class CasualtyCarry:
    """Deaths told after an incident belong to it ('Russian forces shelled X. As a result of
    the shelling, two civilians were killed.'), within its paragraph: a casualty sentence with
    no armed incident of its own gives its count to the incident told before (several such
    sentences add up: different victims); a stated count ('Unspecified fatalities coded as
    10') holds for the paragraph's violent events."""

    def __init__(self) -> None:
        self.previous: list[dict] = []
        self.paragraph: list[dict] = []
        self.carried: set[int] = set()

    def step(self, sent, found: list[dict], quantities: list[dict]) -> None:
        """Account for sentence `sent` whose own events are `found`."""
        text = doc_text(sent.doc)
        if "\n\n" in text[max(0, sent.start_char - 3): sent.start_char + 1]:
            self.previous, self.paragraph = [], []
        stated = coded_count(sent.text)
        if stated is not None:
            for e in self.paragraph + found:
                if e["event_type"] not in NON_VIOLENT_TYPES:
                    e["fatalities"] = stated
        elif self.previous and not has_own_party(found) and _reports_deaths(sent):
            self._carry(sent, quantities, text)
            self._share_with_lead(self.previous)
        self.paragraph.extend(found)
        self._share_with_lead(found)
        if found and (not self.previous or has_own_party(found)):
            self.previous = found  # a casualty report's back-reference events keep the incident

    def _share_with_lead(self, found: list[dict]) -> None:
        """Deaths of a later act by the same side in the paragraph ('... clash in X. Russian
        forces also shelled the city; one person was killed') count for the paragraph's lead
        incident when it has none (codebook: one event per place and day; the later act is
        part of it)."""
        lead = next((e for e in self.paragraph if e["event_type"] not in NON_VIOLENT_TYPES), None)
        if lead is None or lead["fatalities"] is not None or not lead.get("actor_norm"):
            return
        for e in found:
            if e is not lead and e.get("actor_norm") == lead["actor_norm"] and e["fatalities"] \
                    and _same_place(e, lead):
                lead["fatalities"] = e["fatalities"]
                self.carried.add(id(lead))

    def _carry(self, sent, quantities: list[dict], text: str) -> None:
        for e in self.previous:
            if e["event_type"] in NON_VIOLENT_TYPES:
                continue
            if e["fatalities"] is not None and id(e) not in self.carried:
                continue  # its own sentence counted its deaths
            n = later_fatalities(sent, quantities, text[e["evidence"]["start"]: e["evidence"]["end"]])
            if n is None:
                continue
            e["fatalities"] = n + (e["fatalities"] or 0) if id(e) in self.carried else n
            self.carried.add(id(e))


def _same_place(a: dict, b: dict) -> bool:
    """Not placed elsewhere: a later act at another named place is another event."""
    pa, pb = (a.get("location") or {}).get("name"), (b.get("location") or {}).get("name")
    return pa is None or pb is None or pa == pb


def _reports_deaths(sent) -> bool:
    return any(t.lower_ in DEATH_WORDS for t in sent)


def has_own_party(events: list[dict]) -> bool:
    """Does a sentence tell an incident with its own armed doer ('Ukrainian forces clashed
    ...'), rather than report the casualties of the one told before ('As a result of the
    shelling, one rebel was killed')?"""
    return any((e.get("actor_norm") or "").startswith(("Military", "Police", "NAF", "Unidentified"))
               for e in events)


def later_fatalities(sent, quantities: list[dict], event_text: str) -> int | None:
    """Deaths a casualty sentence after an event gives to it: none if the sentence says its
    deaths are coded to another place's event ('fatalities coded to Horlivka event') that the
    event's own sentence does not name."""
    m = CODED_TO_RE.search(sent.text)
    if m and m.group(1).strip().lower() not in event_text.lower():
        return 0
    return fatalities_of(sent, quantities)


def _victim_count(t, quantities: list[dict]) -> int | None:
    """Number attached to the victims of death word `t`."""
    victims = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if t.dep_ in ("amod", "acl") or t.lower_ in ("dead", "deaths", "fatalities", "lives"):
        victims.append(t.head if t.dep_ in ("amod", "acl", "acomp") else t)
        if t.dep_ == "acomp":
            victims += [c for c in t.head.children if c.dep_ in ("nsubj", "dobj") and c != t]
    if t.lower_ == "dead" and t.dep_ in ("oprd", "xcomp", "advmod", "ccomp", "conj", "dobj"):
        # 'were found dead', 'was shot dead', 'shot dead a man'
        victims += [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c != t]
    if t.lower_ == "bodies":  # 'the bodies of nearly 200 soldiers'
        victims += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
    if t.dep_ == "conj" and not victims:  # 'the pilot ejected but died'
        victims += [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if t.dep_ == "advcl" and t.head.lower_ in ("left",):
        victims += [c for c in t.head.children if c.dep_ == "dobj"]
    total = None
    for v in victims:
        n = _count_of(v, quantities)
        for c in v.conjuncts:
            m = _count_of(c, quantities)
            n = (n or 0) + m if m is not None else n
        if n is not None:
            total = n if total is None else max(total, n)
    return total


def _count_of(v, quantities: list[dict]) -> int | None:
    """The count of noun `v`: an overlapping quantity fact, a numeral child (the lowest of a
    range), a vague count ('tens of'), or 1 for a singular person ('a man', 'the pilot')."""
    lo, hi = v.left_edge.idx, v.idx + len(v)
    for q in quantities:
        if q["start"] < hi and q["end"] > lo and isinstance(q.get("value"), (int, float)):
            if q.get("item") in NON_COUNT_ITEMS or q.get("unit") in TIME_UNITS:
                continue  # '15 days', 'a 64-year-old driver' (an age, not a count)
            return int(q["value"])
    nums = [n for c in v.children if c.dep_ in ("nummod", "quantmod")
            for x in [c, *c.conjuncts] if (n := _parse_number(x.lower_)) is not None]
    if nums:
        return min(nums)
    if v.pos_ == "NUM":
        return _parse_number(v.lower_)
    if v.lower_ in VAGUE_COUNTS:
        return VAGUE_COUNTS[v.lower_]
    if v.head.dep_ == "prep" and v.head.lower_ == "of" and v.head.head.lower_ in VAGUE_COUNTS:
        return VAGUE_COUNTS[v.head.head.lower_]  # 'killing tens of soldiers' (victim = soldiers)
    if v.tag_ in ("NN", "NNP") and (v.ent_type_ == "PERSON" or PERSON_NOUN_RE.fullmatch(v.lower_)):
        return 1
    return None


#: Units of a quantity fact that measure time or age, never a number of victims.
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})


def _parse_number(text: str) -> int | None:
    text = text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)

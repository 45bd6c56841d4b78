"""Fatalities of an event (ACLED's reading: the lower bound, 1 for a single named victim,
conventional values for vague counts, a stated 'fatalities coded as N'), and the carry of deaths
told after an incident to that incident."""
from __future__ import annotations

from factwire.model import Event, Quantity

from .codebook import ARMED_SIDES
from .lexicon import (
    BODIES,
    CODED_AS_RE,
    CODED_HERE_RE,
    CODED_TO_RE,
    DEAD,
    DEATH_NOUNS,
    DEATH_WORDS,
    LEAVING_VERBS,
    NEGATING_HEADS,
    NON_COUNT_ITEMS,
    NUMBER_WORDS,
    OF_PREPS,
    PERSON_NOUN_RE,
    SPLIT_RE,
    TIME_UNITS,
    VAGUE_COUNTS,
)
from .syntax import doc_text


def fatalities_of(tokens, quantities: list[Quantity]) -> int | None:
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
        if any(c.dep_ == "neg" for c in t.children) or t.head.lower_ in NEGATING_HEADS:
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
        self.previous: list[Event] = []
        self.paragraph: list[Event] = []
        self.carried: set[int] = set()

    def step(self, sent, found: list[Event], quantities: list[Quantity]) -> None:
        """Account for sentence `sent` whose own events are `found`."""
        text = doc_text(sent.doc)
        if "\n\n" in text[max(0, sent.start_char - 3): sent.start_char + 1]:
            self.previous, self.paragraph = [], []
        stated = coded_count(sent.text)
        if stated is not None:
            for e in self.paragraph + found:
                if e.event_type not in NON_VIOLENT_TYPES:
                    e.fatalities = stated
        elif self.previous and not has_own_party(found) and _reports_deaths(sent):
            self._carry(sent, quantities, text)
            self._share_with_lead(self.previous)
        self.paragraph.extend(found)
        self._share_with_lead(found)
        if found and (not self.previous or has_own_party(found)):
            self.previous = found  # a casualty report's back-reference events keep the incident

    def _share_with_lead(self, found: list[Event]) -> None:
        """Deaths of a later act by the same side in the paragraph ('... clash in X. Russian
        forces also shelled the city; one person was killed') count for the paragraph's lead
        incident when it has none (codebook: one event per place and day; the later act is
        part of it)."""
        lead = next((e for e in self.paragraph if e.event_type not in NON_VIOLENT_TYPES), None)
        if lead is None or lead.fatalities is not None or not lead.actor_norm:
            return
        for e in found:
            if e is not lead and e.actor_norm == lead.actor_norm and e.fatalities \
                    and _same_place(e, lead):
                lead.fatalities = e.fatalities
                self.carried.add(id(lead))

    def _carry(self, sent, quantities: list[Quantity], text: str) -> None:
        for e in self.previous:
            if e.event_type in NON_VIOLENT_TYPES:
                continue
            if e.fatalities is not None and id(e) not in self.carried:
                continue  # its own sentence counted its deaths
            n = later_fatalities(sent, quantities, text[e.evidence.start: e.evidence.end])
            if n is None:
                continue
            e.fatalities = n + (e.fatalities or 0) if id(e) in self.carried else n
            self.carried.add(id(e))


def _same_place(a: Event, b: Event) -> bool:
    """Not placed elsewhere: a later act at another named place is another event."""
    pa = a.location.name if a.location is not None else None
    pb = b.location.name if b.location is not None else None
    return pa is None or pb is None or pa == pb


def _reports_deaths(sent) -> bool:
    return any(t.lower_ in DEATH_WORDS for t in sent)


def has_own_party(events: list[Event]) -> bool:
    """Does a sentence tell an incident with its own armed doer ('Ukrainian forces clashed
    ...'), rather than report the casualties of the one told before ('As a result of the
    shelling, one rebel was killed')?"""
    return any((e.actor_norm or "").startswith(ARMED_SIDES)
               for e in events)


def later_fatalities(sent, quantities: list[Quantity], event_text: str) -> int | None:
    """Deaths a casualty sentence after an event gives to it: none if the sentence says its
    deaths are coded to another place's event ('fatalities coded to Horlivka event') that the
    event's own sentence does not name."""
    m = CODED_TO_RE.search(sent.text)
    if m and m.group(1).strip().lower() not in event_text.lower():
        return 0
    return fatalities_of(sent, quantities)


def _victim_count(t, quantities: list[Quantity]) -> int | None:
    """Number attached to the victims of death word `t`."""
    victims = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if t.dep_ in ("amod", "acl") or t.lower_ in DEATH_NOUNS:
        victims.append(t.head if t.dep_ in ("amod", "acl", "acomp") else t)
        if t.dep_ == "acomp":
            victims += [c for c in t.head.children if c.dep_ in ("nsubj", "dobj") and c != t]
    if t.lower_ == DEAD and t.dep_ in ("oprd", "xcomp", "advmod", "ccomp", "conj", "dobj"):
        # 'were found dead', 'was shot dead', 'shot dead a man'
        victims += [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c != t]
    if t.lower_ == BODIES:  # 'the bodies of nearly 200 soldiers'
        victims += [g for c in t.children if c.dep_ == "prep" and c.lower_ in OF_PREPS
                    for g in c.children if g.dep_ == "pobj"]
    if t.dep_ == "conj" and not victims:  # 'the pilot ejected but died'
        victims += [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if t.dep_ == "advcl" and t.head.lower_ in LEAVING_VERBS:
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


def _count_of(v, quantities: list[Quantity]) -> int | None:
    """The count of noun `v`: an overlapping quantity fact, a numeral child (the lowest of a
    range), a vague count ('tens of'), or 1 for a singular person ('a man', 'the pilot')."""
    lo, hi = v.left_edge.idx, v.idx + len(v)
    for q in quantities:
        if q.start < hi and q.end > lo and isinstance(q.value, (int, float)):
            if q.item in NON_COUNT_ITEMS or q.unit in TIME_UNITS:
                continue  # '15 days', 'a 64-year-old driver' (an age, not a count)
            return int(q.value)
    nums = [n for c in v.children if c.dep_ in ("nummod", "quantmod")
            for x in [c, *c.conjuncts] if (n := _parse_number(x.lower_)) is not None]
    if nums:
        return min(nums)
    if v.pos_ == "NUM":
        return _parse_number(v.lower_)
    if v.lower_ in VAGUE_COUNTS:
        return VAGUE_COUNTS[v.lower_]
    if v.head.dep_ == "prep" and v.head.lower_ in OF_PREPS and v.head.head.lower_ in VAGUE_COUNTS:
        return VAGUE_COUNTS[v.head.head.lower_]  # 'killing tens of soldiers' (victim = soldiers)
    if v.tag_ in ("NN", "NNP") and (v.ent_type_ == "PERSON" or PERSON_NOUN_RE.fullmatch(v.lower_)):
        return 1
    return None


def _parse_number(text: str) -> int | None:
    text = text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)

"""The record's facts indexed for the coder: quantities, places, dates and attributions looked
up by sentence, and the choice of an event's place, date and source chain."""
from __future__ import annotations

import bisect
from collections import Counter

from factwire.model import Attribution, DateMention, DateRange, Location, Place, Quantity, Span

from .actors import ISO2_COUNTRY
from .modality import REPORTING
from .syntax import doc_text, phrase

#: Place kinds that name a spot (ACLED codes the most precise place named).
#: Prepositions whose object is a party to the act, not its place ('a deal with Tehran').
PARTNER_PREPS = frozenset({"with", "between"})
#: Dependency labels of a clause of its own (purpose, complement, relative clause).
CLAUSE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "ccomp"})
#: A name modifying a noun ('US officials', "Russia's deal") says whose, not where.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
SPOT_KINDS = frozenset({"city", "other"})
#: Words that name the administrative unit after a place's own name ("Kherson oblast").
UNIT_WORDS = frozenset({"oblast", "region", "province", "district", "raion", "rayon", "county",
                        "state", "governorate", "prefecture", "territory"})
#: Sources named by a generic definite noun ("the report") stand for the last named one.
GENERIC_SOURCE_NOUNS = ("report", "statement", "ministry", "officials", "agency", "newspaper")


#: The facts an event's sentence is read with (their offsets claim words for one trigger).
Fact = Place | DateMention | Quantity


class ByOffset:
    """Facts sorted by start offset, so the facts inside a span are found by bisection: the
    coder asks once per event, and a 100 KB page has thousands of facts (a scan per event made
    the events stage O(events x facts), 2 s on such a page)."""

    def __init__(self, items: list) -> None:
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def within(self, start: int, end: int) -> list:
        """Items lying wholly inside [start, end), in text order."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end <= end]


class Context:
    """Facts of `rec` plus the Doc, with per-sentence lookups (facts are in text order)."""

    def __init__(self, doc, rec) -> None:
        self.doc, self.rec = doc, rec
        # adjectival places ("Turkish troops") name a nation, never where an event happened
        body = [x for x in (rec.places or []) if x.caption is None and x.use is None]
        self.places = body
        self.place_starts = [p.start for p in body]
        self.quantities = [q for q in (rec.quantities or []) if q.caption is None]
        self.dates = [d for d in (rec.dates or []) if d.caption is None]
        self.attributions = [a for a in (rec.attributions or []) if a.caption is None]
        self._by = {name: ByOffset(getattr(self, name)) for name in ("places", "quantities", "dates")}
        self._claims = sorted(self.attributions, key=lambda a: (a.claim.start, -a.claim.end))
        self._claim_starts = [a.claim.start for a in self._claims]
        self._claim_reach = max((a.claim.end - a.claim.start for a in self._claims), default=0)
        self._sources: dict[tuple[int, int], list[str]] = {}
        self._named: dict[int, str] = {}
        self.home = _home_country(body)
        self.token_starts = [t.idx for t in doc]

    def within(self, kind: str, start: int, end: int) -> list:
        """The `kind` facts ("places", "quantities", "dates") inside [start, end)."""
        return self._by[kind].within(start, end)

    def token_index(self, item: Fact) -> int:
        """Index of the token holding an item's last character (its head word, mostly)."""
        return bisect.bisect_right(self.token_starts, item.end - 1) - 1

    def items_in(self, sent) -> list[Fact]:
        """Places, dates and quantities of the sentence."""
        s, e = sent.start_char, sent.end_char
        return self.within("places", s, e) + self.within("dates", s, e) + self.within("quantities", s, e)

    def quantities_in(self, sent) -> list[Quantity]:
        return self.within("quantities", sent.start_char, sent.end_char)

    def location(self, trigger, sent, claimed: set[int], actor=None, target=None,
                 agreement: bool = False) -> Location | None:
        """A place of the sentence (the most precise, nearest the trigger, not another
        trigger's), else the nearest one before it in the same paragraph.

        For a remote/attack action the caller passes the actor and target tokens. ACLED codes
        where the effect landed, so a place inside the actor's phrase ('Russia has launched
        missiles against Ukraine') names who acted, not where: it is never chosen, not even
        through the paragraph fallback, and a place in the target's phrase wins ties."""
        here = [p for p in self.within("places", sent.start_char, sent.end_char)
                if p.start not in claimed and not self._not_a_venue(p, trigger, agreement)]
        acting = _in_span(here, phrase(actor)) if actor is not None else []
        here = [p for p in here if p not in acting]
        if here:
            lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
            aimed = _subtree_span(target)
            return as_location(min(here, key=lambda p: (not lo <= p.start < hi,
                                                        not _is_spot(p),
                                                        not aimed[0] <= p.start < aimed[1],
                                                        abs(p.start - trigger.idx))))
        return None if agreement else self._paragraph_place(sent, {p.name for p in acting})

    def _not_a_venue(self, p, trigger, agreement: bool) -> bool:
        """Grammar: a place that is a partner ('a deal with Tehran', 'talks with Moscow') names a
        party, not where something happened; for an agreement, a place inside a clause of its
        own ('an agreement to manufacture drones ... to bolster their war effort in Ukraine')
        is what the deal is about, not where it was made (codebook: agreements are coded where
        they are reached)."""
        tok = self.doc.char_span(p.start, p.end, alignment_mode="expand")
        if tok is None:
            return False
        root = tok.root
        if root.dep_ == "pobj" and root.head.lower_ in PARTNER_PREPS:
            return True
        if not agreement:
            return False
        if root.dep_ in MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
            return True  # 'US intelligence officials': whose officials, not where a deal was made
        for anc in root.ancestors:
            if anc.i == trigger.i:
                return False
            if anc.dep_ in CLAUSE_DEPS:
                return True
        return False

    def _paragraph_place(self, sent, not_names: set[str]) -> Location | None:
        """The nearest place before the sentence in its paragraph, unless it is the actor's."""
        para_start = doc_text(self.doc).rfind("\n\n", 0, sent.start_char)
        i = bisect.bisect_left(self.place_starts, sent.start_char) - 1
        if i >= 0 and self.places[i].start > para_start and self.places[i].name not in not_names:
            return as_location(self.places[i])
        return None

    def date(self, trigger, sent, claimed: set[int]) -> DateRange | None:
        """{from, to} of the sentence's resolved date nearest the trigger; a date that belongs
        to a reporting verb ('said on Saturday') dates the report, not the event."""
        best = None
        for d in self.within("dates", sent.start_char, sent.end_char):
            if not d.value or d.start in claimed or self._dates_report(d):
                continue
            dist = abs(d.start - trigger.idx)
            if best is None or dist < best[0]:
                best = (dist, d)
        return DateRange(best[1].value.from_, best[1].value.to) if best else None

    def _dates_report(self, d: DateMention) -> bool:
        tok = self.doc.char_span(d.start, d.end, alignment_mode="expand")
        if tok is None:
            return False
        head = tok.root.head
        for _ in range(3):
            if head.lower_ in REPORTING:
                return True
            if head.pos_ == "VERB" or head.head == head:
                return False
            head = head.head
        return False

    def sources(self, sent) -> list[str]:
        """Outlet first (rec.site), then the attributions whose claim covers the sentence,
        outer (widest claim) to inner. Memoised per sentence (several events share one); the
        claims are sorted by start, so only those that can reach the sentence are read."""
        key = (sent.start_char, sent.end_char)
        if key not in self._sources:
            self._sources[key] = self._source_chain(*key)
        return list(self._sources[key])

    def _source_chain(self, start: int, end: int) -> list[str]:
        chain = [self.rec.site] if getattr(self.rec, "site", None) else []
        lo = bisect.bisect_left(self._claim_starts, start - self._claim_reach)  # no longer claim starts before
        upto = bisect.bisect_left(self._claim_starts, end)
        covering = [a for a in self._claims[lo:upto]
                    if a.claim.start <= start + 1 and a.claim.end >= end - 2 or start <= a.claim.start]
        for a in covering:
            name = self._named_source(a)
            if name and name not in chain:
                chain.append(name)
        return chain

    def _named_source(self, a: Attribution) -> str:
        """'the report' -> the last named report before it ('Washington Post report')."""
        if id(a) not in self._named:
            self._named[id(a)] = self._name_source(a)
        return self._named[id(a)]

    def _name_source(self, a: Attribution) -> str:
        src = _strip_article(a.source)
        if not a.source.lower().startswith("the ") or len(src.split()) > 2:
            return src
        noun = src.split()[-1].lower()
        for b in reversed(self.attributions):
            if b.claim.start < a.claim.start and b.source.lower().endswith(noun) \
                    and not b.source.lower().startswith("the "):
                return _strip_article(b.source)
        return src

    def trim(self, span: Span) -> Span:
        """Sentence span without surrounding whitespace."""
        text = doc_text(self.doc)
        s, e = span.start, span.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return Span(s, e)


def _is_spot(p: Place) -> bool:
    """A place that names a spot, not an area: a city/town/village or a named spot, unless it
    is written as a region ("Kharkiv oblast", or "Kharkiv" in "Zolochiv, Kharkiv")."""
    return p.kind in SPOT_KINDS and p.precision in (None, "place")  # None: an item from before precision


def as_location(place: Place) -> Location:
    """An event location from a place fact: the name as the text writes it (ACLED, and the
    reader of the evidence, spell "Pervomaisk", "Zaporizhia", not GeoNames' "Pervomaysk",
    "Zaporizhzhya"), the gazetteer's name kept as `gazetteer_name`, and `precision`: "place"
    when the coordinates are the place's own, "region" when only its admin region is known
    (the region's point; "Vasylivka, Donetsk" with Vasylivka in no gazetteer), "country".
    Countries keep the gazetteer's name ("US" -> "United States")."""
    loc = Location.of_place(place)
    loc.precision = place.precision or ("country" if place.kind == "country" else "place")
    if loc.precision != "country":
        unresolved = loc.precision == "region" and place.region is not None
        loc.gazetteer_name = None if unresolved else place.name  # in no gazetteer
        written = written_name(place.text or "")
        # a district is named by its centre; an all-caps dateline ("ODESA, Ukraine --") by the gazetteer
        keep = place.centre or not written or (written.isupper() and place.name)
        loc.name = place.name if keep else written
    return loc


def written_name(text: str) -> str:
    """"the Kharkiv oblast" -> "Kharkiv": the place's own words, no article or unit word."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in UNIT_WORDS:
        words = words[:-1]
    return " ".join(words)


def _strip_article(name: str) -> str:
    for art in ("a ", "an ", "the "):
        if name.lower().startswith(art):
            return name[len(art):]
    return name


def _in_span(items: list[Place], span: tuple[int, int]) -> list[Place]:
    return [x for x in items if span[0] <= x.start < span[1]]


def _subtree_span(tok) -> tuple[int, int]:
    """Character span of `tok`'s whole subtree ('various targets in Ukraine'); empty if None."""
    if tok is None:
        return (0, 0)
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _home_country(places: list[Place]) -> str | None:
    """The country most places of the article are in (civilians are named by it)."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    return ISO2_COUNTRY.get(counts.most_common(1)[0][0])

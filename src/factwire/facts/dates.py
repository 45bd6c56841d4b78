"""Dates: calendar expressions in the text, resolved against the publication date.

`find_dates(doc, published)` finds expressions with the regular expressions of
`dates_patterns` (linear passes over `doc.text`; spaCy's DATE entities were measured as
candidates and add mostly durations -- "decades", "five days" -- which are not dates here),
keeps the longest non-overlapping ones, and resolves each with `dates_rules`. spaCy's parse is
used only for the tense of the clause around a weekday, a month or "this month": the README's
rule is that a weekday is the one before publication unless the clause is in the future.

Each item: `{"text","start","end","from","to","resolvable","kind","value"}` with
`doc.text[start:end] == text`; `value` is `{"from","to"}` or None when unresolvable; `kind` is
"date" (one day/month/year...), "range" (from..to) or "vague" ("recently", "the coming weeks":
a calendar reference kept, tagged, never resolved).
Quarters and halves ("the third quarter", "Q3", "the year-ago quarter", "second-half") keep the
year as their value (a company's fiscal quarter need not be the calendar one: README) and add
`quarter` ("2019-Q3", TimeML's name) and `calendar` (`{"from": "2019-07", "to": "2019-09"}`, the
calendar quarter, which is what TimeML/TempEval annotate). `calendar` also gives the whole unit an
expression with a modifier names, where `value` is the part meant: "earlier this month" (value:
the 1st to publication; calendar: the month), "the end of 1990" (1990-12; 1990), "the early
1980s" (1980-1983; 1980-1989).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from factwire import casefree
from factwire.deadline import check_deadline

from . import dates_days, dates_periods
from .dates_patterns import COMPILED, pattern_matches, worth_running
from .dates_periods import is_quarter
from .dates_rules import (
    ANCHORED,
    FAR_ANCHORED,
    NEEDS_POS,
    RESOLVERS as RULE_RESOLVERS,
    TENSED,
    VAGUE,
    Context,
    NoPublicationDate,
)
from .nlp import doc_text

#: Every pattern kind's resolver.
RESOLVERS = {**RULE_RESOLVERS, **dates_periods.RESOLVERS, **dates_days.RESOLVERS}

#: Auxiliaries/modals that put a clause in the future ("will", "'ll", "should", "would").
FUTURE_AUX = {"will", "wo", "'ll", "’ll", "shall", "should", "may", "might", "must", "can", "ca", "gonna"}
#: Future-in-the-past modals: "vowed that Britain would leave the EU on Oct. 31" was past by
#: publication as often as not, "said Monday he would resign on Friday" was not: the day or
#: month nearer to publication is taken.
WEAK_AUX = {"would", "could"}
#: Copulas in the present ("it's still down from the March high") describe, not schedule.
COPULAS = {"is", "are", "'s", "’s", "am", "'re", "’re"}
#: Kinds for which a present-tense clause means a scheduled, upcoming day ("battle to win the
#: Dec. 12 election"). A present-tense weekday takes the nearer one instead: "Lowe's reports
#: earnings Wednesday" (a day ahead) but a caption's "Trump arrives on Wednesday" (a day back).
PRESENT_IS_FUTURE = {"month_day", "day_month"}
#: Heads that schedule what they govern ("scheduled for Feb. 14", "postponed to Friday",
#: "was set to begin ... Wednesday", "more was expected Wednesday").
FUTURE_WORDS = {"scheduled", "due", "slated", "set", "expected", "postponed", "rescheduled", "planned", "upcoming",
                "expire", "expires", "ahead", "payable", "effective"}
#: Verbs of intent whose infinitive is future ("expect the bridge to reopen in the spring");
#: as nouns ("shelved its plans for an offering on September 30") they mark nothing.
INTENT_VERBS = {"expect", "expects", "plan", "plans", "planning", "hope", "hopes", "aim", "aims", "intend",
                "intends"}
#: Nouns of scheduled events: a date they carry is read as the nearer one whatever the verb
#: around them says ("gave no reason for the Jan. 14 deadline", "invited to a ceremony on
#: March 12", "the NATO summit in April"): the telling of the event is past, the event need not be.
EVENT_NOUNS = {"deadline", "summit", "ceremony", "election", "elections", "hearing", "vote", "referendum",
               "meeting", "talks", "trial", "conference", "session", "inauguration", "launch", "auction"}
#: Kinds whose day inside an infinitive complement of a past verb reads nearest (a day, within
#: NEAR_FUTURE_DAYS); a bare month there stays past ("pleaded guilty to threatening to kill her
#: in March": the threat, months back).
PROSPECTIVE_KINDS = {"month_day", "day_month", "weekday"}
#: A bare month in such an infinitive reads as if it had no tense cue (dates_rules.resolve_month:
#: the coming one only within NEAR_FUTURE_MONTHS): "has decided to admit them in early March" in
#: a February story is next month, "pleaded guilty to threatening to kill her in March" in a
#: November one stays the last March.
PROSPECTIVE_MONTHS = {"month"}
#: Dependencies of a to-infinitive that looks ahead of its verb: a complement ("decided to admit")
#: or a purpose clause ("subpoenaed him to testify on Feb. 10", "invited them to a ceremony on
#: March 12 to mark ..."; spaCy labels purpose infinitives advcl).
INFINITIVE_DEPS = {"xcomp", "advcl"}
#: Heads that name a new, later date even in the past tense ("was postponed to Friday").
MOVED_TO = {"postponed", "rescheduled", "moved", "pushed", "delayed"}
TO_PREPS = {"to", "until", "till", "for"}
PAST_AUX = {"has", "have", "had", "'ve", "did"}
#: Verbs that set a deadline for someone: the day after "until" is later than the granting, which
#: is recent news, so the nearer day ("gave them until Friday to leave", "has given ... until Tuesday").
DEADLINE_HEADS = {"give", "gives", "gave", "given", "giving", "grant", "grants", "granted", "allow", "allows",
                  "allowed"}
UNTIL = {"until", "till", "til"}
#: How far up the parse tree to look for the governing verb (date -> prep -> verb -> xcomp head).
MAX_HOPS = 5
SINCE = re.compile(r"(?i:since)\s+$")
#: Characters before a match that the resolvers may look at ("in May", "since March",
#: "Remembrance Sunday": the longest word looked for is 11 letters).
PRECEDING_CHARS = 16
#: spaCy entity labels that make a four-digit number a count, not a year.
NUMBER_ENTS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
FOLLOWING_CHARS = 12
#: Kinds whose quarter/half value is given as the year + `calendar` (see the module doc).
QUARTER_KINDS = {"quarter", "period", "ago", "year_part"}


def find_dates(doc, published: dt.date | None) -> list[dict]:
    """Every calendar expression in `doc.text`, resolved against `published`."""
    published = as_date(published)
    text = doc_text(doc)
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    out: list[dict] = []
    anchor: tuple[int, int, str] | None = None  # (paragraph, offset, value) of the last single date
    period = None  # the last quarter/half named (what "the quarter", "a year ago" refer to)
    for start, end, kind, match in select_matches(text):
        check_deadline()
        para = bisect.bisect(breaks, start)
        ctx = Context(published, preceding=text[max(0, start - PRECEDING_CHARS):start],
                      following=text[end:end + FOLLOWING_CHARS])
        if kind in NEEDS_POS:
            ctx.noun, ctx.modifier, ctx.number = read_pos(doc, start, end)
        if kind == "and_day":
            ctx.number = counts_a_noun(doc, start, end)
        if kind in TENSED:
            tense = "past" if SINCE.search(ctx.preceding) else find_tense(doc, start, end, kind)
            ctx.future, ctx.nearest = read_tense(tense, kind), tense in ("present", "weak")
        if kind in ANCHORED and anchor:
            ctx.anchor = pick_anchor(doc, kind, match, start, para, anchor)
        ctx.period = period
        value = resolve(kind, match, ctx)
        if value is None:
            continue
        quarter = value if kind in QUARTER_KINDS and value != VAGUE and is_quarter(*value) else None
        if kind == "year_part" and quarter and int(quarter[1][5:]) - int(quarter[0][5:]) == 5:
            quarter = None  # "the first half of next year" stays a month range (README)
        if quarter:
            value = (quarter[0][:4], None)  # the year is the value; the calendar quarter beside it
            if kind in ("quarter", "year_part"):
                period = quarter
        item = dates_days.day_next_to(text, make_item(text, start, end, value, published))
        if quarter:
            item.update(calendar={"from": quarter[0], "to": quarter[1]}, quarter=quarter_name(*quarter))
        elif value != VAGUE:
            unit = dates_periods.calendar_unit(kind, match, value, published)
            if unit and unit != value:
                item["calendar"] = {"from": unit[0], "to": unit[1]}
        if item["from"] and item["to"] is None and not quarter:
            anchor = (para, start, item["from"])
        out.append(item)
    return out


def quarter_name(frm: str, to: str) -> str:
    """TimeML's name of a quarter or half: "2019-Q3", "2019-H2"."""
    first, last = int(frm[5:]), int(to[5:])
    return f"{frm[:4]}-H{1 if first == 1 else 2}" if last - first == 5 else f"{frm[:4]}-Q{(first + 2) // 3}"


def as_date(published) -> dt.date | None:
    """A plain date from a date, a datetime or an ISO string (callers pass all three)."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return published


def pick_anchor(doc, kind: str, match: re.Match, start: int, para: int,
                anchor: tuple[int, int, str]) -> str | None:
    """The date a relative expression counts from, if it may count from one: "the previous
    week" from the last date anywhere before; "a year earlier" from one in its paragraph;
    "a year ago" only from one in its sentence, as a year-on-year comparison ("in October ...
    up from a year ago"), since "ago" otherwise counts from publication ("seven years ago")."""
    a_para, a_start, value = anchor
    if kind in FAR_ANCHORED:
        return value
    if a_para != para:
        return None
    if match.groupdict().get("dir", "").lower() == "ago":
        if match["n"].lower() not in ("a", "an", "one"):
            return None  # "eight years ago" counts from publication
        span = doc.char_span(start, match.end(), alignment_mode="expand")
        return value if span is not None and len(span) and span.root.sent.start_char <= a_start else None
    return value


def select_matches(text: str) -> list[tuple[int, int, str, re.Match]]:
    """All pattern matches, longest first, without overlaps, in text order."""
    found = []
    lower = text.lower()
    twin_text = lower if casefree.plain(text) else None
    for order, (kind, rx) in enumerate(COMPILED):
        if not worth_running(kind, text, lower):
            continue
        for m in pattern_matches(kind, rx, text, twin_text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), order, kind, m))
    found.sort(key=lambda f: (f[0] - f[1], f[2], f[0]))
    taken = bytearray(len(text))  # characters already claimed: linear in the matched length
    kept = []
    for start, end, _, kind, m in found:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, kind, m))
    kept.sort(key=lambda k: k[0])
    return kept


def resolve(kind: str, match: re.Match, ctx: Context):
    """The resolver's answer; an unanchored relative expression without a publication date is
    kept as unresolvable rather than guessed."""
    try:
        return RESOLVERS[kind](match, ctx)
    except NoPublicationDate:
        return VAGUE


def make_item(text: str, start: int, end: int, value, published: dt.date | None) -> dict:
    """The output dict; "Since November 11" becomes a range to publication (README)."""
    frm, to = (None, None) if value == VAGUE else value
    m = SINCE.search(text, max(0, start - 8), start)
    if m and frm and len(frm) == 10 and to is None and published and frm <= published.isoformat():
        start, to = m.start(), published.isoformat()
    return {
        "text": text[start:end], "start": start, "end": end, "from": frm, "to": to,
        "resolvable": frm is not None, "kind": "vague" if value == VAGUE else "range" if to else "date",
        "value": {"from": frm, "to": to} if frm is not None else None,
    }


def read_pos(doc, start: int, end: int) -> tuple[bool, bool, bool]:
    """(is the span's head a noun of its own, does it only modify a noun, is it a plain number
    to spaCy): "a rainless fall" is a season, "prices fall" and "a summer ceremony" are not;
    "recently named executive chair" dates no event; "2000 people" is a count (NER says
    CARDINAL), "the 2025 bond" a year."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False, False, False
    root = span.root
    noun = root.pos_ in ("NOUN", "PROPN") and root.dep_ != "compound"  # "a summer ceremony"
    return noun, root.head.dep_ == "amod" and root.head.i != root.i, root.ent_type_ in NUMBER_ENTS


def counts_a_noun(doc, start: int, end: int) -> bool:
    """"15" in "met on Nov. 12 and 15 people were hurt" modifies a noun after it: a count, not a
    second day (spaCy's NER calls a coordinated day CARDINAL too, so the parse decides)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span is not None and len(span) and span.root.dep_ == "nummod" and span.root.head.i > span.root.i)


def read_tense(tense: str | None, kind: str) -> bool | None:
    """Future (True), past (False) or no cue (None) for one kind of expression."""
    if tense == "present":
        return True if kind in PRESENT_IS_FUTURE else None
    return {"future": True, "past": False}.get(tense)


def find_tense(doc, start: int, end: int, kind: str | None = None) -> str | None:
    """"future" (will/modal, scheduled), "past", "present" or None for the clause governing the
    span: the first verb up the parse tree that marks a tense. A date carried by a scheduled
    event's noun (EVENT_NOUNS) is "weak" (the nearer reading) unless that verb is future."""
    tense, event, prospective = _walk_tense(doc, start, end)
    if event and tense != "future":
        return "weak"
    if prospective and tense == "past" and kind in PROSPECTIVE_KINDS:
        return "weak"
    if prospective and tense == "past" and kind in PROSPECTIVE_MONTHS:
        return None  # no cue: a month up to NEAR_FUTURE_MONTHS ahead is the coming one
    return tense


def _walk_tense(doc, start: int, end: int) -> tuple[str | None, bool, bool]:
    """(tense as find_tense describes it, whether an event noun was passed on the way up, whether
    an infinitive complement was: "subpoenaed him to testify on Feb. 10", "invited them to attend
    on March 12" -- the infinitive's day is later than the past verb, not necessarily before
    publication)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, False, False
    tok, event, prospective = span.root, False, False
    for _ in range(MAX_HOPS):
        if tok.head.i == tok.i:  # the root (spaCy makes a new Token per access: never `is`)
            return verb_tense(tok), event, prospective
        prev, tok = tok, tok.head
        if tok.lower_ in MOVED_TO and prev.lower_ in TO_PREPS:
            return "future", event, prospective
        if tok.lower_ in DEADLINE_HEADS and prev.lower_ in UNTIL:
            return "weak", event, prospective  # "has given the relatives until 9 a.m. Tuesday to sign"
        event = event or (tok.lower_ in EVENT_NOUNS and tok.pos_ == "NOUN")
        if tok.lower_ in FUTURE_WORDS or (tok.lower_ in INTENT_VERBS and tok.pos_ == "VERB"):
            return scheduled_tense(tok, planned_through(tok, prev)), event, prospective
        if any(c.dep_ == "amod" and c.lower_ in FUTURE_WORDS for c in tok.children):
            return "future", event, prospective  # "a scheduled Dec. 15 imposition", "the upcoming May 3 vote"
        tense = verb_tense(tok)
        if tense is not None:
            return tense or None, event, prospective
        prospective = prospective or (tok.dep_ in INFINITIVE_DEPS and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                          for c in tok.children))
    return None, event, prospective


def planned_through(tok, prev) -> bool:
    """Whether the date reached the plan word through what is planned: its infinitive ("planned to
    leave on Thursday") or a time phrase of a verb that has a planned object ("planned a large
    demonstration on Saturday": the date is the demonstration's, spaCy attaches it to the verb)."""
    if prev.dep_ == "xcomp":
        return True
    return prev.dep_ == "prep" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children)


def scheduled_tense(tok, planned_action: bool = False) -> str | None:
    """"scheduled for Feb. 14" is future; "was due to be released in September", "were planning
    to drive there on Monday", "did not plan to remove him on Thursday", "planned to leave on
    Thursday" are plans seen from the past, as likely over by publication as not: the nearer
    reading ("weak"). A plan word as a simple past verb whose own dependent is the date dates
    the planning, not the plan: "set Friday as the deadline" (past). `planned_action`: the date
    came up through the planned infinitive (xcomp). A plan participle after its noun takes the
    tense of the noun's clause ("the talks scheduled for Monday were called off": the nearer day)."""
    was = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD"]
    if was or (tok.dep_ == "acomp" and tok.head.tag_ == "VBD"):
        return "weak"
    if tok.dep_ == "acl" and verb_tense(tok.head.head) == "past":
        return "weak"  # "a service planned for Saturday was canceled": the plan, told in the past
    if tok.tag_ == "VBD" and tok.pos_ == "VERB":
        return "weak" if planned_action else "past"
    return "future"


def is_to_future(tok) -> bool:
    """"is to resume trading in Paris Tuesday", "are to meet on Friday": a present "be" with a
    to-infinitive complement states an arrangement, a future (English "be to" + infinitive)."""
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in tok.children)


def verb_tense(tok) -> str | None:
    """The tense one verb marks; None for infinitives, gerunds and non-verbs (look higher);
    "" for a verb that settles the question with no cue (copulas), "weak" for would/could."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.lower_ in COPULAS:  # "results are due in March" vs "it's down from the March high"
        return "future" if any(c.lower_ in FUTURE_WORDS for c in tok.children) or is_to_future(tok) else ""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes) and any(a.lower_ == "have" for a in auxes):
        return "past"  # a modal perfect: "may have been responsible for a drop on Wednesday"
    if any(a.lower_ in WEAK_AUX for a in auxes) or tok.lower_ in WEAK_AUX:
        return "weak"
    if any(a.lower_ in FUTURE_AUX or a.tag_ == "MD" for a in auxes) or tok.tag_ == "MD" \
            or any(a.lower_ == "going" for a in auxes):
        return "future"
    if any(a.lower_ == "to" or a.tag_ == "VB" for a in auxes):
        return None  # infinitive ("is due to be sworn in on 20 January"): the head decides
    if tok.tag_ == "VBN" and auxes and all(a.tag_ in ("VBZ", "VBP") and a.lower_ not in PAST_AUX for a in auxes):
        return "present"  # "when the case is heard in May": a present passive
    if tok.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" or a.lower_ in PAST_AUX for a in auxes):
        return "past"
    if tok.tag_ in ("VBZ", "VBP"):  # "says (that) ..." reports the past; "reports earnings Wednesday"
        return "past" if any(c.dep_ == "ccomp" for c in tok.children) else "present"
    return None

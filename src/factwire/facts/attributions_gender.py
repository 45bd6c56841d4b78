"""The grammatical gender a name or a title commits to, so that "she" is never resolved to a
man ("She said ..." after "George W. Bush spoke" was attributed to Bush).

Evidence, in order: a gendered title before the name ("Mrs.", "Sir", "Queen"), then the first
name in two lists of common English given names that are used (almost) only for one sex (the
most frequent given names in US/UK registers; names common for both, "Jordan", "Taylor",
"Alex", are in neither). Anything else is unknown (None): a pronoun may still resolve to it.
"""
from __future__ import annotations

MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "duke", "father", "brother",
                         "monsieur", "herr", "señor", "senor"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "dame", "queen",
                           "princess", "duchess", "sister", "mother", "frau", "señora", "senora"})

MALE_NAMES = frozenset("""
aaron adam adrian alan albert alexander alfred andrew anthony antonio arthur barack barry ben benjamin
bernard bill billy bob boris brad brandon brian bruce bryan carl carlos charles chris christopher clarence
colin craig dale dan daniel darren dave david dennis derek dmitry don donald douglas dwight earl ed eddie
edward emmanuel eric ernest eugene francis frank fred frederick gary gavin george gerald gordon graham
greg gregory harold harry henry howard hugh ian isaac ivan jack jacob jake james jason jeff jeffrey jeremy
jerry jim jimmy joe joel john johnny jonathan jose joseph joshua juan justin keith ken kenneth kevin
larry lawrence leonard louis luke malcolm marco mario mark martin matthew michael mike mikhail mitch
mohammed muhammad nathan neil nicholas nick nigel noah oleksii oliver omar oscar patrick paul peter phil
philip ralph randy raymond richard rick robert roger ronald roy russell ryan samuel scott sean sergei
sergey shane simon stanley stephen steve steven stuart ted terry thomas tim timothy todd tom tony victor
vincent vladimir volodymyr walter wayne william xi yuri zachary
""".split())

FEMALE_NAMES = frozenset("""
abigail alice alicia alison amanda amber amy andrea angela angelina ann anna anne annie barbara beatrice
betty beverly brenda bridget carol carolyn catherine charlotte cheryl christina christine claire clara
cynthia deborah debra denise diana diane donna doris dorothy elizabeth ellen emily emma evelyn frances
gloria grace hannah heather helen hillary irene jacqueline jane janet janice jean jennifer jessica jill
joan joanna joyce judith judy julia julie karen kate katherine kathleen kathy kelly kimberly laura lauren
linda lisa lori louise lucy madeleine margaret maria marie marilyn martha mary megan melania melissa
michelle monica nancy natalie nicole olga olivia pamela patricia paula rachel rebecca rose ruth samantha
sandra sarah sharon shirley sophia stephanie susan teresa theresa tina ursula valerie victoria virginia
wendy yulia
""".split())


def gender_of(name: str) -> str | None:
    """"m", "f" or None for a person's name as written ("Mrs. Jones", "George W. Bush")."""
    words = [w.strip(",").lower() for w in name.split()]
    for w in words:
        if w in MALE_TITLES:
            return "m"
        if w in FEMALE_TITLES:
            return "f"
    for w in words:  # the first word that is a known given name ("Former President George W. Bush")
        if w in MALE_NAMES:
            return "m"
        if w in FEMALE_NAMES:
            return "f"
    return None


def agrees(pronoun: str, name: str) -> bool:
    """May `pronoun` ("he"/"she") stand for `name`? Unknown gender agrees with both."""
    g = gender_of(name)
    return g is None or g == {"he": "m", "she": "f"}.get(pronoun.lower(), g)

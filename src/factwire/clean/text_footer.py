"""The page footer's copyright notice, the line after which a page has no more article.

A site prints "© 2019 CBS Interactive Inc. All Rights Reserved." once, in its footer, below
the article and any teaser rail attached to it: a rail of headline + dek pairs after the
notice ("World / Why farmers may want to paint their cows ...") is prose by shape and would
otherwise extend the body past the footer.  Only the reservation of rights itself marks the
notice: a photo credit says "© Getty Images" or "Photo: AP", never that all rights are
reserved, so a credit inside the article is no wall.
"""
from __future__ import annotations

import re

#: "All rights reserved" in the languages of the benchmark pages (English, German, French,
#: Spanish, Portuguese, Italian, Russian, Dutch, Polish).
RIGHTS_RE = re.compile(r"\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
                       r"todos los derechos reservados|todos os direitos reservados|"
                       r"tutti i diritti riservati|все права защищены|alle rechten voorbehouden|"
                       r"wszelkie prawa zastrzeżone)\b", re.I)
#: A footer notice is one short line (the company, the years, the phrase); a longer line that
#: mentions reserved rights is a licence paragraph or an article sentence about copyright.
NOTICE_MAX_WORDS = 14
#: Substrings one of which RIGHTS_RE needs (a cheap pre-check, lower case).
RIGHTS_KEYS = ("reserv", "vorbehalten", "réservés", "защищены", "zastrzeżone")


def is_copyright_notice(text: str, words: int) -> bool:
    """True for a footer's rights-reserved line of at most NOTICE_MAX_WORDS words."""
    if words > NOTICE_MAX_WORDS:
        return False
    low = text.lower()
    return any(k in low for k in RIGHTS_KEYS) and RIGHTS_RE.search(text) is not None

"""Language identification: script decides where it can, stop-word votes elsewhere, None when unsure."""
from __future__ import annotations

import pytest

from factwire.clean import clean_html
from factwire.dom import parse_html
from factwire.metadata.language import detect_language

from fwtest import PAGES, fixture_pages

SAMPLES = {
    "en": "The government said on Tuesday that it would not raise taxes this year, despite the deficit.",
    "de": "Die Regierung hat am Dienstag erklärt, dass sie in diesem Jahr die Steuern nicht erhöhen wird.",
    "fr": "Le gouvernement a déclaré mardi qu'il n'augmenterait pas les impôts cette année, malgré le déficit.",
    "es": "El gobierno dijo el martes que no subiría los impuestos este año, a pesar del déficit.",
    "it": "Il governo ha detto martedì che non aumenterà le tasse quest'anno, nonostante il deficit.",
    "pt": "O governo disse na terça-feira que não vai aumentar os impostos este ano, apesar do défice.",
    "nl": "De regering zei dinsdag dat ze dit jaar de belastingen niet zal verhogen, ondanks het tekort.",
    "pl": "Rząd poinformował we wtorek, że w tym roku nie podniesie podatków, mimo deficytu budżetowego.",
    "tr": "Hükümet salı günü yaptığı açıklamada bu yıl vergileri artırmayacağını söyledi ve bütçe açığı için bir plan var.",
    "ru": "Правительство заявило во вторник, что не будет повышать налоги в этом году, несмотря на дефицит.",
    "uk": "Уряд заявив у вівторок, що цього року не буде підвищувати податки, попри дефіцит бюджету.",
    "ar": "قالت الحكومة يوم الثلاثاء إنها لن ترفع الضرائب هذا العام على الرغم من العجز في الميزانية.",
    "ja": "政府は火曜日、財政赤字にもかかわらず、今年は増税しないと発表した。",
    "zh": "政府星期二表示，尽管存在财政赤字，今年不会提高税收。",
    "ko": "정부는 화요일 재정 적자에도 불구하고 올해 세금을 인상하지 않겠다고 밝혔다.",
    "el": "Η κυβέρνηση δήλωσε την Τρίτη ότι δεν θα αυξήσει τους φόρους φέτος, παρά το έλλειμμα.",
    "he": "הממשלה הודיעה ביום שלישי כי לא תעלה את המסים השנה, למרות הגירעון.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_one_sentence_is_enough(lang):
    assert detect_language(SAMPLES[lang]) == lang


@pytest.mark.parametrize("text", ["", "12 34 56 — 78", "Palm Bay 18 22 13 17 — 70\n" * 30])
def test_no_guess_without_evidence(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("name", sorted(fixture_pages()))
def test_agrees_with_the_declared_language_of_whole_pages(name):
    """The detector reads only the clean body of a page; where the page declares <html lang>, it
    agrees (on the DEV pages this is a gate: bench/gates/test_gate_extraction.py)."""
    root = parse_html((PAGES / name).read_text(encoding="utf-8"))
    declared = (root.get("lang") or "").lower()[:2] or fixture_pages()[name]["language"]
    assert detect_language("\n".join(clean_html(root).paragraphs)) == declared


@pytest.mark.parametrize("text", [
    "On Monday, rockets hit a depot near the town. Damage unknown.",
    "Police opened fire at a car in the village. Casualties unknown.",
    "Border guards downed a drone near the port.",
    "Soldiers detained a local reporter in Nova Odesa, Mykolaiv.",  # "local", "Nova": Portuguese words
])
def test_short_english_notes_are_english_or_undecided_never_another_language(text):
    assert detect_language(text) in (None, "en")


def test_script_weights_keep_only_that_scripts_languages_in_profile_order():
    from factwire.metadata.language import load_profiles, script_weights

    scripts, owners = load_profiles()
    for script in ("latin", "cyrillic"):
        table = script_weights(script)
        assert table and all(scripts[lang] == script for pairs in table.values() for lang, _ in pairs)
        word = next(iter(table))
        k = len(owners[word])
        assert table[word] == tuple((lang, 1.0 / k) for lang in owners[word] if scripts[lang] == script)
    shared = [w for w, langs in owners.items() if len(langs) > 1 and all(scripts[x] == "latin" for x in langs)]
    assert shared and sum(x for _, x in script_weights("latin")[shared[0]]) == pytest.approx(1.0)
    assert "the" in script_weights("latin") and "the" not in script_weights("cyrillic")

"""Browser copies glue a flex menu into one line; such a line is no prose (text_glued.py)."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_glued import is_glued_menu
from factwire.clean.text_lines import count_words

MENU = ("How to Invest MoneyWhat to Invest InHow to Invest in StocksHow to Invest in ETFsHow to "
        "Invest in Index FundsHow to Invest in BondsFinancial DictionaryStock Market 101Types of "
        "StocksStock Market SectorsWhat Are Stock Splits?What Is Compound Interest?")
PROSE = ("Apple's AirPods and AirPods Pro are down to their lowest prices on Amazon this week. "
         "The MacBook Pro deal from last week is still on, and the iPhone cases we liked at "
         "LinkedIn's event are in stock at most stores in the United States and in Canada.")


def test_a_glued_menu_is_told_from_prose_that_names_camel_case_products():
    assert is_glued_menu(MENU, count_words(MENU))
    assert not is_glued_menu(PROSE, count_words(PROSE))


def test_a_glued_menu_above_the_article_is_left_out():
    body = [f"Cloud computing boomed during the 2010s, but growth in this industry is still in its "
            f"early innings, and spending is projected to rise for {n} years to come." for n in ("two", "five", "ten")]
    page = "\n".join(["Accessibility Menu", "How to Invest", MENU, "Retirement", MENU.replace("Invest", "Save"),
                      "Top 10 Stocks", *body, "Share"])
    cleaned = clean_text(page)
    assert not any("Financial Dictionary" in p for p in cleaned.paragraphs)
    assert len(cleaned.paragraphs) == 3


def test_web_addresses_are_no_glued_menu():
    """Case changes inside an address or a query token are an encoding, not run-together entries."""
    urls = ("https://www.clevelandutilities.com/news_detail_T6_R60.php https://www.bradfordwhite.com/"
            "?utm_source=google&gclid=Cj0KCQjw0IGnBhDUARIsAMwFDLlYleS3ulu_GNd3ja-BOgAmoyh80AN1i2e7uAzZ "
            "https://www.electrolux.com/en/?gad=1&gclid=Cj0KCQjw0IGnBhDUARIsAMwFDLlYleS3ulu_GNd3ja")
    assert not is_glued_menu(urls, count_words(urls))

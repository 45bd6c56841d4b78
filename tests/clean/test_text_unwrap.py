"""Renderer habits undone before the line cleaner: hard wrapping, Markdown, lynx link numbers."""
from __future__ import annotations

import textwrap

from factwire.clean import clean_text
from factwire.clean.text_unwrap import columns, normalize, wrap_width

PARAS = [
    "Moscow and Tehran have reached an agreement to manufacture drones on Russian soil to bolster "
    "their war effort in Ukraine after months of relentless shelling of civilian sites, a report said.",
    "US intelligence officials only recently learned of the deal the two nations reached in early "
    "November, and officials declined to say how they had found out about the arrangement at all.",
    "The United States first revealed Iranian plans to give away hundreds of Shahed-136 drones to "
    "Russia earlier this year, and in August the first drones were shipped before being used.",
]
MENU = ["Home", "World", "Business", "Sport", "Weather"]


def wrapped(width: int = 78, indent: str = "") -> str:
    paras = [textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent) for p in PARAS]
    return "\n".join(MENU) + "\n\nDrones deal agreed\n\n" + "\n\n".join(paras) + "\n"


def test_a_hard_wrapped_page_is_unwrapped_to_its_paragraphs():
    text = wrapped()
    assert wrap_width(text.splitlines()) is not None
    out = normalize(text)
    for p in PARAS:
        assert p in out
    assert clean_text(text).paragraphs == PARAS


def test_unwrapped_text_is_left_alone():
    text = "\n".join(MENU) + "\n\n" + "\n\n".join(PARAS) + "\n"
    assert normalize(text) == text


def test_menu_lines_are_not_glued_to_each_other():
    out = normalize(wrapped()).splitlines()
    assert out[:5] == MENU


def test_markdown_links_images_and_markup_become_plain_text():
    md = ("* [Home](/)\n* [World](/world)\n* [Sport](/sport)\n* [Business](/biz)\n* [Weather](/w)\n\n"
          "## Drones deal agreed\n\n"
          "![drone](https://img.example.com/a-very-long-image-name.jpg)\n\n"
          "Moscow and Tehran have **reached** an agreement, [a report](https://example.com/news/a-\n"
          "report-on-drones) said on _Saturday_ \\- officials confirmed.\n")
    out = normalize(md)
    assert "Moscow and Tehran have reached an agreement, a report said on Saturday - officials confirmed." in \
        out.replace("\n", " ")
    assert "https" not in out and "drone.jpg" not in out and "##" not in out


def test_lynx_link_numbers_and_reference_list_are_dropped():
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    refs = "\nReferences\n\n   1. https://example.com/\n   2. https://example.com/world\n"
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    out = normalize(links + "\n\n" + body + refs)
    assert "https://" not in out and "[14]" not in out and "[1]" not in out
    assert PARAS[0] in out


def test_lynx_reference_urls_with_line_breaks_are_dropped_too():
    """An href holding a line break is listed on several lines; the list is cut whole."""
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    refs = ("\nReferences\n\n   Visible links:\n   1. https://example.com/share?text=Talks\n"
            "https://example.com/world/\n   2. https://example.com/world\n")
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    out = normalize(links + "\n\n" + body + refs)
    assert "https://" not in out and PARAS[0] in out


def wrap_like_w3m(para: str, width: int = 76) -> list[str]:
    """Lines of at most `width` display columns (two for a wide character), broken between
    any two wide characters but never inside a run of Latin letters and digits (w3m)."""
    import re
    lines, line = [], ""
    for piece in re.findall(r"[A-Za-z0-9]+|.", para):
        if columns(line + piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return lines + [line]


def test_wrapped_cjk_lines_join_without_a_space():
    para = "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。" * 3
    lines = wrap_like_w3m(para)  # every Han or kana character takes two columns
    text = "ホーム\n\n" + "\n".join(lines) + "\n\n" + "\n".join(lines) + "\n"
    assert para in normalize(text)


def test_lynx_tag_links_after_a_closing_sentence_are_not_joined_to_it():
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    tags = "\n".join(f"   [{i}]{m}" for i, m in enumerate(["Opinion", "China", "Hong Kong"], 20))
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    out = normalize(links + "\n\n" + body.rstrip("\n") + "\n" + tags + "\n")
    assert any(line.strip() == "Opinion" for line in out.splitlines())


def test_html2text_headings_in_items_escaped_image_alts_and_icon_links_are_unmarked():
    from factwire.clean.text_unwrap import demarkdown

    md = ("  * #####  More from the paper\n"
          "[ ![\\[https://x.net/a.jpg\\]](https://x.net/a.jpg) ](https://x.net/v)Video title\n"
          "[\n__](mailto:?subject=x) Share your thoughts")
    out = demarkdown(md)
    assert "#" not in out and "https" not in out and "__" not in out
    assert "More from the paper" in out and "Video title" in out


def test_lynx_nested_list_bullets_are_items_not_wrapped_text():
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    nested = "\n".join(f"               o [{i}]{m} desk" for i, m in enumerate(MENU, 30))
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    out = normalize(links + "\n" + nested + "\n\n" + body)
    assert any(line.strip() == "* World desk" for line in out.splitlines())


def test_a_wrap_inside_japanese_is_no_space_even_on_a_line_with_latin_words():
    """w3m breaks a run of wide characters anywhere; a Latin name elsewhere on the line does
    not make the break a word space (fullwidth punctuation counts two columns too)."""
    para = ("さて、このKindle for PC、Amazonがあまり力を入れていないのか操作性などあまりよくありません。"
            "設定で変更できる箇所も少なく、融通が効かない面も多いのです。") * 3
    lines, line = [], ""
    for ch in para:  # wrap at 78 display columns, two for each wide character
        if columns(line + ch) > 78:
            lines.append(line)
            line = ""
        line += ch
    lines.append(line)
    text = "ホーム\n\n" + "\n".join(lines) + "\n\n" + "\n".join(lines) + "\n"
    assert para in normalize(text)


def test_a_wrap_between_two_latin_words_inside_japanese_keeps_its_space():
    """w3m breaks a run of Latin words at a space, also on a line of Japanese without spaces:
    "... 脱獄すれば、App" / "Storeにない ..." is "App Store", not "AppStore"."""
    first = "「脱獄」とは、iPhoneのiOSを改造して機能制限を解除することで、脱獄すれば、App"
    second = "Storeにない非公式アプリを利用することもできるようになるとのことです。"
    para = "\n".join([first, second])
    text = "ホーム\n\n" + "\n\n".join([para] * 6) + "\n"
    out = normalize(text)
    assert "App Storeにない" in out and "AppStore" not in out


def test_html2text_link_with_a_title_broken_inside_its_url_is_one_link():
    """html2text breaks a long target after a hyphen, also when a title follows the URL."""
    link = ('[First Snowfall in Metro Detroit](https://detroit.example.com/2019/11/06/first-snowfall-in-metro-\n'
            'detroit/ "First Snowfall in Metro Detroit")')
    text = "\n\n".join([f"[{m}](https://example.com/{m.lower()})" for m in MENU] + [link, *PARAS])
    out = normalize(text)
    assert "First Snowfall in Metro Detroit" in out and "https://" not in out


def test_html2text_teaser_card_links_are_split_at_their_block_gaps():
    """A link wrapping a whole teaser card (headline, summary, age) comes out of html2text as
    one run with two spaces between its blocks: each block gets a line of its own."""
    card = ("[ ![cow.jpg](https://img.example.com/cow.jpg#) Why farmers may want to paint their cows  "
            "Some people thought the cattle were a practical joke, but the science could save farmers money  "
            "32M ago ](https://example.com/news/cows/)")
    text = "\n\n".join([f"[{m}](https://example.com/{m.lower()})" for m in MENU] + [card, *PARAS])
    lines = normalize(text).splitlines()
    assert "Why farmers may want to paint their cows" in lines and "32M ago" in lines
    assert PARAS[0] in lines


def test_markdown_images_with_escaped_parentheses_in_their_address_leave_nothing():
    """html2text escapes parentheses inside addresses ("focal\\(0x0:659x692\\)", "Swim+\\(1\\).jpg")
    and breaks long addresses after a hyphen; the image regex stopped at the first escaped one
    and left ".jpg)" runs glued to the article's last sentence."""
    from factwire.clean.text_unwrap import demarkdown

    text = ("He won the 100 yard freestyle.\n\n"
            + "\n\n".join(f"![](https://media.example.com/images/Swim+\\({k}\\).jpg)" for k in range(1, 4))
            + "\n\n![A view of the gate.](https://cdn.vox-\ncdn.com/thumbor/x=/filters:focal\\(560x560:922x922\\)/cdn.vox-\n"
            "cdn.com/uploads/image.jpg) Air quality fell.")
    out = demarkdown(text)
    assert ".jpg" not in out and "vox" not in out
    assert "He won the 100 yard freestyle." in out and "Air quality fell." in out


JA_PARA = ("商標には、同じ商標が付された商品は同じ提供元のものであるという、商品の出所を表示する機能（出所表示機能）、"
           "同じ商標が付された商品は同じ品質であることを保証する機能（品質保証機能）があります。")


def _lynx_page(body_lines: list[str]) -> str:
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    return links + "\n\n" + "\n".join(body_lines) + "\n"


def test_link_marks_tell_which_lines_open_with_a_link():
    """normalize(marks=True) keeps where lynx's numbered links and Markdown links start;
    build_blocks removes the marks and records them on each block."""
    from factwire.clean.text_lines import LINK_MARK, build_blocks

    rail = ["   [40]Pence aide describes call between Trump and Zelensky", "",
            "   [41]Alexander Vindman, director for European affairs, speaks during a hearing.", ""]
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    text = _lynx_page(rail) + "\n" + body
    assert LINK_MARK not in normalize(text)
    blocks = build_blocks(normalize(text, marks=True))
    assert all(LINK_MARK not in b.text for b in blocks)
    by_text: dict = {}
    for b in blocks:
        by_text.setdefault(b.text, b)  # the lynx menu comes first; wrapped() repeats it unlinked
    assert by_text["World"].link_lead and by_text["World"].links == 1
    assert by_text["Pence aide describes call between Trump and Zelensky"].link_lead
    para = next(b for b in blocks if b.text.startswith("Moscow"))
    assert not para.link_lead and para.links == 1 and "[14]" not in para.text
    md = "\n\n".join([f"* [{m}](https://example.com/{m.lower()})" for m in MENU] +
                     ["[Pence aide describes call](https://example.com/a) in full", PARAS[0]])
    blocks = build_blocks(normalize(md, marks=True))
    assert [b.link_lead for b in blocks] == [True] * 5 + [True, False]
    assert blocks[5].text == "Pence aide describes call in full"


def test_a_lynx_caption_ending_in_its_credit_is_not_joined_to_the_next_linked_picture():
    """lynx keeps a link whole, so a line well into the width before a "[12]" link may be
    wrapped -- but not when a photo credit ends it: a gallery's captions, one per picture."""
    caps = []
    for k in range(3):
        caps += [f"   [{20 + k}]In this photo issued by ITV, Boris Johnson reacts during the election",
                 f"   debate in Salford, picture {k}. (ITV via AP)"]
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    lines = normalize(links + "\n\n" + body + "\n" + "\n".join(caps) + "\n").splitlines()
    assert sum(1 for ln in lines if ln.strip().startswith("In this photo")) == 3


def test_lynx_wraps_japanese_by_characters_and_is_unwrapped():
    """lynx fills a run of Japanese to 74 characters (not columns) after its 3-column indent:
    no column width fits such a page, yet its wrapped lines all end at one length."""
    paras = [JA_PARA * 2, JA_PARA.replace("商標には", "例えば") * 2, JA_PARA.replace("商標には", "通常") * 2]
    lines = []
    for p in paras:
        lines += ["   " + p[k:k + 71] for k in range(0, len(p), 71)] + [""]
    text = _lynx_page(lines)
    out = normalize(text)
    for p in paras:
        assert p in out
    short = _lynx_page(["   先日、男性が逮捕されました。", "   報道によると、販売されたのはiPhone。"] * 2)
    assert "先日、男性が逮捕されました。" in [ln.strip() for ln in normalize(short).splitlines()]


def test_lynx_breaks_japanese_at_the_space_before_a_latin_word_and_it_is_rejoined():
    """A run of Japanese holding "App Store": lynx breaks at the space when the run after it
    ("Storeにない...", no space) would not fit, so the line ends short with a Latin word."""
    paras = [JA_PARA * 2, JA_PARA.replace("商標には", "例えば") * 2]
    lines = []
    for p in paras:
        lines += ["   " + p[k:k + 71] for k in range(0, len(p), 71)] + [""]
    lines += ["   「脱獄」とは、iPhoneのiOSを改造して機能制限を解除することで、脱獄すれば、App",
              "   Storeにない非公式アプリを利用することもできるようになるとのことです。", ""]
    out = [ln.strip() for ln in normalize(_lynx_page(lines)).splitlines()]
    assert "「脱獄」とは、iPhoneのiOSを改造して機能制限を解除することで、脱獄すれば、App " \
           "Storeにない非公式アプリを利用することもできるようになるとのことです。" in out
    short = _lynx_page(lines[:-3] + ["   最新のiPhone", "   Appleは新しい製品を発表しました。", ""])
    assert "最新のiPhone" in [ln.strip() for ln in normalize(short).splitlines()]


def test_a_line_ending_with_the_japanese_comma_goes_on_without_a_space():
    """"、" cuts a sentence like "," does: the next line is its rest (one block, no space
    between two wide characters)."""
    from factwire.clean.text_lines import build_blocks

    blocks = build_blocks("しかし、今回の事件のように、改造を加えて販売した場合は侵害になります。また、その他にも、\n"
                          "もとの商品に付された商標を剥奪抹消した商品を販売する行為や、\n商標権侵害と判断される場合があります。")
    assert len(blocks) == 1
    assert "その他にも、もとの商品" in blocks[0].text and "行為や、商標権" in blocks[0].text



def test_markdown_links_numbered_like_references_do_not_make_a_lynx_page():
    """html2text prints numbered references as "([1](https://...))": no lynx link numbers."""
    refs = "\n\n".join(f"{p[:-1]} ([{k}](https://www.ncbi.nlm.nih.gov/pubmed/{k}))." for k, p in enumerate(PARAS * 2, 1))
    out = normalize(refs)
    assert "(1)." in out and "((https" not in out



def test_html2text_blockquote_marks_are_taken_off_before_unwrapping():
    quote = textwrap.fill(PARAS[0], 76, initial_indent="> ", subsequent_indent="> ")
    md = "\n\n".join([f"[{m}](https://example.com/{m.lower()})" for m in MENU] + [quote] +
                     [textwrap.fill(p, 76) for p in PARAS[1:] * 2])
    out = normalize(md)
    assert PARAS[0] in out and ">" not in out



def test_html2text_wrap_width_is_measured_on_lines_without_links():
    """A menu of Markdown links wraps wherever the next address does not fit: when no width
    fits all long lines, the article's wrapped lines (without links) give it."""
    menu = [f"[{m} desk](https://www.example.com/{m.lower()}/{'x' * (k % 20)})" for k, m in enumerate(MENU * 6)]
    text = "\n".join(menu) + "\n\n" + "\n\n".join(textwrap.fill(p, 78) for p in PARAS) + "\n"
    assert wrap_width(text.splitlines()) is not None
    assert PARAS[1] in normalize(text)


def test_lynx_image_file_names_inside_text_are_dropped_and_alone_kept():
    """lynx prints an image without alt text as its file's name in brackets; one before a
    paragraph (its query wrapped over a line break) is no word of it, one alone on its line
    stays for the cleaner to score as chrome."""
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    first = textwrap.fill("quality=20&amp;dpr=0.05] " + PARAS[0], 76, initial_indent="   ",
                          subsequent_indent="   ")
    rest = [textwrap.fill(p, 76, initial_indent="   ", subsequent_indent="   ") for p in PARAS[1:]]
    body = "\n\n".join(["   [ps4crystal.jpg?width=640&amp;fit=bounds&amp;height=480&amp;\n" + first, *rest])
    out = normalize(links + "\n\n   [12][li_red.gif]\n\n" + body)
    assert "ps4crystal" not in out and "quality=20" not in out and PARAS[0] in out
    assert "[li_red.gif]" in out


def test_lynx_reference_list_with_a_mailto_body_is_cut_whole():
    """A share link's "mailto:?body=<headline> <dek>" prints lines of prose inside the list of
    URLs: the list is still cut at its header, so the page's wrap width is found."""
    body = wrapped(width=76, indent="   ").replace("relentless", "[14]relentless")
    links = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(MENU, 1))
    long_urls = "\n".join(f"  {k}. https://example.com/share?u=" + "x" * 90 for k in range(6, 16))
    refs = ("\nReferences\n\n   1. https://example.com/\n" + long_urls +
            "\n  17. mailto:?body=Drones deal agreed as both nations press on\n"
            "Moscow and Tehran agree to build drones, a report said\n  18. https://example.com/world\n")
    out = normalize(links + "\n\n" + body + refs)
    assert "https://" not in out and "mailto" not in out
    assert PARAS[0] in out


def test_w3m_image_placeholder_glued_to_its_paragraph_is_dropped():
    """w3m prints an image as its cut alt or file name in brackets, glued to the paragraph after
    it; a Markdown link is not such a placeholder."""
    text = ("[switchlite]Save $31 if you get a turquoise Switch Lite with a game and a case.\n\n"
            "[Read more](https://example.com/x) about the console.")
    out = normalize(text)
    assert out.startswith("Save $31 if you get")
    assert "Read more" in out


def test_a_caption_ending_in_its_agency_is_not_joined_to_the_next_line():
    """A wrapped caption's last line ends "... Jaafar ASHTIYEH / AFP" near the width; the
    next line ("Highlights") would not have fitted, yet the caption ends at its credit."""
    caption = ["A man rides on a donkey in the village of Kifl Hares opposite the settlement",
               "of Revava on November 19, 2019. The prime minister hailed a US announcement,",
               "but the Palestinians pledged new measures to oppose it. Jaafar ASHTIYEH / AFP"]
    assert all(len(ln) <= 78 for ln in caption) and len(caption[-1]) + len(" Highlights") > 78
    text = wrapped() + "\n" + "\n".join(caption) + "\nHighlights\n\n" + wrapped()
    out = normalize(text).splitlines()
    assert "Highlights" in out
    assert " ".join(caption) in out

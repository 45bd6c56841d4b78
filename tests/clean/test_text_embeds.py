"""lynx's embedded frames ("IFRAME: [n]<address>") are no text of the page."""
from __future__ import annotations

from factwire.clean import clean_text
from factwire.clean.text_embeds import drop_frames
from factwire.clean.text_unwrap import normalize

BODY = [
    "   Senator Ahmad Lawan on Tuesday moved a motion for the adjournment of the first plenary",
    "   session of the Senate since it resumed from its annual recess, citing two recent deaths.",
    "",
    "   IFRAME:",
    "   [22]http://www.facebook.com/plugins/like.php?href=http%3A%2F%2Fwww.thep",
    "   aradigmng.com%2F2018%2F10%2F09%2Fbreaking-lawan-moves-motion-senates-ad",
    "   journment-nzeribe-adedoyins-deaths%2F&layout=button_count&show_faces=fa",
    "",
    "   The Senate then resolved to observe a minute of silence in honour of the departed",
    "   souls, and the details of the plenary were shared on the Senate's own Twitter handle.",
    "",
    "   IFRAME: [23]https://www.youtube.com/embed/AEyOoZ7JpyY",
    "",
    "   The National Assembly had resumed from its annual recess on Tuesday morning after a",
    "   long break in which members visited their constituencies and held public hearings.",
]
MENU = "\n".join(f"   * [{i}]{m}" for i, m in enumerate(["Home", "News", "Sport", "Business", "Politics"], 1))


def test_frame_label_and_its_wrapped_address_are_dropped():
    lines = drop_frames(BODY)
    assert not any("IFRAME" in ln or "facebook" in ln or "aradigmng" in ln or "youtube" in ln for ln in lines)
    assert sum(1 for ln in lines if ln.strip()) == 6


def test_a_line_with_spaces_after_a_frame_label_is_text_again():
    lines = ["   IFRAME: [124]https://www.youtube.com/embed/mR3", "   This line is prose again.", ""]
    assert drop_frames(lines) == ["   This line is prose again.", ""]


def test_lynx_page_keeps_no_frame_address_in_the_body():
    text = MENU + "\n\n" + "\n".join(BODY) + "\n"
    assert "facebook" not in normalize(text)
    body = "\n".join(clean_text(text).paragraphs)
    assert "Senator Ahmad Lawan" in body and "National Assembly" in body
    assert "http" not in body and "IFRAME" not in body


def test_text_without_frames_is_unchanged():
    lines = ["IFRAMES: are a word here", "", "The EMBED label needs a colon"]
    assert drop_frames(lines) == lines


def test_image_file_names_and_slugs_are_no_words():
    from factwire.clean.text_embeds import is_file_name

    for name in ("apple-iphone-11-pro-colors-091019.jpg", "what-is-catering-business-demo",
                 "milano-design-week-2018-flos-anastassiades-jewels-after-jewels-Arra ngements-01",
                 "french-blue-farringdon-pattern-flooring.jpg easy-steps-beautiful-interior-design.jpg",
                 "IMG_2041.JPG"):
        assert is_file_name(name), name
    for text in ("state-of-the-art", "Apple iPhone 11 Pro.", "COVID-19", "Read more-in-depth coverage here",
                 "http://example.com/a-b-c-d", "See www.example.com/file.jpg"):
        assert not is_file_name(text), text


def test_a_file_name_alt_inside_the_body_is_set_aside():
    paras = [
        "The new earbuds have Alexa built in, have active noise cancellation, and work with both "
        "iOS and Android devices, which makes them a good pick for most households this season.",
        "apple-iphone-11-pro-colors-091019.jpg",
        "Apple's newest phones come in four colours this year, and the camera module has three lenses "
        "for the first time, one of them an ultra-wide lens that the reviewers liked a great deal.",
        "The battery lasts most of a second day in light use, the company says, and the phone charges "
        "faster with the adapter that now comes in the box, which older models had to buy separately.",
    ]
    cleaned = clean_text("\n\n".join(["Home", "News", "Reviews"] + paras))
    assert "apple-iphone-11-pro-colors-091019.jpg" not in cleaned.paragraphs
    assert cleaned.paragraphs[0].startswith("The new earbuds") and len(cleaned.paragraphs) == 3


def test_lynx_rules_are_taken_out_of_text_lines_and_set_aside_in_the_body():
    from factwire.clean.text_embeds import drop_rules, is_rule

    rule = "   " + "_" * 66
    lines = ["   Use our checklist so you don't miss anything. " + "_" * 66, rule,
             "   ____________________ Email Address*"]
    assert drop_rules(lines) == ["   Use our checklist so you don't miss anything.", rule, lines[2]]
    assert is_rule(rule.strip()) and is_rule("____________________")
    assert not is_rule("____________________ Email Address*") and not is_rule("snake_case_name")
    page = "\n".join(MENU.splitlines() + ["", *BODY[:3], rule.strip(), "", *BODY[8:11]]) + "\n"
    body = clean_text(page).paragraphs
    assert not any("___" in p for p in body) and len(body) == 2


def test_lynx_button_markers_inside_text_go_and_a_button_line_is_a_control():
    from factwire.clean.text_embeds import drop_inline_buttons, is_control

    lines = ["   The definition holds, according to (BUTTON) Mikey Shulman, a lecturer.",
             "     * [2]Training (BUTTON)", "   (BUTTON) (BUTTON) (BUTTON)", "   (BUTTON) Share"]
    assert drop_inline_buttons(lines) == [
        "   The definition holds, according to Mikey Shulman, a lecturer.", "     * [2]Training",
        "   (BUTTON) (BUTTON) (BUTTON)", "   (BUTTON) Share"]
    assert is_control("(BUTTON) Get a Quote") and not is_control("Buttons and zips")


def test_a_line_naming_a_picture_is_a_caption_not_body():
    from factwire.clean.text_embeds import names_a_picture

    for alt in ("Image of a doctor wearing a white coat with a stethoscope around their neck",
                "A stock image of a woman holding a joint. Researchers have looked at the data.",
                "Photos: Crossgates Mall through the years", "Grouped bar graph: Cost of College by type",
                "Screenshot of the settings page"):
        assert names_a_picture(alt), alt
    for prose in ("Imagery from the satellite shows the fires.", "Photography is his passion, he said.",
                  "A picture-perfect day ended in a storm.", "The image of the city has changed."):
        assert not names_a_picture(prose), prose
    paras = [
        "The survey asked four thousand shoppers how they found the brands they now buy most often, "
        "and which of the social networks they had used before deciding on a purchase this year.",
        "Stats showing the percentage of social users who make a purchase on Facebook",
        "Image of a shopper holding a phone with a social feed open on the screen in a busy store",
        "Nearly four in ten said they had bought something they first saw on a social feed, up from "
        "a quarter two years ago, and the share was highest among shoppers under thirty years old.",
        "Brands that answered questions quickly were named most often, the report said, ahead of "
        "those with the lowest prices or the most famous faces in their advertising campaigns.",
    ]
    cleaned = clean_text("\n\n".join(["Home", "Blog", "Pricing"] + paras))
    assert not any(p.startswith("Image of") for p in cleaned.paragraphs)
    assert cleaned.paragraphs[0].startswith("The survey") and cleaned.paragraphs[-1].startswith("Brands")


def test_a_short_line_ending_in_a_pictures_name_is_an_alt():
    from factwire.clean.text_embeds import names_a_picture

    for alt in ("CIS SecureSuite logo", "main article image", "Sections arrow icon",
                "UH rallies past Rice in second half - Photo",
                "Lexus wants you to drive topless with 2020 LC500 Convertible image"):
        assert names_a_picture(alt), alt
    for text in ("B&H Photo", "He redesigned the company's logo.", "Photography",
                 "The state of the economy is what shapes the president's public image in the end, "
                 "pollsters say, more than any speech he gives or any other image"):
        assert not names_a_picture(text), text


def test_a_lower_case_alt_between_paragraphs_is_set_aside():
    paras = [
        "Hosting season is here, and the designers we asked agree that the best parties this year "
        "will feel personal, with fewer rules and more of the host's own story in every detail.",
        "woman in sweater giving a wrapped christmas gift box to child by the tree",
        "Start with the invitations: a printed card sets the tone weeks before the guests arrive, "
        "and several designers said they are back to paper after years of sending digital ones.",
        "Then think about the table, where a single colour story carried from the napkins to the "
        "flowers does more for the room than any number of expensive centrepieces could do.",
    ]
    cleaned = clean_text("\n\n".join(["Home", "Design", "Shop"] + paras))
    assert cleaned.paragraphs == [paras[0], paras[2], paras[3]]
    joined = clean_text("\n\n".join(["Home", paras[0], paras[2] + " and", "then the table was set for twelve",
                                     paras[3]])).paragraphs
    assert any("then the table was set" in p for p in joined)

"""What a dump prints for page elements that hold no words: frames, image file names, rules
and form fields.

Frames: the address of a frame is no word of the page.

lynx prints an `<iframe>` (a video player, a map, a social "like" button, an ad widget) as a
label and a link to the frame's address: "IFRAME: [22]https://www.youtube.com/embed/..." on
one line, or "IFRAME:" alone with the link on the next; a long address is broken over further
lines at the wrap width with no space (lynx breaks a word it cannot wrap).  `<embed>` is
labelled "EMBED:" the same way.  Left in, the address reads as a long line of words (every
"%2F" splits one) and can score as a paragraph of prose.
"""
from __future__ import annotations

import re

from factwire.clean.text_lines import Block

#: lynx's label of a frame or embedded object, optionally followed by its address or name.
FRAME_LABEL_RE = re.compile(r"^\s*(?:IFRAME|EMBED):(?:\s|$)")


def drop_frames(lines: list[str]) -> list[str]:
    """`lines` without lynx's frame labels and the address lines that follow them: the
    label's line, then every non-blank line without a space up to the next blank line (the
    rest of an address broken by the wrap).  A line with a space after a label is text again."""
    if not any("IFRAME:" in ln or "EMBED:" in ln for ln in lines):
        return lines
    out: list[str] = []
    in_frame = False
    for ln in lines:
        stripped = ln.strip()
        if FRAME_LABEL_RE.match(ln):
            in_frame = True
            continue
        if in_frame and stripped and " " not in stripped:
            continue
        in_frame = False
        out.append(ln)
    return out


#: An image printed by its file's name: a CMS that has no alt text fills it with the file name
#: ("apple-iphone-11-pro-colors-091019.jpg") or its slug ("what-is-catering-business-demo"),
#: and a dump prints that alt where the picture was.  A slug joins at least SLUG_MIN_PARTS words
#: with hyphens or underscores in at least SLUG_MIN_CHARS characters (a compound such as
#: "state-of-the-art" has four parts but is short; slugs of file names on the tune pages run
#: 27-70 characters) ...
SLUG_MIN_PARTS = 4
SLUG_MIN_CHARS = 20
FILE_NAME_RE = re.compile(r"[\w.-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)|"
                          r"(?=\S{%d})[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+){%d,}" % (SLUG_MIN_CHARS, SLUG_MIN_PARTS - 1),
                          re.I)
#: ... and the other "words" of such a line are the rest of a name the wrap broke ("...-Arra"
#: / "ngements-01": lynx breaks a name it cannot wrap) or another file name.
NAME_PIECE_RE = re.compile(r"[\w.]*[-_][\w.-]*|[\w-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)", re.I)


#: ... or one image address, as w3m prints an alt-less picture's source ("https://cdn.example.com
#: /5dd3a0-500-250/ten-things.jpg?w=640"): a token ending in an image extension.
IMAGE_ADDRESS_RE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg|bmp)(?:\?\S*)?$", re.I)


def is_file_name(text: str) -> bool:
    """A line made of image file names or slugs only (see FILE_NAME_RE, IMAGE_ADDRESS_RE): no word
    of the page."""
    if " " not in text and IMAGE_ADDRESS_RE.match(text):
        return True
    parts = text.split()
    if not parts or len(parts) > 4 or "/" in text or ":" in text:
        return False
    return any(FILE_NAME_RE.fullmatch(p) for p in parts) and \
        all(FILE_NAME_RE.fullmatch(p) or NAME_PIECE_RE.fullmatch(p) for p in parts)


#: lynx draws a horizontal rule (`<hr>`) as a line of underscores (66 after its indent), at
#: the end of the text line before it when no blank line separates them ("... miss anything.
#: ______"), and a text field as a shorter run ("____________________ Email Address*", 20).
#: "_" is a word character to a tokenizer, so each run reads as a word.
UNDERSCORE_RUN_RE = re.compile(r"_{3,}")
#: A run at least this long is a rule: taken out of a line of text.  A text field's run is
#: left on its line (a form's line is chrome, and its run says so).
RULE_RE = re.compile(r"\s*_{30,}")


def drop_rules(lines: list[str]) -> list[str]:
    """lynx's text lines without a rule drawn at their end or inside them (see RULE_RE).  A
    line that is one rule or field and nothing else is kept: it is a break between two parts of
    the page that the region finder reads as chrome; inside the body it is set aside (is_rule)."""
    if not any("_" * 30 in ln for ln in lines):
        return lines
    return [_without_rule(ln) if "_" * 30 in ln else ln for ln in lines]


def _without_rule(line: str) -> str:
    """`line` without its rules, unless nothing else is on it."""
    rest = RULE_RE.sub("", line).rstrip()
    return rest if rest.strip() else line


def is_rule(text: str) -> bool:
    """A line that is only a drawn rule or text field (runs of underscores)."""
    return text.startswith("___") and not UNDERSCORE_RUN_RE.sub("", text).strip()


#: lynx prints a form button as "(BUTTON) <label>".  A line opening with one is a control of
#: the page (share, subscribe, expand, close), never the article; inside a line of text (a
#: name the site made a button: "according to (BUTTON) Mikey Shulman, a lecturer ...") the
#: marker is no word of the sentence and is taken out.
BUTTON = "(BUTTON)"
INLINE_BUTTON_RE = re.compile(r"(?<=[^\s)]) ?\(BUTTON\)(?= |$)")


def drop_inline_buttons(lines: list[str]) -> list[str]:
    """lynx's lines without the button markers inside them (see BUTTON); a marker opening a
    line is kept (is_control reads it)."""
    return [INLINE_BUTTON_RE.sub("", ln) if BUTTON in ln else ln for ln in lines]


def is_control(text: str) -> bool:
    """A line that opens with lynx's button marker: a control of the page (see BUTTON)."""
    return text.startswith(BUTTON)


#: A line that opens by naming a picture: an image's alt text or caption as the site wrote it
#: ("Image of a doctor wearing ...", "A stock image of a woman ...", "Photos: Crossgates Mall
#: through the years", "Grouped bar graph: Cost of College ...", "Photo: Getty Images").
#: Article prose talks about its subject, not about "an image of" it; on the two tune splits
#: no such line is body text (237 blocks over the seven renderers).
PICTURE_LEAD_RE = re.compile(
    r"^(?:an? )?(?:(?:close-up |stock |file |aerial )?(?:image|photo|photograph|picture|icon|screenshot|"
    r"screen shot|illustration|graphic|infographic|chart|(?:grouped |stacked )?(?:bar |line )?graph|"
    r"pie chart|diagram|logo|headshot|portrait|rendering|video still)s?)(?: of\b| showing\b| depicting\b|"
    r" that shows\b|:)", re.I)


#: ... or closes by naming one: an alt written as "<name> logo", "<thing> icon", "main article
#: image", a teaser's "<headline> - Photo" (452 such blocks on the tune splits, one body line).
PICTURE_TAIL_RE = re.compile(r"^\S.{1,80}(?: (?:logo|icon|image|thumbnail|headshot|avatar)| - (?:photo|image))$", re.I)
#: ... when it is short, as alts are: at most this many words.
PICTURE_TAIL_WORDS = 14


def names_a_picture(text: str) -> bool:
    """The line opens by naming a picture (see PICTURE_LEAD_RE) or is a short one ending in
    a picture's name (PICTURE_TAIL_RE)."""
    if PICTURE_LEAD_RE.match(text) is not None:
        return True
    return text.endswith(PICTURE_TAIL_ENDS) and len(text.split()) <= PICTURE_TAIL_WORDS and \
        PICTURE_TAIL_RE.match(text) is not None


#: The last words PICTURE_TAIL_RE can end on (a cheap pre-check).
PICTURE_TAIL_ENDS = ("logo", "Logo", "LOGO", "icon", "Icon", "image", "Image", "thumbnail", "headshot",
                     "avatar", "photo", "Photo")


#: An alt text written in lower case ("focus on storytelling veranda top hosting trends", "woman
#: in sweater giving a wrapped gift box to child"): a line of its own that opens with a small
#: letter and ends without a stop, after a line that ended its sentence -- no paragraph of an
#: article opens so.  Lines of 3 to LOWER_ALT_WORDS words.
LOWER_ALT_RE = re.compile(r"^[a-z]+ [a-z]+ [a-z]+(?: [^.!?:;]*)?[a-z]$")
LOWER_ALT_WORDS = 20


def is_lower_alt(blocks: list[Block], i: int) -> bool:
    """Block i is an alt text written in lower case (see LOWER_ALT_RE)."""
    b = blocks[i]
    return b.blank_before and b.words <= LOWER_ALT_WORDS and i > 0 and blocks[i - 1].terminal and \
        LOWER_ALT_RE.match(b.text) is not None

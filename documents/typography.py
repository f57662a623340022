"""French typography of the documents, applied to the wording before the templates see it:
no-break spaces before « : ; ! ? », inside guillemets, after « n° », in « 50 000 », « 50 % »,
« CP 2023-111 ». Plus the small wording helpers every document uses (paragraphs, lists)."""

import re

from django.utils.translation import gettext as _

from core.formats import NBSP, NNBSP, day  # noqa: F401 - the documents' date format

# A blank to fill in by hand on a printed, unsigned document.
BLANK = "……………………"
NUMBER_WORDS = dict(
    enumerate(
        ["un", "deux", "trois", "quatre", "cinq", "six"]
        + ["sept", "huit", "neuf", "dix", "onze", "douze"],
        start=1,
    )
)


def typeset(text):
    """French typography: non-breaking spaces before « : ; ! ? », inside « », after « n° »,
    in « 50 000 », « 50 % », « CP 2023-111 »; URLs and times (10:30) are left alone."""
    if not text:
        return ""
    text = str(text)
    text = re.sub(r"«[^\S\n]*", "«" + NNBSP, text)
    text = re.sub(r"[^\S\n]*»", NNBSP + "»", text)
    text = re.sub(r"(?<=\S)[^\S\n]*:(?=\s|$)", NBSP + ":", text)
    text = re.sub(r"(?<=[^\s«])[^\S\n]*([;!?])(?=\s|$|" + NNBSP + "»)", NNBSP + r"\1", text)
    text = re.sub(r"\b([Nn]°)[^\S\n]+", r"\1" + NBSP, text)
    # Digit groups keep the money format's own separator (core.formats: U+00A0).
    text = re.sub(r"(?<=\d)[^\S\n]+(?=\d{3}\b)", NBSP, text)
    text = re.sub(r"(?<=\d)[^\S\n]*(%|€)", NBSP + r"\1", text)
    return re.sub(r"\b(CP|CR)[^\S\n]+(?=\d)", r"\1" + NBSP, text)


def blocks(text):
    """A text field as typeset paragraphs (separated by blank lines)."""
    return [typeset(b.strip()) for b in re.split(r"\n\s*\n", text or "") if b.strip()]


def lines(text):
    """A text field as typeset paragraphs, one per line (single line breaks separate them)."""
    return [typeset(line.strip()) for line in (text or "").splitlines() if line.strip()]


def one_line(text):
    """An address on one line: « 31 RUE D'ULM, 75240 PARIS »."""
    return ", ".join(part.strip() for part in (text or "").splitlines() if part.strip())


def enumeration(items):
    """« a », « a et b », « a, b et c »."""
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + _(" et ") + items[-1]


def in_words(number, singular, plural):
    """« trois (3) ans »; beyond twelve, digits only."""
    unit = singular if number == 1 else plural
    word = NUMBER_WORDS.get(number)
    return f"{word} ({number}) {unit}" if word else f"{number} {unit}"

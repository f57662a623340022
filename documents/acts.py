"""The text of record of a legal act (a convention, an amendment, a deliberation's article):
the adopted wording, block by block, that the PDF reproduces verbatim.

An act's text is written in a small line-based markup, so that an officer can paste the adopted
text and mark its structure without rewriting a word of it:

    = CONVENTION CADRE                 a title line of the act's header (one block per line)
    # ARTICLE 1 – OBJET DE L’AVENANT   an article heading, as the act writes it
    ## 1-1 Référence au règlement      a heading inside an article
    - la Région Île-de-France, …       a list item (a party clause, an enumerated element)
    > « La région Ile de France        a quoted passage (an amendment's old and new wording)
    | Valérie PÉCRESSE | Présidente    a signature column: name, then title (either may be a
                                       blank, « …… »); consecutive rows make one signature table
    anything else                      a paragraph

Consecutive lines of one block are joined by a space (the seeds and pasted PDFs break lines
anywhere); a blank line ends a block; a lone « > » separates two quoted paragraphs. Nothing is
added: the blocks hold the act's words, and `plain_text` gives them back for comparison.

Text the portal generates for a new act (from the standard template) is built with the same
blocks (`heading`, `paragraph`…), so that both are laid out by one template
(documents/pdf/_act.html) and a generated text reads like an adopted one.
"""

import re

TITLE, HEADING, SUBHEADING, PARAGRAPH, ITEM, QUOTE, SIGNATURES = (
    "title",
    "heading",
    "subheading",
    "paragraph",
    "item",
    "quote",
    "signatures",
)
KINDS = (TITLE, HEADING, SUBHEADING, PARAGRAPH, ITEM, QUOTE, SIGNATURES)

# Prefix → kind, longest first ("## " before "# ").
_PREFIXES = (("## ", SUBHEADING), ("# ", HEADING), ("= ", TITLE), ("- ", ITEM), ("> ", QUOTE))
# Blocks whose every line stands alone (a title line is not joined to the next one).
_ONE_LINE = {TITLE, HEADING, SUBHEADING}


class MarkupError(ValueError):
    """The markup cannot be read: the line number and why, in French."""


def block(kind, text=""):
    return {"kind": kind, "text": text}


def signatures(columns):
    """A signature table: `columns` is [(name, title), …], one per party, in the act's order."""
    return {
        "kind": SIGNATURES,
        "text": "",
        "columns": [{"name": name, "title": title} for name, title in columns],
    }


def _classify(line):
    if line.rstrip() == ">":
        return QUOTE, ""
    for prefix, kind in _PREFIXES:
        if line.startswith(prefix):
            return kind, line[len(prefix) :].strip()
    if line.startswith("|"):
        return SIGNATURES, line
    return None, line.strip()


def _signature_column(line, number):
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if len(cells) != 2:
        raise MarkupError(
            f"Ligne {number} : une colonne de signature s'écrit « | nom | qualité » "
            "(l'un ou l'autre peut être laissé en pointillés)."
        )
    return cells[0], cells[1]


def parse(markup):
    """The blocks of `markup` (see the module's docstring), in order."""
    blocks = []
    current = None  # the block being filled, or None after a blank line

    def close():
        nonlocal current
        if current is not None:
            current["text"] = current["text"].strip()
            blocks.append(current)
        current = None

    for number, raw in enumerate((markup or "").splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            close()
            continue
        kind, text = _classify(line)
        if kind == SIGNATURES:
            name, title = _signature_column(text, number)
            if current is None or current["kind"] != SIGNATURES:
                close()
                current = signatures([])
            current["columns"].append({"name": name, "title": title})
            continue
        if kind == QUOTE and not text:  # « > » alone: the next quoted line starts a paragraph
            close()
            continue
        if kind is None:  # a continuation line, or a paragraph
            if current is not None and current["kind"] not in _ONE_LINE | {SIGNATURES}:
                current["text"] += " " + text
                continue
            close()
            current = block(PARAGRAPH, text)
            continue
        if kind == QUOTE and current is not None and current["kind"] == QUOTE:
            current["text"] += " " + text
            continue
        close()
        current = block(kind, text)
        if kind in _ONE_LINE:
            close()
    close()
    return blocks


def plain_text(blocks):
    """The act's words, one block per line (a signature table: one line per column)."""
    lines = []
    for item in blocks:
        if item["kind"] == SIGNATURES:
            lines.extend(
                f"{column['name']} {column['title']}".strip() for column in item["columns"]
            )
        else:
            lines.append(item["text"])
    return "\n".join(line for line in lines if line)


# -- comparing a produced text with the act's -----------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "\u00ad": None})
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
# A sentence ends at « . ; : ! ? » followed by a space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+|\n+")


def normalise(text):
    """`text` with its spaces and quotes made comparable (and nothing else): every kind of
    space is one space, curly apostrophes are straight, guillemets hug their words."""
    text = (text or "").translate(_QUOTES)
    text = _SPACES.sub(" ", text)
    text = re.sub(r"«\s*", "« ", text)
    text = re.sub(r"\s*»", " »", text)
    return text.strip()


def sentences(text):
    """The sentences of `text`, normalised, without the empty ones."""
    return [normalise(part) for part in _SENTENCE_END.split(text or "") if normalise(part).strip()]


def missing_sentences(reference, produced):
    """The sentences of `reference` that `produced` does not contain (both normalised; the
    produced text is one string, so a sentence split across a page break still counts)."""
    haystack = normalise(produced)
    return [sentence for sentence in sentences(reference) if sentence not in haystack]


def leftover(reference, produced, *, allowed=()):
    """What `produced` says beyond `reference`: the produced text with every `allowed` passage
    (running headers, page numbers, the generated parts of a new act) and then every sentence
    of the reference taken out, normalised; empty when it adds nothing.

    Sentences are taken out in the act's order, each where it stands after the previous one: a
    passage that recurs (« recteur de la région académique … ») is not taken out wherever it
    also fits across two other sentences, and a sentence moved out of its place is left over.
    """
    rest = normalise(produced)
    for passage in sorted((normalise(text) for text in allowed), key=len, reverse=True):
        if passage:
            rest = rest.replace(passage, " ")
    remains, cursor = [], 0
    for sentence in sentences(reference):
        found = rest.find(sentence, cursor)
        if found < 0:
            continue  # a missing sentence: missing_sentences says so
        remains.append(rest[cursor:found])
        cursor = found + len(sentence)
    remains.append(rest[cursor:])
    # What remains between the sentences: punctuation and spaces only, when nothing was added.
    return normalise(re.sub(r"[\s.,;:!?«»()\-–—…]+", " ", " ".join(remains)))

"""Pages of a convention's text over time: the consolidated text on a day, and the comparison
of the texts in force on two days.
"""

import difflib
import re

from django.contrib import messages
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import forms
from ..consolidation import consolidated_text
from .common import dates_in_force, detail_queryset, link_amendments, visible_convention


def _date_errors(form):
    """What is wrong with the dates typed, in French: the fields' own messages (an impossible
    date, a day out of range)."""
    reasons = [str(message) for errors in form.errors.values() for message in errors]
    return " ".join([_("Date invalide :"), *reasons])


def consolidated(request, pk):
    convention = visible_convention(request, pk, detail_queryset())
    today = timezone.localdate()
    form = forms.AsOfForm(request.GET or None)
    day = today
    if form.is_bound and not form.is_valid():
        messages.error(request, _date_errors(form))
    else:
        day = (form.cleaned_data["date"] if form.is_bound else None) or today
        form = forms.AsOfForm(initial={"date": day})
    text = link_amendments(consolidated_text(convention, day), convention)
    return render(
        request,
        "conventions/consolidated.html",
        {
            "convention": convention,
            "text": text,
            "day": day,
            "form": form,
            "dates": dates_in_force(convention, text, day),
        },
    )


def _word_diff(old, new):
    """[(op, text)] with op "equal", "delete" or "insert", word by word."""
    old_words, new_words = re.split(r"(\s+)", old or ""), re.split(r"(\s+)", new or "")
    segments = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", "".join(old_words[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("delete", "".join(old_words[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", "".join(new_words[j1:j2])))
    return segments


def _paired(old_items, new_items, key):
    """Pairs (old, new) matched by key, in the new text's order, removed items last."""
    old_by_key = {key(item, index): item for index, item in enumerate(old_items)}
    pairs, seen = [], set()
    for index, item in enumerate(new_items):
        k = key(item, index)
        seen.add(k)
        pairs.append((old_by_key.get(k), item))
    pairs += [(item, None) for k, item in old_by_key.items() if k not in seen]
    return pairs


def _compare_texts(old_text, new_text, applied):
    """Per article and annex, the paragraphs that differ between two consolidated texts.

    `applied` maps the numbers of the amendments that took effect in between to themselves:
    they are the causes shown beside each difference.
    """
    rows = []

    def causes(old, new):
        numbers = [*(new.changed_by if new else []), *(old.changed_by if old else [])]
        return [applied[n] for n in sorted(set(numbers)) if n in applied]

    for old_article, new_article in _paired(
        old_text.articles, new_text.articles, lambda a, i: a.number
    ):
        article = new_article or old_article
        paragraphs = []
        for old_p, new_p in _paired(
            old_article.paragraphs if old_article else [],
            new_article.paragraphs if new_article else [],
            lambda p, i: p.label or i,
        ):
            old_value, new_value = old_p.text if old_p else "", new_p.text if new_p else ""
            if old_value != new_value:
                paragraphs.append(
                    {
                        "label": (new_p or old_p).label,
                        "old": old_value,
                        "new": new_value,
                        "segments": _word_diff(old_value, new_value),
                        "amendments": causes(old_p, new_p),
                    }
                )
        title_changed = bool(old_article and new_article and old_article.title != new_article.title)
        if paragraphs or title_changed or not (old_article and new_article):
            rows.append(
                {
                    "kind": "article",
                    "number": article.number,
                    "title": article.title,
                    "old_title": old_article.title if old_article else "",
                    "title_changed": title_changed,
                    "added": old_article is None,
                    "removed": new_article is None,
                    "paragraphs": paragraphs,
                    "amendments": causes(old_article, new_article),
                }
            )
    for old_annex, new_annex in _paired(old_text.annexes, new_text.annexes, lambda a, i: a.title):
        if old_annex and new_annex and old_annex.text == new_annex.text:
            continue
        annex = new_annex or old_annex
        old_value = old_annex.text if old_annex else ""
        new_value = new_annex.text if new_annex else ""
        rows.append(
            {
                "kind": "annex",
                "title": annex.title,
                "added": old_annex is None,
                "removed": new_annex is None,
                "paragraphs": [
                    {
                        "label": "",
                        "old": old_value,
                        "new": new_value,
                        "segments": _word_diff(old_value, new_value),
                        "amendments": causes(old_annex, new_annex),
                    }
                ],
                "amendments": causes(old_annex, new_annex),
            }
        )
    return rows


def compare(request, pk):
    convention = visible_convention(request, pk, detail_queryset())
    today = timezone.localdate()
    form = forms.CompareForm(request.GET or None)
    start = convention.effective_date or today
    end = today
    if form.is_bound and not form.is_valid():
        messages.error(request, _date_errors(form))
    else:
        if form.is_bound:
            start = form.cleaned_data["from"] or start
            end = form.cleaned_data["to"] or end
        if start > end:
            start, end = end, start
            messages.info(request, _("Les deux dates ont été interverties."))
        form = forms.CompareForm(initial={"from": start, "to": end})
    old_text, new_text = consolidated_text(convention, start), consolidated_text(convention, end)
    applied = [a for a in new_text.applied if a not in old_text.applied]
    old_clauses, new_clauses = old_text.clauses, new_text.clauses
    clause_names = [name for name in forms.CLAUSE_FIELDS if hasattr(new_clauses, name)]
    return render(
        request,
        "conventions/compare.html",
        {
            "convention": convention,
            "form": form,
            "start": start,
            "end": end,
            "rows": _compare_texts(old_text, new_text, {a.number: a for a in applied}),
            "applied": applied,
            "clauses_changed": any(
                getattr(old_clauses, n) != getattr(new_clauses, n) for n in clause_names
            ),
            "old_dates": dates_in_force(convention, old_text, start),
            "new_dates": dates_in_force(convention, new_text, end),
            "old_clauses": link_amendments(old_text, convention).clauses,
            "new_clauses": link_amendments(new_text, convention).clauses,
        },
    )

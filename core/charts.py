"""Charts as inline SVG (no script, no external resource): a title, a description listing
every value, and the values written on the bars. Pages and PDFs of every domain share them;
each gives the formatting of its values (`text`, `short`)."""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BAR = "#1d4f91"  # the portal's primary colour: 8.3:1 on white
BAR_LIGHT = "#7f9cc4"
INK = "#1f2328"
MUTED = "#4f5763"
GRID = "#c9ced6"
FONT = 'font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif"'


def _truncate(text, length):
    text = str(text)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _scale(values):
    top = max((Decimal(v) for v in values), default=Decimal(0))
    return top if top > 0 else Decimal(1)


def horizontal_bar_chart(chart_id, title, items, *, text=str, short=None, previous=None, note=""):
    """Bars per item (campus, type…), in the order given, value written at each bar's end
    (`text(value)` in the description and tooltips, `short(value)` on the chart); a tick
    marks last year's value when `previous` ({label: value}) is given."""
    short = short or text
    items = list(items)
    label_width, bar_width, value_width = 230, 380, 110
    row, top = 24, 8
    width = label_width + bar_width + value_width
    height = top + row * max(len(items), 1) + (22 if previous else 6)
    scale = _scale([value for _label, value in items] + list((previous or {}).values()))
    parts = []
    description = "; ".join(f"{label} : {text(value)}" for label, value in items)
    for index, (label, value) in enumerate(items):
        y = top + index * row
        length = float(Decimal(value) / scale) * bar_width
        written = text(value)
        tick = None
        if previous and previous.get(label) is not None:
            tick = float(Decimal(previous[label]) / scale) * bar_width
        # The value is written after the bar, and after last year's tick when it is further.
        value_x = label_width + max(length, tick or 0) + 6
        parts.append(
            f"<g><title>{escape(label)} : {escape(written)}</title>"
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'fill="{INK}">{escape(_truncate(label, 34))}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="15" '
            f'fill="{BAR}"/>'
            f'<text x="{value_x:.1f}" y="{y + 16}" font-size="12" '
            f'fill="{INK}">{escape(short(value))}</text>'
        )
        if tick is not None:
            parts.append(
                f'<line x1="{label_width + tick:.1f}" x2="{label_width + tick:.1f}" '
                f'y1="{y + 1}" y2="{y + 22}" '
                f'stroke="{INK}" stroke-width="2"/>'
            )
        parts.append("</g>")
    if not items:
        parts.append(
            f'<text x="{label_width}" y="{top + 15}" font-size="12" fill="{MUTED}">'
            f"{escape(_('Aucune donnée'))}</text>"
        )
    parts.append(
        f'<line x1="{label_width}" x2="{label_width}" y1="{top}" '
        f'y2="{top + row * max(len(items), 1)}" stroke="{MUTED}" stroke-width="1"/>'
    )
    if previous:
        legend_y = height - 6
        parts.append(
            f'<line x1="{label_width}" x2="{label_width}" y1="{legend_y - 11}" '
            f'y2="{legend_y + 1}" stroke="{INK}" stroke-width="2"/>'
            f'<text x="{label_width + 6}" y="{legend_y}" font-size="11" fill="{MUTED}">'
            f"{escape(_('trait vertical : valeur de l’année précédente'))}</text>"
        )
    return _svg(chart_id, title, description + (f". {note}" if note else ""), width, height, parts)


def bar_chart_over_years(chart_id, title, items, *, text=str, short=None, highlight=None):
    """Vertical bars, one per year, the value written above each; the year N bar is darker."""
    short = short or text
    items = list(items)
    left, bottom, top, plot_height = 12, 28, 22, 170
    slot = 72
    width = max(left * 2 + slot * max(len(items), 1), 320)
    height = top + plot_height + bottom
    scale = _scale([value for _label, value in items])
    base = top + plot_height
    parts = [
        f'<line x1="{left}" x2="{width - left}" y1="{base}" y2="{base}" stroke="{MUTED}" '
        'stroke-width="1"/>'
    ]
    description = "; ".join(f"{label} : {text(value)}" for label, value in items)
    for index, (label, value) in enumerate(items):
        x = left + index * slot + 12
        bar_height = float(Decimal(value) / scale) * plot_height
        colour = BAR if label == highlight or highlight is None else BAR_LIGHT
        written = text(value)
        weight = ' font-weight="bold"' if label == highlight else ""
        parts.append(
            f"<g><title>{escape(label)} : {escape(written)}</title>"
            f'<rect x="{x}" y="{base - bar_height:.1f}" width="{slot - 24}" '
            f'height="{bar_height:.1f}" fill="{colour}"/>'
            f'<text x="{x + (slot - 24) / 2:.1f}" y="{base - bar_height - 5:.1f}" '
            f'text-anchor="middle" font-size="11" fill="{INK}">'
            f"{escape(short(value))}</text>"
            f'<text x="{x + (slot - 24) / 2:.1f}" y="{base + 17}" text-anchor="middle" '
            f'font-size="12" fill="{INK}"{weight}>{escape(label)}</text></g>'
        )
    if not items:
        parts.append(
            f'<text x="{left}" y="{top + 20}" font-size="12" fill="{MUTED}">'
            f"{escape(_('Aucune donnée'))}</text>"
        )
    return _svg(chart_id, title, description, width, height, parts)


def _svg(chart_id, title, description, width, height, parts):
    return mark_safe(  # every text above is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{chart_id}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" {FONT}>'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(parts) + "</svg>"
    )

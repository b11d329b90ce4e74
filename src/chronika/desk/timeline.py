"""A chronology's timeline, drawn as SVG on the server: no script, printable, readable in any browser.

Each incident is a mark on a time axis: a dot for a day, a bar for a month, a year or a range, and a
bar fading into an arrow for an open range ("since 11 December"), so the drawing is as precise as
the records and no more. Marks are stacked in lanes so none hides another, and each links to the
incident's entry in the dated list below, with its summary as the SVG ``<title>`` (a tooltip, and
what a screen reader announces). Colours come from classes in the stylesheet; the CSP forbids
inline styles, and presentation attributes are not needed.

Each mark also carries the family of its incident's gravest act (``family-killing``, ...,
``family-none`` when the acts are unknown or withheld). A publication colours marks by family
(:func:`family_css`, one colour-blind-safe palette) and asks for a legend that names the families
drawn and the three shapes.

A long chronology (thousands of incidents) cannot be drawn mark by mark: sixteen lanes of dots
say nothing, and the page would weigh megabytes. It is drawn instead as a histogram
(:func:`draw_histogram`): how many incidents began in each day, month or year (:func:`period_edges`
picks the unit from the span), each bar a link to the chronology of that period alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from chronika.desk.i18n import ngettext
from chronika.display import date_text
from chronika.model import ActFamily, DateSpan, act_family
from chronika.vault.state import IncidentRecord

__all__ = ["FAMILY_COLOURS", "FAMILY_LABELS", "draw_histogram", "draw_timeline", "family_css", "period_edges"]

WIDTH = 960
MARGIN = 24
LANE_HEIGHT = 18
AXIS_HEIGHT = 34
MAX_LANES = 16
DOT_RADIUS = 5
#: Marks closer than this (in drawing units) go to different lanes.
GAP = 6
#: Generous average widths of one character of a tick label (12-13 units high) and of a legend
#: label (14 units high) in a wide sans-serif (DejaVu Sans), to keep labels apart and inside.
TICK_CHAR = 8.2
LEGEND_CHAR = 8.8
LEGEND_ROW = 24
_KEY_TEXT = 30  # from a key's left edge to its label

#: "none": no act is known, or the acts are withheld from the audience.
NO_FAMILY = "none"

#: Fill and outline per act family: the Okabe-Ito palette, told apart with any colour vision.
FAMILY_COLOURS: dict[str, tuple[str, str]] = {
    ActFamily.KILLING: ("#d55e00", "#7a3600"),
    ActFamily.VIOLENCE: ("#cc79a7", "#7d3f63"),
    ActFamily.LIBERTY: ("#0072b2", "#003f63"),
    ActFamily.INTIMIDATION: ("#e69f00", "#8a5f00"),
    ActFamily.PROPERTY: ("#009e73", "#005c43"),
    ActFamily.RESTRICTION: ("#56b4e9", "#1f6f9f"),
    ActFamily.CONFLICT: ("#3b3b3b", "#000000"),
    ActFamily.OTHER: ("#a6a6a6", "#5e5e5e"),
    NO_FAMILY: ("#ffffff", "#808080"),
}

FAMILY_LABELS: dict[str, str] = {
    ActFamily.KILLING: "Killing",
    ActFamily.VIOLENCE: "Torture, attack, sexual violence",
    ActFamily.LIBERTY: "Detention, disappearance",
    ActFamily.INTIMIDATION: "Threats, surveillance, smears",
    ActFamily.PROPERTY: "Raids, seizure, destruction",
    ActFamily.RESTRICTION: "Prosecution, restrictions, displacement",
    ActFamily.CONFLICT: "Armed clashes",
    ActFamily.OTHER: "Other acts",
    NO_FAMILY: "Acts unknown or withheld",
}


def family_css(scope: str = ".timeline") -> str:
    """The stylesheet rules that colour marks and legend keys by family, under ``scope``."""
    rules = []
    for family, (fill, outline) in FAMILY_COLOURS.items():
        shapes = ", ".join(f"{scope} .family-{family} {shape}" for shape in ("circle", "rect", ".arrow"))
        rules.append(f"{shapes} {{ fill: {fill}; stroke: {outline}; }}")
    return "\n".join(rules) + "\n"


def _family(incident: IncidentRecord) -> str:
    family = act_family(incident.acts)
    return family.value if family is not None else NO_FAMILY


@dataclass(frozen=True, slots=True)
class _Mark:
    incident: IncidentRecord
    x1: float
    x2: float
    open_end: bool


def _days(start: dt.date, end: dt.date) -> int:
    return (end - start).days


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Tick dates and labels: years over a long span, months over a medium one, weeks otherwise."""
    span = _days(first, last)
    ticks: list[tuple[dt.date, str]] = []
    if span > 3 * 365:
        step = max(1, (last.year - first.year) // 10)
        for year in range(first.year + (first.month > 1 or first.day > 1), last.year + 1, step):
            ticks.append((dt.date(year, 1, 1), str(year)))
    elif span > 62:
        year, month = first.year, first.month
        count = (last.year - year) * 12 + last.month - month + 1
        step = max(1, count // 12)
        for index in range(0, count, step):
            total = month - 1 + index
            day = dt.date(year + total // 12, total % 12 + 1, 1)
            if first <= day <= last:
                ticks.append((day, f"{day:%Y-%m}" if day.month == 1 or not ticks else f"{day:%m}"))
    else:
        step = 1 if span <= 14 else 7
        day = first
        while day <= last:
            # The first tick (and the first of a new year) gives the year, so "12-10" reads as a month-day.
            whole = not ticks or ticks[-1][0].year != day.year
            ticks.append((day, f"{day:%Y-%m-%d}" if whole else f"{day:%m-%d}"))
            day += dt.timedelta(days=step)
    return ticks


def _label_x(tick: float, label: str) -> float:
    """Where a centred tick label goes: under its tick, moved inwards just enough not to be cut
    off at either edge of the drawing."""
    half = len(label) * TICK_CHAR / 2
    return min(max(tick, half + 2), WIDTH - half - 2)


def _legend(families: list[str], has_open: bool, top: float) -> tuple[list[str], float]:
    """The legend's SVG and its height: the act families drawn, then the shapes, in aligned columns
    (as many as the widest label allows), row by row."""
    keys: list[tuple[str, str, str]] = [(f"legend-key family-{f}", "dot", FAMILY_LABELS[f]) for f in families]
    shapes = [
        ("legend-key shape", "dot", "one day"),
        ("legend-key shape", "bar", "a month, a year or a span of days"),
    ]
    if has_open:
        shapes.append(("legend-key shape", "open", "still going on"))
    column = max(_KEY_TEXT + len(label) * LEGEND_CHAR + 20 for _, _, label in keys + shapes)
    columns = max(1, int((WIDTH - 2 * MARGIN) // column))
    parts = ['<g class="timeline-legend">']
    row = 0
    for group in (keys, shapes):
        for index, (css_class, shape, label) in enumerate(group):
            x = MARGIN + (index % columns) * column
            y = top + LEGEND_ROW * (row + index // columns) + LEGEND_ROW / 2
            parts.append(f'<g class="{css_class}">')
            if shape == "dot":
                parts.append(f'<circle cx="{x + 8:.1f}" cy="{y:.1f}" r="{DOT_RADIUS}"/>')
            else:
                parts.append(f'<rect x="{x:.1f}" y="{y - 4:.1f}" width="16" height="8" rx="3"/>')
            if shape == "open":
                tip = x + 16
                parts.append(
                    f'<path class="arrow" d="M{tip:.1f} {y - 6:.1f} L{tip + 7:.1f} {y:.1f} '
                    f'L{tip:.1f} {y + 6:.1f} Z"/>'
                )
            text = (
                f'<text class="legend-label" x="{x + _KEY_TEXT:.1f}" y="{y + 5:.1f}">{escape(label)}</text>'
            )
            parts.append(f"{text}</g>")
        row += -(-len(group) // columns)
    parts.append("</g>")
    return parts, row * LEGEND_ROW


def draw_timeline(incidents: Sequence[IncidentRecord], title: str, *, legend: bool = False) -> Markup:
    """The SVG for ``incidents`` (undated ones are left out: they have no place on an axis);
    ``legend`` adds a key to the act families and shapes drawn, below the axis."""
    dated = [incident for incident in incidents if incident.date is not None]
    if not dated:
        return Markup("")
    first = min(incident.date.start for incident in dated if incident.date)
    known = [d for i in dated if i.date for d in (i.date.start, i.date.end) if d is not None]
    last_known = max(*known, first + dt.timedelta(days=1))
    # An open range ("since 11 December") is drawn a little past the last known day, with an
    # arrow, rather than to today: stretching the axis to now would squash every other mark.
    tail = dt.timedelta(days=max(2, _days(first, last_known) // 8))

    def end_of(span: DateSpan) -> dt.date:
        return span.end if span.end is not None else max(span.start, last_known) + tail

    last = max(end_of(i.date) for i in dated if i.date)
    # A little room either side, so marks on the first and last day are not cut by the frame.
    pad = max(1, _days(first, last) // 40)
    first, last = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    scale = (WIDTH - 2 * MARGIN) / max(1, _days(first, last))

    def x(day: dt.date) -> float:
        return MARGIN + _days(first, day) * scale

    marks = []
    for incident in sorted(dated, key=lambda i: i.date.sort_key() if i.date else (dt.date.max,) * 2):
        span = incident.date
        assert span is not None
        end = end_of(span)
        marks.append(_Mark(incident, x(span.start), x(end + dt.timedelta(days=1)), span.end is None))

    lanes: list[float] = []
    placed: list[tuple[_Mark, int]] = []
    for mark in marks:
        width_end = max(mark.x2, mark.x1 + 2 * DOT_RADIUS)
        lane = next((i for i, right in enumerate(lanes) if mark.x1 - GAP >= right), None)
        if lane is None:
            if len(lanes) < MAX_LANES:
                lanes.append(0.0)
                lane = len(lanes) - 1
            else:
                lane = min(range(len(lanes)), key=lanes.__getitem__)
        lanes[lane] = max(lanes[lane], width_end)
        placed.append((mark, lane))

    height = AXIS_HEIGHT + max(1, len(lanes)) * LANE_HEIGHT + 8
    axis_y = height - AXIS_HEIGHT + 6
    key: list[str] = []
    if legend:
        drawn = {_family(mark.incident) for mark in marks}
        families = [family for family in FAMILY_LABELS if family in drawn]
        key, key_height = _legend(families, any(mark.open_end for mark in marks), height + 2)
        height += round(key_height) + 6
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="timeline-title"'
        f' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<line class="axis" x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}"/>',
    ]
    for day, label in _ticks(first, last):
        tx = x(day)
        parts.append(f'<line class="tick" x1="{tx:.1f}" y1="8" x2="{tx:.1f}" y2="{axis_y + 5}"/>')
        parts.append(
            f'<text class="tick-label" x="{_label_x(tx, label):.1f}" y="{axis_y + 20}">{escape(label)}</text>'
        )
    parts.extend(key)
    for mark, lane in placed:
        incident = mark.incident
        y = 12 + lane * LANE_HEIGHT
        kind = f"{incident.status.value} family-{_family(incident)}"
        summary = f"{date_text(incident.date)} · {', '.join(incident.acts) or '?'}"
        people = ", ".join(incident.victims)
        if people:
            summary += f" · {people}"
        if incident.location:
            summary += f" · {incident.location}"
        parts.append(f'<a href="#{escape(incident.id)}" class="mark {kind}">')
        parts.append(f"<title>{escape(summary)}</title>")
        span = incident.date
        one_day = span is not None and span.end == span.start
        if (one_day or mark.x2 - mark.x1 < 2 * DOT_RADIUS) and not mark.open_end:
            cx = (mark.x1 + mark.x2) / 2
            parts.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="{DOT_RADIUS}"/>')
        else:
            bar = max(mark.x2 - mark.x1, 2 * DOT_RADIUS)
            shape = ' class="open"' if mark.open_end else ""
            parts.append(
                f'<rect x="{mark.x1:.1f}" y="{y - 4:.1f}" width="{bar:.1f}" height="8" rx="3"{shape}/>'
            )
            if mark.open_end:
                tip = mark.x1 + bar
                parts.append(
                    f'<path class="arrow" d="M{tip:.1f} {y - 6:.1f} L{tip + 7:.1f} {y:.1f} '
                    f'L{tip:.1f} {y + 6:.1f} Z"/>'
                )
        parts.append("</a>")
    parts.append("</svg>")
    return Markup("".join(parts))


#: Spans up to this many days are counted by day, up to :data:`MONTHS_UP_TO_DAYS` by month,
#: longer ones by year: at most about a hundred bars, each wide enough to see and to click.
DAYS_UP_TO_DAYS = 92
MONTHS_UP_TO_DAYS = 8 * 366
HISTOGRAM_HEIGHT = 120


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_edges(first: dt.date, last: dt.date) -> list[dt.date]:
    """The edges of the periods (days, months or years) from the one holding ``first`` to ``last``'s.

    Each period runs from its edge (included) to the next (excluded), so ``n`` periods have
    ``n + 1`` edges.
    """
    span = _days(first, last)
    if span <= DAYS_UP_TO_DAYS:
        return [first + dt.timedelta(days=i) for i in range(span + 2)]
    if span <= MONTHS_UP_TO_DAYS:
        edges = [dt.date(first.year, first.month, 1)]
        while edges[-1] <= last:
            edges.append(_next_month(edges[-1]))
        return edges
    return [dt.date(year, 1, 1) for year in range(first.year, last.year + 2)]


def _period_label(start: dt.date, end: dt.date) -> str:
    days = _days(start, end)
    if days == 1:
        return start.isoformat()
    if days <= 31:
        return f"{start:%Y-%m}"
    return str(start.year)


def draw_histogram(
    edges: Sequence[dt.date], counts: Sequence[int], title: str, link: Callable[[dt.date, dt.date], str]
) -> Markup:
    """Bars of ``counts`` over the periods between ``edges``; ``link(first, last)`` is a bar's target.

    Used for chronologies too long to draw one mark per incident (see the module doc).
    """
    if len(edges) < 2 or not any(counts):
        return Markup("")
    first, last = edges[0], edges[-1]
    scale = (WIDTH - 2 * MARGIN) / max(1, _days(first, last))
    tallest = max(counts)
    height = HISTOGRAM_HEIGHT + AXIS_HEIGHT
    axis_y = HISTOGRAM_HEIGHT + 6

    def x(day: dt.date) -> float:
        return MARGIN + _days(first, day) * scale

    parts = [
        f'<svg class="timeline histogram" viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<line class="axis" x1="{MARGIN}" y1="{axis_y}" x2="{WIDTH - MARGIN}" y2="{axis_y}"/>',
    ]
    for day, label in _ticks(first, last - dt.timedelta(days=1)):
        tx = x(day)
        parts.append(f'<line class="tick" x1="{tx:.1f}" y1="8" x2="{tx:.1f}" y2="{axis_y + 5}"/>')
        parts.append(f'<text class="tick-label" x="{tx:.1f}" y="{axis_y + 20}">{escape(label)}</text>')
    for start, end, count in zip(edges, edges[1:], counts, strict=False):
        if not count:
            continue
        left, right = x(start), x(end)
        bar = max(1.0, right - left - (1 if right - left > 3 else 0))
        tall = max(2.0, (HISTOGRAM_HEIGHT - 8) * count / tallest)
        summary = ngettext("%(num)d incident", "%(num)d incidents", count) % {"num": count}
        href = link(start, end - dt.timedelta(days=1))
        parts.append(f'<a href="{escape(href)}" class="mark bar">')
        parts.append(f"<title>{escape(_period_label(start, end))}: {escape(summary)}</title>")
        parts.append(
            f'<rect x="{left:.1f}" y="{axis_y - tall:.1f}" width="{bar:.1f}" height="{tall:.1f}"/></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))

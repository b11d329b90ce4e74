"""The timeline figure: act-family colours, the legend, and labels that stay inside the drawing.

Label widths are measured with the real font the publication names first that this machine has
(DejaVu Sans, as Debian's WeasyPrint and chromium use), not with the drawing's own estimate."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
import subprocess
from functools import cache

import pytest
from PIL import ImageFont

from chronika.desk.timeline import (
    DOT_RADIUS,
    FAMILY_COLOURS,
    FAMILY_LABELS,
    LEGEND_ROW,
    NO_FAMILY,
    WIDTH,
    draw_timeline,
    family_css,
)
from chronika.model import ACT_FAMILY, Act, ActFamily, DateSpan, Precision
from chronika.vault.record import Status
from chronika.vault.state import IncidentRecord

NOW = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def incident(identifier: str, start: dt.date, end: dt.date | None, acts: list[str]) -> IncidentRecord:
    precision = Precision.DAY if end == start else Precision.RANGE
    return IncidentRecord(
        id=identifier,
        version=1,
        entry=0,
        created_at=NOW,
        updated_at=NOW,
        source_id=None,
        status=Status.ACCEPTED,
        date=DateSpan(start=start, end=end, precision=precision),
        acts=acts,
        perpetrators=[],
        victims=[],
        location=None,
        evidence="e",
        evidence_span=(0, 1),
        confidence=0.5,
    )


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    found = shutil.which("fc-match")
    path = (
        found
        and subprocess.run(
            [found, "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=False
        ).stdout
    )
    if not path or "DejaVuSans" not in path:
        pytest.skip("DejaVu Sans is not installed (fonts-dejavu-core): cannot measure labels")
    return ImageFont.truetype(path, size)


def test_every_act_has_one_family_and_every_family_a_colour_and_a_label() -> None:
    assert set(ACT_FAMILY) == set(Act)
    families = [*ActFamily, NO_FAMILY]
    assert list(FAMILY_COLOURS) == families and list(FAMILY_LABELS) == families
    fills = [fill for fill, _ in FAMILY_COLOURS.values()]
    assert len(set(fills)) == len(fills)
    css = family_css(".x")
    for family, (fill, outline) in FAMILY_COLOURS.items():
        assert f".x .family-{family} circle, .x .family-{family} rect, .x .family-{family} .arrow" in css
        assert f"{{ fill: {fill}; stroke: {outline}; }}" in css


def test_marks_carry_the_family_of_the_gravest_act_and_the_legend_names_those_drawn() -> None:
    day = dt.date(2014, 12, 10)
    incidents = [
        incident("inc_a", day, day, ["threat"]),
        incident("inc_b", day, day, ["killing", "threat"]),  # the gravest act decides
        incident("inc_c", day + dt.timedelta(days=2), None, ["seizure"]),  # still going on
        incident("inc_d", day + dt.timedelta(days=3), day + dt.timedelta(days=3), []),  # acts withheld
    ]
    svg = str(draw_timeline(incidents, "t", legend=True))
    marks = dict(re.findall(r'<a href="#(inc_\w)" class="mark accepted family-(\w+)">', svg))
    assert marks == {"inc_a": "intimidation", "inc_b": "killing", "inc_c": "property", "inc_d": NO_FAMILY}
    keys = re.findall(r'<g class="legend-key family-(\w+)">', svg)
    assert keys == ["killing", "intimidation", "property", NO_FAMILY]  # vocabulary order, only those drawn
    labels = re.findall(r'class="legend-label"[^>]*>([^<]+)<', svg)
    assert labels == [*(FAMILY_LABELS[k] for k in keys), "one day", "a month, a year or a span of days",
                      "still going on"]  # fmt: skip
    plain = str(draw_timeline(incidents, "t"))
    assert "timeline-legend" not in plain and 'class="mark accepted family-killing"' in plain


def _legend_boxes(svg: str) -> list[tuple[float, float, float]]:
    """Each legend key as (left, right, y): from its shape to the end of its measured label."""
    boxes = []
    for group in re.findall(r'<g class="legend-key[^"]*">(.*?)</g>', svg):
        left = float(re.search(r'(?:cx|x)="([\d.]+)"', group).group(1))  # type: ignore[union-attr]
        if "<circle" in group:
            left -= DOT_RADIUS
        text = re.search(r'<text class="legend-label" x="([\d.]+)" y="([\d.]+)">([^<]+)</text>', group)
        assert text is not None
        right = float(text.group(1)) + font(14).getlength(text.group(3))
        boxes.append((left, right, float(text.group(2))))
    return boxes


@pytest.mark.parametrize(
    "first,last",
    [
        (dt.date(2014, 12, 10), dt.date(2014, 12, 16)),  # days
        (dt.date(2014, 12, 1), dt.date(2015, 1, 28)),  # weeks, over a new year
        (dt.date(2013, 3, 5), dt.date(2014, 11, 30)),  # months
        (dt.date(1999, 6, 1), dt.date(2021, 2, 1)),  # years
    ],
)
def test_labels_stay_inside_the_drawing_and_apart(first: dt.date, last: dt.date) -> None:
    every_act = [
        incident(f"inc_{n}", first + (last - first) * n // len(Act), None if n == 3 else last, [act.value])
        for n, act in enumerate(Act)
    ]
    svg = str(draw_timeline(every_act, "t", legend=True))
    ticks = re.findall(r'<line class="tick" x1="([\d.]+)"', svg)
    labels = re.findall(r'<text class="tick-label" x="([\d.]+)" y="[\d.]+">([^<]+)</text>', svg)
    assert len(labels) == len(ticks) >= 2
    extents = []
    for tick, (x, label) in zip(ticks, labels, strict=True):
        half = font(13).getlength(label) / 2  # the publication's tick labels are 13 units high
        assert float(x) - half >= 0 and float(x) + half <= WIDTH, label
        assert abs(float(x) - float(tick)) <= half  # moved inwards, still under its tick
        extents.append((float(x) - half, float(x) + half))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(extents)), "tick labels overlap"
    boxes = _legend_boxes(svg)
    assert len(boxes) == len(ActFamily) + 3  # every family drawn here, and the three shapes
    height = float(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))  # type: ignore[union-attr]
    for left, right, y in boxes:
        assert left >= 0 and right <= WIDTH and y <= height
    for row in {y for _, _, y in boxes}:
        spans = sorted((left, right) for left, right, y in boxes if y == row)
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans)), "legend keys overlap"
    assert len({y for _, _, y in boxes}) * LEGEND_ROW <= height

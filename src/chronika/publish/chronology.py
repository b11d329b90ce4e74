"""A chronology: numbered incidents by date, each with its acts, who did it, to whom, where, its
sources and what the state did about it, as Markdown or as one self-contained HTML page.

The renderers see :class:`~chronika.publish.redaction.Redacted` records only, so what a chronology
shows is decided by the redaction table, and a withheld field reads "withheld" rather than
vanishing (a reader should know something is not said, not think it unknown). The timeline figure
is the desk's SVG drawing, drawn from the redacted records too.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from chronika.display import date_text
from chronika.model import act_family
from chronika.publish.redaction import Audience, Redacted, cite_source, redact_all
from chronika.vault.state import IncidentRecord, SourceRecord
from chronika.vault.view import Filters, PageRequest

if TYPE_CHECKING:
    from chronika.vault.vault import Vault

__all__ = [
    "NO_RESPONSE_TEXT",
    "Chronology",
    "Scope",
    "build_chronology",
    "link_group",
    "render_html",
    "render_markdown",
    "select_incidents",
    "source_citations",
    "timeline_svg",
]

NO_RESPONSE_TEXT: Final = "no investigation known"
WITHHELD: Final = "withheld"
_PAGE: Final = 1000


@dataclass(frozen=True, slots=True)
class Scope:
    """Which incidents: by actor, by place, by a search, by the link group of one incident, or (all
    empty) every incident. Several together narrow the selection."""

    actor: str | None = None
    place: str | None = None
    search: str | None = None
    #: An incident id: that incident and every incident linked to it, directly or through others.
    link_group: str | None = None

    def describe(self) -> str:
        parts = [
            f"{label} {value}"
            for label, value in (
                ("actor", self.actor),
                ("place", self.place),
                ("search", self.search),
                ("link group of", self.link_group),
            )
            if value
        ]
        return ", ".join(parts) or "all incidents"


@dataclass(frozen=True, slots=True)
class Entry:
    number: int
    incident: Redacted
    source: str | None


@dataclass(frozen=True, slots=True)
class Chronology:
    title: str
    scope: Scope
    audience: Audience
    entries: list[Entry]


def link_group(vault: Vault, incident_id: str, limit: int | None = None) -> list[str]:
    """The ids of the incident and of every incident linked to it, directly or through others.

    Links are followed whatever the status of the incidents they join (a link through a draft still
    joins two accepted incidents): which members an audience sees is redaction's decision, made
    afterwards, as for every other scope. The walk is breadth-first, so with ``limit`` (a page that
    must stay fast) the nearest members are kept. Raises RecordNotFound if the id is not an incident.
    """
    start = vault.incident(incident_id).id
    group = {start}
    todo = deque([start])
    while todo and (limit is None or len(group) < limit):
        for link in vault.links(todo.popleft()):
            for member in (link.from_id, link.to_id):
                if member not in group and (limit is None or len(group) < limit):
                    group.add(member)
                    todo.append(member)
    return sorted(group)


def select_incidents(vault: Vault, scope: Scope) -> list[IncidentRecord]:
    """Every incident in the scope (all statuses: redaction decides which an audience sees)."""
    if scope.link_group is None:
        return _filtered(vault, scope)
    group = link_group(vault, scope.link_group)
    if not (scope.actor or scope.place or scope.search):
        return [vault.incident(member) for member in group]
    members = set(group)
    return [incident for incident in _filtered(vault, scope) if incident.id in members]


def _filtered(vault: Vault, scope: Scope) -> list[IncidentRecord]:
    filters = Filters(actor=scope.actor, place=scope.place)
    found: list[IncidentRecord] = []
    offset = 0
    while True:
        page_request = PageRequest(limit=_PAGE, offset=offset)
        if scope.search:
            page = vault.search(scope.search, filters, page_request)
        else:
            page = vault.list_incidents(filters, page_request)
        found.extend(page.incidents)
        if not page.more:
            return found
        offset += _PAGE


def _sort_key(redacted: Redacted) -> tuple[int, dt.date, dt.date, str]:
    span = redacted.record.date
    if span is None:
        return (1, dt.date.max, dt.date.max, redacted.record.id)
    return (0, *span.sort_key(), redacted.record.id)


def build_chronology(vault: Vault, scope: Scope, audience: Audience, title: str | None = None) -> Chronology:
    incidents = sorted(redact_all(select_incidents(vault, scope), audience), key=_sort_key)
    entries = []
    for number, incident in enumerate(incidents, start=1):
        entries.append(Entry(number, incident, _source_text(vault, incident.record.source_id, audience)))
    return Chronology(title or f"Chronology: {scope.describe()}", scope, audience, entries)


def source_citations(vault: Vault, records: Sequence[Redacted], audience: Audience) -> dict[str, str]:
    """How each cited source document is named in a publication for ``audience``, by source id."""
    ids = {r.record.source_id for r in records if r.record.source_id}
    return {source_id: _source_text(vault, source_id, audience) or source_id for source_id in sorted(ids)}


def _source_text(vault: Vault, source_id: str | None, audience: Audience) -> str | None:
    if source_id is None:
        return None
    record = vault.view.get(source_id)
    if not isinstance(record, SourceRecord):
        return source_id
    return cite_source(record, audience)


# -- the facts of one entry, as text ---------------------------------------------------------------


def _when(incident: Redacted) -> str:
    return date_text(incident.record.date) if incident.shows("date") else WITHHELD


def _people(incident: Redacted, field: str, names: Sequence[str]) -> str:
    if not incident.shows(field):
        return WITHHELD
    return ", ".join(names) or "unknown"


def _facts(entry: Entry) -> list[tuple[str, str]]:
    incident = entry.incident
    record = incident.record
    acts = ", ".join(record.acts) if incident.shows("acts") else WITHHELD
    where = (record.location or "unknown") if incident.shows("location") else WITHHELD
    rows = [
        ("Acts", acts or "unknown"),
        ("Who", _people(incident, "perpetrators", record.perpetrators)),
        ("To whom", _people(incident, "victims", record.victims)),
        ("Where", where),
        ("Source", entry.source or "none recorded"),
        ("State response", _response_text(record)),
    ]
    if incident.audience is Audience.INTERNAL:
        rows.append(("Status", record.status.value))
        rows.extend(("Note", note.text) for note in record.notes)
        if record.retraction:
            rows.append(("Retracted", record.retraction))
    return rows


def _response_text(record: IncidentRecord) -> str:
    if not record.responses:
        return NO_RESPONSE_TEXT
    steps = []
    for response in sorted(record.responses, key=lambda r: r.date):
        step = f"{response.date.isoformat()} {response.kind.value.replace('_', ' ')} ({response.source})"
        if response.note:
            step += f": {response.note}"
        steps.append(step)
    return "; ".join(steps)


def _evidence(incident: Redacted) -> str | None:
    if not incident.shows("evidence"):
        return WITHHELD
    return incident.record.evidence or None


# -- renderers ------------------------------------------------------------------------------------


def render_markdown(chronology: Chronology) -> str:
    lines = [
        f"# {chronology.title}",
        "",
        f"Audience: {chronology.audience.value}. {len(chronology.entries)} incidents, by date.",
        "",
    ]
    if chronology.entries:
        lines += ["![Timeline](timeline.svg)", ""]
    for entry in chronology.entries:
        lines += [f"## {entry.number}. {_when(entry.incident)}", ""]
        lines += [f"- **{label}**: {_md(value)}" for label, value in _facts(entry)]
        evidence = _evidence(entry.incident)
        if evidence == WITHHELD:
            lines.append(f"- **Evidence**: {WITHHELD}")
        elif evidence:
            lines += ["", f"> {_md(evidence)}"]
        lines += ["", f"<small>{entry.incident.record.id}</small>", ""]
    return "\n".join(lines)


def _md(text: str) -> str:
    """Text in a Markdown line: no line breaks, and markup characters escaped."""
    flat = " ".join(text.split())
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in flat)


_SERIF: Final = 'Charter, "Bitstream Charter", Georgia, "DejaVu Serif", serif'
_SANS: Final = '"Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'

_CSS: Final = f"""
body {{ font-family: {_SERIF}; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }}
h1, h2, .kicker, .meta, dt, figcaption, nav.contents {{ font-family: {_SANS}; }}
.masthead {{ border-bottom: 2px solid #1b1b1b; padding-bottom: 0.6rem; margin-bottom: 1.2rem; }}
.kicker {{ text-transform: uppercase; letter-spacing: 0.12em; font-size: 0.75rem; color: #555; margin: 0; }}
h1 {{ font-size: 1.7rem; line-height: 1.2; margin: 0.2rem 0 0.4rem; }}
.meta {{ color: #444; font-size: 0.85rem; margin: 0; }}
h2 {{ font-size: 1.1rem; margin: 1.6rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 1px solid #ccc; }}
h2 .swatch {{ display: inline-block; width: 0.65em; height: 0.65em; margin-left: 0.5em; border-radius: 50%;
              border: 1px solid #808080; vertical-align: 0.05em; }}
dl {{ display: grid; grid-template-columns: 8.5rem 1fr; gap: 0.15rem 0.8rem; margin: 0; }}
dt {{ font-weight: bold; font-size: 0.85rem; color: #333; padding-top: 0.1rem; }} dd {{ margin: 0; }}
blockquote {{ margin: 0.6rem 0; padding-left: 0.8rem; border-left: 3px solid #bbb; color: #333;
              font-style: italic; }}
.id {{ color: #666; font-size: 0.75rem; font-family: "DejaVu Sans Mono", monospace; margin: 0.3rem 0 0; }}
figure.timeline-figure {{ margin: 0 0 1.4rem; }}
figcaption {{ font-size: 0.78rem; color: #555; margin-top: 0.3rem; }}
.timeline {{ width: 100%; height: auto; display: block; }}
nav.contents ol {{ padding-left: 1.4rem; }}
"""


@functools.cache
def _swatch_css() -> str:
    from chronika.desk.timeline import FAMILY_COLOURS  # here: chronika.desk imports this module

    return "".join(
        f"h2 .swatch.family-{family} {{ background: {fill}; border-color: {outline}; }}\n"
        for family, (fill, outline) in FAMILY_COLOURS.items()
    )


@functools.cache
def timeline_css() -> str:
    """The timeline's own styles, carried inside the SVG: a lone .svg file and WeasyPrint (which
    styles an inline SVG only from its own <style>) need them there."""
    from chronika.desk.timeline import family_css

    return (
        f"""
.timeline .axis {{ stroke: #333; stroke-width: 1.2; }}
.timeline .tick {{ stroke: #e3e3e3; stroke-width: 1; }}
.timeline .tick-label {{ font-size: 13px; fill: #444; text-anchor: middle; font-family: {_SANS}; }}
.timeline .legend-label {{ font-size: 14px; fill: #333; font-family: {_SANS}; }}
.timeline circle, .timeline rect, .timeline .arrow {{ stroke-width: 1; }}
.timeline .legend-key.shape circle, .timeline .legend-key.shape rect, .timeline .legend-key.shape .arrow {{
    fill: #d9d9d9; stroke: #666; }}
.timeline .mark rect.open {{ fill-opacity: 0.6; }}
"""
        + family_css()
        + """
.timeline .mark.draft circle, .timeline .mark.draft rect { stroke-dasharray: 2 2; fill-opacity: 0.45; }
.timeline .mark.retracted circle, .timeline .mark.retracted rect { fill-opacity: 0.15; }
"""
    )


def preview_css() -> str:
    """The rules the desk's stylesheet carries for the Publish page's preview (its CSP forbids the
    SVG's own <style>): the same family colours and legend, scoped to the preview. A test checks
    that ``desk.css`` holds exactly this text."""
    from chronika.desk.timeline import family_css

    scope = ".publish-preview .timeline"
    return (
        "/* publish preview: act families (made by chronika.publish.chronology.preview_css) */\n"
        + family_css(scope)
        + ", ".join(f"{scope} .legend-key.shape {shape}" for shape in ("circle", "rect", ".arrow"))
        + " { fill: #d9d9d9; stroke: #666; }\n"
        f"{scope} .legend-label {{ font-size: 14px; fill: #333; }}\n"
    )


def timeline_svg(chronology: Chronology, *, standalone: bool = False, styled: bool = True) -> str:
    """The timeline as SVG, with a legend; ``styled`` puts its styles inside it, ``standalone``
    also the base font (a lone .svg file). Unstyled, the page around it must bring the styles."""
    from chronika.desk.timeline import draw_timeline  # here: chronika.desk imports this module

    svg = str(
        draw_timeline([entry.incident.record for entry in chronology.entries], chronology.title, legend=True)
    )
    if svg and (styled or standalone):
        css = timeline_css() + (
            f".timeline {{ font-family: {_SANS}; background: #fff; }}" if standalone else ""
        )
        head, _, rest = svg.partition(">")
        svg = f"{head}><style>{css}</style>{rest}"
    return svg


#: A chronology longer than this opens with a list of contents.
CONTENTS_FROM: Final = 12

# For print (the PDF): A4, a running head from the second page, page numbers, the contents list's
# page references, and no entry split across two pages.
_PRINT_CSS: Final = f"""
@page {{ size: A4; margin: 2.2cm 2cm 2.4cm;
        @top-left {{ content: string(title); font-family: {_SANS}; font-size: 8pt; color: #666; }}
        @top-right {{ content: string(audience); font-family: {_SANS}; font-size: 8pt; color: #666; }}
        @bottom-center {{ content: "Page " counter(page) " of " counter(pages); font-family: {_SANS};
                          font-size: 8pt; color: #444; }} }}
@page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}
body {{ margin: 0; max-width: none; font-size: 10pt; line-height: 1.45; }}
h1 {{ string-set: title content(); font-size: 20pt; }}
.meta .audience {{ string-set: audience "Audience: " content(); }}
h2 {{ font-size: 11.5pt; break-after: avoid; }}
section {{ break-inside: avoid; }}
figure.timeline-figure {{ break-inside: avoid; }}
nav.contents a {{ color: inherit; text-decoration: none; }}
nav.contents a::after {{ content: leader(".") target-counter(attr(href), page); }}
"""


def _family(entry: Entry) -> str:
    from chronika.desk.timeline import NO_FAMILY

    family = act_family(entry.incident.record.acts)
    return family.value if family is not None else NO_FAMILY


def render_html(chronology: Chronology, *, for_print: bool = False, styled: bool = True) -> str:
    """One page, self-contained: styles inline, the SVG inline, no script, no external resource.
    Unstyled (the desk's preview, whose CSP forbids inline styles), the page carries no style at all."""
    css = _CSS + _swatch_css() + (_PRINT_CSS if for_print else "")
    count = len(chronology.entries)
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(chronology.title)}</title>",
        f"<style>{css}</style></head><body>" if styled else "</head><body>",
        '<header class="masthead"><p class="kicker">Chronology</p>',
        f"<h1>{html.escape(chronology.title)}</h1>",
        f'<p class="meta">Audience: <span class="audience">{chronology.audience.value}</span>. '
        f"{count} incident{'' if count == 1 else 's'}, by date. "
        f"Selection: {html.escape(chronology.scope.describe())}.</p></header>",
    ]
    svg = timeline_svg(chronology, styled=styled)
    if svg:
        out.append(
            f'<figure class="timeline-figure">{svg}<figcaption>Each dated incident on a time axis, coloured '
            "by the family of its gravest act (the colour beside each entry's date).</figcaption></figure>"
        )
    if len(chronology.entries) >= CONTENTS_FROM:
        out.append('<nav class="contents"><h2>Contents</h2><ol>')
        for entry in chronology.entries:
            anchor = html.escape(entry.incident.record.id)
            out.append(f'<li><a href="#{anchor}">{html.escape(_when(entry.incident))}</a></li>')
        out.append("</ol></nav>")
    for entry in chronology.entries:
        record = entry.incident.record
        out.append(f'<section id="{html.escape(record.id)}">')
        out.append(
            f"<h2>{entry.number}. {html.escape(_when(entry.incident))}"
            f'<span class="swatch family-{_family(entry)}"></span></h2><dl>'
        )
        for label, value in _facts(entry):
            out.append(f"<dt>{html.escape(label)}</dt><dd>{html.escape(value)}</dd>")
        evidence = _evidence(entry.incident)
        if evidence == WITHHELD:
            out.append(f"<dt>Evidence</dt><dd>{WITHHELD}</dd>")
        out.append("</dl>")
        if evidence and evidence != WITHHELD:
            out.append(f"<blockquote>{html.escape(evidence)}</blockquote>")
        out.append(f'<p class="id">{html.escape(record.id)}</p></section>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"

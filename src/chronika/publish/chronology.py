"""A chronology: numbered incidents by date, each with its acts, who did it, to whom, where, its
sources and what the state did about it, as Markdown or as one self-contained HTML page.

The renderers see :class:`~chronika.publish.redaction.Redacted` records only, so what a chronology
shows is decided by the redaction table, and a withheld field reads "withheld" rather than
vanishing (a reader should know something is not said, not think it unknown). The timeline figure
is the desk's SVG drawing, drawn from the redacted records too.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from chronika.display import date_text
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


def link_group(vault: Vault, incident_id: str) -> list[str]:
    """The ids of the incident and of every incident linked to it, directly or through others.

    Links are followed whatever the status of the incidents they join (a link through a draft still
    joins two accepted incidents): which members an audience sees is redaction's decision, made
    afterwards, as for every other scope. Raises RecordNotFound if the id is not an incident.
    """
    start = vault.incident(incident_id).id
    group = {start}
    todo = [start]
    while todo:
        for link in vault.links(todo.pop()):
            for member in (link.from_id, link.to_id):
                if member not in group:
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


_CSS: Final = """
body { font-family: Georgia, "DejaVu Serif", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; }
dl { display: grid; grid-template-columns: 9rem 1fr; gap: 0.2rem 0.8rem; margin: 0; }
dt { font-weight: bold; } dd { margin: 0; }
blockquote { margin: 0.6rem 0; padding-left: 0.8rem; border-left: 3px solid #aaa; color: #333; }
.id { color: #666; font-size: 0.8rem; font-family: monospace; }
.timeline { width: 100%; height: auto; display: block; }
.timeline .axis { stroke: #555; stroke-width: 1.2; }
.timeline .tick { stroke: #ddd; stroke-width: 1; }
.timeline .tick-label { font-size: 12px; fill: #444; text-anchor: middle; font-family: sans-serif; }
.timeline .mark circle, .timeline .mark rect, .timeline .mark .arrow { fill: #1f6f9f; stroke: #0f3550; }
.timeline .mark.draft circle, .timeline .mark.draft rect { fill: #f5d48f; stroke: #a06a00; }
.timeline .mark rect.open { fill-opacity: 0.55; }
"""


def timeline_svg(chronology: Chronology, *, standalone: bool = False) -> str:
    """The timeline as SVG; ``standalone`` adds the styles a lone .svg file needs."""
    from chronika.desk.timeline import draw_timeline

    svg = str(draw_timeline([entry.incident.record for entry in chronology.entries], chronology.title))
    if standalone and svg:
        head, _, rest = svg.partition(">")
        svg = f"{head}><style>{_CSS}</style>{rest}"
    return svg


#: A chronology longer than this opens with a list of contents.
CONTENTS_FROM: Final = 12

# For print (the PDF): page numbers, and the contents list's page references.
_PRINT_CSS: Final = """
@page { size: A4; margin: 2cm 2cm 2.4cm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
body { margin: 0; max-width: none; font-size: 10.5pt; }
section { break-inside: avoid; }
nav.contents a::after { content: leader(".") target-counter(attr(href), page); }
"""


def render_html(chronology: Chronology, *, for_print: bool = False) -> str:
    """One page, self-contained: styles inline, the SVG inline, no script, no external resource."""
    css = _CSS + (_PRINT_CSS if for_print else "")
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(chronology.title)}</title>",
        f"<style>{css}</style></head><body>",
        f"<h1>{html.escape(chronology.title)}</h1>",
        f"<p>Audience: {chronology.audience.value}. {len(chronology.entries)} incidents, by date.</p>",
        f"<figure>{timeline_svg(chronology)}</figure>",
    ]
    if len(chronology.entries) >= CONTENTS_FROM:
        out.append('<nav class="contents"><h2>Contents</h2><ol>')
        for entry in chronology.entries:
            anchor = html.escape(entry.incident.record.id)
            out.append(f'<li><a href="#{anchor}">{html.escape(_when(entry.incident))}</a></li>')
        out.append("</ol></nav>")
    for entry in chronology.entries:
        record = entry.incident.record
        out.append(f'<section id="{html.escape(record.id)}">')
        out.append(f"<h2>{entry.number}. {html.escape(_when(entry.incident))}</h2><dl>")
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

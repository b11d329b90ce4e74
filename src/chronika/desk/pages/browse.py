"""Finding and reading: the incidents table (and its CSV), one incident in full, chronologies.

The table, the CSV and the chronology read the same query parameters (``selection.Criteria``), so
what is downloaded or drawn is exactly what the table selected. The CSV guards against formula
injection: a cell that a spreadsheet would run as a formula is prefixed with an apostrophe, since
victims' names and quoted evidence come from documents nobody here wrote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from itertools import groupby
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from chronika.desk.i18n import gettext
from chronika.desk.marks import context_bounds, marked_text
from chronika.desk.selection import (
    CHRONOLOGY_PAGE,
    PER_PAGE_CHOICES,
    SCAN_LIMIT,
    Chronology,
    Criteria,
    Role,
    Sort,
    chronology,
    iterate,
    linked_chronology,
    ordered,
    select,
)
from chronika.desk.timeline import draw_histogram, draw_timeline
from chronika.desk.web import flash, keeper_of, read_form, redirect, render, require_unlocked, text_field
from chronika.display import date_text, parse_day
from chronika.model import Act
from chronika.vault.record import LinkKind, ResponseKind, Status, op_name
from chronika.vault.state import IncidentRecord, LinkRecord, Record, SourceRecord
from chronika.vault.vault import Vault
from chronika.vault.view import NO_RESPONSE, Version

__all__ = ["CSV_COLUMNS", "csv_rows", "history_rows", "routes"]

CSV_COLUMNS = (
    "id", "status", "date", "date_start", "date_end", "precision", "acts", "perpetrators", "victims",
    "location", "response_status", "confidence", "source_id", "evidence",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_LIMIT = 100_000


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_row(incident: IncidentRecord) -> list[str]:
    span = incident.date
    values = [
        incident.id,
        incident.status.value,
        date_text(span) if span else "",
        span.start.isoformat() if span else "",
        span.end.isoformat() if span and span.end else "",
        span.precision.value if span else "",
        "; ".join(incident.acts),
        "; ".join(incident.perpetrators),
        "; ".join(incident.victims),
        incident.location or "",
        incident.response_status.value if incident.response_status else "",
        f"{incident.confidence:.2f}",
        incident.source_id or "",
        incident.evidence,
    ]
    return [_cell(value) for value in values]


def csv_rows(incidents: Iterator[IncidentRecord]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for incident in incidents:
        writer.writerow(csv_row(incident))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _criteria(request: Request, **defaults: object) -> Criteria:
    values = {key: request.query_params.getlist(key) for key in request.query_params}
    for key, value in defaults.items():
        values.setdefault(key, [str(value)])
    return Criteria.parse(values)


async def incidents_page(request: Request) -> Response:
    session = require_unlocked(request)
    criteria = _criteria(request)
    keeper = keeper_of(request)
    use = keeper.run if criteria.needs_scan else keeper.read  # a scan reads up to SCAN_LIMIT records
    selection = await use(session, lambda vault: select(vault, criteria))

    def link(page: int | None = None, sort: Sort | None = None, descending: bool | None = None) -> str:
        return "/incidents?" + urlencode(criteria.params(page=page, sort=sort, descending=descending))

    sort_links = {
        sort.value: link(
            sort=sort,
            descending=not criteria.descending if criteria.sort is sort else sort is Sort.DATE,
            page=1,
        )
        for sort in Sort
    }
    return render(
        request,
        "incidents.html",
        {
            "criteria": criteria,
            "selection": selection,
            "acts": list(Act),
            "statuses": list(Status),
            "responses": [*(kind.value for kind in ResponseKind), NO_RESPONSE],
            "roles": list(Role),
            "per_choices": PER_PAGE_CHOICES,
            "sort_links": sort_links,
            "prev_link": link(page=criteria.page - 1) if criteria.page > 1 else None,
            "next_link": link(page=criteria.page + 1) if selection.more else None,
            "csv_link": "/incidents.csv?" + urlencode(criteria.params(page=1)),
            "chronology_link": "/chronology?" + urlencode(criteria.params(page=1)),
            "scan_limit": SCAN_LIMIT,
        },
    )


async def incidents_csv(request: Request) -> Response:
    session = require_unlocked(request)
    criteria = _criteria(request)

    def rows(vault: Vault) -> list[str]:
        found = iterate(vault, criteria, CSV_LIMIT)
        if criteria.needs_scan:
            found = iter(ordered(list(found), criteria))
        return list(csv_rows(found))

    chunks = await keeper_of(request).run(session, rows)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
    return StreamingResponse(
        iter(chunks),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="chronika-incidents-{stamp}.csv"'},
    )


def _relations() -> list[tuple[str, str]]:
    """Operation fields naming a partner record (split, merge), with how the history says so."""
    return [
        ("part_id", gettext("part split off:")),
        ("from_id", gettext("split off")),
        ("absorbed_id", gettext("took in")),
        ("into", gettext("merged into")),
    ]


def history_rows(history: list[tuple[Version, Record]]) -> list[dict[str, object]]:
    """One row per version: the operation, when, and what it changed in a few words."""
    rows = []
    for version, _record in history:
        op = version.op
        changes = getattr(op, "changes", None)
        fields = sorted(changes.fields()) if changes is not None else []
        detail = ", ".join(fields)
        for name, label in _relations():
            other = getattr(op, name, None)
            if other:
                detail = f"{detail}; {label} {other}" if detail else f"{label} {other}"
        names = getattr(op, "names", None)
        if names:
            detail = f"{detail}; " if detail else ""
            detail += gettext("now also known as %(names)s") % {"names": ", ".join(names)}
        for name in ("note", "reason"):
            text = getattr(op, name, None)
            if text:
                detail = f"{detail}; {text}" if detail else str(text)
        if op_name(op) == "response.add":
            detail = f"{getattr(op, 'kind', '')} {getattr(op, 'date', '')}"
        rows.append(
            {
                "version": version.version,
                "entry": version.entry,
                "op": op_name(op),
                "at": op.at,
                "detail": detail,
            }
        )
    return rows


async def incident_page(request: Request) -> Response:
    session = require_unlocked(request)
    incident_id = request.path_params["incident_id"]

    def load(vault: Vault) -> dict[str, object]:
        incident = vault.incident(incident_id)
        source = vault.show(incident.source_id) if incident.source_id else None
        links = vault.links(incident.id)
        linked: list[tuple[LinkRecord, IncidentRecord | None]] = []
        for link in links:
            other = link.to_id if link.from_id == incident.id else link.from_id
            try:
                linked.append((link, vault.incident(other)))
            except Exception:
                linked.append((link, None))
        return {
            "incident": incident,
            "source": source if isinstance(source, SourceRecord) else None,
            "linked": linked,
            "history": history_rows(vault.history(incident.id)),
        }

    data = await keeper_of(request).run(session, load)
    incident = data["incident"]
    source = data["source"]
    context_html = None
    assert isinstance(incident, IncidentRecord)
    if isinstance(source, SourceRecord):
        left, right = context_bounds(source.text, incident.evidence_span)
        start, end = incident.evidence_span
        context_html = marked_text(
            source.text[left:right], [(incident.id, (start - left, end - left))], incident.id
        )
    return render(
        request,
        "incident.html",
        {
            **data,
            "context_html": context_html,
            "response_kinds": list(ResponseKind),
            "link_kinds": list(LinkKind),
            "responses": sorted(incident.responses, key=lambda r: r.date),
        },
    )


async def respond_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    incident_id = request.path_params["incident_id"]
    try:
        kind = ResponseKind(text_field(form, "kind", 40))
    except ValueError:
        from chronika.errors import UsageError

        raise UsageError(gettext("Choose what the state did.")) from None
    day = parse_day(text_field(form, "date", 20), option="date")
    source = text_field(form, "source", 2000)
    note = text_field(form, "note", 5000)
    await keeper_of(request).run(
        session, lambda vault: vault.add_response(incident_id, kind, day, source, note)
    )
    flash(request, gettext("Response recorded."))
    return redirect(f"/incidents/{incident_id}#responses")


async def link_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    incident_id = request.path_params["incident_id"]
    try:
        kind = LinkKind(text_field(form, "kind", 40))
    except ValueError:
        from chronika.errors import UsageError

        raise UsageError(gettext("Choose how the incidents are linked.")) from None
    other = text_field(form, "other", 40).strip()
    note = text_field(form, "note", 2000)
    await keeper_of(request).run(session, lambda vault: vault.link(incident_id, other, kind, note))
    flash(request, gettext("Linked."))
    return redirect(f"/incidents/{incident_id}#links")


async def chronology_page(request: Request) -> Response:
    session = require_unlocked(request)
    defaults = {} if "status" in request.query_params else {"status": Status.ACCEPTED.value}
    criteria = _criteria(request, **defaults)
    linked = request.query_params.get("linked", "").strip()[:40]

    def load(vault: Vault) -> Chronology:
        if linked:
            return linked_chronology(vault, criteria, linked)
        return chronology(vault, criteria, CHRONOLOGY_PAGE)

    found = await keeper_of(request).read(session, load)
    subject = (
        (gettext("incidents linked to %(id)s") % {"id": linked} if linked else "")
        or criteria.actor
        or criteria.place
        or criteria.q
        or gettext("all incidents")
    )
    title = gettext("Chronology: %(subject)s") % {"subject": subject}
    groups = [
        (key, list(items))
        for key, items in groupby(
            found.incidents, key=lambda i: f"{i.date.start:%Y-%m}" if i.date else gettext("undated")
        )
    ]

    def link(page: int) -> str:
        return "/chronology?" + urlencode(criteria.params(page=page))

    unbounded = urlencode([pair for pair in criteria.params(page=1) if pair[0] not in ("from", "to")])

    def period_link(first: dt.date, last: dt.date) -> str:
        first = max(first, criteria.date_from or first)
        last = min(last, criteria.date_to or last)
        return f"/chronology?from={first.isoformat()}&to={last.isoformat()}" + (
            f"&{unbounded}" if unbounded else ""
        )

    if found.edges:
        svg = draw_histogram(found.edges, found.counts, title, period_link)
    else:
        svg = draw_timeline(found.incidents, title)
    return render(
        request,
        "chronology.html",
        {
            "criteria": criteria,
            "title": title,
            "svg": svg,
            "histogram": bool(found.edges),
            "groups": groups,
            "count": found.count,
            "pages": -(-found.count // CHRONOLOGY_PAGE),
            "prev_link": link(criteria.page - 1) if criteria.page > 1 else None,
            "next_link": link(criteria.page + 1) if found.more else None,
            "include_drafts": Status.DRAFT in criteria.statuses,
            "table_link": "/incidents?" + urlencode(criteria.params(page=1)),
        },
    )


routes = [
    Route("/incidents", incidents_page, methods=["GET"]),
    Route("/incidents.csv", incidents_csv, methods=["GET"]),
    Route("/incidents/{incident_id}", incident_page, methods=["GET"]),
    Route("/incidents/{incident_id}/responses", respond_submit, methods=["POST"]),
    Route("/incidents/{incident_id}/links", link_submit, methods=["POST"]),
    Route("/chronology", chronology_page, methods=["GET"]),
]

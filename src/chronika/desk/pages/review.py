"""The inbox and review: reports in, drafts beside their source, accept, edit, reject.

A report is pasted or uploaded (several files at once); each becomes one source document and its
draft incidents in one ledger batch. The review page shows the report's text with every draft's
evidence marked in place, and the drafts beside it, each with its own accept and reject forms and
a link to its words; "accept all" and "accept selected" accept a whole report in one batch.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import msgspec
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.desk.directory import known_names
from chronika.desk.editing import changes_for, parse_acts, parse_span
from chronika.desk.i18n import gettext, ngettext
from chronika.desk.intake import UPLOAD_SUFFIXES, import_bytes, import_text
from chronika.desk.marks import marked_text
from chronika.desk.selection import SCAN_LIMIT, Criteria, iterate
from chronika.desk.web import (
    flash,
    keeper_of,
    read_form,
    redirect,
    render,
    require_unlocked,
    text_field,
)
from chronika.errors import InputError, RecordNotFound, UsageError
from chronika.extract.reader import MAX_INPUT_BYTES
from chronika.model import ACT_SCOPE, Act, Precision
from chronika.vault.record import Status
from chronika.vault.state import IncidentRecord, SourceRecord
from chronika.vault.vault import Imported, Vault, merged_fields

__all__ = ["cut_points", "incidents_of_source", "known_actors", "routes"]

MAX_PASTE_NAME = 120
#: Where a split may cut the words: after a sentence or a clause (the punctuation stays before).
_CUT = re.compile(r"[.;:!?,](?=\s+\S)")
_SNIPPET = 60


def incidents_of_source(vault: Vault, source_id: str) -> list[IncidentRecord]:
    """Every incident read from one source, in the order of the text.

    The view has no index by source yet, so this reads up to SCAN_LIMIT incidents (see
    ``selection.py``); a view method ``incidents_of(source_id)`` would make it one query.
    """
    found = [i for i in iterate(vault, Criteria(), SCAN_LIMIT) if i.source_id == source_id]
    return sorted(found, key=lambda incident: incident.evidence_span)


def known_actors(vault: Vault, limit: int = 1000) -> list[str]:
    """Suggestions for the edit form: every actor record's names, and names in recent incidents."""
    return known_names(vault, "actor", limit)


def cut_points(words: str) -> list[tuple[int, str, str]]:
    """Where a split may cut ``words``: ``(offset, the words before, the words after)``, shortened."""
    points = []
    for match in _CUT.finditer(words):
        offset = match.end()
        before, after = words[:offset].strip(), words[offset:].strip()
        points.append(
            (
                offset,
                ("…" + before[-_SNIPPET:]) if len(before) > _SNIPPET else before,
                (after[:_SNIPPET] + "…") if len(after) > _SNIPPET else after,
            )
        )
    return points


def _source(vault: Vault, source_id: str) -> SourceRecord:
    record = vault.show(source_id)
    if not isinstance(record, SourceRecord):
        raise RecordNotFound(f"{source_id} is not a source document")
    return record


def _published(value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"the report's date must be YYYY-MM-DD, not {value!r}") from None


async def inbox(request: Request) -> Response:
    session = require_unlocked(request)

    def waiting(vault: Vault) -> list[tuple[SourceRecord, int]]:
        counts: Counter[str] = Counter()
        for incident in iterate(vault, Criteria(statuses=(Status.DRAFT,)), SCAN_LIMIT):
            if incident.source_id:
                counts[incident.source_id] += 1
        return [(_source(vault, source_id), count) for source_id, count in counts.most_common()]

    sources = await keeper_of(request).run(session, waiting)
    return render(
        request, "inbox.html", {"waiting": sources, "suffixes": ",".join(UPLOAD_SUFFIXES), "results": None}
    )


async def paste_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    text = text_field(form, "text", MAX_INPUT_BYTES)
    name = " ".join(text_field(form, "name", MAX_PASTE_NAME).split()) or gettext("pasted report")
    published = _published(text_field(form, "published", 20))
    result = await keeper_of(request).run(
        session, lambda vault: import_text(vault, text, name, published=published)
    )
    if result.duplicate:
        flash(request, gettext("This report was imported before; here it is."))
    else:
        count = len(result.incidents)
        flash(
            request,
            ngettext("%(num)d draft incident found.", "%(num)d draft incidents found.", count)
            % {"num": count},
        )
    return redirect(f"/sources/{result.source_id}")


async def upload_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    published = _published(text_field(form, "published", 20))
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile) and item.filename]
    if not files:
        raise UsageError(gettext("Choose one or more files to upload."))
    uploads = [(item.filename or "upload", await item.read(MAX_INPUT_BYTES + 1)) for item in files]
    for item in files:
        await item.close()

    def store(vault: Vault) -> list[tuple[str, Imported | InputError]]:
        outcomes: list[tuple[str, Imported | InputError]] = []
        for name, data in uploads:
            try:
                outcomes.append((name, import_bytes(vault, data, name, published=published)))
            except InputError as error:
                outcomes.append((name, error))
        return outcomes

    outcomes = await keeper_of(request).run(session, store)
    if len(outcomes) == 1 and not isinstance(outcomes[0][1], InputError):
        return redirect(f"/sources/{outcomes[0][1].source_id}")
    return render(
        request, "inbox.html", {"waiting": [], "suffixes": ",".join(UPLOAD_SUFFIXES), "results": outcomes}
    )


async def source_page(request: Request) -> Response:
    session = require_unlocked(request)
    source_id = request.path_params["source_id"]

    def load(vault: Vault) -> tuple[SourceRecord, list[IncidentRecord]]:
        return _source(vault, source_id), incidents_of_source(vault, source_id)

    source, incidents = await keeper_of(request).run(session, load)
    # A draft merged into another is withdrawn, but its words are still evidence (of the survivor).
    spans = [
        (incident.id, incident.evidence_span)
        for incident in incidents
        if incident.status is not Status.RETRACTED or incident.merged_into
    ]
    return render(
        request,
        "source.html",
        {
            "source": source,
            "incidents": incidents,
            "text": marked_text(source.text, spans),
            "drafts": sum(1 for incident in incidents if incident.status is Status.DRAFT),
        },
    )


async def accept_submit(request: Request) -> Response:
    """Accept one incident, the selected ones, or every draft of a source (``all_of``)."""
    session = require_unlocked(request)
    form = await read_form(request)
    ids = [value for value in form.getlist("id") if isinstance(value, str) and value.strip()]
    all_of = text_field(form, "all_of", 40)
    note = text_field(form, "note") or None
    back = text_field(form, "back", 200)

    def accept(vault: Vault) -> int:
        chosen = list(ids)
        if all_of:
            chosen += [i.id for i in incidents_of_source(vault, all_of) if i.status is Status.DRAFT]
        if not chosen:
            raise UsageError(gettext("Select at least one draft to accept."))
        return len(vault.accept(chosen, note=note))

    count = await keeper_of(request).run(session, accept)
    flash(
        request, ngettext("%(num)d incident accepted.", "%(num)d incidents accepted.", count) % {"num": count}
    )
    return redirect(back if back.startswith("/") and not back.startswith("//") else "/inbox")


async def retract_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    incident_id = request.path_params["incident_id"]
    reason = text_field(form, "reason", 2000)
    back = text_field(form, "back", 200)
    if not reason.strip():
        raise UsageError(gettext("Say why the incident is rejected: the reason is kept with it."))
    await keeper_of(request).run(session, lambda vault: vault.retract(incident_id, reason))
    flash(request, gettext("Rejected; the incident and its history are kept, marked with the reason."))
    return redirect(
        back if back.startswith("/") and not back.startswith("//") else f"/incidents/{incident_id}"
    )


async def edit_page(request: Request) -> Response:
    session = require_unlocked(request)
    incident_id = request.path_params["incident_id"]

    def load(vault: Vault) -> tuple[IncidentRecord, list[str], list[str]]:
        return vault.incident(incident_id), known_actors(vault), known_names(vault, "place")

    incident, actors, places = await keeper_of(request).run(session, load)
    return render(
        request,
        "edit.html",
        {
            "incident": incident,
            "acts": list(Act),
            "act_scope": ACT_SCOPE,
            "precisions": list(Precision),
            "actors": actors,
            "places": places,
            "error": None,
        },
    )


async def edit_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    incident_id = request.path_params["incident_id"]
    date = parse_span(
        text_field(form, "date_start", 20),
        text_field(form, "date_end", 20),
        text_field(form, "precision", 10),
        text_field(form, "date_text", 200),
    )
    proposed = {
        "date": date,
        "acts": parse_acts([v for v in form.getlist("act") if isinstance(v, str)]),
        "perpetrators": [v for v in form.getlist("perpetrator") if isinstance(v, str)],
        "victims": [v for v in form.getlist("victim") if isinstance(v, str)],
        "location": text_field(form, "location", 200),
    }
    note = text_field(form, "note") or None

    def save(vault: Vault) -> bool:
        changes = changes_for(vault.incident(incident_id), proposed)
        if not changes.fields() and not note:
            return False
        vault.edit(incident_id, changes, note=note)
        return True

    saved = await keeper_of(request).run(session, save)
    flash(
        request,
        gettext("Saved; the earlier version stays in the history.") if saved else gettext("Nothing changed."),
    )
    return redirect(f"/incidents/{incident_id}")


def _back_to(incident: IncidentRecord, anchor: str) -> str:
    if incident.source_id:
        return f"/sources/{incident.source_id}#{anchor}"
    return f"/incidents/{anchor}"


async def split_page(request: Request) -> Response:
    session = require_unlocked(request)
    incident_id = request.path_params["incident_id"]

    def load(vault: Vault) -> tuple[IncidentRecord, str]:
        incident = vault.incident(incident_id)
        return incident, vault.evidence_words(incident)

    incident, words = await keeper_of(request).run(session, load)
    return render(
        request,
        "split.html",
        {"incident": incident, "cuts": cut_points(words), "acts": list(Act), "act_scope": ACT_SCOPE},
    )


async def split_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    incident_id = request.path_params["incident_id"]
    cut_text = text_field(form, "cut", 20).strip()
    try:
        cut = int(cut_text) if cut_text else None
    except ValueError:
        raise UsageError(gettext("Choose where the words divide.")) from None
    part_acts = parse_acts([v for v in form.getlist("part_act") if isinstance(v, str)])
    keep_acts = parse_acts([v for v in form.getlist("keep_act") if isinstance(v, str)]) or None
    note = text_field(form, "note") or None
    kept, part = await keeper_of(request).run(
        session, lambda vault: vault.split(incident_id, part_acts, keep_acts, cut=cut, note=note)
    )
    flash(
        request,
        gettext("Split: %(part)s is a new draft beside %(kept)s.") % {"part": part.id, "kept": kept.id},
    )
    return redirect(_back_to(part, part.id))


async def merge_page(request: Request) -> Response:
    session = require_unlocked(request)
    incident_id = request.path_params["incident_id"]
    other_id = request.query_params.get("other", "").strip()[:40]

    def load(vault: Vault) -> dict[str, object]:
        incident = vault.incident(incident_id)
        candidates = []
        if incident.source_id:
            candidates = [
                i
                for i in incidents_of_source(vault, incident.source_id)
                if i.status is Status.DRAFT and i.id != incident.id
            ]
        other = vault.incident(other_id) if other_id else None
        preview = None
        if other is not None:
            preview = msgspec.structs.replace(incident, **merged_fields(incident, other).fields())
        return {"incident": incident, "candidates": candidates, "other": other, "preview": preview}

    data = await keeper_of(request).run(session, load)
    return render(request, "merge.html", data)


async def merge_submit(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    incident_id = request.path_params["incident_id"]
    other = text_field(form, "other", 40).strip()
    if not other:
        raise UsageError(gettext("Choose the draft to merge into this one."))
    note = text_field(form, "note") or None
    merged = await keeper_of(request).run(session, lambda vault: vault.merge(incident_id, other, note))
    flash(
        request,
        gettext("Merged: %(other)s is now part of %(kept)s, with all its words.")
        % {"other": other, "kept": merged.id},
    )
    return redirect(_back_to(merged, merged.id))


routes = [
    Route("/inbox", inbox, methods=["GET"]),
    Route("/inbox/paste", paste_submit, methods=["POST"]),
    Route("/inbox/upload", upload_submit, methods=["POST"]),
    Route("/sources/{source_id}", source_page, methods=["GET"]),
    Route("/accept", accept_submit, methods=["POST"]),
    Route("/incidents/{incident_id}/retract", retract_submit, methods=["POST"]),
    Route("/incidents/{incident_id}/edit", edit_page, methods=["GET"]),
    Route("/incidents/{incident_id}/edit", edit_submit, methods=["POST"]),
    Route("/incidents/{incident_id}/split", split_page, methods=["GET"]),
    Route("/incidents/{incident_id}/split", split_submit, methods=["POST"]),
    Route("/incidents/{incident_id}/merge", merge_page, methods=["GET"]),
    Route("/incidents/{incident_id}/merge", merge_submit, methods=["POST"]),
]

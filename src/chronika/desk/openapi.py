"""The OpenAPI 3.1 document of ``/api/v1``, built from the same types the API decodes and returns.

Request and record schemas come from msgspec (``schema_components``) over the structs the handlers
use, so the document cannot drift from what the code accepts; the paths are listed here once, with
the query parameters ``selection.Criteria`` reads. Served at ``/api/v1/openapi.json``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import msgspec

from chronika import __version__
from chronika.model import Act
from chronika.vault.record import ResponseKind, Status
from chronika.vault.state import IncidentRecord, LinkRecord, SourceRecord
from chronika.vault.view import NO_RESPONSE

__all__ = ["openapi_document"]

_REF = "#/components/schemas/{name}"


def _query(name: str, description: str, schema: dict[str, Any], *, many: bool = False) -> dict[str, Any]:
    if many:
        schema = {"type": "array", "items": schema}
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if many else {}),
    }


def _path(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "maxLength": 40}}


FILTERS = [
    _query(
        "q", 'Full-text search: words, "a phrase", a OR b, prefix*.', {"type": "string", "maxLength": 500}
    ),
    _query("from", "Began on or after (YYYY, YYYY-MM or YYYY-MM-DD).", {"type": "string", "maxLength": 20}),
    _query("to", "Began on or before.", {"type": "string", "maxLength": 20}),
    _query("act", "Has any of these acts.", {"enum": [a.value for a in Act]}, many=True),
    _query("status", "Any of these review states.", {"enum": [s.value for s in Status]}, many=True),
    _query(
        "response",
        "Latest state response (or 'none').",
        {"enum": [*(k.value for k in ResponseKind), NO_RESPONSE]},
        many=True,
    ),
    _query(
        "actor", "A perpetrator or victim (and an actor's aliases).", {"type": "string", "maxLength": 500}
    ),
    _query("role", "With actor: as perpetrator or victim only.", {"enum": ["any", "perpetrator", "victim"]}),
    _query("place", "The location.", {"type": "string", "maxLength": 500}),
    _query("sort", "Sort column.", {"enum": ["date", "acts", "place", "status", "confidence"]}),
    _query("order", "Sort order.", {"enum": ["asc", "desc"]}),
    _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 100000}),
    _query("per", "Incidents per page.", {"enum": [20, 50, 100]}),
]


def _json(ref: str | dict[str, Any]) -> dict[str, Any]:
    schema = {"$ref": _REF.format(name=ref)} if isinstance(ref, str) else ref
    return {"content": {"application/json": {"schema": schema}}}


def _operation(
    summary: str,
    ok: str | dict[str, Any],
    *,
    body: str | None = None,
    params: list[dict[str, Any]] | None = None,
    status: str = "200",
    public: bool = False,
) -> dict[str, Any]:
    errors = {
        code: {"description": text, **_json("Error")}
        for code, text in (
            ("400", "Bad request (a parameter or body field is not valid)"),
            ("401", "No valid API token"),
            ("404", "No such record"),
            ("409", "The change breaks a rule of the record"),
            ("423", "The vault is locked"),
        )
    }
    operation: dict[str, Any] = {
        "summary": summary,
        "parameters": params or [],
        "responses": {status: {"description": "OK", **_json(ok)}, **({} if public else errors)},
    }
    if body is not None:
        operation["requestBody"] = {"required": True, **_json(body)}
    if public:
        operation["security"] = []
    return operation


def _directory_paths(plural: str, one: str) -> dict[str, Any]:
    """The five routes actors and places share (``api._directory_routes``)."""
    name = {"type": "string", "minLength": 1, "maxLength": 200}
    named = {
        "name": "name",
        "in": "query",
        "required": True,
        "description": f"A name of {one} (any alias finds it).",
        "schema": name,
    }
    record = {"type": "object"}
    return {
        f"/api/v1/{plural}": {
            "get": _operation(
                f"Every {plural[:-1]} with its aliases and incident counts",
                record,
                params=[_query("q", "Only names containing this.", {"type": "string", "maxLength": 200})],
            )
        },
        f"/api/v1/{plural}/named": {
            "get": _operation(
                f"One {plural[:-1]}: record, aliases, incidents, history", record, params=[named]
            )
        },
        f"/api/v1/{plural}/aliases": {"post": _operation(f"Add an alias to {one}", record, body="AliasBody")},
        f"/api/v1/{plural}/aliases/remove": {
            "post": _operation(f"Remove an alias of {one} (also undoes a merge)", record, body="AliasBody")
        },
        f"/api/v1/{plural}/merge": {
            "post": _operation(f"Merge a duplicate name into {one}", record, body="NameMergeBody")
        },
    }


@cache
def openapi_document() -> dict[str, Any]:
    from chronika.desk.api import BODIES

    _, components = msgspec.json.schema_components(
        [IncidentRecord, SourceRecord, LinkRecord, *BODIES.values()], ref_template=_REF
    )
    components["Error"] = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
            }
        },
    }
    incident = _path("incident_id")
    page = {
        "type": "object",
        "properties": {
            "incidents": {"type": "array", "items": {"$ref": _REF.format(name="IncidentRecord")}},
            "more": {"type": "boolean"},
            "page": {"type": "integer"},
            "capped": {"type": "boolean"},
        },
    }
    period = {
        "type": "object",
        "properties": {
            "from": {"type": "string", "format": "date"},
            "to": {"type": "string", "format": "date"},
            "count": {"type": "integer"},
        },
    }
    chronology = {
        "type": "object",
        "properties": {
            "incidents": {"type": "array", "items": {"$ref": _REF.format(name="IncidentRecord")}},
            "more": {"type": "boolean"},
            "page": {"type": "integer"},
            "count": {"type": "integer"},
            "periods": {"type": "array", "items": period},
        },
    }
    anything = {"type": "object"}
    paths = {
        "/api/v1/openapi.json": {"get": _operation("This document", anything, public=True)},
        "/api/v1/status": {"get": _operation("Whether a vault exists and is unlocked", anything)},
        "/api/v1/incidents": {"get": _operation("List or search incidents", page, params=FILTERS)},
        "/api/v1/incidents/{incident_id}": {
            "get": _operation("One incident, with its links", "IncidentRecord", params=[incident]),
            "patch": _operation(
                "Edit fields (only those given)", "IncidentRecord", body="EditBody", params=[incident]
            ),
        },
        "/api/v1/incidents/{incident_id}/accept": {
            "post": _operation("Accept a draft", "IncidentRecord", body="NoteBody", params=[incident])
        },
        "/api/v1/incidents/{incident_id}/retract": {
            "post": _operation(
                "Retract (reject) with a reason", "IncidentRecord", body="RetractBody", params=[incident]
            )
        },
        "/api/v1/incidents/{incident_id}/responses": {
            "post": _operation(
                "Add a step of the state's response",
                "IncidentRecord",
                body="ResponseBody",
                params=[incident],
                status="201",
            )
        },
        "/api/v1/incidents/{incident_id}/links": {
            "post": _operation(
                "Link to another incident", "LinkRecord", body="LinkBody", params=[incident], status="201"
            )
        },
        "/api/v1/incidents/{incident_id}/split": {
            "post": _operation(
                "Split a draft in two (by acts, and by cutting its words at an offset)",
                {
                    "type": "object",
                    "properties": {
                        "kept": {"$ref": _REF.format(name="IncidentRecord")},
                        "part": {"$ref": _REF.format(name="IncidentRecord")},
                    },
                },
                body="SplitBody",
                params=[incident],
                status="201",
            )
        },
        "/api/v1/incidents/{incident_id}/merge": {
            "post": _operation(
                "Merge another draft into this incident, keeping every evidence span",
                "IncidentRecord",
                body="MergeBody",
                params=[incident],
            )
        },
        **_directory_paths("actors", "an actor"),
        **_directory_paths("places", "a place"),
        "/api/v1/records/{record_id}/history": {
            "get": _operation(
                "Every version of a record", {"type": "array", "items": anything}, params=[_path("record_id")]
            )
        },
        "/api/v1/accept": {
            "post": _operation("Accept several drafts in one batch", anything, body="AcceptBody")
        },
        "/api/v1/imports": {
            "post": _operation(
                "Import a pasted report: source and drafts", anything, body="ImportBody", status="201"
            )
        },
        "/api/v1/imports/file": {
            "post": {
                **_operation(
                    "Import a file (txt, md, html, pdf, docx) sent as the body",
                    anything,
                    params=[
                        {
                            "name": "name",
                            "in": "query",
                            "required": True,
                            "description": "The file's name (its suffix is a hint; the bytes are sniffed).",
                            "schema": {"type": "string", "minLength": 1, "maxLength": 120},
                        },
                        _query(
                            "published",
                            "The report's date, YYYY-MM-DD.",
                            {"type": "string", "format": "date"},
                        ),
                    ],
                    status="201",
                ),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                    },
                },
            }
        },
        "/api/v1/publish": {
            "post": {
                **_operation(
                    "A signed bundle (.zip) of a chronology or an export", anything, body="PublishBody"
                ),
                "responses": {
                    "200": {
                        "description": "The bundle",
                        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
                    },
                    **{
                        code: value
                        for code, value in _operation("", anything)["responses"].items()
                        if code != "200"
                    },
                },
            }
        },
        "/api/v1/sources/{source_id}": {
            "get": _operation(
                "A source document and its incidents' ids", "SourceRecord", params=[_path("source_id")]
            )
        },
        "/api/v1/chronology": {
            "get": _operation(
                "A page of matching incidents, oldest first (accepted only unless status is given), with"
                " the number that began in each day, month or year when there is more than one page",
                chronology,
                params=[
                    *FILTERS,
                    _query(
                        "linked",
                        "Instead of the filters: the incidents linked to this one, directly or not.",
                        {"type": "string", "maxLength": 40},
                    ),
                ],
            )
        },
        "/api/v1/verify": {
            "get": _operation("Last checkpoint and last verification", anything),
            "post": _operation("Verify the ledger and the view now", anything),
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Chronika desk API",
            "version": __version__,
            "description": 'Every error is {"error": {"code": ..., "message": ...}}. '
            "Authenticate with a token from the desk's Settings page.",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "paths": paths,
    }

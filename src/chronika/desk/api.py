"""The REST API under ``/api/v1``: what the pages do, as JSON, for scripts and other tools.

Authentication is a bearer token made on the settings page (``Authorization: Bearer chk_...``);
cookies are never read here, so a page in the browser cannot borrow the user's session to call the
API (no CSRF surface), and a cross-site ``fetch`` with an Authorization header needs a CORS
preflight this server never grants. A token works only while the desk is unlocked: the keys are
in a browser-unlocked process's memory, never derived from a token (423 otherwise).

Every error has one shape, ``{"error": {"code": "E231", "message": "..."}}``, with the code of the
Chronika exception (``errors.py``) and an HTTP status chosen by its class (:func:`status_for`).
Bodies are decoded with msgspec into typed structs, so a wrong type is a 400 naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import msgspec
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.desk.editing import changes_for, parse_acts
from chronika.desk.intake import import_text
from chronika.desk.keeper import Keeper
from chronika.desk.ledgerinfo import last_checkpoint, run_verify
from chronika.desk.openapi import openapi_document
from chronika.desk.pages.review import incidents_of_source
from chronika.desk.selection import Criteria, select
from chronika.desk.selection import chronology as chronology_page
from chronika.desk.tokens import TokenStore
from chronika.errors import (
    ChronikaError,
    DiskFull,
    InputError,
    InputTooLarge,
    LedgerBusy,
    RecordError,
    RecordNotFound,
    UsageError,
    VaultLocked,
)
from chronika.model import DateSpan
from chronika.vault.record import LinkKind, ResponseKind, Status, op_name
from chronika.vault.vault import Vault

__all__ = ["ApiError", "error_response", "routes", "status_for"]

T = TypeVar("T")
B = TypeVar("B", bound=msgspec.Struct)
MAX_JSON_BYTES = 25 * 1024 * 1024


class ApiError(ChronikaError):
    """An error of the API itself (authentication, a malformed body), with its HTTP status."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def status_for(error: ChronikaError) -> int:
    """The HTTP status for a Chronika error, by class (most specific first)."""
    if isinstance(error, ApiError):
        return error.status
    table: list[tuple[type[ChronikaError], int]] = [
        (RecordNotFound, 404),
        (RecordError, 409),
        (InputTooLarge, 413),
        (InputError, 400),
        (UsageError, 400),
        (VaultLocked, 423),
        (LedgerBusy, 503),
        (DiskFull, 507),
    ]
    for kind, status in table:
        if isinstance(error, kind):
            return status
    return 500


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return msgspec.json.encode(content)


def error_response(status: int, code: str, message: str) -> Response:
    headers = {"www-authenticate": 'Bearer realm="chronika"'} if status == 401 else None
    return JSON(
        {"error": {"code": code, "message": " ".join(message.split())}}, status_code=status, headers=headers
    )


# -- request bodies ----------------------------------------------------------------------------------


class DateBody(msgspec.Struct, forbid_unknown_fields=True):
    start: dt.date
    end: dt.date | None = None
    precision: str = "day"
    text: str = ""


class EditBody(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    date: DateBody | msgspec.UnsetType | None = msgspec.UNSET
    acts: list[str] | msgspec.UnsetType = msgspec.UNSET
    perpetrators: list[str] | msgspec.UnsetType = msgspec.UNSET
    victims: list[str] | msgspec.UnsetType = msgspec.UNSET
    location: str | msgspec.UnsetType | None = msgspec.UNSET
    note: str | None = None


class NoteBody(msgspec.Struct, forbid_unknown_fields=True):
    note: str | None = None


class AcceptBody(msgspec.Struct, forbid_unknown_fields=True):
    ids: list[str]
    note: str | None = None


class RetractBody(msgspec.Struct, forbid_unknown_fields=True):
    reason: str


class ResponseBody(msgspec.Struct, forbid_unknown_fields=True):
    kind: ResponseKind
    date: dt.date
    source: str
    note: str = ""


class LinkBody(msgspec.Struct, forbid_unknown_fields=True):
    to: str
    kind: LinkKind
    note: str = ""


class ImportBody(msgspec.Struct, forbid_unknown_fields=True):
    text: str
    name: str = "pasted report"
    published: dt.date | None = None


BODIES: dict[str, type[msgspec.Struct]] = {
    "EditBody": EditBody,
    "NoteBody": NoteBody,
    "AcceptBody": AcceptBody,
    "RetractBody": RetractBody,
    "ResponseBody": ResponseBody,
    "LinkBody": LinkBody,
    "ImportBody": ImportBody,
}


async def _body(request: Request, kind: type[B]) -> B:
    data = await request.body()
    if len(data) > MAX_JSON_BYTES:
        raise ApiError(413, "E413", "the request body is too large")
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise ApiError(415, "E415", "send the body as application/json")
    try:
        return msgspec.json.decode(data or b"{}", type=kind)
    except msgspec.ValidationError as error:
        raise ApiError(400, "E120", f"the body is not valid: {error}") from None
    except msgspec.DecodeError:
        raise ApiError(400, "E120", "the body is not valid JSON") from None


# -- authentication and the vault ----------------------------------------------------------------------


def _authenticate(request: Request) -> None:
    tokens: TokenStore = request.app.state.tokens
    header = request.headers.get("authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise ApiError(401, "E401", "an API token is needed: Authorization: Bearer <token> (see Settings)")
    if tokens.check(secret.strip()) is None:
        raise ApiError(401, "E401", "the API token is not valid (revoked, or mistyped)")


async def _with_vault(request: Request, work: Callable[[Vault], T]) -> T:
    _authenticate(request)
    keeper: Keeper = request.app.state.keeper
    try:
        return await keeper.run(None, work)
    except VaultLocked:
        raise ApiError(423, VaultLocked.code, "the vault is locked: unlock it in the desk first") from None


def _criteria(request: Request) -> Criteria:
    return Criteria.parse({key: request.query_params.getlist(key) for key in request.query_params})


# -- routes ------------------------------------------------------------------------------------------


async def openapi(request: Request) -> Response:
    return JSON(openapi_document())


async def status(request: Request) -> Response:
    _authenticate(request)
    keeper: Keeper = request.app.state.keeper
    return JSON({"vault": keeper.exists, "unlocked": keeper.unlocked})


async def list_incidents(request: Request) -> Response:
    criteria = _criteria(request)
    selection = await _with_vault(request, lambda vault: select(vault, criteria))
    return JSON(
        {
            "incidents": selection.incidents,
            "more": selection.more,
            "page": criteria.page,
            "capped": selection.capped,
        }
    )


async def get_incident(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]

    def load(vault: Vault) -> dict[str, Any]:
        incident = vault.incident(incident_id)
        return {**msgspec.to_builtins(incident), "links": msgspec.to_builtins(vault.links(incident.id))}

    return JSON(await _with_vault(request, load))


async def edit_incident(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, EditBody)
    proposed: dict[str, Any] = {}
    if body.date is not msgspec.UNSET:
        if body.date is None:
            proposed["date"] = None
        else:
            try:
                from chronika.model import Precision

                proposed["date"] = DateSpan(
                    start=body.date.start,
                    end=body.date.end,
                    precision=Precision(body.date.precision),
                    text=body.date.text,
                )
            except ValueError as error:
                raise UsageError(f"the date is not valid: {error}") from None
    if body.acts is not msgspec.UNSET:
        proposed["acts"] = parse_acts(body.acts)
    for name in ("perpetrators", "victims", "location"):
        value = getattr(body, name)
        if value is not msgspec.UNSET:
            proposed[name] = value

    def save(vault: Vault) -> Any:
        changes = changes_for(vault.incident(incident_id), proposed)
        if not changes.fields() and not body.note:
            return vault.incident(incident_id)
        return vault.edit(incident_id, changes, note=body.note)

    return JSON(await _with_vault(request, save))


async def accept_incident(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, NoteBody)

    def accept(vault: Vault) -> Any:
        vault.accept([incident_id], note=body.note)
        return vault.incident(incident_id)

    return JSON(await _with_vault(request, accept))


async def accept_many(request: Request) -> Response:
    body = await _body(request, AcceptBody)
    if not body.ids or len(body.ids) > 10_000:
        raise ApiError(400, "E120", "ids must list 1 to 10000 incident ids")
    accepted = await _with_vault(request, lambda vault: vault.accept(body.ids, note=body.note))
    return JSON({"accepted": accepted})


async def retract_incident(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, RetractBody)
    return JSON(await _with_vault(request, lambda vault: vault.retract(incident_id, body.reason)))


async def add_response(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, ResponseBody)
    record = await _with_vault(
        request, lambda vault: vault.add_response(incident_id, body.kind, body.date, body.source, body.note)
    )
    return JSON(record, status_code=201)


async def add_link(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, LinkBody)
    link = await _with_vault(request, lambda vault: vault.link(incident_id, body.to, body.kind, body.note))
    return JSON(link, status_code=201)


async def history(request: Request) -> Response:
    record_id = request.path_params["record_id"]

    def load(vault: Vault) -> list[dict[str, Any]]:
        return [
            {
                "version": v.version,
                "entry": v.entry,
                "op": op_name(v.op),
                "at": v.op.at,
                "change": v.op,
                "record": r,
            }
            for v, r in vault.history(record_id)
        ]

    return JSON(await _with_vault(request, load))


async def import_report(request: Request) -> Response:
    body = await _body(request, ImportBody)
    result = await _with_vault(
        request,
        lambda vault: import_text(
            vault, body.text, body.name[:120] or "pasted report", published=body.published
        ),
    )
    return JSON(
        {"source_id": result.source_id, "incidents": result.incidents, "duplicate": result.duplicate},
        status_code=200 if result.duplicate else 201,
    )


async def get_source(request: Request) -> Response:
    source_id = request.path_params["source_id"]

    def load(vault: Vault) -> dict[str, Any]:
        record = vault.show(source_id)
        if record.__struct_config__.tag != "source":
            raise RecordNotFound(f"{source_id} is not a source document")
        return {
            **msgspec.to_builtins(record),
            "incidents": [i.id for i in incidents_of_source(vault, record.id)],
        }

    return JSON(await _with_vault(request, load))


async def chronology(request: Request) -> Response:
    values = {key: request.query_params.getlist(key) for key in request.query_params}
    values.setdefault("status", [Status.ACCEPTED.value])
    criteria = Criteria.parse(values)
    found = await _with_vault(request, lambda vault: chronology_page(vault, criteria, criteria.per))
    periods = [
        {"from": start, "to": end - dt.timedelta(days=1), "count": count}
        for start, end, count in zip(found.edges, found.edges[1:], found.counts, strict=False)
    ]
    return JSON(
        {
            "incidents": found.incidents,
            "more": found.more,
            "page": criteria.page,
            "count": found.count,
            "periods": periods,
        }
    )


async def verify_state(request: Request) -> Response:
    checkpoint = await _with_vault(request, last_checkpoint)
    last = request.app.state.last_verify
    return JSON(
        {
            "checkpoint": None
            if checkpoint is None
            else {
                "size": checkpoint.size,
                "root": checkpoint.root,
                "at": checkpoint.at,
            },
            "last_verification": None if last is None else last.as_json(),
        }
    )


async def verify_now(request: Request) -> Response:
    outcome = await _with_vault(request, run_verify)
    request.app.state.last_verify = outcome
    return JSON(outcome.as_json(), status_code=200 if outcome.ok else 409)


routes = [
    Route("/openapi.json", openapi, methods=["GET"]),
    Route("/status", status, methods=["GET"]),
    Route("/incidents", list_incidents, methods=["GET"]),
    Route("/incidents/{incident_id}", get_incident, methods=["GET"]),
    Route("/incidents/{incident_id}", edit_incident, methods=["PATCH"]),
    Route("/incidents/{incident_id}/accept", accept_incident, methods=["POST"]),
    Route("/incidents/{incident_id}/retract", retract_incident, methods=["POST"]),
    Route("/incidents/{incident_id}/responses", add_response, methods=["POST"]),
    Route("/incidents/{incident_id}/links", add_link, methods=["POST"]),
    Route("/records/{record_id}/history", history, methods=["GET"]),
    Route("/accept", accept_many, methods=["POST"]),
    Route("/imports", import_report, methods=["POST"]),
    Route("/sources/{source_id}", get_source, methods=["GET"]),
    Route("/chronology", chronology, methods=["GET"]),
    Route("/verify", verify_state, methods=["GET"]),
    Route("/verify", verify_now, methods=["POST"]),
]

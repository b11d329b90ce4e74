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

from chronika.desk.directory import directory
from chronika.desk.editing import changes_for, parse_acts
from chronika.desk.intake import import_bytes, import_text
from chronika.desk.keeper import Keeper
from chronika.desk.ledgerinfo import last_checkpoint, run_verify
from chronika.desk.openapi import openapi_document
from chronika.desk.pages.directory import MAX_NAME, clean_name, entry_page_data, kind_of
from chronika.desk.pages.publish import PublishRequest, make_bundle
from chronika.desk.pages.review import incidents_of_source
from chronika.desk.selection import Chronology, Criteria, linked_chronology, select
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
from chronika.extract.reader import MAX_INPUT_BYTES
from chronika.model import Act, DateSpan
from chronika.publish.redaction import Audience
from chronika.vault.record import LinkKind, ResponseKind, Status, op_name
from chronika.vault.vault import NameKind, Vault

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


class PublishBody(msgspec.Struct, forbid_unknown_fields=True):
    """What the Publish page asks: a scope (all empty: every incident), an audience and a format."""

    audience: Audience = Audience.PUBLIC
    format: str = "html"
    actor: str = ""
    place: str = ""
    q: str = ""
    title: str = ""


class SplitBody(msgspec.Struct, forbid_unknown_fields=True):
    """``acts`` go to the new part; ``cut`` is a character offset inside the evidence (see Vault.split)."""

    acts: list[Act]
    keep_acts: list[Act] | None = None
    cut: int | None = None
    note: str | None = None


class MergeBody(msgspec.Struct, forbid_unknown_fields=True):
    other: str
    note: str | None = None


class AliasBody(msgspec.Struct, forbid_unknown_fields=True):
    """``kind`` (person, organisation, group, unknown; country, region, city) if a record is made."""

    name: str
    alias: str
    kind: str = ""


class NameMergeBody(msgspec.Struct, forbid_unknown_fields=True):
    keep: str
    duplicate: str
    note: str | None = None
    kind: str = ""


BODIES: dict[str, type[msgspec.Struct]] = {
    "EditBody": EditBody,
    "NoteBody": NoteBody,
    "AcceptBody": AcceptBody,
    "RetractBody": RetractBody,
    "ResponseBody": ResponseBody,
    "LinkBody": LinkBody,
    "ImportBody": ImportBody,
    "PublishBody": PublishBody,
    "SplitBody": SplitBody,
    "MergeBody": MergeBody,
    "AliasBody": AliasBody,
    "NameMergeBody": NameMergeBody,
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


async def import_file(request: Request) -> Response:
    """A file as the request body (txt, md, html, pdf, docx: sniffed from the bytes), named by ``name``."""
    _authenticate(request)
    name = " ".join(request.query_params.get("name", "").split())[:120]
    if not name:
        raise ApiError(400, "E120", "give the file's name: ?name=report.pdf")
    published = request.query_params.get("published", "").strip()
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise ApiError(400, "E120", "published must be YYYY-MM-DD") from None
    data = await request.body()
    if len(data) > MAX_INPUT_BYTES:
        raise ApiError(413, "E413", "the file is too large")
    result = await _with_vault(request, lambda vault: import_bytes(vault, data, name, published=day))
    return JSON(
        {"source_id": result.source_id, "incidents": result.incidents, "duplicate": result.duplicate},
        status_code=200 if result.duplicate else 201,
    )


async def publish(request: Request) -> Response:
    """The Publish page's download: a signed bundle as a .zip."""
    body = await _body(request, PublishBody)
    wanted = PublishRequest.parse({**msgspec.structs.asdict(body), "audience": body.audience.value})
    data = await _with_vault(request, lambda vault: make_bundle(vault, wanted))
    return Response(data, media_type="application/zip")


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
    linked = " ".join(values.pop("linked", [""])[-1:]).strip()[:40]
    criteria = Criteria.parse(values)

    def load(vault: Vault) -> Chronology:
        if linked:
            return linked_chronology(vault, criteria, linked)
        return chronology_page(vault, criteria, criteria.per)

    found = await _with_vault(request, load)
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


async def split_incident(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, SplitBody)
    kept, part = await _with_vault(
        request,
        lambda vault: vault.split(incident_id, body.acts, body.keep_acts, cut=body.cut, note=body.note),
    )
    return JSON({"kept": kept, "part": part}, status_code=201)


async def merge_incident(request: Request) -> Response:
    incident_id = request.path_params["incident_id"]
    body = await _body(request, MergeBody)
    return JSON(await _with_vault(request, lambda vault: vault.merge(incident_id, body.other, body.note)))


def _name_param(request: Request, name: str = "name") -> str:
    return clean_name(request.query_params.get(name, ""), name)


def _directory_routes(kind: NameKind, plural: str) -> list[Route]:
    async def listing(request: Request) -> Response:
        q = request.query_params.get("q", "")[:MAX_NAME]
        found = await _with_vault(request, lambda vault: directory(vault, kind, q))
        return JSON(
            {
                plural: [
                    {
                        "name": entry.name,
                        "aliases": entry.aliases,
                        "id": entry.record.id if entry.record else None,
                        **(
                            {"perpetrator": entry.perpetrator, "victim": entry.victim}
                            if kind == "actor"
                            else {}
                        ),
                        "incidents": entry.total,
                    }
                    for entry in found.entries
                ],
                "scanned": found.scanned,
                "capped": found.capped,
            }
        )

    async def named(request: Request) -> Response:
        name = _name_param(request)
        data = await _with_vault(request, lambda vault: entry_page_data(vault, kind, name))
        return JSON(
            {
                "name": data["name"],
                "record": data["record"],
                "merged_into": data["survivor"].id if data["survivor"] else None,
                "aliases": data["aliases"],
                "incidents": [incident.id for incident in data["incidents"]],
                "more": data["more"],
                "history": data["history"],
            }
        )

    async def add_alias(request: Request) -> Response:
        body = await _body(request, AliasBody)
        name, alias = clean_name(body.name, "name"), clean_name(body.alias, "alias")
        new_kind = kind_of(kind, body.kind)
        return JSON(
            await _with_vault(request, lambda vault: vault.add_alias(kind, name, alias, new_kind=new_kind))
        )

    async def remove_alias(request: Request) -> Response:
        body = await _body(request, AliasBody)
        name, alias = clean_name(body.name, "name"), clean_name(body.alias, "alias")
        return JSON(await _with_vault(request, lambda vault: vault.remove_alias(kind, name, alias)))

    async def merge(request: Request) -> Response:
        body = await _body(request, NameMergeBody)
        keep, duplicate = clean_name(body.keep, "keep"), clean_name(body.duplicate, "duplicate")
        new_kind = kind_of(kind, body.kind)
        return JSON(
            await _with_vault(
                request, lambda vault: vault.merge_names(kind, keep, duplicate, body.note, new_kind=new_kind)
            )
        )

    return [
        Route(f"/{plural}", listing, methods=["GET"]),
        Route(f"/{plural}/named", named, methods=["GET"]),
        Route(f"/{plural}/aliases", add_alias, methods=["POST"]),
        Route(f"/{plural}/aliases/remove", remove_alias, methods=["POST"]),
        Route(f"/{plural}/merge", merge, methods=["POST"]),
    ]


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
    Route("/incidents/{incident_id}/split", split_incident, methods=["POST"]),
    Route("/incidents/{incident_id}/merge", merge_incident, methods=["POST"]),
    Route("/records/{record_id}/history", history, methods=["GET"]),
    Route("/accept", accept_many, methods=["POST"]),
    Route("/imports", import_report, methods=["POST"]),
    Route("/imports/file", import_file, methods=["POST"]),
    Route("/publish", publish, methods=["POST"]),
    Route("/sources/{source_id}", get_source, methods=["GET"]),
    Route("/chronology", chronology, methods=["GET"]),
    Route("/verify", verify_state, methods=["GET"]),
    Route("/verify", verify_now, methods=["POST"]),
    *_directory_routes("actor", "actors"),
    *_directory_routes("place", "places"),
]

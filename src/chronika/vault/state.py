"""Records and how operations change them: pure functions, the same live and on replay.

:func:`apply` takes one operation, a way to look up current records, and the ledger position the
operation has (or will have), and returns the new versions of the records it changes, or raises
RecordError without changing anything. It reads no clock, draws no random number and touches no
storage: everything it needs is in the operation or in the records it looks up. So the vault calls
it before appending (to refuse a bad change before it is written) and ``rebuild`` calls it again on
every entry, and both get the same records; a property test holds the two to that.

:func:`plan` applies a batch, letting later operations of the batch see the results of earlier
ones. :class:`State` is the simplest possible store (a dict), used to check the SQLite view against
the ledger (``verify``) and as the reference model in tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TypedDict, TypeVar

import msgspec

from chronika.errors import ChangeRefused, RecordError, RecordNotFound
from chronika.model import Act, ActorKind, Anchor, DateSpan, Fact, PlaceKind
from chronika.vault.record import (
    ActorMerge,
    ActorMergedInto,
    ActorUpsert,
    DeviceAdd,
    DeviceRevoke,
    Evidence,
    IncidentAccept,
    IncidentCreate,
    IncidentMerge,
    IncidentMergedInto,
    IncidentRetract,
    IncidentSplit,
    IncidentSplitOff,
    IncidentUpdate,
    LinkAdd,
    LinkKind,
    Operation,
    PlaceMerge,
    PlaceMergedInto,
    PlaceUpsert,
    ResponseAdd,
    ResponseKind,
    SourceAdd,
    Status,
    device_record_id,
)

__all__ = [
    "SENSITIVE_FIELDS",
    "ActorRecord",
    "Change",
    "Conflict",
    "DeviceRecord",
    "IncidentRecord",
    "LinkRecord",
    "Lookup",
    "Note",
    "PlaceRecord",
    "Record",
    "Response",
    "SourceRecord",
    "State",
    "apply",
    "plan",
]

#: Fields a reviewer may mark sensitive (to be withheld when publishing).
SENSITIVE_FIELDS = frozenset({"date", "acts", "perpetrators", "victims", "location", "evidence", "notes"})
MAX_NOTE_CHARS = 10_000


class _Record(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    """What every record has: its id, how many versions it has had, and the entry that made the last."""

    id: str
    version: int
    entry: int
    created_at: dt.datetime
    updated_at: dt.datetime


class SourceRecord(_Record, tag="source", frozen=True):
    name: str
    text: str
    sha256: str
    media_type: str
    language: str
    anchor: Anchor
    title: str | None = None


class Note(msgspec.Struct, frozen=True, kw_only=True):
    at: dt.datetime
    text: str


class Response(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    kind: ResponseKind
    date: dt.date
    source: str
    note: str = ""
    at: dt.datetime


class Conflict(msgspec.Struct, frozen=True, kw_only=True):
    """Two devices changed the same thing without seeing each other's change: flagged for review.

    ``field`` is the field both set (the value of version ``kept`` stands, the value of version
    ``overridden`` is in the history), or ``"status"`` when a change could not be applied at all
    (``kept`` is then the version that stood in its way, and ``detail`` says what was refused).
    """

    field: str
    kept: int
    overridden: int
    at: dt.datetime
    detail: str = ""


class IncidentRecord(_Record, tag="incident", frozen=True):
    source_id: str | None
    status: Status
    date: DateSpan | None
    acts: list[Act]
    perpetrators: list[str]
    victims: list[str]
    location: str | None
    evidence: str
    evidence_span: tuple[int, int]
    confidence: float
    facts: list[Fact] = msgspec.field(default_factory=list)
    notes: list[Note] = msgspec.field(default_factory=list)
    sensitive: list[str] = msgspec.field(default_factory=list)
    responses: list[Response] = msgspec.field(default_factory=list)
    retraction: str | None = None
    extracted_as: str | None = None
    more_evidence: list[Evidence] = msgspec.field(default_factory=list)
    split_from: str | None = None
    merged_into: str | None = None
    #: Per device (hex id), the clock of the latest change by that device applied to this incident.
    clocks: dict[str, int] = msgspec.field(default_factory=dict)
    #: For each edited field: the device, clock and version of the change that last set it.
    edited: dict[str, tuple[str, int, int]] = msgspec.field(default_factory=dict)
    #: Concurrent changes found when the devices' entries were merged; non-empty means "review me".
    conflicts: list[Conflict] = msgspec.field(default_factory=list)

    @property
    def response_status(self) -> ResponseKind | None:
        """The latest response by date (the later entry on a tie), or None if the state did nothing."""
        if not self.responses:
            return None
        return max(enumerate(self.responses), key=lambda pair: (pair[1].date, pair[0]))[1].kind


class ActorRecord(_Record, tag="actor", frozen=True):
    name: str
    kind: ActorKind
    aliases: list[str] = msgspec.field(default_factory=list)
    merged_into: str | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class PlaceRecord(_Record, tag="place", frozen=True):
    name: str
    kind: PlaceKind
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    aliases: list[str] = msgspec.field(default_factory=list)
    merged_into: str | None = None

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class LinkRecord(_Record, tag="link", frozen=True):
    kind: LinkKind
    from_id: str
    to_id: str
    note: str = ""


class DeviceRecord(_Record, tag="device", frozen=True):
    """A device of the vault, as its certificate (and any revocation) in the ledger describe it."""

    device_id: str
    public_key: bytes
    name: str
    authorised_by: str
    revoked_after: int | None = None
    revoked_by: str | None = None


Record = SourceRecord | IncidentRecord | ActorRecord | PlaceRecord | LinkRecord | DeviceRecord
R = TypeVar("R", SourceRecord, IncidentRecord, ActorRecord, PlaceRecord, LinkRecord, DeviceRecord)
N = TypeVar("N", ActorRecord, PlaceRecord)
Lookup = Callable[[str], Record | None]


@dataclass(frozen=True, slots=True)
class Change:
    """One new record version, and the operation (at ledger position ``entry``) that made it."""

    record: Record
    entry: int
    op: Operation


# -- applying one operation ------------------------------------------------------------------------


def apply(op: Operation, lookup: Lookup, entry: int) -> list[Record]:
    """The records ``op`` creates or changes, as new versions; RecordError if it cannot be applied.

    A change to an incident made concurrently with a later version (two devices, offline) that can
    no longer be applied (it edits a retracted incident, say) is not an error: it changes nothing
    but a flag on the incident, and stays in the history. See :class:`Conflict`.
    """
    try:
        return _clocked(_apply(op, lookup, entry), op)
    except RecordError as error:
        flagged = _concurrent_refusal(op, lookup, entry, error)
        if flagged is None:
            raise
        return _clocked(flagged, op)


def _concurrent_refusal(op: Operation, lookup: Lookup, entry: int, error: RecordError) -> list[Record] | None:
    """The flagged incident if ``op`` was refused only because another device changed it meanwhile."""
    if op.seen is None:
        return None
    target = op.incident_id if isinstance(op, ResponseAdd) else op.id
    incident = lookup(target)
    if not isinstance(incident, IncidentRecord) or not _unseen(incident.clocks, op.seen):
        return None  # the device saw every change there is: a refusal now is a real error
    if isinstance(op, IncidentAccept) and incident.status is Status.ACCEPTED:
        return []  # both devices accepted: nothing to review
    conflict = Conflict(
        field="status",
        kept=incident.version,
        overridden=incident.version + 1,
        at=op.at,
        detail=f"{op_label(op)} from device {op.origin} was not applied: {error.message}",
    )
    return [_next(incident, incident.updated_at, entry, conflicts=[*incident.conflicts, conflict])]


def _unseen(clocks: dict[str, int], seen: dict[str, int]) -> bool:
    """Whether a record has a change (by any device) later than what ``seen`` says was known of it."""
    return any(clock > seen.get(device, 0) for device, clock in clocks.items())


def _clocked(records: list[Record], op: Operation) -> list[Record]:
    """Incidents remember, per device, the clock of the latest change applied to them."""
    if op.origin is None:
        return records
    stamped: list[Record] = []
    for record in records:
        if isinstance(record, IncidentRecord) and record.clocks.get(op.origin, 0) < op.hlc:
            stamped.append(msgspec.structs.replace(record, clocks={**record.clocks, op.origin: op.hlc}))
        else:
            stamped.append(record)
    return stamped


def op_label(op: Operation) -> str:
    return str(op.__struct_config__.tag)


def _apply(op: Operation, lookup: Lookup, entry: int) -> list[Record]:
    match op:
        case SourceAdd():
            _require_new(op.id, lookup)
            return [
                SourceRecord(
                    **_first(op.id, op.at, entry),
                    name=op.name,
                    text=op.text,
                    sha256=op.sha256,
                    media_type=op.media_type,
                    language=op.language,
                    anchor=op.anchor,
                    title=op.title,
                )
            ]
        case IncidentCreate():
            return [_create_incident(op, lookup, entry)]
        case IncidentUpdate():
            return [_update_incident(op, _incident(op.id, lookup), entry)]
        case IncidentAccept():
            incident = _incident(op.id, lookup)
            if incident.status is not Status.DRAFT:
                raise ChangeRefused(f"{op.id} is {incident.status}; only a draft can be accepted")
            notes = [*incident.notes, Note(at=op.at, text=_note(op.note))] if op.note else incident.notes
            return [_next(incident, op.at, entry, status=Status.ACCEPTED, notes=notes)]
        case IncidentRetract():
            incident = _incident(op.id, lookup)
            if incident.status is Status.RETRACTED:
                raise ChangeRefused(f"{op.id} is already retracted")
            if not op.reason.strip():
                raise ChangeRefused("a retraction needs a reason")
            return [_next(incident, op.at, entry, status=Status.RETRACTED, retraction=op.reason.strip())]
        case ResponseAdd():
            incident = _incident(op.incident_id, lookup)
            if any(response.id == op.id for response in incident.responses):
                raise ChangeRefused(f"{op.incident_id} already has a response {op.id}")
            if not op.source.strip():
                raise ChangeRefused("a response needs a source (a document id, a citation or a link)")
            response = Response(
                id=op.id, kind=op.kind, date=op.date, source=op.source.strip(), note=op.note, at=op.at
            )
            return [_next(incident, op.at, entry, responses=[*incident.responses, response])]
        case ActorUpsert():
            current = _existing(op.id, lookup, ActorRecord)
            name = _name(op.name)
            aliases = _aliases(name, op.aliases)
            if current is None:
                return [ActorRecord(**_first(op.id, op.at, entry), name=name, kind=op.kind, aliases=aliases)]
            return [_next(current, op.at, entry, name=name, kind=op.kind, aliases=aliases)]
        case PlaceUpsert():
            place = _existing(op.id, lookup, PlaceRecord)
            if place is None:
                place = PlaceRecord(**_first(op.id, op.at, entry), name="", kind=op.kind)
            else:
                place = _next(place, op.at, entry)
            name = _name(op.name)
            return [
                msgspec.structs.replace(
                    place,
                    name=name,
                    kind=op.kind,
                    country=op.country,
                    latitude=op.latitude,
                    longitude=op.longitude,
                    aliases=_aliases(name, op.aliases),
                )
            ]
        case LinkAdd():
            _require_new(op.id, lookup)
            _incident(op.from_id, lookup)
            _incident(op.to_id, lookup)
            if op.from_id == op.to_id:
                raise ChangeRefused("an incident cannot be linked to itself")
            return [
                LinkRecord(
                    **_first(op.id, op.at, entry),
                    kind=op.kind,
                    from_id=op.from_id,
                    to_id=op.to_id,
                    note=op.note,
                )
            ]
        case IncidentSplitOff():
            return [_split_off(op, lookup, entry)]
        case IncidentSplit():
            return [_split(op, lookup, entry)]
        case IncidentMerge():
            return [_merge(op, lookup, entry)]
        case IncidentMergedInto():
            return [_merged_into(op, lookup, entry)]
        case ActorMerge():
            return [_merge_names(op, lookup, entry)]
        case PlaceMerge():
            return [_merge_names(op, lookup, entry)]
        case ActorMergedInto():
            return [_names_merged_into(op, ActorRecord, lookup, entry)]
        case PlaceMergedInto():
            return [_names_merged_into(op, PlaceRecord, lookup, entry)]
        case DeviceAdd():
            cert = op.certificate
            known = _existing(op.id, lookup, DeviceRecord)
            if op.id != device_record_id(cert.device_id):
                raise ChangeRefused(f"{op.id} is not the record id of device {cert.device_id.hex()}")
            if known is not None:
                if known.public_key != cert.public_key:
                    raise ChangeRefused(f"{op.id} is already a device with another key")
                return []  # the same admission written twice (by the enroller and by the device)
            return [
                DeviceRecord(
                    **_first(op.id, op.at, entry),
                    device_id=cert.device_id.hex(),
                    public_key=cert.public_key,
                    name=cert.name,
                    authorised_by=cert.authorised_by.hex(),
                )
            ]
        case DeviceRevoke():
            device = _existing(op.id, lookup, DeviceRecord)
            revocation = op.revocation
            if device is None or device.device_id != revocation.device_id.hex():
                raise RecordNotFound(f"no device {revocation.device_id.hex()}")
            if device.revoked_after is not None and device.revoked_after <= revocation.after_seq:
                return []  # revoked already, at this point or earlier: the lower cut-off stands
            return [
                _next(
                    device,
                    op.at,
                    entry,
                    revoked_after=revocation.after_seq,
                    revoked_by=revocation.revoked_by.hex(),
                )
            ]
    raise TypeError(f"not an operation: {type(op).__name__}")  # pragma: no cover


def _create_incident(op: IncidentCreate, lookup: Lookup, entry: int) -> IncidentRecord:
    _require_new(op.id, lookup)
    if op.source_id is not None:
        source = lookup(op.source_id)
        if not isinstance(source, SourceRecord):
            raise RecordNotFound(f"no source document {op.source_id}")
        start, end = op.evidence_span
        if not 0 <= start <= end <= len(source.text):
            raise ChangeRefused(f"the evidence span {start}-{end} is outside {op.source_id}")
    if op.status is Status.RETRACTED:
        raise ChangeRefused("an incident cannot be created retracted")
    return IncidentRecord(
        **_first(op.id, op.at, entry),
        source_id=op.source_id,
        status=op.status,
        date=op.date,
        acts=_acts(op.acts),
        perpetrators=_names(op.perpetrators),
        victims=_names(op.victims),
        location=op.location,
        evidence=op.evidence,
        evidence_span=op.evidence_span,
        confidence=op.confidence,
        facts=op.facts,
        notes=[Note(at=op.at, text=_note(text)) for text in op.notes],
        sensitive=_sensitive(op.sensitive),
        extracted_as=op.extracted_as,
    )


def _update_incident(
    op: IncidentUpdate, incident: IncidentRecord, entry: int, *, allow_empty: bool = False
) -> IncidentRecord:
    if incident.status is Status.RETRACTED:
        raise ChangeRefused(f"{op.id} is retracted; a retracted incident does not change")
    fields = op.changes.fields()
    if not fields and not op.note and not allow_empty:
        raise ChangeRefused("the edit changes nothing")
    if "acts" in fields:
        fields["acts"] = _acts(op.changes.acts)  # type: ignore[arg-type]
    for people in ("perpetrators", "victims"):
        if people in fields:
            fields[people] = _names(fields[people])  # type: ignore[arg-type]
    if "sensitive" in fields:
        fields["sensitive"] = _sensitive(fields["sensitive"])  # type: ignore[arg-type]
    edited, conflicts = _field_edits(op, incident, fields)
    if op.note:
        fields["notes"] = [*incident.notes, Note(at=op.at, text=_note(op.note))]
    return _next(incident, op.at, entry, edited=edited, conflicts=conflicts, **fields)


def _field_edits(
    op: Operation, incident: IncidentRecord, fields: Mapping[str, object]
) -> tuple[dict[str, tuple[str, int, int]], list[Conflict]]:
    """Who last set each field, and the conflicts this change makes (edit, split and merge alike).

    A field last set by a change this device had not seen: both devices set it offline. This
    change comes later in the merged order, so its value stands; the other is in the history.
    """
    version = incident.version + 1
    conflicts = list(incident.conflicts)
    if op.seen is not None:
        for name in fields:
            setter = incident.edited.get(name)
            if setter is not None and setter[0] != op.origin and setter[1] > op.seen.get(setter[0], 0):
                conflicts.append(Conflict(field=name, kept=version, overridden=setter[2], at=op.at))
    edited = dict(incident.edited)
    if op.origin is not None:
        edited.update(dict.fromkeys(fields, (op.origin, op.hlc, version)))
    return edited, conflicts


# -- split and merge (see record.py: one operation per record, written in pairs) -------------------


def _draft(record_id: str, lookup: Lookup, doing: str) -> IncidentRecord:
    incident = _incident(record_id, lookup)
    if incident.status is not Status.DRAFT:
        raise ChangeRefused(f"{record_id} is {incident.status}; only a draft can be {doing}")
    return incident


def _check_span(source_id: str | None, span: tuple[int, int], lookup: Lookup) -> None:
    if source_id is None:
        return
    source = lookup(source_id)
    if not isinstance(source, SourceRecord):
        raise RecordNotFound(f"no source document {source_id}")
    start, end = span
    if not 0 <= start <= end <= len(source.text):
        raise ChangeRefused(f"the evidence span {start}-{end} is outside {source_id}")


def _split_off(op: IncidentSplitOff, lookup: Lookup, entry: int) -> IncidentRecord:
    _require_new(op.id, lookup)
    original = _incident(op.from_id, lookup)
    if op.source_id != original.source_id:
        raise ChangeRefused("a part split off an incident keeps its source")
    _check_span(op.source_id, op.evidence_span, lookup)
    return IncidentRecord(
        **_first(op.id, op.at, entry),
        source_id=op.source_id,
        status=Status.DRAFT,
        date=op.date,
        acts=_acts(op.acts),
        perpetrators=_names(op.perpetrators),
        victims=_names(op.victims),
        location=op.location,
        evidence=op.evidence,
        evidence_span=op.evidence_span,
        confidence=op.confidence,
        facts=op.facts,
        notes=[Note(at=op.at, text=_note(op.note))] if op.note else [],
        sensitive=_sensitive(op.sensitive),
        split_from=op.from_id,
    )


def _split(op: IncidentSplit, lookup: Lookup, entry: int) -> IncidentRecord:
    incident = _draft(op.id, lookup, "split")
    part = lookup(op.part_id)
    if not isinstance(part, IncidentRecord) or part.split_from != op.id:
        raise ChangeRefused(f"{op.part_id} is not a part split off {op.id}")
    _check_span(incident.source_id, op.evidence_span, lookup)
    notes = [*incident.notes, Note(at=op.at, text=_note(op.note))] if op.note else incident.notes
    fields: dict[str, object] = {
        "acts": _acts(op.acts),
        "evidence": op.evidence,
        "evidence_span": op.evidence_span,
        "facts": op.facts,
    }
    edited, conflicts = _field_edits(op, incident, fields)
    return _next(incident, op.at, entry, notes=notes, edited=edited, conflicts=conflicts, **fields)


def _merge(op: IncidentMerge, lookup: Lookup, entry: int) -> IncidentRecord:
    if op.absorbed_id == op.id:
        raise ChangeRefused("an incident cannot be merged into itself")
    survivor = _incident(op.id, lookup)
    if survivor.status is Status.RETRACTED:
        raise ChangeRefused(f"{op.id} is retracted; nothing can be merged into it")
    _incident(op.absorbed_id, lookup)
    if not op.evidence or op.evidence[0].incident_id != op.absorbed_id:
        raise ChangeRefused(f"a merge keeps the evidence of {op.absorbed_id}")
    for item in op.evidence:
        _check_span(item.source_id, item.span, lookup)
    update = IncidentUpdate(
        id=op.id, at=op.at, hlc=op.hlc, origin=op.origin, seen=op.seen, changes=op.changes, note=op.note
    )
    merged = _update_incident(update, survivor, entry, allow_empty=True)
    kept = {(e.source_id, e.span) for e in merged.more_evidence} | {(merged.source_id, merged.evidence_span)}
    more = [*merged.more_evidence, *(e for e in op.evidence if (e.source_id, e.span) not in kept)]
    return msgspec.structs.replace(merged, more_evidence=more)


def _merged_into(op: IncidentMergedInto, lookup: Lookup, entry: int) -> IncidentRecord:
    absorbed = _draft(op.id, lookup, "merged into another")
    survivor = lookup(op.into)
    if not isinstance(survivor, IncidentRecord) or not any(
        item.incident_id == op.id for item in survivor.more_evidence
    ):
        raise ChangeRefused(f"{op.into} has not taken in {op.id}")
    reason = f"merged into {op.into}" + (f": {op.note.strip()}" if op.note and op.note.strip() else "")
    return _next(absorbed, op.at, entry, status=Status.RETRACTED, retraction=reason, merged_into=op.into)


def _merge_names(op: ActorMerge | PlaceMerge, lookup: Lookup, entry: int) -> ActorRecord | PlaceRecord:
    kind = ActorRecord if isinstance(op, ActorMerge) else PlaceRecord
    existing = lookup(op.id)
    if existing is not None and not isinstance(existing, kind):
        raise ChangeRefused(f"{op.id} is not a {kind.__struct_config__.tag}")
    assert existing is None or isinstance(existing, (ActorRecord, PlaceRecord))
    if existing is not None and existing.merged_into is not None:
        raise ChangeRefused(f"{op.id} was merged into {existing.merged_into}; merge into that one")
    if op.absorbed_id is not None:
        if op.absorbed_id == op.id:
            raise ChangeRefused("a record cannot be merged into itself")
        if not isinstance(lookup(op.absorbed_id), kind):
            raise RecordNotFound(f"no {kind.__struct_config__.tag} {op.absorbed_id}")
    name = _name(op.name)
    taken = _names(op.names)
    if not taken:
        raise ChangeRefused("a merge needs the other name")
    aliases = _aliases(name, [*(existing.aliases if existing is not None else []), *taken])
    if isinstance(existing, ActorRecord):
        return _next(existing, op.at, entry, name=name, kind=op.kind, aliases=aliases)
    if isinstance(existing, PlaceRecord):
        return _next(existing, op.at, entry, name=name, kind=op.kind, aliases=aliases)
    if isinstance(op, ActorMerge):
        return ActorRecord(**_first(op.id, op.at, entry), name=name, kind=op.kind, aliases=aliases)
    return PlaceRecord(**_first(op.id, op.at, entry), name=name, kind=op.kind, aliases=aliases)


def _names_merged_into(op: ActorMergedInto | PlaceMergedInto, kind: type[N], lookup: Lookup, entry: int) -> N:
    if op.into == op.id:
        raise ChangeRefused("a record cannot be merged into itself")
    current = _existing(op.id, lookup, kind)
    survivor = _existing(op.into, lookup, kind)
    if current is None or survivor is None:
        raise RecordNotFound(f"no {kind.__struct_config__.tag} {op.id if current is None else op.into}")
    if current.merged_into is not None:
        raise ChangeRefused(f"{op.id} was already merged into {current.merged_into}")
    return _next(current, op.at, entry, merged_into=op.into)


# -- small rules -----------------------------------------------------------------------------------


class _Stamp(TypedDict):
    id: str
    version: int
    entry: int
    created_at: dt.datetime
    updated_at: dt.datetime


def _first(record_id: str, at: dt.datetime, entry: int) -> _Stamp:
    return {"id": record_id, "version": 1, "entry": entry, "created_at": at, "updated_at": at}


def _next(record: R, at: dt.datetime, entry: int, **fields: object) -> R:
    return msgspec.structs.replace(record, version=record.version + 1, entry=entry, updated_at=at, **fields)


def _require_new(record_id: str, lookup: Lookup) -> None:
    if lookup(record_id) is not None:
        raise ChangeRefused(f"a record {record_id} already exists")


def _incident(record_id: str, lookup: Lookup) -> IncidentRecord:
    record = lookup(record_id)
    if not isinstance(record, IncidentRecord):
        raise RecordNotFound(f"no incident {record_id}")
    return record


def _existing(record_id: str, lookup: Lookup, kind: type[R]) -> R | None:
    record = lookup(record_id)
    if record is not None and not isinstance(record, kind):
        raise ChangeRefused(f"{record_id} is not a {kind.__struct_config__.tag}")
    return record


_ACT_ORDER = {act: i for i, act in enumerate(Act)}


def _acts(acts: Iterable[Act]) -> list[Act]:
    """Vocabulary order without repeats, so equal sets of acts encode equally."""
    return sorted(set(acts), key=_ACT_ORDER.__getitem__)


def _names(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        clean = " ".join(name.split())
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return list(seen.values())


def _aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """Other names, without repeats and without the name itself."""
    return [alias for alias in _names(aliases) if alias.casefold() != name.casefold()]


def _name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ChangeRefused("a name cannot be empty")
    return clean


def _note(text: str | None) -> str:
    clean = (text or "").strip()
    if len(clean) > MAX_NOTE_CHARS:
        raise ChangeRefused(f"a note has at most {MAX_NOTE_CHARS} characters")
    return clean


def _sensitive(fields: Iterable[str]) -> list[str]:
    marks = set(fields)
    unknown = marks - SENSITIVE_FIELDS
    if unknown:
        allowed = ", ".join(sorted(SENSITIVE_FIELDS))
        raise ChangeRefused(f"cannot mark {', '.join(sorted(unknown))} sensitive; fields: {allowed}")
    return sorted(marks)


# -- batches and the reference store ---------------------------------------------------------------


def plan(ops: Iterable[tuple[int, Operation]], lookup: Lookup) -> list[Change]:
    """Apply a batch of ``(entry, operation)`` in order; later operations see earlier results."""
    overlay: dict[str, Record] = {}

    def see(record_id: str) -> Record | None:
        found = overlay.get(record_id)
        return found if found is not None else lookup(record_id)

    changes: list[Change] = []
    for entry, op in ops:
        try:
            records = apply(op, see, entry)
        except RecordError as error:
            error.entry = entry
            raise
        for record in records:
            overlay[record.id] = record
            changes.append(Change(record, entry, op))
    return changes


class State:
    """Records in a dict: the reference the SQLite view is checked against."""

    def __init__(self) -> None:
        self.records: dict[str, Record] = {}
        self.size = 0

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def apply(self, ops: Iterable[tuple[int, Operation]]) -> list[Change]:
        batch = list(ops)
        changes = plan(batch, self.get)
        for change in changes:
            self.records[change.record.id] = change.record
        if batch:
            self.size = max(self.size, max(entry for entry, _ in batch) + 1)
        return changes

    def __iter__(self) -> Iterator[Record]:
        return iter(sorted(self.records.values(), key=lambda record: record.id))

"""Record operations: what one ledger entry says happened to one record.

Every change to any record is one operation, stored as the payload of one ledger entry, and the
current state of the vault is nothing but these operations applied in ledger order (``state.py``).
Nothing is ever deleted or overwritten: a retraction is an operation with a reason, an edit is an
operation listing the fields it changes, so every earlier version can be recomputed and shown.

Operations carry their own ids and timestamps, chosen when the user acts, so that replaying the
ledger later reproduces exactly the records the live application made: nothing in the state depends
on the clock or on randomness at apply time.

Encoding: one format byte (:data:`PAYLOAD_FORMAT`), then the operation as MessagePack (msgspec),
tagged by its ``op`` name. MessagePack is compact and decodes into typed Structs with validation in
one pass, which keeps rebuild fast. A payload with a newer format byte, or an operation name this
Chronika does not know, is refused as written by a newer Chronika rather than misread.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from enum import StrEnum
from typing import Final

import msgspec

from chronika.errors import PayloadUnreadable, VaultFormatTooNew
from chronika.model import Act, ActorKind, Anchor, DateSpan, Fact, PlaceKind
from chronika.vault.devices import Certificate, Revocation

__all__ = [
    "ID_PATTERN",
    "PAYLOAD_FORMAT",
    "ActorMerge",
    "ActorMergedInto",
    "ActorUpsert",
    "DeviceAdd",
    "DeviceRevoke",
    "Evidence",
    "IncidentAccept",
    "IncidentChanges",
    "IncidentCreate",
    "IncidentMerge",
    "IncidentMergedInto",
    "IncidentRetract",
    "IncidentSplit",
    "IncidentSplitOff",
    "IncidentUpdate",
    "LinkAdd",
    "LinkKind",
    "Operation",
    "PlaceMerge",
    "PlaceMergedInto",
    "PlaceUpsert",
    "ResponseAdd",
    "ResponseKind",
    "SourceAdd",
    "Status",
    "decode_payload",
    "device_record_id",
    "encode_payload",
    "new_id",
    "now",
]

#: The first byte of every payload. Bump it only with a reader for the old format kept alongside.
PAYLOAD_FORMAT: Final = 1

# Crockford's base32 alphabet in lowercase: no i, l, o, u, so an id read aloud or copied by hand
# cannot be confused. Eight characters are 40 bits: ids are checked for uniqueness when made, and
# the space keeps retries rare even at a million records.
_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
ID_CHARS: Final = 8
PREFIXES: Final = ("inc", "src", "rsp", "who", "plc", "lnk", "dev")
ID_PATTERN: Final = re.compile(rf"(?:{'|'.join(PREFIXES)})_[{_ALPHABET}]{{{ID_CHARS}}}")


def new_id(prefix: str) -> str:
    """A fresh random id such as ``inc_7k2m9q4d``; callers check it is unused."""
    if prefix not in PREFIXES:
        raise ValueError(f"unknown id prefix {prefix!r}")
    return prefix + "_" + "".join(secrets.choice(_ALPHABET) for _ in range(ID_CHARS))


def now() -> dt.datetime:
    """The time an operation is made, to the second, in UTC (sub-second noise says nothing useful)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Status(StrEnum):
    """An incident's review state. Extraction makes drafts; only a person accepts or retracts."""

    DRAFT = "draft"
    ACCEPTED = "accepted"
    RETRACTED = "retracted"


class ResponseKind(StrEnum):
    """What the state did about an incident, in the order such cases usually move."""

    COMPLAINT_FILED = "complaint_filed"
    INVESTIGATION_REQUESTED = "investigation_requested"
    INVESTIGATION_OPENED = "investigation_opened"
    INVESTIGATION_REFUSED = "investigation_refused"
    INVESTIGATION_SUSPENDED = "investigation_suspended"
    INVESTIGATION_CLOSED = "investigation_closed"
    CHARGES = "charges"
    TRIAL = "trial"
    VERDICT = "verdict"


class LinkKind(StrEnum):
    SAME_CAMPAIGN = "same_campaign"
    FOLLOW_UP_OF = "follow_up_of"
    SAME_EVENT = "same_event"  # the same event reported twice: keep both, say they are one


class _Op(msgspec.Struct, frozen=True, kw_only=True, tag_field="op"):
    """Common to every operation: the id of the record it creates or changes, and when.

    For several devices: ``hlc`` is the writing device's hybrid logical clock when it made the
    operation (milliseconds since 1970 shifted left 16 bits, plus a counter), and ``origin`` that
    device's id (hex). Replay orders the entries of all devices by (hlc, device id, sequence
    number), so every device computes the same records whatever order the entries reached it in.
    ``seen`` is what the device knew of the record it changes: for each device, the clock of the
    latest change by that device it had applied to the record. A change to a field that another
    device set at a clock the writer had not seen is *concurrent* (two devices edited offline):
    replay resolves it deterministically and flags it (``state.py``). All three are empty in
    operations written before devices existed; those replay in ledger order, as they always did.
    """

    id: str
    at: dt.datetime
    hlc: int = 0
    origin: str | None = None
    seen: dict[str, int] | None = None


class SourceAdd(_Op, tag="source.add", frozen=True):
    """A document, kept whole: evidence spans of its incidents index ``text``."""

    name: str
    text: str
    sha256: str
    media_type: str
    language: str
    anchor: Anchor
    title: str | None = None


class IncidentCreate(_Op, tag="incident.create", frozen=True):
    """An incident as extraction (or a person) first wrote it down."""

    source_id: str | None
    date: DateSpan | None
    acts: list[Act]
    perpetrators: list[str]
    victims: list[str]
    location: str | None
    evidence: str
    evidence_span: tuple[int, int]
    confidence: float
    facts: list[Fact] = msgspec.field(default_factory=list)
    status: Status = Status.DRAFT
    notes: list[str] = msgspec.field(default_factory=list)
    sensitive: list[str] = msgspec.field(default_factory=list)
    extracted_as: str | None = None


class IncidentChanges(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """The fields an edit sets; a field left UNSET is unchanged (and absent from the payload)."""

    date: DateSpan | msgspec.UnsetType | None = msgspec.UNSET
    acts: list[Act] | msgspec.UnsetType = msgspec.UNSET
    perpetrators: list[str] | msgspec.UnsetType = msgspec.UNSET
    victims: list[str] | msgspec.UnsetType = msgspec.UNSET
    location: str | msgspec.UnsetType | None = msgspec.UNSET
    sensitive: list[str] | msgspec.UnsetType = msgspec.UNSET

    def fields(self) -> dict[str, object]:
        """The fields this edit sets, by name."""
        return {
            name: value
            for name in self.__struct_fields__
            if (value := getattr(self, name)) is not msgspec.UNSET
        }


class IncidentUpdate(_Op, tag="incident.update", frozen=True):
    """A reviewer's edit: changed fields, and a note saying why (either may be empty, not both)."""

    changes: IncidentChanges = IncidentChanges()
    note: str | None = None


class IncidentAccept(_Op, tag="incident.accept", frozen=True):
    note: str | None = None


class IncidentRetract(_Op, tag="incident.retract", frozen=True):
    """Withdrawn, never deleted: the record and its history stay, marked with the reason."""

    reason: str


class ResponseAdd(_Op, tag="response.add", frozen=True):
    """One step of the state's response to an incident, dated and sourced (``id`` is the response's)."""

    incident_id: str
    kind: ResponseKind
    date: dt.date
    source: str
    note: str = ""


class ActorUpsert(_Op, tag="actor.upsert", frozen=True):
    name: str
    kind: ActorKind
    aliases: list[str] = msgspec.field(default_factory=list)


class PlaceUpsert(_Op, tag="place.upsert", frozen=True):
    name: str
    kind: PlaceKind
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    aliases: list[str] = msgspec.field(default_factory=list)


class LinkAdd(_Op, tag="link.add", frozen=True):
    """A relation between two incidents: ``from_id`` is a follow-up of ``to_id``, and so on."""

    kind: LinkKind
    from_id: str
    to_id: str
    note: str = ""


# -- splitting and merging ------------------------------------------------------------------------
#
# A split or a merge changes two records, and each of its operations changes exactly one: the vault
# writes the pair in one ledger batch (all or nothing). Each operation carries every value it sets,
# so a record's history can be recomputed from its own operations alone (``history.py``), and each
# checks only what stays true of its partner afterwards (that it exists, that it names this record
# back), so recomputing an old version never trips over what its partner became later.


class Evidence(msgspec.Struct, frozen=True, kw_only=True):
    """Words reporting an incident: a merged incident keeps those of every draft merged into it."""

    incident_id: str
    source_id: str | None
    span: tuple[int, int]
    text: str


class IncidentSplitOff(_Op, tag="incident.split_off", frozen=True):
    """A new draft (``id``) split off the draft ``from_id``: the acts and words it takes."""

    from_id: str
    source_id: str | None
    date: DateSpan | None
    acts: list[Act]
    perpetrators: list[str]
    victims: list[str]
    location: str | None
    evidence: str
    evidence_span: tuple[int, int]
    confidence: float
    facts: list[Fact] = msgspec.field(default_factory=list)
    sensitive: list[str] = msgspec.field(default_factory=list)
    note: str | None = None


class IncidentSplit(_Op, tag="incident.split", frozen=True):
    """The draft a part was split off (written after ``incident.split_off``): what it keeps."""

    part_id: str
    acts: list[Act]
    evidence: str
    evidence_span: tuple[int, int]
    facts: list[Fact] = msgspec.field(default_factory=list)
    note: str | None = None


class IncidentMerge(_Op, tag="incident.merge", frozen=True):
    """The incident another draft (``absorbed_id``) merges into: its fields after, and the draft's words."""

    absorbed_id: str
    changes: IncidentChanges = IncidentChanges()
    evidence: list[Evidence] = msgspec.field(default_factory=list)
    note: str | None = None


class IncidentMergedInto(_Op, tag="incident.merged_into", frozen=True):
    """The draft merged away (written after ``incident.merge``): withdrawn, pointing at the survivor."""

    into: str
    note: str | None = None


class ActorMerge(_Op, tag="actor.merge", frozen=True):
    """Another name (or actor record) is the same actor: its names become aliases of this one.

    Creates the record ``id`` (as ``name``, ``kind``) when no record had that name yet. The names
    written on incidents are never rewritten: filters and chronologies match every alias instead.
    """

    name: str
    kind: ActorKind
    names: list[str]
    absorbed_id: str | None = None
    note: str | None = None


class ActorMergedInto(_Op, tag="actor.merged_into", frozen=True):
    into: str


class PlaceMerge(_Op, tag="place.merge", frozen=True):
    """As :class:`ActorMerge`, for places ("Grozny" and "Groznyy")."""

    name: str
    kind: PlaceKind
    names: list[str]
    absorbed_id: str | None = None
    note: str | None = None


class PlaceMergedInto(_Op, tag="place.merged_into", frozen=True):
    into: str


class DeviceAdd(_Op, tag="device.add", frozen=True):
    """A device admitted to the vault: its certificate (``devices.py``), kept in the signed history."""

    certificate: Certificate


class DeviceRevoke(_Op, tag="device.revoke", frozen=True):
    """A device withdrawn: its entries after ``revocation.after_seq`` are refused everywhere."""

    revocation: Revocation


def device_record_id(device_id: bytes) -> str:
    """The record id of a device: ``dev_`` and the first 8 hex digits of its id."""
    return "dev_" + device_id.hex()[:ID_CHARS]


Operation = (
    SourceAdd
    | IncidentCreate
    | IncidentUpdate
    | IncidentAccept
    | IncidentRetract
    | ResponseAdd
    | ActorUpsert
    | PlaceUpsert
    | LinkAdd
    | IncidentSplitOff
    | IncidentSplit
    | IncidentMerge
    | IncidentMergedInto
    | ActorMerge
    | ActorMergedInto
    | PlaceMerge
    | PlaceMergedInto
    | DeviceAdd
    | DeviceRevoke
)

_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(Operation)
_FORMAT_BYTE = bytes([PAYLOAD_FORMAT])


def op_name(op: Operation) -> str:
    """The operation's tag, e.g. ``incident.accept``."""
    return str(op.__struct_config__.tag)


def encode_payload(op: Operation) -> bytes:
    return _FORMAT_BYTE + _encoder.encode(op)


def decode_payload(payload: bytes | memoryview) -> Operation:
    """The operation in a payload; VaultFormatTooNew for a newer format, PayloadUnreadable for garbage."""
    if not payload:
        raise PayloadUnreadable("the entry's payload is empty")
    version = payload[0]
    if version != PAYLOAD_FORMAT:
        if version > PAYLOAD_FORMAT:
            raise VaultFormatTooNew(
                f"a record was written in payload format {version}; this Chronika reads up to "
                f"{PAYLOAD_FORMAT}: upgrade"
            )
        raise PayloadUnreadable(f"payload format {version} does not exist")
    try:
        op: Operation = _decoder.decode(memoryview(payload)[1:])
    except msgspec.ValidationError as error:
        if "Invalid value" in str(error) and "`$.op`" in str(error):
            raise VaultFormatTooNew(
                "a record operation is unknown to this Chronika (written by a newer version): upgrade"
            ) from None
        raise PayloadUnreadable(f"the entry's payload is not a valid record operation: {error}") from None
    except msgspec.DecodeError:
        raise PayloadUnreadable("the entry's payload is not valid MessagePack") from None
    return op

"""Record operations as ledger payloads: exact round trips, ids, and refusal of what is not ours."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from chronika.errors import PayloadUnreadable, VaultFormatTooNew
from chronika.model import Act, ActorKind, Anchor, AnchorOrigin, DateSpan, PlaceKind
from chronika.vault.record import (
    ID_PATTERN,
    PAYLOAD_FORMAT,
    ActorMerge,
    ActorMergedInto,
    ActorUpsert,
    Evidence,
    IncidentAccept,
    IncidentChanges,
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
    decode_payload,
    encode_payload,
    new_id,
    now,
    op_name,
)

AT = dt.datetime(2019, 5, 14, 9, 30, tzinfo=dt.UTC)

EVERY_OPERATION: list[Operation] = [
    SourceAdd(
        id="src_00000001",
        at=AT,
        name="kazan.txt",
        text="Police detained Anna.",
        sha256="ab" * 32,
        media_type="text/plain",
        language="en",
        anchor=Anchor(date=dt.date(2019, 5, 14), origin=AnchorOrigin.DATELINE),
    ),
    IncidentCreate(
        id="inc_00000001",
        at=AT,
        source_id="src_00000001",
        date=DateSpan.day(dt.date(2019, 5, 12)),
        acts=[Act.ARBITRARY_DETENTION],
        perpetrators=["police"],
        victims=["Anna"],
        location="Kazan",
        evidence="Police detained Anna.",
        evidence_span=(0, 21),
        confidence=0.8,
    ),
    IncidentUpdate(
        id="inc_00000001", at=AT, changes=IncidentChanges(location=None, victims=["Anna P."]), note="n"
    ),
    IncidentAccept(id="inc_00000001", at=AT),
    IncidentRetract(id="inc_00000001", at=AT, reason="reported twice"),
    ResponseAdd(
        id="rsp_00000001",
        at=AT,
        incident_id="inc_00000001",
        kind=ResponseKind.INVESTIGATION_REFUSED,
        date=dt.date(2019, 6, 1),
        source="letter of the prosecutor",
    ),
    ActorUpsert(id="who_00000001", at=AT, name="Anna Petrova", kind=ActorKind.PERSON, aliases=["Anna"]),
    PlaceUpsert(id="plc_00000001", at=AT, name="Kazan", kind=PlaceKind.CITY, country="RU"),
    LinkAdd(
        id="lnk_00000001", at=AT, kind=LinkKind.FOLLOW_UP_OF, from_id="inc_00000002", to_id="inc_00000001"
    ),
    IncidentSplitOff(
        id="inc_00000003",
        at=AT,
        from_id="inc_00000001",
        source_id="src_00000001",
        date=None,
        acts=[Act.THREAT],
        perpetrators=[],
        victims=["Anna"],
        location=None,
        evidence="detained Anna.",
        evidence_span=(7, 21),
        confidence=0.5,
        note="two occasions",
    ),
    IncidentSplit(
        id="inc_00000001",
        at=AT,
        part_id="inc_00000003",
        acts=[Act.ARBITRARY_DETENTION],
        evidence="Police",
        evidence_span=(0, 6),
    ),
    IncidentMerge(
        id="inc_00000001",
        at=AT,
        absorbed_id="inc_00000002",
        changes=IncidentChanges(acts=[Act.THREAT, Act.ARBITRARY_DETENTION]),
        evidence=[Evidence(incident_id="inc_00000002", source_id=None, span=(0, 4), text="Anna")],
    ),
    IncidentMergedInto(id="inc_00000002", at=AT, into="inc_00000001", note="same day"),
    ActorMerge(
        id="who_00000001",
        at=AT,
        name="Ramzan Kadyrov",
        kind=ActorKind.PERSON,
        names=["Kadyrov"],
        absorbed_id="who_00000002",
    ),
    ActorMergedInto(id="who_00000002", at=AT, into="who_00000001"),
    PlaceMerge(id="plc_00000001", at=AT, name="Grozny", kind=PlaceKind.CITY, names=["Groznyy"]),
    PlaceMergedInto(id="plc_00000002", at=AT, into="plc_00000001"),
]


@pytest.mark.parametrize("op", EVERY_OPERATION, ids=op_name)
def test_every_operation_survives_the_ledger_exactly(op: Operation) -> None:
    payload = encode_payload(op)
    assert payload[0] == PAYLOAD_FORMAT
    assert decode_payload(payload) == op
    assert encode_payload(decode_payload(payload)) == payload


def test_an_edit_stores_only_the_fields_it_sets() -> None:
    changes = IncidentChanges(location=None, acts=[Act.THREAT])
    assert changes.fields() == {"location": None, "acts": [Act.THREAT]}
    raw = msgspec.msgpack.decode(encode_payload(IncidentUpdate(id="inc_1", at=AT, changes=changes))[1:])
    assert set(raw["changes"]) == {"location", "acts"}  # "set to unknown" differs from "unchanged"


def test_a_newer_payload_format_is_refused_not_misread() -> None:
    payload = bytearray(encode_payload(EVERY_OPERATION[3]))
    payload[0] = PAYLOAD_FORMAT + 1
    with pytest.raises(VaultFormatTooNew, match="upgrade"):
        decode_payload(bytes(payload))


def test_an_unknown_operation_is_from_a_newer_chronika() -> None:
    payload = bytes([PAYLOAD_FORMAT]) + msgspec.msgpack.encode(
        {"op": "incident.teleport", "id": "x", "at": AT}
    )
    with pytest.raises(VaultFormatTooNew):
        decode_payload(payload)


@pytest.mark.parametrize(
    "payload", [b"", b"\x00abc", b"\x01\xc1", bytes([PAYLOAD_FORMAT]) + msgspec.msgpack.encode([1])]
)
def test_garbage_is_unreadable(payload: bytes) -> None:
    with pytest.raises(PayloadUnreadable):
        decode_payload(payload)


def test_ids_are_short_random_and_unambiguous() -> None:
    ids = {new_id("inc") for _ in range(2000)}
    assert len(ids) == 2000
    assert all(ID_PATTERN.fullmatch(i) and len(i) == 12 for i in ids)
    assert not any(set(i[4:]) & set("ilou") for i in ids)
    with pytest.raises(ValueError):
        new_id("xyz")


def test_now_is_utc_to_the_second() -> None:
    moment = now()
    assert moment.tzinfo is dt.UTC and moment.microsecond == 0

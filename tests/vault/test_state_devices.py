"""Split and merge meet another device's offline change: flagged like an edit, never a replay error."""

from __future__ import annotations

import datetime as dt

from chronika.model import Act
from chronika.vault.record import (
    Evidence,
    IncidentAccept,
    IncidentChanges,
    IncidentCreate,
    IncidentMerge,
    IncidentSplit,
    IncidentSplitOff,
    IncidentUpdate,
    Operation,
)
from chronika.vault.state import IncidentRecord, Record, apply

AT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
A, B = "aa" * 16, "bb" * 16


def _run(ops: list[Operation]) -> dict[str, Record]:
    records: dict[str, Record] = {}
    for entry, op in enumerate(ops):
        for record in apply(op, records.get, entry):
            records[record.id] = record
    return records


def _create(incident_id: str, hlc: int) -> IncidentCreate:
    return IncidentCreate(
        id=incident_id,
        at=AT,
        hlc=hlc,
        origin=A,
        source_id=None,
        date=None,
        acts=[Act.ARBITRARY_DETENTION, Act.SEIZURE],
        perpetrators=["police"],
        victims=[],
        location=None,
        evidence="Police detained him and took his laptop.",
        evidence_span=(0, 0),
        confidence=1.0,
    )


def _split_pair(hlc: int, seen: dict[str, int]) -> list[Operation]:
    return [
        IncidentSplitOff(
            id="inc_cccccccc",
            at=AT,
            hlc=hlc,
            origin=A,
            seen=None,
            from_id="inc_aaaaaaaa",
            source_id=None,
            date=None,
            acts=[Act.SEIZURE],
            perpetrators=["police"],
            victims=[],
            location=None,
            evidence="took his laptop",
            evidence_span=(0, 0),
            confidence=1.0,
        ),
        IncidentSplit(
            id="inc_aaaaaaaa",
            at=AT,
            hlc=hlc + 1,
            origin=A,
            seen=seen,
            part_id="inc_cccccccc",
            acts=[Act.ARBITRARY_DETENTION],
            evidence="Police detained him",
            evidence_span=(0, 0),
        ),
    ]


def test_a_split_over_an_unseen_change_of_the_acts_is_flagged() -> None:
    created = _create("inc_aaaaaaaa", 10)
    other = IncidentUpdate(
        id="inc_aaaaaaaa",
        at=AT,
        hlc=20,
        origin=B,
        seen={A: 10},
        changes=IncidentChanges(acts=[Act.RAID_SEARCH, Act.SEIZURE]),
    )
    records = _run([created, other, *_split_pair(30, seen={A: 10})])
    incident = records["inc_aaaaaaaa"]
    assert isinstance(incident, IncidentRecord)
    assert incident.acts == [Act.ARBITRARY_DETENTION]  # later in the merged order: it stands
    assert [c.field for c in incident.conflicts] == ["acts"]


def test_a_split_after_seeing_the_change_is_not_flagged() -> None:
    created = _create("inc_aaaaaaaa", 10)
    other = IncidentUpdate(
        id="inc_aaaaaaaa",
        at=AT,
        hlc=20,
        origin=B,
        seen={A: 10},
        changes=IncidentChanges(acts=[Act.RAID_SEARCH, Act.SEIZURE]),
    )
    records = _run([created, other, *_split_pair(30, seen={A: 10, B: 20})])
    incident = records["inc_aaaaaaaa"]
    assert isinstance(incident, IncidentRecord) and incident.conflicts == []


def test_a_split_of_a_draft_another_device_accepted_is_flagged_not_an_error() -> None:
    created = _create("inc_aaaaaaaa", 10)
    accepted = IncidentAccept(id="inc_aaaaaaaa", at=AT, hlc=20, origin=B, seen={A: 10})
    records = _run([created, accepted, *_split_pair(30, seen={A: 10})])
    incident = records["inc_aaaaaaaa"]
    assert isinstance(incident, IncidentRecord)
    assert incident.acts == [Act.ARBITRARY_DETENTION, Act.SEIZURE]  # the split was not applied
    assert incident.conflicts and "incident.split" in (incident.conflicts[-1].detail or "")


def test_a_merge_over_an_unseen_change_is_flagged() -> None:
    keep, other_draft = _create("inc_aaaaaaaa", 10), _create("inc_bbbbbbbb", 11)
    moved = IncidentUpdate(
        id="inc_aaaaaaaa",
        at=AT,
        hlc=20,
        origin=B,
        seen={A: 10},
        changes=IncidentChanges(location="Grozny"),
    )
    merge = IncidentMerge(
        id="inc_aaaaaaaa",
        at=AT,
        hlc=30,
        origin=A,
        seen={A: 10},
        absorbed_id="inc_bbbbbbbb",
        changes=IncidentChanges(location="Argun"),
        evidence=[Evidence(incident_id="inc_bbbbbbbb", source_id=None, span=(0, 0), text="x")],
    )
    records = _run([keep, other_draft, moved, merge])
    incident = records["inc_aaaaaaaa"]
    assert isinstance(incident, IncidentRecord)
    assert incident.location == "Argun" and [c.field for c in incident.conflicts] == ["location"]

"""The rules of records: what each operation does, and what it refuses, without any storage."""

from __future__ import annotations

import datetime as dt

import pytest
from test_record import AT, EVERY_OPERATION

from chronika.errors import ChangeRefused, RecordNotFound
from chronika.model import Act, ActorKind, DateSpan
from chronika.vault.record import (
    ActorUpsert,
    IncidentAccept,
    IncidentChanges,
    IncidentCreate,
    IncidentRetract,
    IncidentUpdate,
    LinkAdd,
    LinkKind,
    Operation,
    ResponseAdd,
    ResponseKind,
    Status,
)
from chronika.vault.state import IncidentRecord, State, plan

SOURCE, CREATE = EVERY_OPERATION[0], EVERY_OPERATION[1]
assert isinstance(CREATE, IncidentCreate)


def state_with(*ops: Operation) -> State:
    state = State()
    state.apply(enumerate(ops))
    return state


def incident(state: State, incident_id: str = "inc_00000001") -> IncidentRecord:
    record = state.get(incident_id)
    assert isinstance(record, IncidentRecord)
    return record


def test_create_accept_edit_retract() -> None:
    state = state_with(SOURCE, CREATE)
    assert incident(state).status is Status.DRAFT and incident(state).version == 1
    state.apply([(2, IncidentAccept(id="inc_00000001", at=AT, note="checked with the lawyer"))])
    state.apply(
        [
            (
                3,
                IncidentUpdate(
                    id="inc_00000001", at=AT, changes=IncidentChanges(acts=[Act.THREAT, Act.THREAT])
                ),
            )
        ]
    )
    record = incident(state)
    assert (record.status, record.acts, record.version, record.entry) == (Status.ACCEPTED, [Act.THREAT], 3, 3)
    assert [note.text for note in record.notes] == ["checked with the lawyer"]
    state.apply([(4, IncidentRetract(id="inc_00000001", at=AT, reason="  the same event as inc_2  "))])
    assert (
        incident(state).status is Status.RETRACTED and incident(state).retraction == "the same event as inc_2"
    )
    assert state.size == 5


@pytest.mark.parametrize(
    ("op", "error"),
    [
        (IncidentAccept(id="inc_nothere", at=AT), RecordNotFound),
        (IncidentUpdate(id="inc_00000001", at=AT), ChangeRefused),  # changes nothing
        (IncidentRetract(id="inc_00000001", at=AT, reason="   "), ChangeRefused),
        (
            IncidentUpdate(id="inc_00000001", at=AT, changes=IncidentChanges(sensitive=["password"])),
            ChangeRefused,
        ),
        (
            ResponseAdd(
                id="rsp_1",
                at=AT,
                incident_id="inc_00000001",
                kind=ResponseKind.TRIAL,
                date=dt.date(2020, 1, 1),
                source=" ",
            ),
            ChangeRefused,
        ),
        (
            LinkAdd(
                id="lnk_1", at=AT, kind=LinkKind.SAME_EVENT, from_id="inc_00000001", to_id="inc_00000001"
            ),
            ChangeRefused,
        ),
        (
            LinkAdd(id="lnk_1", at=AT, kind=LinkKind.SAME_EVENT, from_id="inc_00000001", to_id="inc_nothere"),
            RecordNotFound,
        ),
        (CREATE, ChangeRefused),  # the id is taken
        (ActorUpsert(id="inc_00000001", at=AT, name="x", kind=ActorKind.PERSON), ChangeRefused),
        (ActorUpsert(id="who_1", at=AT, name="  ", kind=ActorKind.PERSON), ChangeRefused),
    ],
)
def test_refused_changes_say_why_and_change_nothing(op: Operation, error: type[Exception]) -> None:
    state = state_with(SOURCE, CREATE)
    before = dict(state.records)
    with pytest.raises(error) as refused:
        state.apply([(2, op)])
    assert refused.value.entry == 2  # type: ignore[attr-defined]
    assert state.records == before


def test_the_review_states_only_move_forward() -> None:
    state = state_with(SOURCE, CREATE, IncidentAccept(id="inc_00000001", at=AT))
    with pytest.raises(ChangeRefused, match="only a draft"):
        state.apply([(3, IncidentAccept(id="inc_00000001", at=AT))])
    state.apply([(3, IncidentRetract(id="inc_00000001", at=AT, reason="wrong"))])
    for op in (
        IncidentRetract(id="inc_00000001", at=AT, reason="again"),
        IncidentUpdate(id="inc_00000001", at=AT, note="x"),
    ):
        with pytest.raises(ChangeRefused):
            state.apply([(4, op)])


def test_an_incident_needs_its_source_and_a_span_inside_it() -> None:
    with pytest.raises(RecordNotFound):
        state_with(CREATE)
    import msgspec

    with pytest.raises(ChangeRefused, match="outside"):
        state_with(SOURCE, msgspec.structs.replace(CREATE, evidence_span=(0, 10_000)))


def test_the_response_status_is_the_latest_by_date() -> None:
    responses = [
        ResponseAdd(id=f"rsp_{i}", at=AT, incident_id="inc_00000001", kind=kind, date=day, source="s")
        for i, (kind, day) in enumerate(
            [
                (ResponseKind.INVESTIGATION_OPENED, dt.date(2019, 7, 1)),
                (ResponseKind.COMPLAINT_FILED, dt.date(2019, 5, 20)),  # recorded later, happened earlier
            ]
        )
    ]
    state = state_with(SOURCE, CREATE, *responses)
    assert incident(state).response_status is ResponseKind.INVESTIGATION_OPENED
    assert len(incident(state).responses) == 2


def test_a_batch_sees_its_own_earlier_operations() -> None:
    changes = plan(enumerate([SOURCE, CREATE, IncidentAccept(id="inc_00000001", at=AT)]), lambda _: None)
    assert [c.record.version for c in changes] == [1, 1, 2]
    assert [c.entry for c in changes] == [0, 1, 2]


def test_edits_normalise_names_and_acts() -> None:
    changes = IncidentChanges(
        victims=[" Anna  Petrova", "anna petrova", ""],
        acts=[Act.TORTURE_ILL_TREATMENT, Act.KILLING],
        date=DateSpan.day(dt.date(2019, 5, 11)),
    )
    state = state_with(SOURCE, CREATE, IncidentUpdate(id="inc_00000001", at=AT, changes=changes))
    record = incident(state)
    assert record.victims == ["Anna Petrova"]
    assert record.acts == [Act.KILLING, Act.TORTURE_ILL_TREATMENT]  # vocabulary order
    assert record.date == DateSpan.day(dt.date(2019, 5, 11))


def test_actors_are_upserted_with_aliases() -> None:
    state = state_with(ActorUpsert(id="who_1", at=AT, name="Igor Kalyapin", kind=ActorKind.PERSON))
    state.apply(
        [
            (
                1,
                ActorUpsert(
                    id="who_1",
                    at=AT,
                    name="Igor Kalyapin",
                    kind=ActorKind.PERSON,
                    aliases=["Kalyapin", "kalyapin"],
                ),
            )
        ]
    )
    actor = state.get("who_1")
    assert actor is not None and actor.version == 2
    assert actor.names() == ["Igor Kalyapin", "Kalyapin"]  # type: ignore[union-attr]

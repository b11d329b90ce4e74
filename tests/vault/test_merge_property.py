"""Property: the records several devices' entries make do not depend on the order the entries arrived in.

Three devices edit two incidents concurrently (each from what it saw: its own earlier edits only).
Their entries are written by each device's own ledger, then appended, as they are, to ledgers in
different arrival orders (each device's chain in order, the devices interleaved at random). Replay
must give the same records from every arrival order, the SQLite view the same as the reference
dict, and an incident two devices changed in the same field must carry the conflict flag.
"""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import msgspec
import nacl.signing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronika.vault.keys import Keyring, device_id_for
from chronika.vault.ledger import Ledger
from chronika.vault.record import (
    IncidentChanges,
    IncidentCreate,
    IncidentRetract,
    IncidentUpdate,
    Operation,
    encode_payload,
)
from chronika.vault.replay import replay, replay_state
from chronika.vault.secret import DataKey, SigningSeed
from chronika.vault.segment import CheckpointFrame, sealed_frames
from chronika.vault.sqlite_view import SqliteView

INCIDENTS = ("inc_aaaaaaaa", "inc_bbbbbbbb")
AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
PLACES = ("Kazan", "Ufa", "Perm")
PEOPLE = ("A. Petrova", "O. Smirnov", "I. Kalyapin")


def _keyring(vault_id: bytes, data_key: bytes) -> Keyring:
    seed = secrets.token_bytes(32)
    public_key = bytes(nacl.signing.SigningKey(seed).verify_key)
    return Keyring(vault_id, device_id_for(public_key), DataKey(data_key), SigningSeed(seed))


def _create(incident: str, hlc: int, origin: str) -> IncidentCreate:
    return IncidentCreate(
        id=incident,
        at=AT,
        hlc=hlc,
        origin=origin,
        source_id=None,
        date=None,
        acts=[],
        perpetrators=[],
        victims=[],
        location=None,
        evidence="a line of a report",
        evidence_span=(0, 0),
        confidence=1.0,
    )


edit = st.tuples(
    st.sampled_from(INCIDENTS),
    st.sampled_from(("location", "victims", "retract")),
    st.integers(0, 2),
    st.integers(1, 50),  # how far this device's clock moves before the edit
)


def _device_ops(
    edits: list[tuple[str, str, int, int]], origin: str, creations: dict[str, dict[str, int]]
) -> list[Operation]:
    """One device's edits, each made on what it saw: the creation, and its own earlier edits."""
    ops: list[Operation] = []
    seen = {incident: dict(clocks) for incident, clocks in creations.items()}
    retracted: set[str] = set()
    hlc = 10
    for incident, kind, value, step in edits:
        if incident in retracted:
            continue
        hlc += step
        common = {"id": incident, "at": AT, "hlc": hlc, "origin": origin, "seen": dict(seen[incident])}
        if kind == "retract":
            ops.append(IncidentRetract(**common, reason="duplicate"))
            retracted.add(incident)
        else:
            changes = (
                IncidentChanges(location=PLACES[value])
                if kind == "location"
                else IncidentChanges(victims=[PEOPLE[value]])
            )
            ops.append(IncidentUpdate(**common, changes=changes))
        seen[incident][origin] = hlc
    return ops


def _bodies(directory: Path, keyring: Keyring, ops: list[Operation]) -> list[bytes]:
    with Ledger.create(directory, keyring) as ledger:
        for op in ops:
            ledger.append_batch([encode_payload(op)])
    return [frame.data for frame in sealed_frames(directory) if not isinstance(frame, CheckpointFrame)]


def _arrive(directory: Path, keyring: Keyring, chains: list[list[bytes]], order: list[int]) -> None:
    """A ledger receiving each device's chain in order, the devices interleaved as ``order`` says."""
    queues = [list(chain) for chain in chains]
    arrived = []
    for pick in order:
        live = [queue for queue in queues if queue]
        if live:
            arrived.append(live[pick % len(live)].pop(0))
    arrived += [body for queue in queues for body in queue]
    with Ledger.create(directory, keyring) as ledger:
        for at in range(0, len(arrived), 3):
            ledger.append_sealed(arrived[at : at + 3])


def _records(state: object) -> dict[str, object]:
    """Records without the ledger position they were applied from (which differs by arrival)."""
    found = {}
    for record in state:  # type: ignore[attr-defined]
        plain = msgspec.to_builtins(record)
        plain.pop("entry")
        found[record.id] = plain
    return found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.lists(edit, max_size=5), min_size=3, max_size=3),
    orders=st.lists(st.lists(st.integers(0, 5), max_size=20), min_size=2, max_size=2),
)
def test_merge_order_is_independent_of_arrival_order(tmp_path_factory, edits, orders):
    root = tmp_path_factory.mktemp("merge")
    vault_id, data_key = secrets.token_bytes(16), secrets.token_bytes(32)
    devices = [_keyring(vault_id, data_key) for _ in range(3)]
    founder = devices[0].device_id.hex()
    founder_ops: list[Operation] = [_create(incident, 1 + i, founder) for i, incident in enumerate(INCIDENTS)]
    creations = {incident: {founder: 1 + i} for i, incident in enumerate(INCIDENTS)}
    chains = []
    for n, (keyring, device_edits) in enumerate(zip(devices, edits, strict=True)):
        origin = keyring.device_id.hex()
        ops = (founder_ops if n == 0 else []) + _device_ops(device_edits, origin, creations)
        chains.append(_bodies(root / f"device-{n}", keyring, ops))

    results = []
    for n, order in enumerate(orders):
        directory = root / f"arrived-{n}"
        _arrive(directory, devices[0], chains, order)
        state = replay_state(directory, devices[0].data_key)
        view = SqliteView.in_memory()
        replay(view, directory, devices[0].data_key)
        assert _records(view.records()) == _records(state)
        results.append(_records(state))
    assert results[0] == results[1]

    # Two devices that set one field of one incident without seeing each other: flagged.
    for incident in INCIDENTS:
        setters = {
            n
            for n, device_edits in enumerate(edits)
            for kind in (k for i, k, _, _ in _applied(device_edits) if i == incident)
            if kind == "location"
        }
        record = results[0][incident]
        if len(setters) > 1 and record["status"] != "retracted":
            assert any(conflict["field"] == "location" for conflict in record["conflicts"])


def _applied(device_edits: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """The edits :func:`_device_ops` keeps (none after the device itself retracted the incident)."""
    kept, retracted = [], set()
    for item in device_edits:
        if item[0] in retracted:
            continue
        kept.append(item)
        if item[1] == "retract":
            retracted.add(item[0])
    return kept

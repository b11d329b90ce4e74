"""Property: replaying the ledger gives exactly the view the live application built.

Random sequences of user actions (imports, accepts, edits, retractions, responses, links, actors,
places, splits and merges of drafts, merges and aliases of actors and places; some refused by the
rules) are applied to a real vault. Then the records, list and search
results and every history are compared between the live view, the plain reference replay
(``State``), a fresh in-memory view replayed from the ledger, and the on-disk view after
``rebuild``. Any difference means the live and replay paths disagree.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaultkit import PASSPHRASE, write_reports

from chronika.errors import RecordError, UsageError
from chronika.model import Act, ActorKind, DateSpan, PlaceKind
from chronika.vault.keys import INTERACTIVE_KDF
from chronika.vault.record import IncidentChanges, LinkKind, ResponseKind, Status
from chronika.vault.replay import replay, replay_state
from chronika.vault.secret import Passphrase
from chronika.vault.sqlite_view import SqliteView
from chronika.vault.state import SENSITIVE_FIELDS
from chronika.vault.vault import Vault
from chronika.vault.view import Filters, PageRequest, ViewStore, parse_query

DOCS = [
    {"a.txt": "On 3 May 2019 police detained Anna Petrova in Kazan. Officers beat her in custody."},
    {"b.txt": "Unknown men threatened the lawyer Oleg Smirnov in Moscow on 12 June 2020."},
    {"c.txt": "On 9 August 2020 riot police detained Maria Ivanova in Minsk and seized her camera."},
    {"d.txt": "Armed men set fire to the office of the group in Grozny on 16 March 2016."},
]
NAMES = st.sampled_from(["Anna Petrova", "Oleg Smirnov", "Maria Ivanova", "police", "unknown men", "Igor"])
DAYS = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2024, 12, 31))
CHANGES = st.builds(
    IncidentChanges,
    date=st.one_of(st.just(msgspec.UNSET), st.none(), DAYS.map(DateSpan.day)),
    acts=st.one_of(st.just(msgspec.UNSET), st.lists(st.sampled_from(list(Act)), max_size=3)),
    victims=st.one_of(st.just(msgspec.UNSET), st.lists(NAMES, max_size=2)),
    location=st.one_of(st.just(msgspec.UNSET), st.none(), st.sampled_from(["Kazan", "Minsk", "Omsk"])),
    sensitive=st.one_of(
        st.just(msgspec.UNSET), st.lists(st.sampled_from(sorted(SENSITIVE_FIELDS)), max_size=2)
    ),
)
PICK = st.integers(0, 30)
ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("import"), st.integers(0, len(DOCS) - 1)),
        st.tuples(st.just("accept"), st.lists(PICK, min_size=1, max_size=3)),
        st.tuples(st.just("edit"), PICK, CHANGES, st.sampled_from([None, "", "checked"])),
        st.tuples(st.just("retract"), PICK, st.sampled_from(["duplicate", " "])),
        st.tuples(st.just("respond"), PICK, st.sampled_from(list(ResponseKind)), DAYS),
        st.tuples(st.just("link"), PICK, PICK, st.sampled_from(list(LinkKind))),
        st.tuples(st.just("actor"), NAMES, st.lists(NAMES, max_size=2)),
        st.tuples(st.just("place"), st.sampled_from(["Kazan", "Minsk"]), st.sampled_from(list(PlaceKind))),
        st.tuples(
            st.just("split"), PICK, st.lists(st.sampled_from(list(Act)), max_size=2), st.integers(-1, 60)
        ),
        st.tuples(st.just("merge"), PICK),
        st.tuples(st.just("same_actor"), NAMES, NAMES),
        st.tuples(
            st.just("same_place"),
            st.sampled_from(["Kazan", "Minsk", "Omsk"]),
            st.sampled_from(["Kazan", "Minsk", "Omsk"]),
        ),
        st.tuples(st.just("unalias"), NAMES, NAMES),
    ),
    min_size=1,
    max_size=14,
)

QUERIES = [
    ("", Filters()),
    ("", Filters(statuses=(Status.ACCEPTED,))),
    ("", Filters(acts=(Act.ARBITRARY_DETENTION, Act.THREAT))),
    ("", Filters(responses=("none",))),
    ("", Filters(date_from=dt.date(2016, 1, 1), date_to=dt.date(2020, 6, 30))),
    ("", Filters(actor="Anna Petrova")),
    ("police", Filters()),
    ("checked OR duplicate", Filters()),
    ("kazan", Filters(place="Kazan")),
    ("", Filters(place="Minsk")),
    ("", Filters(actor="police")),
]


def snapshot(view: ViewStore) -> dict[str, Any]:
    records = {record.id: msgspec.msgpack.encode(record) for record in view.records()}
    page = PageRequest(limit=1000)
    results = []
    for text, filters in QUERIES:
        query = parse_query(text)
        found = view.search(query, filters, page) if query else view.query(filters, page)
        results.append([incident.id for incident in found.incidents])
    history = {
        rid: [(v.version, v.entry, msgspec.msgpack.encode(v.op)) for v in view.history(rid)]
        for rid in records
    }
    return {"records": records, "results": results, "history": history, "head": view.head()}


def act(vault: Vault, action: tuple[Any, ...], incidents: list[str], folder: Path) -> None:
    def pick(n: int) -> str:
        return incidents[n % len(incidents)] if incidents else "inc_00000000"

    kind = action[0]
    if kind == "import":
        for result in vault.import_documents(write_reports(folder / f"doc{action[1]}", DOCS[action[1]])):
            incidents.extend(result.incidents)
    elif kind == "accept":
        vault.accept([pick(n) for n in action[1]])
    elif kind == "edit":
        vault.edit(pick(action[1]), action[2], note=action[3])
    elif kind == "retract":
        vault.retract(pick(action[1]), action[2])
    elif kind == "respond":
        vault.add_response(pick(action[1]), action[2], action[3], "a statement")
    elif kind == "link":
        vault.link(pick(action[1]), pick(action[2]), action[3])
    elif kind == "actor":
        vault.upsert_actor(action[1], ActorKind.PERSON, action[2])
    elif kind == "place":
        vault.upsert_place(action[1], action[2])
    elif kind == "split":
        cut = action[3] if action[3] >= 0 else None
        _, part = vault.split(pick(action[1]), action[2], cut=cut)
        incidents.append(part.id)
    elif kind == "merge":
        vault.merge(pick(action[1]), pick(action[1] + 1))
    elif kind == "same_actor":
        vault.merge_names("actor", action[1], action[2])
    elif kind == "same_place":
        vault.merge_names("place", action[1], action[2])
    else:
        vault.remove_alias("actor", action[1], action[2])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=ACTIONS)
def test_replaying_the_ledger_gives_the_live_view(actions: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory(prefix="chronika-replay-") as tmp:
        root = Path(tmp)
        vault, _ = Vault.init(root / "vault", Passphrase(PASSPHRASE), kdf=INTERACTIVE_KDF)
        try:
            incidents: list[str] = []
            # Two reports first, so that most actions find drafts to work on (splits and merges too).
            for action in [("import", 0), ("import", 2), *actions]:
                size = vault.view.head().size
                try:
                    act(vault, action, incidents, root)
                except (RecordError, UsageError):
                    assert vault.view.head().size == size  # refused: nothing was written
            live = snapshot(vault.view)
            ledger_dir, data_key = root / "vault" / "ledger", vault.keyring.data_key

            reference = replay_state(ledger_dir, data_key)
            assert {rid: msgspec.msgpack.encode(r) for rid, r in reference.records.items()} == live["records"]
            assert reference.size == live["head"].size

            fresh = SqliteView.in_memory()
            replay(fresh, ledger_dir, data_key)
            assert snapshot(fresh) == live
            fresh.close()

            vault.rebuild()
            assert snapshot(vault.view) == live
            vault.verify()
            for record in vault.view.records():  # every version of every record recomputes
                history = vault.history(record.id)
                assert history[-1][1] == record
        finally:
            vault.lock()

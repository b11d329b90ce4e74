"""Splitting and merging drafts, and merging actors and places: every step a ledger entry.

Each test works on a real vault folder, then checks three things the operations promise: the
records are what the reviewer asked for, every version is in the history (recomputed from the
ledger's operations), and a rebuild from the ledger alone gives the same records.
"""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest
from vaultkit import PASSPHRASE, write_reports

from chronika.errors import ChangeRefused, RecordNotFound, UsageError
from chronika.model import Act, ActorKind
from chronika.vault.record import IncidentChanges, Status
from chronika.vault.replay import replay_state
from chronika.vault.secret import Passphrase
from chronika.vault.state import SourceRecord
from chronika.vault.vault import Vault
from chronika.vault.view import Filters, PageRequest

TWO_IN_ONE = {
    "omsk.txt": (
        "OMSK, 2 March 2021 - Police detained the activist Pavel Orlov in Omsk on 1 March 2021. "
        "Officers beat him in the van and later searched his flat."
    ),
}
TWICE = {
    "first.txt": "On 4 April 2021 police detained the journalist Lidia Sokolova in Tomsk at a picket.",
    "second.txt": "Lidia Sokolova, a journalist, was detained in Tomsk on 4 April 2021, her editor said.",
}


def drafts(vault: Vault, folder: Path, reports: dict[str, str]) -> list[str]:
    results = vault.import_documents(write_reports(folder, reports))
    return [incident for result in results for incident in result.incidents]


def same_as_ledger(vault: Vault) -> None:
    """The live view, the reference replay and a rebuilt view hold the same records."""
    live = {r.id: msgspec.msgpack.encode(r) for r in vault.view.records()}
    reference = replay_state(vault.directory / "ledger", vault.keyring.data_key)
    assert {rid: msgspec.msgpack.encode(r) for rid, r in reference.records.items()} == live
    vault.rebuild()
    assert {r.id: msgspec.msgpack.encode(r) for r in vault.view.records()} == live
    vault.verify()


def test_split_by_cutting_the_words(facade: Vault, tmp_path: Path) -> None:
    (draft,) = drafts(facade, tmp_path / "r", TWO_IN_ONE)
    original = facade.incident(draft)
    words = original.evidence
    cut = words.index("Officers")
    kept, part = facade.split(draft, [Act.TORTURE_ILL_TREATMENT], cut=cut, note="two occasions")
    source = facade.show(original.source_id or "")
    assert isinstance(source, SourceRecord)
    text = source.text
    assert kept.evidence == text[slice(*kept.evidence_span)] and kept.evidence.endswith("2021.")
    assert part.evidence == text[slice(*part.evidence_span)] and part.evidence.startswith("Officers")
    assert kept.evidence_span[1] < part.evidence_span[0]
    assert part.acts == [Act.TORTURE_ILL_TREATMENT] and part.split_from == draft
    # the part takes the acts it was given; the draft keeps the others (whatever the engine found)
    assert kept.acts == [act for act in original.acts if act not in part.acts]
    assert kept.status is part.status is Status.DRAFT
    assert part.victims == original.victims and part.location == original.location
    history = [(v.op.__struct_config__.tag, r.evidence) for v, r in facade.history(draft)]
    assert history == [("incident.create", words), ("incident.split", kept.evidence)]
    assert [v.op.__struct_config__.tag for v, _ in facade.history(part.id)] == ["incident.split_off"]
    assert facade.history(part.id)[0][1] == part
    same_as_ledger(facade)


def test_split_by_acts_keeps_the_words(facade: Vault, tmp_path: Path) -> None:
    first = drafts(facade, tmp_path / "r", TWO_IN_ONE)[0]
    original = facade.incident(first)
    facade.edit(first, IncidentChanges(acts=[Act.ARBITRARY_DETENTION, Act.PROPERTY_DESTRUCTION]))
    kept, part = facade.split(first, [Act.PROPERTY_DESTRUCTION])
    assert kept.acts == [Act.ARBITRARY_DETENTION] and part.acts == [Act.PROPERTY_DESTRUCTION]
    assert kept.evidence == part.evidence == original.evidence
    with pytest.raises(UsageError):
        facade.split(first, [])  # the part must take something
    with pytest.raises(UsageError):
        facade.split(first, [Act.ARBITRARY_DETENTION])  # the draft would keep no act
    with pytest.raises(UsageError):
        facade.split(first, [Act.PROPERTY_DESTRUCTION], cut=0)
    facade.accept([first])
    size = facade.view.head().size
    with pytest.raises(ChangeRefused):
        facade.split(
            first, [Act.PROPERTY_DESTRUCTION], [Act.ARBITRARY_DETENTION]
        )  # accepted: no longer a draft
    assert facade.view.head().size == size  # refused as a whole: not even the part was written
    same_as_ledger(facade)


def test_merge_two_reports_of_one_occasion_keeps_every_span(facade: Vault, tmp_path: Path) -> None:
    one, two = drafts(facade, tmp_path / "r", TWICE)
    first, second = facade.incident(one), facade.incident(two)
    merged = facade.merge(one, two, note="same picket")
    assert merged.id == one and merged.status is Status.DRAFT
    assert set(merged.acts) == set(first.acts) | set(second.acts)
    assert [(e.incident_id, e.source_id, e.span) for e in merged.more_evidence] == [
        (two, second.source_id, second.evidence_span)
    ]
    gone = facade.incident(two)
    assert (
        gone.status is Status.RETRACTED
        and gone.merged_into == one
        and "same picket" in (gone.retraction or "")
    )
    # The second report's words are searchable under the merged incident.
    found = facade.search("editor said").incidents
    assert [i.id for i in found if i.status is Status.DRAFT] == [one]
    assert [v.op.__struct_config__.tag for v, _ in facade.history(two)] == [
        "incident.create",
        "incident.merged_into",
    ]
    assert facade.history(one)[-1][1] == merged
    with pytest.raises(ChangeRefused):
        facade.merge(one, two)  # the other is no draft any more
    with pytest.raises(ChangeRefused):
        facade.merge(one, one)
    same_as_ledger(facade)


def test_merge_actor_names_is_found_under_either(facade: Vault, tmp_path: Path) -> None:
    reports = {
        "a.txt": "On 5 May 2020 police acting on orders of Kadyrov detained Zarema Musaeva in Grozny.",
        "b.txt": "On 9 June 2020 Ramzan Kadyrov threatened the blogger Tumso Abdurakhmanov in Grozny.",
    }
    ids = drafts(facade, tmp_path / "r", reports)
    facade.edit(ids[0], IncidentChanges(perpetrators=["Kadyrov"]))
    facade.edit(ids[1], IncidentChanges(perpetrators=["Ramzan Kadyrov"]))

    def by(name: str) -> set[str]:
        return {i.id for i in facade.list_incidents(Filters(actor=name), PageRequest(limit=100)).incidents}

    assert by("Ramzan Kadyrov") == {ids[1]}
    record = facade.merge_names("actor", "Ramzan Kadyrov", "Kadyrov", note="same man")
    assert record.name == "Ramzan Kadyrov" and record.aliases == ["Kadyrov"]
    assert by("Ramzan Kadyrov") == by("Kadyrov") == set(ids)
    assert facade.find_named("actor", "kadyrov") == record
    # A duplicate with its own record is merged into the kept one and marked so.
    other = facade.upsert_actor("R. Kadyrov", ActorKind.PERSON, ["Kadyrov R."])
    merged = facade.merge_names("actor", "Kadyrov", "Kadyrov R.")
    assert merged.id == record.id and set(merged.aliases) == {"Kadyrov", "R. Kadyrov", "Kadyrov R."}
    assert facade.show(other.id).merged_into == record.id  # type: ignore[union-attr]
    with pytest.raises(ChangeRefused):
        facade.merge_names("actor", "Ramzan Kadyrov", "R. Kadyrov")  # already one
    with pytest.raises(UsageError):
        facade.merge_names("actor", "Ramzan  Kadyrov", "ramzan kadyrov")
    # Undo: take the alias off again; the history keeps every step.
    undone = facade.remove_alias("actor", "Ramzan Kadyrov", "Kadyrov")
    assert "Kadyrov" not in undone.aliases and by("Ramzan Kadyrov") == {ids[1]}
    assert [v.op.__struct_config__.tag for v, _ in facade.history(record.id)] == [
        "actor.merge",
        "actor.merge",
        "actor.upsert",
    ]
    with pytest.raises(RecordNotFound):
        facade.remove_alias("actor", "Ramzan Kadyrov", "nobody")
    same_as_ledger(facade)


def test_place_aliases_widen_the_place_filter(facade: Vault, tmp_path: Path) -> None:
    reports = {
        "a.txt": "On 3 July 2019 police detained the lawyer Anna Petrova in Groznyy.",
        "b.txt": "On 4 July 2019 police detained the lawyer Oleg Smirnov in Grozny.",
    }
    ids = drafts(facade, tmp_path / "r", reports)
    facade.edit(ids[0], IncidentChanges(location="Groznyy"))  # as the report spells it
    facade.edit(ids[1], IncidentChanges(location="Grozny"))
    facade.merge_names("place", "Grozny", "Groznyy")
    found = facade.list_incidents(Filters(place="Grozny"), PageRequest(limit=100)).incidents
    assert {i.id for i in found} == set(ids)
    alias = facade.add_alias("place", "Grozny", "Dzhokhar")
    assert alias.aliases == ["Groznyy", "Dzhokhar"]
    with pytest.raises(ChangeRefused):
        facade.add_alias("place", "Dzhokhar", "Groznyy")  # already its name: nothing to add
    reopened = _reopen(facade)
    try:
        assert {i.id for i in reopened.list_incidents(Filters(place="groznyy")).incidents} == set(ids)
        same_as_ledger(reopened)
    finally:
        reopened.lock()


def _reopen(vault: Vault) -> Vault:
    vault.lock()
    return Vault.open(vault.directory, Passphrase(PASSPHRASE))

"""The vault facade on real folders: import, review, history, catch-up, rebuild, duress, lock."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from vaultkit import DURESS, PASSPHRASE, fast_vault, write_reports

from chronika.errors import (
    ChangeRefused,
    InputNotFound,
    LedgerBusy,
    RecordNotFound,
    VaultLocked,
    WrongPassphrase,
)
from chronika.model import Act, ActorKind, PlaceKind
from chronika.vault.ledger import Ledger
from chronika.vault.record import IncidentChanges, LinkKind, ResponseKind, Status, encode_payload
from chronika.vault.replay import replay_state
from chronika.vault.secret import Passphrase
from chronika.vault.segment import read_entries
from chronika.vault.vault import VIEW_FILE, Vault, default_vault_dir
from chronika.vault.view import Filters, PageRequest


def imported(facade: Any, tmp_path: Path) -> list[str]:
    results = facade.import_documents(write_reports(tmp_path / "reports"))
    return [incident for result in results for incident in result.incidents]


def reopen(facade: Any) -> Vault:
    facade.lock()
    return Vault.open(facade.directory, Passphrase(PASSPHRASE))


def test_import_stores_sources_and_drafts_once(facade: Any, tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "reports")
    results = facade.import_documents(paths)
    assert [r.duplicate for r in results] == [False, False, False]
    incidents = [i for r in results for i in r.incidents]
    assert len(incidents) >= 5
    assert {i.status for i in facade.list_incidents(page=PageRequest(limit=100)).incidents} == {Status.DRAFT}
    source = facade.show(results[0].source_id)
    assert source.name == "kazan.txt" and "Anna Petrova" in source.text
    again = facade.import_documents(paths[:1])
    assert again[0].duplicate and again[0].source_id == results[0].source_id and again[0].incidents == []
    with pytest.raises(InputNotFound):
        facade.import_documents([tmp_path / "missing.txt"])
    errors: list[object] = []
    facade.import_documents([tmp_path / "missing.txt"], on_document=errors.append)
    assert len(errors) == 1 and isinstance(errors[0], InputNotFound)


def test_review_changes_and_their_history(facade: Any, tmp_path: Path) -> None:
    first, second, *_ = imported(facade, tmp_path)
    accepted = facade.accept([first, first.upper(), second], note="checked")
    assert [i.id for i in accepted] == [first, second]
    assert facade.accept([first]) == []  # already accepted: nothing written
    edited = facade.edit(
        first, IncidentChanges(acts=[Act.TORTURE_ILL_TREATMENT], location="Kazan"), note="per lawyer"
    )
    assert edited.acts == [Act.TORTURE_ILL_TREATMENT] and edited.status is Status.ACCEPTED
    responded = facade.add_response(
        first, ResponseKind.COMPLAINT_FILED, dt.date(2019, 5, 20), "lawyer's complaint"
    )
    assert responded.response_status is ResponseKind.COMPLAINT_FILED
    retracted = facade.retract(second, "duplicate of another report")
    assert retracted.status is Status.RETRACTED
    with pytest.raises(ChangeRefused):
        facade.edit(second, IncidentChanges(location="Moscow"))
    with pytest.raises(RecordNotFound):
        facade.accept(["inc_zzzzzzzz"])
    link = facade.link(second, first, LinkKind.SAME_EVENT, note="same detention")
    assert [found.id for found in facade.links(first)] == [link.id]
    actor = facade.upsert_actor("Anna Petrova", ActorKind.PERSON, ["A. Petrova"])
    place = facade.upsert_place("Kazan", PlaceKind.CITY, country="RU")
    assert facade.show(actor.id).aliases == ["A. Petrova"] and facade.show(place.id).country == "RU"

    history = facade.history(first)
    assert [v.op.__struct_config__.tag for v, _ in history] == [
        "incident.create",
        "incident.accept",
        "incident.update",
        "response.add",
    ]
    assert [r.status for _, r in history] == [Status.DRAFT, Status.ACCEPTED, Status.ACCEPTED, Status.ACCEPTED]
    assert history[1][1].acts != history[2][1].acts  # the earlier version is still readable
    assert history[-1][1] == facade.show(first)
    source_history = facade.history(facade.show(first).source_id)
    assert len(source_history) == 1 and source_history[0][1].text


def test_verify_and_rebuild_agree_with_the_ledger(facade: Any, tmp_path: Path) -> None:
    incidents = imported(facade, tmp_path)
    facade.accept(incidents[:2])
    audit = facade.verify()
    assert audit.view_checked and audit.records == len(incidents) + 3
    before = [(i.id, i.version) for i in facade.list_incidents(page=PageRequest(limit=100)).incidents]
    assert facade.rebuild() == audit.entries
    assert [(i.id, i.version) for i in facade.list_incidents(page=PageRequest(limit=100)).incidents] == before
    assert facade.verify().root == audit.root


def test_the_view_catches_up_after_a_crash_between_ledger_and_view(facade: Any, tmp_path: Path) -> None:
    incidents = imported(facade, tmp_path)
    directory, keyring = facade.directory, facade.keyring
    stale = tmp_path / "stale.db"
    facade.view.close()  # a copy of the view as it was, then more is written
    shutil.copy(directory / VIEW_FILE, stale)
    facade.lock()
    vault = Vault.open(directory, Passphrase(PASSPHRASE))
    vault.accept(incidents)
    vault.lock()
    shutil.copy(stale, directory / VIEW_FILE)  # as if the view's commit never happened
    vault = Vault.open(directory, Passphrase(PASSPHRASE))
    assert {i.status for i in vault.list_incidents(page=PageRequest(limit=100)).incidents} == {
        Status.ACCEPTED
    }
    vault.verify()
    vault.lock()
    del keyring


def test_a_missing_or_foreign_view_is_rebuilt_on_open(facade: Any, tmp_path: Path) -> None:
    incidents = imported(facade, tmp_path)
    directory = facade.directory
    facade.lock()
    (directory / VIEW_FILE).unlink()
    vault = Vault.open(directory, Passphrase(PASSPHRASE))
    assert len(vault.list_incidents(page=PageRequest(limit=100)).incidents) == len(incidents)
    vault.lock()
    other = fast_vault(tmp_path / "other")
    other.lock()
    shutil.copy(tmp_path / "other" / VIEW_FILE, directory / VIEW_FILE)  # another vault's view: another key
    vault = Vault.open(directory, Passphrase(PASSPHRASE))
    assert len(vault.list_incidents(page=PageRequest(limit=100)).incidents) == len(incidents)
    vault.verify()
    vault.lock()


def test_an_appended_entry_the_view_never_saw_is_replayed(facade: Any, tmp_path: Path) -> None:
    """A writer that died after its append: the next open applies the entry with the same function."""
    incidents = imported(facade, tmp_path)
    from chronika.vault.record import IncidentAccept, now

    keyring = facade.keyring
    facade._ledger.close()
    facade._ledger = None
    with Ledger.open(facade.directory / "ledger", keyring) as ledger:
        ledger.append_batch([encode_payload(IncidentAccept(id=incidents[0], at=now()))])
    vault = reopen(facade)
    assert vault.incident(incidents[0]).status is Status.ACCEPTED
    vault.verify()
    vault.lock()


def test_duress_opens_an_empty_vault_and_the_recovery_phrase_brings_it_back(tmp_path: Path) -> None:
    from chronika.vault.phrase import RecoveryPhrase

    directory = tmp_path / "vault"
    from chronika.vault.keys import INTERACTIVE_KDF

    vault, phrase = Vault.init(directory, Passphrase(PASSPHRASE), Passphrase(DURESS), kdf=INTERACTIVE_KDF)
    words = phrase.reveal().decode()
    incidents = [i for r in vault.import_documents(write_reports(tmp_path / "r")) for i in r.incidents]
    vault.lock()
    ledger_bytes = b"".join(p.read_bytes() for p in sorted((directory / "ledger").iterdir()))

    decoy = Vault.open(directory, Passphrase(DURESS))
    assert decoy.list_incidents().incidents == [] and decoy.search("Petrova").incidents == []
    with pytest.raises(RecordNotFound):
        decoy.show(incidents[0])
    decoy.import_documents(
        write_reports(tmp_path / "r2", {"x.txt": "Police detained Ivan Ivanov in Omsk on 2 May 2021."})
    )
    assert len(decoy.list_incidents().incidents) == 1  # looks like it worked, for this process
    assert decoy.verify().records == 0
    decoy.lock()
    assert b"".join(p.read_bytes() for p in sorted((directory / "ledger").iterdir())) == ledger_bytes
    with pytest.raises(WrongPassphrase):
        Vault.open(directory, Passphrase(PASSPHRASE))  # the passphrase slot is gone

    restored = Vault.recover(directory, RecoveryPhrase.parse(words), Passphrase("a brand new passphrase"))
    assert sorted(i.id for i in restored.list_incidents(page=PageRequest(limit=100)).incidents) == sorted(
        incidents
    )
    restored.verify()
    restored.lock()


def test_lock_wipes_the_keys_and_closes_everything(facade: Any, tmp_path: Path) -> None:
    imported(facade, tmp_path)
    keyring = facade.keyring
    facade.lock()
    assert keyring.data_key.wiped and keyring.signing_seed.wiped
    for call in (facade.list_incidents, lambda: facade.show("inc_1"), facade.verify):
        with pytest.raises(VaultLocked):
            call()
    assert not list((facade.directory / "run").iterdir())
    facade.lock()  # twice is harmless


def test_one_writer_at_a_time(facade: Any, tmp_path: Path) -> None:
    incidents = imported(facade, tmp_path)
    other = Vault.open(facade.directory, Passphrase(PASSPHRASE))  # reading needs no lock
    assert len(other.list_incidents(page=PageRequest(limit=100)).incidents) == len(incidents)
    with pytest.raises(LedgerBusy):
        other.accept(incidents[:1])
    other.lock()


def test_change_passphrase_keeps_the_data(facade: Any, tmp_path: Path) -> None:
    incidents = imported(facade, tmp_path)
    facade.change_passphrase(Passphrase(PASSPHRASE), Passphrase("another long passphrase"))
    facade.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(facade.directory, Passphrase(PASSPHRASE))
    vault = Vault.open(facade.directory, Passphrase("another long passphrase"))
    assert len(vault.list_incidents(page=PageRequest(limit=100)).incidents) == len(incidents)
    assert (
        len(list(read_entries(vault.directory / "ledger", vault.keyring.data_key)))
        == replay_state(vault.directory / "ledger", vault.keyring.data_key).size
    )
    vault.lock()


def test_search_through_the_facade(facade: Any, tmp_path: Path) -> None:
    imported(facade, tmp_path)
    found = facade.search("Petrova", Filters(place="Kazan"))
    assert found.incidents and all("Petrova" in " ".join(i.victims) for i in found.incidents)
    assert facade.search("   ").incidents == facade.list_incidents().incidents


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_vault_dir() == tmp_path / "data" / "chronika" / "vault"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_vault_dir() == tmp_path / ".local" / "share" / "chronika" / "vault"

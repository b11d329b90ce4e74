"""The vault as one object: unlock it, read and change records, verify, rebuild, lock.

Every verb of the CLI (and later of the desk) is a method here, and every change takes one path:
build operations, :func:`~chronika.vault.state.plan` them against the view (which refuses a bad
change before anything is written), append them to the ledger as one batch (encrypted, chained,
checkpointed, fsynced), then apply the same planned changes to the view. If the process dies
between the append and the view's commit, the next unlock replays the missing entries with the same
functions, so the view always ends equal to the ledger.

A folder holds ``vault.json`` (wrapped keys), ``ledger/`` (the truth), ``view.db`` (SQLCipher,
derived, rebuildable) and ``run/`` (which processes have it unlocked; see ``session.py``).

Duress: when the duress passphrase unlocks, the key file has already destroyed the passphrase slot
(``keyfile.py``) and returned random keys; the vault then opens an empty in-memory view and never
writes to the ledger, so it looks and behaves like an empty vault for the life of the process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Self

import msgspec
import nacl.signing

from chronika.errors import (
    ChangeRefused,
    ChronikaError,
    DeviceRefused,
    DeviceUnknown,
    InputError,
    LedgerBusy,
    RecordNotFound,
    UsageError,
    VaultLocked,
    ViewUnusable,
)
from chronika.model import Act, ActorKind, PlaceKind
from chronika.vault.audit import Audit, audit_of, check_view, ledger_lock
from chronika.vault.devices import Certificate, Revocation, Trust, ledger_trust
from chronika.vault.files import fsync_dir
from chronika.vault.history import versions
from chronika.vault.importer import Imported, document_ops
from chronika.vault.keyfile import KeyFile
from chronika.vault.keys import KEY_BYTES, MODERATE_KDF, KdfParams, Keyring, derive_view_key
from chronika.vault.ledger import Ledger
from chronika.vault.merkle import EMPTY_ROOT
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.record import (
    ActorMerge,
    ActorMergedInto,
    ActorUpsert,
    DeviceAdd,
    DeviceRevoke,
    Evidence,
    IncidentAccept,
    IncidentChanges,
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
    Status,
    device_record_id,
    encode_payload,
    new_id,
    now,
)
from chronika.vault.replay import read_head, replay
from chronika.vault.secret import Passphrase, SigningSeed
from chronika.vault.segment import LEDGER_DIR, CheckpointFrame, sealed_frames
from chronika.vault.session import Session
from chronika.vault.sqlite_view import SqliteView
from chronika.vault.state import (
    ActorRecord,
    Change,
    DeviceRecord,
    IncidentRecord,
    LinkRecord,
    PlaceRecord,
    Record,
    SourceRecord,
    plan,
)
from chronika.vault.verify import VerifyReport, verify_ledger
from chronika.vault.view import Filters, Head, Page, PageRequest, Version, ViewStore, parse_query

if TYPE_CHECKING:
    from chronika.extract.reader import SourceText

__all__ = [
    "VIEW_FILE",
    "Imported",
    "NameKind",
    "NamedRecord",
    "Vault",
    "default_vault_dir",
    "merged_fields",
]

VIEW_FILE = "view.db"
#: Actors and places are both known by a name and its aliases, and merged the same way.
NameKind = Literal["actor", "place"]
NamedRecord = ActorRecord | PlaceRecord
_PREFIX: dict[str, str] = {"actor": "who", "place": "plc"}


def default_vault_dir() -> Path:
    """``$XDG_DATA_HOME/chronika/vault``, or ``~/.local/share/chronika/vault`` (the XDG default)."""
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "chronika" / "vault"


#: Operations that change an existing incident: each carries what its device knew of the incident
#: (``seen``), so that replay flags one that meets another device's unseen change (state.py).
_CHANGES_KNOWN = (
    IncidentUpdate,
    IncidentAccept,
    IncidentRetract,
    ResponseAdd,
    IncidentSplit,
    IncidentMerge,
    IncidentMergedInto,
)


class Vault:
    """An unlocked vault. Make one with :meth:`init`, :meth:`open` or :meth:`recover`; :meth:`lock` it."""

    def __init__(self, directory: Path, key_file: KeyFile, keyring: Keyring, view: ViewStore | None) -> None:
        self.directory = directory
        self._key_file = key_file
        self._keyring: Keyring | None = keyring
        self._view = view
        self._ledger: Ledger | None = None
        self._clock = 0
        self._session = Session.start(directory)

    # -- unlocking -------------------------------------------------------------------------------

    @classmethod
    def init(
        cls,
        directory: Path,
        passphrase: Passphrase,
        duress: Passphrase | None = None,
        *,
        kdf: KdfParams = MODERATE_KDF,
    ) -> tuple[Vault, RecoveryPhrase]:
        """Create a vault; the recovery phrase returned must be shown once and never stored."""
        directory = Path(directory)
        key_file, keyring, phrase = KeyFile.create(directory, passphrase, duress_passphrase=duress, kdf=kdf)
        ledger = Ledger.create(directory / LEDGER_DIR, keyring)
        with contextlib.suppress(FileNotFoundError):
            (directory / VIEW_FILE).unlink()  # a view left from an earlier vault here is not ours
        vault = cls(directory, key_file, keyring, None)
        vault._ledger = ledger
        vault._catch_up()
        return vault, phrase

    @classmethod
    def open(cls, directory: Path, passphrase: Passphrase) -> Vault:
        """Unlock with the passphrase (or the duress passphrase: see the module doc)."""
        key_file = KeyFile.load(Path(directory))
        return cls._unlocked(Path(directory), key_file, key_file.unlock(passphrase))

    @classmethod
    def recover(
        cls,
        directory: Path,
        phrase: RecoveryPhrase,
        new_passphrase: Passphrase,
        duress: Passphrase | None = None,
    ) -> Vault:
        """Unlock with the recovery phrase and set a new passphrase (after duress, or forgetting)."""
        key_file = KeyFile.load(Path(directory))
        return cls._unlocked(
            Path(directory), key_file, key_file.recover(phrase, new_passphrase, duress_passphrase=duress)
        )

    @classmethod
    def _unlocked(cls, directory: Path, key_file: KeyFile, keyring: Keyring) -> Vault:
        head = read_head(directory / LEDGER_DIR, keyring.vault_id, key_file.public_key)
        if keyring.decoy:
            return cls(directory, key_file, keyring, SqliteView.in_memory())
        try:
            view: SqliteView | None = SqliteView.open(
                directory / VIEW_FILE, derive_view_key(keyring.data_key)
            )
        except ViewUnusable:
            view = None
        vault = cls(directory, key_file, keyring, view)
        try:
            if view is None or head is None or view.head() != Head(head.size, head.root):
                vault._writer()  # takes the lock, repairs a torn tail, catches the view up
        except LedgerBusy:
            if view is None:
                vault.lock()
                raise  # no usable view, and another process is writing: try again when it is done
        except BaseException:
            vault.lock()
            raise
        return vault

    @property
    def keyring(self) -> Keyring:
        if self._keyring is None:
            raise VaultLocked("the vault is locked")
        return self._keyring

    @property
    def view(self) -> ViewStore:
        if self._view is None:
            raise VaultLocked("the vault is locked")
        return self._view

    @property
    def decoy(self) -> bool:
        return self.keyring.decoy

    # -- reading ---------------------------------------------------------------------------------

    def list_incidents(self, filters: Filters | None = None, page: PageRequest | None = None) -> Page:
        return self.view.query(filters or Filters(), page or PageRequest())

    def search(self, text: str, filters: Filters | None = None, page: PageRequest | None = None) -> Page:
        query = parse_query(text)
        if not query:
            return self.list_incidents(filters, page)
        return self.view.search(query, filters or Filters(), page or PageRequest())

    def count(self, text: str = "", filters: Filters | None = None, limit: int | None = None) -> int:
        """How many incidents a search (or, with no words, a listing) finds, up to ``limit``."""
        return self.view.count(parse_query(text) or None, filters or Filters(), limit)

    def date_bounds(self, text: str = "", filters: Filters | None = None) -> tuple[dt.date, dt.date] | None:
        return self.view.date_bounds(parse_query(text) or None, filters or Filters())

    def period_counts(self, text: str, filters: Filters | None, edges: Sequence[dt.date]) -> list[int]:
        return self.view.period_counts(parse_query(text) or None, filters or Filters(), edges)

    def show(self, record_id: str) -> Record:
        record = self.view.get(_clean_id(record_id))
        if record is None:
            raise RecordNotFound(f"no record {record_id.strip()}")
        return record

    def incident(self, incident_id: str) -> IncidentRecord:
        record = self.show(incident_id)
        if not isinstance(record, IncidentRecord):
            raise RecordNotFound(f"{incident_id.strip()} is not an incident")
        return record

    def links(self, incident_id: str) -> list[LinkRecord]:
        return self.view.links(_clean_id(incident_id))

    # -- changing --------------------------------------------------------------------------------

    def import_documents(
        self,
        paths: Iterable[str | Path],
        *,
        published: dt.date | None = None,
        lang: str = "auto",
        on_document: Callable[[Imported | Exception], None] | None = None,
    ) -> list[Imported]:
        """Read, extract and store each document with its drafts: one ledger batch per document.

        A document whose bytes were imported before is not stored again (``duplicate``). With
        ``on_document``, an unreadable file is reported to it and the import goes on; without, the
        first error stops the import (documents before it stay imported).
        """
        results = []
        for path in paths:
            try:
                result = self.import_document(Path(path), published=published, lang=lang)
            except Exception as error:
                if on_document is None or not isinstance(error, InputError):
                    raise
                on_document(error)
                continue
            results.append(result)
            if on_document is not None:
                on_document(result)
        return results

    def import_document(
        self, path: Path, *, published: dt.date | None = None, lang: str = "auto"
    ) -> Imported:
        """Read one file (txt, md, html, pdf, docx) and import it; see :meth:`import_source`."""
        from chronika.extract.reader import read_path

        return self.import_source(read_path(path), name=path.name, published=published, lang=lang)

    def import_source(
        self, source: SourceText, *, name: str, published: dt.date | None = None, lang: str = "auto"
    ) -> Imported:
        """Store a document already read to text (a file, or text pasted in the desk) with its drafts."""
        earlier = self.view.source_by_hash(source.sha256)
        if earlier is not None:
            return Imported(source.path, earlier.id, [], duplicate=True)
        ops = document_ops(source, name, self._fresh_id, published=published, lang=lang)
        self._commit(ops)
        return Imported(source.path, ops[0].id, [op.id for op in ops[1:]])

    def accept(self, incident_ids: Sequence[str], note: str | None = None) -> list[IncidentRecord]:
        """Accept drafts, all in one batch; ids already accepted are left as they are."""
        at = now()
        ops: list[Operation] = []
        for incident_id in dict.fromkeys(_clean_id(i) for i in incident_ids):
            if self.incident(incident_id).status is not Status.ACCEPTED:
                ops.append(IncidentAccept(id=incident_id, at=at, note=note))
        return [_incident(change) for change in self._commit(ops)] if ops else []

    def edit(self, incident_id: str, changes: IncidentChanges, note: str | None = None) -> IncidentRecord:
        op = IncidentUpdate(id=_clean_id(incident_id), at=now(), changes=changes, note=note)
        return _incident(self._commit([op])[-1])

    def retract(self, incident_id: str, reason: str) -> IncidentRecord:
        return _incident(
            self._commit([IncidentRetract(id=_clean_id(incident_id), at=now(), reason=reason)])[-1]
        )

    def add_response(
        self, incident_id: str, kind: ResponseKind, date: dt.date, source: str, note: str = ""
    ) -> IncidentRecord:
        op = ResponseAdd(
            id=new_id("rsp"),
            at=now(),
            incident_id=_clean_id(incident_id),
            kind=kind,
            date=date,
            source=source,
            note=note,
        )
        return _incident(self._commit([op])[-1])

    def link(self, from_id: str, to_id: str, kind: LinkKind, note: str = "") -> LinkRecord:
        op = LinkAdd(
            id=self._fresh_id("lnk"),
            at=now(),
            kind=kind,
            from_id=_clean_id(from_id),
            to_id=_clean_id(to_id),
            note=note,
        )
        record = self._commit([op])[-1].record
        assert isinstance(record, LinkRecord)
        return record

    def upsert_actor(
        self, name: str, kind: ActorKind, aliases: Sequence[str] = (), actor_id: str | None = None
    ) -> ActorRecord:
        op = ActorUpsert(
            id=_clean_id(actor_id) if actor_id else self._fresh_id("who"),
            at=now(),
            name=name,
            kind=kind,
            aliases=list(aliases),
        )
        record = self._commit([op])[-1].record
        assert isinstance(record, ActorRecord)
        return record

    def upsert_place(
        self,
        name: str,
        kind: PlaceKind,
        *,
        country: str | None = None,
        latitude: float | None = None,
        longitude: float | None = None,
        place_id: str | None = None,
        aliases: Sequence[str] = (),
    ) -> PlaceRecord:
        op = PlaceUpsert(
            id=_clean_id(place_id) if place_id else self._fresh_id("plc"),
            at=now(),
            name=name,
            kind=kind,
            country=country,
            latitude=latitude,
            longitude=longitude,
            aliases=list(aliases),
        )
        record = self._commit([op])[-1].record
        assert isinstance(record, PlaceRecord)
        return record

    # -- splitting and merging drafts --------------------------------------------------------------

    def split(
        self,
        incident_id: str,
        part_acts: Sequence[Act],
        keep_acts: Sequence[Act] | None = None,
        *,
        cut: int | None = None,
        note: str | None = None,
    ) -> tuple[IncidentRecord, IncidentRecord]:
        """Split a draft in two: ``(what it keeps, the new part)``, in one ledger batch.

        ``cut`` (a character offset inside the evidence) gives the words before it to the draft
        and the rest to the part; without it both keep all the words (one sentence reporting two
        occasions). ``part_acts`` go to the part; the draft keeps ``keep_acts`` (by default its
        acts minus the part's, or all of them when the words are cut). Names, date and place are
        copied to the part: the reviewer corrects them with an edit, which the history shows.
        """
        original = self.incident(incident_id)
        part_acts = list(dict.fromkeys(part_acts))
        if keep_acts is None:
            rest = [a for a in original.acts if a not in part_acts]
            keep_acts = original.acts if cut is not None and not rest else rest
        keep_acts = list(dict.fromkeys(keep_acts))
        if not part_acts:
            raise UsageError("choose the acts the new incident takes")
        if cut is None and not keep_acts:
            raise UsageError("the draft would keep no act: keep at least one, or cut the words in two")
        keep_span, part_span = original.evidence_span, original.evidence_span
        keep_text = part_text = original.evidence
        keep_facts, part_facts = original.facts, original.facts
        if cut is not None:
            (keep_span, keep_text), (part_span, part_text) = _cut(
                self.evidence_words(original), original, cut
            )
            keep_facts = [f for f in original.facts if f.span[0] < part_span[0]]
            part_facts = [f for f in original.facts if f.span[0] >= part_span[0]]
        at = now()
        part_id = self._fresh_id("inc")
        ops: list[Operation] = [
            IncidentSplitOff(
                id=part_id,
                at=at,
                from_id=original.id,
                source_id=original.source_id,
                date=original.date,
                acts=part_acts,
                perpetrators=original.perpetrators,
                victims=original.victims,
                location=original.location,
                evidence=part_text,
                evidence_span=part_span,
                confidence=original.confidence,
                facts=part_facts,
                sensitive=original.sensitive,
                note=note,
            ),
            IncidentSplit(
                id=original.id,
                at=at,
                part_id=part_id,
                acts=keep_acts,
                evidence=keep_text,
                evidence_span=keep_span,
                facts=keep_facts,
                note=note,
            ),
        ]
        changes = self._commit(ops)
        return _incident(changes[1]), _incident(changes[0])

    def evidence_words(self, incident: IncidentRecord) -> str:
        """The evidence as the source holds it (spans index the source), or as stored without one."""
        if incident.source_id is None:
            return incident.evidence
        source = self.show(incident.source_id)
        assert isinstance(source, SourceRecord)
        start, end = incident.evidence_span
        return source.text[start:end]

    def merge(self, keep_id: str, other_id: str, note: str | None = None) -> IncidentRecord:
        """Merge the draft ``other_id`` into ``keep_id`` (one occasion, reported twice), one batch.

        The incident kept takes the union of acts and names, and the other's date and place where
        it has none; it keeps every evidence span of both. The other draft is withdrawn (retracted,
        ``merged_into``), never deleted: its record and history stay.
        """
        keep, other = self.incident(keep_id), self.incident(other_id)
        if keep.id == other.id:
            raise ChangeRefused("an incident cannot be merged into itself")
        evidence = [
            Evidence(
                incident_id=other.id, source_id=other.source_id, span=other.evidence_span, text=other.evidence
            ),
            *other.more_evidence,
        ]
        at = now()
        ops: list[Operation] = [
            IncidentMerge(
                id=keep.id,
                at=at,
                absorbed_id=other.id,
                changes=merged_fields(keep, other),
                evidence=evidence,
                note=note,
            ),
            IncidentMergedInto(id=other.id, at=at, into=keep.id, note=note),
        ]
        return _incident(self._commit(ops)[0])

    # -- actors and places -------------------------------------------------------------------------

    def named(self, kind: NameKind) -> list[NamedRecord]:
        """Every actor or place record (merged ones too, marked ``merged_into``)."""
        found = self.view.named(_PREFIX[kind] + "_")
        return [record for record in found if isinstance(record, (ActorRecord, PlaceRecord))]

    def find_named(self, kind: NameKind, name: str) -> NamedRecord | None:
        """The record known by ``name`` (a record not merged away first), or None."""
        wanted = " ".join(name.split()).casefold()
        matches = [r for r in self.named(kind) if wanted in (n.casefold() for n in r.names())]
        matches.sort(key=lambda record: record.merged_into is not None)
        return matches[0] if matches else None

    def set_aliases(
        self,
        kind: NameKind,
        name: str,
        aliases: Sequence[str],
        *,
        new_kind: ActorKind | PlaceKind | None = None,
    ) -> NamedRecord:
        """Give the record known by ``name`` these aliases (making the record if there is none yet)."""
        record = self.find_named(kind, name)
        if kind == "actor":
            actor_kind = record.kind if isinstance(record, ActorRecord) else ActorKind(new_kind or "unknown")
            return self.upsert_actor(
                record.name if record else name, actor_kind, aliases, record.id if record else None
            )
        if isinstance(record, PlaceRecord):
            return self.upsert_place(
                record.name,
                record.kind,
                country=record.country,
                latitude=record.latitude,
                longitude=record.longitude,
                aliases=aliases,
                place_id=record.id,
            )
        return self.upsert_place(name, PlaceKind(new_kind or "city"), aliases=aliases)

    def add_alias(
        self, kind: NameKind, name: str, alias: str, *, new_kind: ActorKind | PlaceKind | None = None
    ) -> NamedRecord:
        """Another name for the actor (or place) ``name``; ``new_kind`` if its record is made now."""
        record = self.find_named(kind, name)
        if record is not None and record.merged_into is not None:
            raise ChangeRefused(f"{record.id} was merged into {record.merged_into}: add the alias there")
        clean = " ".join(alias.split())
        if record is not None and clean.casefold() in (n.casefold() for n in record.names()):
            raise ChangeRefused(f"{clean!r} is already a name of {record.name}")
        if not clean or clean.casefold() == " ".join(name.split()).casefold():
            raise UsageError("an alias is another name: it cannot be empty or the name itself")
        other = self.find_named(kind, alias)
        if other is not None and (record is None or other.id != record.id) and other.merged_into is None:
            raise ChangeRefused(
                f"{alias!r} is already a name of {other.name} ({other.id}): merge them instead"
            )
        return self.set_aliases(kind, name, [*(record.aliases if record else []), alias], new_kind=new_kind)

    def remove_alias(self, kind: NameKind, name: str, alias: str) -> NamedRecord:
        """Take an alias off (this is also how a merge is undone: the history keeps both steps)."""
        record = self.find_named(kind, name)
        if record is None or alias.casefold() not in (a.casefold() for a in record.aliases):
            raise RecordNotFound(f"{name!r} has no alias {alias!r}")
        rest = [a for a in record.aliases if a.casefold() != alias.casefold()]
        return self.set_aliases(kind, record.name, rest)

    def merge_names(
        self,
        kind: NameKind,
        keep: str,
        duplicate: str,
        note: str | None = None,
        *,
        new_kind: ActorKind | PlaceKind | None = None,
    ) -> NamedRecord:
        """``duplicate`` names the same actor (or place) as ``keep``: one record with every name.

        Incidents keep the names their sources used; filters, search by actor or place and
        chronologies of either name then find both. Recorded as ``actor.merge`` (and
        ``actor.merged_into`` on the duplicate's own record, if it had one); undone by removing the
        alias.
        """
        kept, dropped = self.find_named(kind, keep), self.find_named(kind, duplicate)
        if kept is not None and kept.merged_into is not None:
            kept = self.show(kept.merged_into)  # type: ignore[assignment]
        if not " ".join(keep.split()) or not " ".join(duplicate.split()):
            raise UsageError("name both: the one to keep and its duplicate")
        if " ".join(keep.split()).casefold() == " ".join(duplicate.split()).casefold():
            raise UsageError("the name to keep and its duplicate are the same name")
        if kept is not None and dropped is not None and kept.id == dropped.id:
            raise ChangeRefused(f"{duplicate!r} is already a name of {kept.name}")
        if dropped is not None and dropped.merged_into is not None:
            dropped = None  # merged away before: take its name, leave its record as it is
        record_id = kept.id if kept is not None else self._fresh_id(_PREFIX[kind])
        name = kept.name if kept is not None else keep
        names = dropped.names() if dropped is not None else [duplicate]
        absorbed = dropped.id if dropped is not None else None
        at = now()
        ops: list[Operation]
        if kind == "actor":
            actor_kind = kept.kind if isinstance(kept, ActorRecord) else ActorKind(new_kind or "unknown")
            if isinstance(dropped, ActorRecord) and kept is None and new_kind is None:
                actor_kind = dropped.kind
            ops = [
                ActorMerge(
                    id=record_id,
                    at=at,
                    name=name,
                    kind=actor_kind,
                    names=names,
                    absorbed_id=absorbed,
                    note=note,
                )
            ]
            if absorbed is not None:
                ops.append(ActorMergedInto(id=absorbed, at=at, into=record_id))
        else:
            place_kind = kept.kind if isinstance(kept, PlaceRecord) else PlaceKind(new_kind or "city")
            if isinstance(dropped, PlaceRecord) and kept is None and new_kind is None:
                place_kind = dropped.kind
            ops = [
                PlaceMerge(
                    id=record_id,
                    at=at,
                    name=name,
                    kind=place_kind,
                    names=names,
                    absorbed_id=absorbed,
                    note=note,
                )
            ]
            if absorbed is not None:
                ops.append(PlaceMergedInto(id=absorbed, at=at, into=record_id))
        record = self._commit(ops)[0].record
        assert isinstance(record, (ActorRecord, PlaceRecord))
        return record

    def _fresh_id(self, prefix: str, taken: set[str] | None = None) -> str:
        while True:
            candidate = new_id(prefix)
            if self.view.get(candidate) is None and (taken is None or candidate not in taken):
                if taken is not None:
                    taken.add(candidate)
                return candidate

    def _stamp(self, ops: list[Operation]) -> list[Operation]:
        """Give each operation this device's clock and id, and what it knew of the record it changes.

        The clock is above the wall clock and above every clock this view has seen (from any
        device), so this device's new entries come after everything it knew of; ``seen`` is what
        makes an offline edit recognisable as concurrent when it meets another device's (state.py).
        """
        origin = self.keyring.device_id.hex()
        stamped: list[Operation] = []
        knowledge: dict[str, dict[str, int]] = {}
        for op in ops:
            self._clock = max(self._clock + 1, self.view.clock() + 1, time.time_ns() // 1_000_000 << 16)
            changes: dict[str, object] = {"hlc": self._clock, "origin": origin}
            target = op.incident_id if isinstance(op, ResponseAdd) else op.id
            if isinstance(op, _CHANGES_KNOWN):
                if target not in knowledge:
                    current = self.view.get(target)
                    knowledge[target] = dict(current.clocks) if isinstance(current, IncidentRecord) else {}
                changes["seen"] = dict(knowledge[target])
                knowledge[target][origin] = self._clock  # later operations of this batch saw this one
            stamped.append(msgspec.structs.replace(op, **changes))
        return stamped

    def _commit(self, ops: list[Operation]) -> list[Change]:
        """Plan, append as one batch, apply: the one write path (see the module doc)."""
        ops = self._stamp(ops)
        if self.decoy:
            start = self.view.head().size
            changes = plan(((start + i, op) for i, op in enumerate(ops)), self.view.get)
            self.view.apply(changes, Head(start + len(ops), b""))
            return changes
        ledger = self._writer()
        changes = plan(((ledger.size + i, op) for i, op in enumerate(ops)), self.view.get)
        checkpoint = ledger.append_batch([encode_payload(op) for op in ops])
        self.view.apply(changes, Head(checkpoint.size, checkpoint.root))
        return changes

    # -- the ledger and the view -----------------------------------------------------------------

    def _writer(self) -> Ledger:
        """The ledger, open for appending (holding its lock), with the view caught up to it."""
        if self._ledger is None:
            self._ledger = Ledger.open(self.directory / LEDGER_DIR, self.keyring, peers=self._peers())
            self._catch_up()
        return self._ledger

    def _peers(self) -> dict[bytes, bytes]:
        """Other devices' keys, as sync last certified them (empty for a vault with one device)."""
        from chronika.mirror.roster import device_keys

        return device_keys(self.directory, self.keyring)

    def _catch_up(self) -> None:
        if self._view is not None and self._ledger is not None:
            try:
                replay(self._view, self.directory / LEDGER_DIR, self.keyring.data_key)
                _settle(self._view, self._ledger)
                return
            except ViewUnusable:
                pass
        self.rebuild()

    def rebuild(self) -> int:
        """Build a new view from the ledger alone and swap it in; the number of entries replayed."""
        if self.decoy:
            return 0
        if self._ledger is None:
            self._ledger = Ledger.open(self.directory / LEDGER_DIR, self.keyring, peers=self._peers())
        ledger = self._ledger
        if self._view is not None:
            self._view.close()
            self._view = None
        path = self.directory / VIEW_FILE
        building = path.with_name(VIEW_FILE + ".new")
        building.unlink(missing_ok=True)
        key = derive_view_key(self.keyring.data_key)
        fresh = SqliteView.open(building, key, bulk=True)
        try:
            applied = replay(fresh, self.directory / LEDGER_DIR, self.keyring.data_key)
            _settle(fresh, ledger)
            fresh.finish_bulk()
        finally:
            fresh.close()
        for suffix in ("-wal", "-shm", "-journal"):
            path.with_name(VIEW_FILE + suffix).unlink(missing_ok=True)
        os.replace(building, path)
        fsync_dir(self.directory)
        self._view = SqliteView.open(path, key)
        return applied

    def verify(self) -> Audit:
        """Signatures, chains, Merkle roots, decryption, then the view against the ledger.

        Raises LedgerCorrupt naming the first bad entry, or ViewUnusable naming the first record
        (and entry) where the view and the ledger differ. Never changes a byte of the ledger.
        """
        from chronika.mirror.roster import largest_remembered

        ledger_dir = self.directory / LEDGER_DIR
        keys = {self._key_file.device_id: self._key_file.public_key}
        revoked: dict[bytes, int] = {}
        data_key = None if self.decoy else self.keyring.data_key
        # The largest checkpoint a mirror showed: a local ledger rolled back or rewritten since is named.
        known = largest_remembered(self.directory, self.keyring)

        def check() -> VerifyReport:
            if data_key is not None:
                # Every device's key comes from the signed history (certificates back to the founder).
                # A ledger too damaged to read them is left to verify_ledger, which names the place.
                try:
                    trust = self.trust()
                except ChronikaError:
                    keys.update(self._peers())
                else:
                    keys.update(trust.keys)
                    revoked.update(trust.cutoffs)
            return verify_ledger(
                ledger_dir,
                vault_id=self.keyring.vault_id,
                public_keys=keys,
                data_key=data_key,
                known=known,
                revoked=revoked,
            )

        if self._ledger is None and not self.decoy:
            with ledger_lock(ledger_dir):
                report = check()
        else:
            report = check()
        report.raise_for_problem()
        if self.decoy:
            return audit_of(report, 0, view_checked=True)
        self._writer()
        return check_view(self.view, ledger_dir, self.keyring.data_key, report)

    # -- devices ---------------------------------------------------------------------------------

    def founder_key(self) -> bytes:
        """The founding device's public key (this device's own, unless it joined later)."""
        from chronika.mirror.roster import founder_key

        return founder_key(self.directory, self.keyring)

    def trust(self) -> Trust:
        """Who may write, from the certificates and revocations in the ledger (``devices.py``)."""
        return ledger_trust(
            self.directory / LEDGER_DIR, self.keyring.data_key, self.keyring.vault_id, self.founder_key()
        )

    def devices(self) -> list[DeviceRecord]:
        """The devices admitted in the ledger (the founding device has no record: see ``device list``)."""
        return sorted(self.view.devices(), key=lambda device: (device.created_at, device.device_id))

    def add_device(self, name: str) -> tuple[Certificate, SigningSeed]:
        """Admit a new device: a fresh key, certified by this device, recorded in the ledger."""
        if not name.strip():
            raise UsageError("a device needs a name (who uses it, or where it is)")
        seed = SigningSeed(secrets.token_bytes(KEY_BYTES))
        public_key = bytes(nacl.signing.SigningKey(seed.reveal()).verify_key)
        certificate = Certificate.issue(
            self.keyring.signing_key(),
            vault_id=self.keyring.vault_id,
            authorised_by=self.keyring.device_id,
            public_key=public_key,
            name=name,
        )
        self._commit(
            [DeviceAdd(id=device_record_id(certificate.device_id), at=now(), certificate=certificate)]
        )
        return certificate, seed

    def admit_self(self, certificate: Certificate) -> None:
        """A device that just joined writes its own certificate as its first entry (see ``device join``)."""
        self._commit(
            [DeviceAdd(id=device_record_id(certificate.device_id), at=now(), certificate=certificate)]
        )

    def revoke_device(self, which: str) -> tuple[DeviceRecord, Revocation]:
        """Withdraw a device: its entries after the last one this device holds are refused everywhere."""
        device = self.find_device(which)
        device_id = bytes.fromhex(device.device_id)
        if device_id == self.keyring.device_id:
            raise DeviceRefused("a device cannot revoke itself: revoke it from another device")
        if device.revoked_after is not None:
            raise DeviceRefused(f"{device.name} ({device.device_id[:8]}) is already revoked")
        after_seq = 0
        for frame in sealed_frames(self.directory / LEDGER_DIR):
            if not isinstance(frame, CheckpointFrame) and frame.header.device_id == device_id:
                after_seq = frame.header.seq
        revocation = Revocation.issue(
            self.keyring.signing_key(),
            vault_id=self.keyring.vault_id,
            revoked_by=self.keyring.device_id,
            device_id=device_id,
            after_seq=after_seq,
        )
        record = self._commit([DeviceRevoke(id=device.id, at=now(), revocation=revocation)])
        revoked = record[-1].record if record else device
        assert isinstance(revoked, DeviceRecord)
        return revoked, revocation

    def find_device(self, which: str) -> DeviceRecord:
        """A device by record id, device id (or its first 8+ hex digits) or exact name."""
        text = which.strip().lower()
        found = [
            device
            for device in self.devices()
            if text in (device.id, device.name.lower())
            or (len(text) >= 8 and device.device_id.startswith(text))
        ]
        if len(found) != 1:
            raise DeviceUnknown(
                f"no single device matches {which.strip()!r}"
                + ("" if found else " (see chronika device list)")
            )
        return found[0]

    def history(self, record_id: str) -> list[tuple[Version, Record]]:
        """Every version of a record, oldest first: the operation, and the record as it made it."""
        return versions(self.view, self.show(record_id))

    def change_passphrase(
        self, current: Passphrase, new: Passphrase, duress: Passphrase | None = None
    ) -> None:
        """Re-wrap the keys under ``new``, data untouched; a duress passphrase is restated or is gone."""
        keyring = self._key_file.change_passphrase(current, new, duress_passphrase=duress)
        if keyring is not self._keyring:
            keyring.wipe()

    # -- locking ---------------------------------------------------------------------------------

    def lock(self) -> None:
        """Close the ledger and the view and wipe the keys this object holds (best effort: see secret.py)."""
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None
        if self._view is not None:
            self._view.close()
            self._view = None
        if self._keyring is not None:
            self._keyring.wipe()
            self._keyring = None
        self._session.end()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.lock()


def _settle(view: ViewStore, ledger: Ledger) -> None:
    """After a replay: record the ledger's head in the view (an empty ledger has no entry to carry it)."""
    head = Head(ledger.size, ledger.head.root if ledger.head is not None else EMPTY_ROOT)
    if view.head() == head:
        return
    if view.head().size != head.size:
        raise ViewUnusable(f"the view reached entry {view.head().size}, not the ledger's {head.size}")
    view.apply([], head)


def merged_fields(keep: IncidentRecord, other: IncidentRecord) -> IncidentChanges:
    """What merging ``other`` into ``keep`` changes in ``keep``: the union of acts and names, and
    the other's date and place where ``keep`` has none (the reviewer corrects the rest by an edit)."""
    proposed: dict[str, object] = {}
    if set(other.acts) - set(keep.acts):
        proposed["acts"] = [*keep.acts, *other.acts]
    for people in ("perpetrators", "victims"):
        mine, theirs = getattr(keep, people), getattr(other, people)
        known = {name.casefold() for name in mine}
        if any(name.casefold() not in known for name in theirs):
            proposed[people] = [*mine, *theirs]
    if keep.date is None and other.date is not None:
        proposed["date"] = other.date
    if keep.location is None and other.location is not None:
        proposed["location"] = other.location
    return IncidentChanges(**proposed)  # type: ignore[arg-type]


def _cut(
    words: str, incident: IncidentRecord, cut: int
) -> tuple[tuple[tuple[int, int], str], tuple[tuple[int, int], str]]:
    """The evidence cut at ``cut``: ``((span, words) before, (span, words) after)``, trimmed."""
    if not 0 < cut < len(words):
        raise UsageError(f"the cut must fall inside the evidence (1 to {len(words) - 1}), not {cut}")
    start = incident.evidence_span[0]
    before, after = words[:cut], words[cut:]
    head = before.rstrip()
    tail = after.lstrip()
    if not head.strip() or not tail.strip():
        raise UsageError("both halves of the cut need words")
    lead = len(after) - len(tail)
    return (
        ((start, start + len(head)), head),
        ((start + cut + lead, start + cut + lead + len(tail)), tail),
    )


def _clean_id(record_id: str) -> str:
    return record_id.strip().lower()


def _incident(change: Change) -> IncidentRecord:
    assert isinstance(change.record, IncidentRecord)
    return change.record

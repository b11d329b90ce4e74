"""The view in SQLite: encrypted on disk with SQLCipher, or in memory only.

Why SQLCipher on disk (figures in docs/threat-model.md, from ``benchmarks/view.py``): every CLI
command is a new process, and an in-memory view would have to be rebuilt from the ledger at every
unlock, which at 100,000 incidents takes longer than any command should. SQLCipher encrypts every
page (AES-256, HMAC-SHA512 per page) under a key derived from the data key, so the file, its WAL
and its journal give a seizer nothing; temporary tables and sorts are kept in memory
(``temp_store``), never in the temp directory. The in-memory store (same schema, same code, no
file) serves the duress decoy, and the benchmark comparison.

What is indexed and how searches stay fast whatever the number of matches is ``fts.py``'s part.
The FTS tables are contentless (``content=''``): the texts are stored once, in the records, and
the index holds only tokens. Every write goes through :meth:`SqliteView.apply`, one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import msgspec
import sqlcipher3.dbapi2 as sqlcipher

from chronika.errors import DiskFull, LedgerBusy, VaultWriteFailed, ViewUnusable
from chronika.vault.files import PRIVATE_FILE_MODE
from chronika.vault.fts import (
    TOKENIZER,
    count_keys,
    date_bounds,
    incident_row,
    match_expression,
    page_keys,
    period_counts,
    serial_of,
    sort_key,
)
from chronika.vault.record import Operation, SourceAdd, decode_payload, encode_payload
from chronika.vault.secret import ViewKey
from chronika.vault.state import (
    ActorRecord,
    Change,
    DeviceRecord,
    IncidentRecord,
    LinkRecord,
    PlaceRecord,
    Record,
    SourceRecord,
)
from chronika.vault.view import Filters, Head, Page, PageRequest, Query, Version

__all__ = ["VIEW_SCHEMA", "SqliteView"]

#: Bump when the schema or what is indexed changes: an older view is then rebuilt, not migrated.
VIEW_SCHEMA = 2
# SQLCipher encrypts and authenticates page by page; 16 KiB pages cost 60% less per byte written
# than the default 4 KiB (measured: 207 against 180 MB/s of inserts, plain SQLite 329 MB/s).
_PAGE_BYTES = 16384
_CACHE_KIB = 64 * 1024
_BULK_CACHE_KIB = 512 * 1024  # a rebuild's transactions fit in cache: no page is encrypted twice
# FTS5 buffers new tokens in memory up to this size before writing a segment: fewer, larger
# segments make bulk indexing about 1.7x faster (measured) and cost memory only during a write.
_FTS_HASH_BYTES = 32 * 1024 * 1024
#: Timelines remembered between changes of the view (see ``SqliteView._tally``).
_TALLIES = 64

# The large rows (incidents, sources, history) are appended in the order records are made, so
# their row ids only grow; lookups by id, sort key or record go through small indexes. A rebuild
# then writes big pages once, in order, and its random inserts touch only index pages, which stay
# in the cache even at a million incidents (3 GB of view), where rows keyed by their sort key made
# every insert read and re-encrypt a cold page.
_SCHEMA = f"""
CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE incidents (serial INTEGER PRIMARY KEY, key INTEGER NOT NULL UNIQUE,
                        id TEXT NOT NULL UNIQUE, source_id TEXT, record BLOB NOT NULL);
CREATE INDEX incidents_source ON incidents (source_id);
CREATE TABLE sources (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
                      record BLOB NOT NULL, text TEXT NOT NULL);
CREATE INDEX sources_sha256 ON sources (sha256);
CREATE TABLE records (id TEXT PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE links (id TEXT PRIMARY KEY, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
                    record BLOB NOT NULL);
CREATE INDEX links_from ON links (from_id);
CREATE INDEX links_to ON links (to_id);
CREATE TABLE actor_names (name TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (name, actor_id));
CREATE TABLE history (record_id TEXT NOT NULL, version INTEGER NOT NULL, entry INTEGER NOT NULL,
                      op BLOB NOT NULL);
CREATE UNIQUE INDEX history_versions ON history (record_id, version);
CREATE VIRTUAL TABLE incident_fts USING fts5 (body, people, place, tags, content='',
                      contentless_delete=1, tokenize='{TOKENIZER}');
CREATE VIRTUAL TABLE source_fts USING fts5 (title, text, content='', contentless_delete=1,
                      tokenize='{TOKENIZER}');
"""

_record_decoder = msgspec.msgpack.Decoder(Record)
_incident_decoder = msgspec.msgpack.Decoder(IncidentRecord)
_encode = msgspec.msgpack.Encoder().encode


P = ParamSpec("P")
T = TypeVar("T")


def _reading(method: Callable[P, T]) -> Callable[P, T]:
    """A read that hits a damaged or undecryptable page becomes ViewUnusable, not a library error."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except sqlcipher.DatabaseError as error:
            raise ViewUnusable(f"the view cannot be read ({error}); run chronika rebuild") from None

    return guarded


class SqliteView:
    """The :class:`~chronika.vault.view.ViewStore` on SQLite (SQLCipher on disk, or in memory)."""

    def __init__(self, db: Any, *, path: Path | None) -> None:
        self._db = db
        self.path = path
        self._counter = 0
        self._created: dict[str, int] = {}
        self._fts_deletes: list[tuple[int]] = []
        self._fts_inserts: list[tuple[int, str, str, str, str]] = []
        self._new_incidents: list[tuple[int, int, str, str | None, bytes]] = []
        self._head = Head(0, b"")
        self._tallies: OrderedDict[tuple[object, ...], Any] = OrderedDict()
        self._tallies_version = -1
        self._clock = 0
        self._load_meta()

    # -- opening and closing ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, key: ViewKey, *, bulk: bool = False) -> SqliteView:
        """Open the encrypted view at ``path``, creating it (owner-only) if missing.

        ViewUnusable if it does not decrypt with ``key``, is damaged, or has another schema: the
        caller rebuilds it. ``bulk`` trades durability for speed while a rebuild fills a new file.
        """
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
        db = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        try:
            # SQLCipher logs decryption failures to stderr by default: a wrong key or a damaged page
            # must reach the user as one clear error line (ViewUnusable), not as library noise.
            db.execute("PRAGMA cipher_log_level = NONE")
            db.execute(f"PRAGMA key = \"x'{key.reveal().hex()}'\"")
            db.execute(f"PRAGMA cipher_page_size = {_PAGE_BYTES}")
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("PRAGMA temp_store = MEMORY")
            db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB if bulk else _CACHE_KIB}")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if bulk:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
            else:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            _ensure_schema(db)
            return cls(db, path=path)
        except sqlcipher.OperationalError as error:  # the disk, not the file: rebuilding would not help
            db.close()
            raise _storage_error(error) from None
        except sqlcipher.DatabaseError as error:  # another key, or damage: the caller rebuilds
            db.close()
            raise ViewUnusable(f"the view {path.name} cannot be read ({error}); it will be rebuilt") from None
        except BaseException:
            db.close()
            raise

    @classmethod
    def in_memory(cls) -> SqliteView:
        db = sqlcipher.connect(":memory:", isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA temp_store = MEMORY")
        _ensure_schema(db)
        return cls(db, path=None)

    def finish_bulk(self) -> None:
        """After a bulk fill: merge the FTS segments, switch to the durable journal, flush to disk."""
        self._db.execute("INSERT INTO incident_fts (incident_fts) VALUES ('optimize')")
        self._db.execute("INSERT INTO source_fts (source_fts) VALUES ('optimize')")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Close the connection; SQLCipher wipes its copy of the key and its page cache."""
        self._tallies.clear()
        if self._db is not None:
            with contextlib.suppress(sqlcipher.Error):
                if self.path is not None:
                    self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()
            self._db = None

    def _load_meta(self) -> None:
        meta = dict(self._db.execute("SELECT name, value FROM meta").fetchall())
        self._head = Head(int(meta.get("size", 0)), bytes(meta.get("root", b"")))
        self._counter = int(meta.get("counter", 0))
        self._clock = int(meta.get("hlc", 0))

    # -- writing ---------------------------------------------------------------------------------

    def head(self) -> Head:
        return self._head

    def clock(self) -> int:
        return self._clock

    def apply(self, changes: Sequence[Change], head: Head) -> None:
        db = self._db
        self._tallies.clear()
        texts: dict[str, str] = {}
        # Every version goes into the history; only the last version of each record in this call
        # is indexed (a rebuild applies thousands of entries at once: a draft and its acceptance
        # are then indexed once, not twice).
        latest: dict[str, Record] = {}
        for change in changes:
            latest[change.record.id] = change.record
        counter = self._counter
        clock = max([self._clock, *(change.op.hlc for change in changes)])
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT INTO history (record_id, version, entry, op) VALUES (?, ?, ?, ?)",
                [(c.record.id, c.record.version, c.entry, _history_payload(c.op)) for c in changes],
            )
            for change in changes:
                record = change.record
                if isinstance(record, SourceRecord):
                    self._put_source(record)
                    texts[record.id] = record.text
                elif isinstance(record, IncidentRecord):
                    if record.version == 1:
                        counter += 1
                        self._created[record.id] = counter
                    final = latest.pop(record.id, None)
                    if isinstance(final, IncidentRecord):
                        self._put_incident(final, texts)
                elif (final_other := latest.pop(record.id, None)) is not None:
                    self._put_other(final_other)
            # FTS5 writes its in-memory tokens out as a new segment whenever a row id is lower than
            # the last: inserted in key order, a whole transaction becomes one segment (5x faster).
            db.executemany(
                "INSERT INTO incidents (serial, key, id, source_id, record) VALUES (?, ?, ?, ?, ?)",
                sorted(self._new_incidents),
            )
            db.executemany("DELETE FROM incident_fts WHERE rowid = ?", self._fts_deletes)
            db.executemany(
                "INSERT INTO incident_fts (rowid, body, people, place, tags) VALUES (?, ?, ?, ?, ?)",
                sorted(self._fts_inserts),
            )
            db.executemany(
                "INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)",
                [("size", head.size), ("root", head.root), ("counter", counter), ("hlc", clock)],
            )
            db.execute("COMMIT")
        except BaseException as error:
            with contextlib.suppress(sqlcipher.Error):
                db.execute("ROLLBACK")
            if isinstance(error, sqlcipher.Error):
                raise _storage_error(error, writing=True) from None
            raise
        finally:
            self._created.clear()
            self._fts_deletes.clear()
            self._fts_inserts.clear()
            self._new_incidents.clear()
        self._head, self._counter, self._clock = head, counter, clock

    def _put_incident(self, record: IncidentRecord, texts: dict[str, str]) -> None:
        """Store the incident under its sort key (see ``fts.py``), its FTS row alongside."""
        db = self._db
        serial = self._created.get(record.id)
        old_key = None
        if serial is None:
            row = db.execute("SELECT key FROM incidents WHERE id = ?", (record.id,)).fetchone()
            old_key = row[0] if row else None
            serial = serial_of(old_key) if old_key is not None else self._counter + 1
        key = sort_key(record, serial)
        if old_key is None:
            self._new_incidents.append((serial, key, record.id, record.source_id, _encode(record)))
        else:
            self._fts_deletes.append((old_key,))
            db.execute(
                "UPDATE incidents SET key = ?, record = ? WHERE id = ?", (key, _encode(record), record.id)
            )
        self._fts_inserts.append(incident_row(record, key, self._text(record.source_id, texts)))

    def _text(self, source_id: str | None, texts: dict[str, str]) -> str | None:
        if source_id is None:
            return None
        text = texts.get(source_id)
        if text is None:
            row = self._db.execute("SELECT text FROM sources WHERE id = ?", (source_id,)).fetchone()
            text = texts[source_id] = row[0] if row else ""
        return text

    def _put_other(self, record: Record) -> None:
        db = self._db
        if isinstance(record, LinkRecord):
            db.execute(
                "INSERT OR REPLACE INTO links (id, from_id, to_id, record) VALUES (?, ?, ?, ?)",
                (record.id, record.from_id, record.to_id, _encode(record)),
            )
            return
        db.execute("INSERT OR REPLACE INTO records (id, record) VALUES (?, ?)", (record.id, _encode(record)))
        if isinstance(record, (ActorRecord, PlaceRecord)):  # a place's names too, under its plc_ id
            db.execute("DELETE FROM actor_names WHERE actor_id = ?", (record.id,))
            db.executemany(
                "INSERT OR IGNORE INTO actor_names (name, actor_id) VALUES (?, ?)",
                [(name.casefold(), record.id) for name in record.names()],
            )

    def _put_source(self, record: SourceRecord) -> None:
        cursor = self._db.execute(
            "INSERT INTO sources (id, sha256, record, text) VALUES (?, ?, ?, ?)",
            (record.id, record.sha256, _encode(msgspec.structs.replace(record, text="")), record.text),
        )
        self._db.execute(
            "INSERT INTO source_fts (rowid, title, text) VALUES (?, ?, ?)",
            (cursor.lastrowid, f"{record.title or ''}\n{record.name}", record.text),
        )

    # -- reading ---------------------------------------------------------------------------------

    @_reading
    def get(self, record_id: str) -> Record | None:
        prefix = record_id[:4]
        if prefix == "inc_":
            row = self._db.execute("SELECT record FROM incidents WHERE id = ?", (record_id,)).fetchone()
            return _incident_decoder.decode(row[0]) if row else None
        if prefix == "src_":
            return self._source("id = ?", record_id)
        table = "links" if prefix == "lnk_" else "records"
        row = self._db.execute(f"SELECT record FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return _record_decoder.decode(row[0]) if row else None

    @_reading
    def source_by_hash(self, sha256: str) -> SourceRecord | None:
        return self._source("sha256 = ? ORDER BY n LIMIT 1", sha256)

    def _source(self, where: str, value: object) -> SourceRecord | None:
        row = self._db.execute(f"SELECT record, text FROM sources WHERE {where}", (value,)).fetchone()
        if row is None:
            return None
        record = _record_decoder.decode(row[0])
        assert isinstance(record, SourceRecord)
        return msgspec.structs.replace(record, text=row[1])

    @_reading
    def query(self, filters: Filters, page: PageRequest) -> Page:
        return self._page(None, filters, page)

    @_reading
    def search(self, query: Query, filters: Filters, page: PageRequest) -> Page:
        return self._page(query, filters, page)

    def _page(self, query: Query | None, filters: Filters, page: PageRequest) -> Page:
        keys, more, ranked = page_keys(
            self._db, query, filters, page, self._actor_names, place_names=self._place_names
        )
        if not keys:
            return Page([], more=more, ranked=ranked)
        marks = ",".join("?" * len(keys))
        rows = dict(self._db.execute(f"SELECT key, record FROM incidents WHERE key IN ({marks})", keys))
        return Page([_incident_decoder.decode(rows[k]) for k in keys if k in rows], more=more, ranked=ranked)

    @_reading
    def count(self, query: Query | None, filters: Filters, limit: int | None = None) -> int:
        return count_keys(self._db, query, filters, self._actor_names, limit, place_names=self._place_names)

    @_reading
    def date_bounds(self, query: Query | None, filters: Filters) -> tuple[dt.date, dt.date] | None:
        found: tuple[dt.date, dt.date] | None = self._tally(
            ("bounds", query, filters),
            lambda: date_bounds(self._db, query, filters, self._actor_names, place_names=self._place_names),
        )
        return found

    @_reading
    def period_counts(self, query: Query | None, filters: Filters, edges: Sequence[dt.date]) -> list[int]:
        counts: list[int] = self._tally(
            ("periods", query, filters, tuple(edges)),
            lambda: period_counts(
                self._db, query, filters, edges, self._actor_names, place_names=self._place_names
            ),
        )
        return list(counts)

    def _tally(self, key: tuple[object, ...], count: Callable[[], T]) -> T:
        """A timeline's bounds or counts, remembered until the view next changes (``apply``).

        Paging through a long chronology, or coming back to it, then counts it once. A commit by
        another process (a CLI import while the desk is open) changes SQLite's ``data_version``
        and forgets them too. Only numbers and dates are kept, in memory, dropped when the view
        is closed.
        """
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._tallies_version:
            self._tallies.clear()
            self._tallies_version = version
        if key in self._tallies:
            self._tallies.move_to_end(key)
            found: T = self._tallies[key]
            return found
        made = count()
        self._tallies[key] = made
        while len(self._tallies) > _TALLIES:
            self._tallies.popitem(last=False)
        return made

    def _actor_names(self, name: str) -> list[str]:
        """The name and, when an actor record is known by it, every name of that actor."""
        return self._names_of("who_", name)

    def _place_names(self, name: str) -> list[str]:
        """The name and, when a place record is known by it, every name of that place."""
        return self._names_of("plc_", name)

    def _names_of(self, prefix: str, name: str) -> list[str]:
        # actor_names holds the names of actor and place records alike, each under its record's id.
        rows = self._db.execute(
            "SELECT DISTINCT b.name FROM actor_names a JOIN actor_names b ON a.actor_id = b.actor_id"
            " WHERE a.name = ? AND a.actor_id BETWEEN ? AND ?",
            (" ".join(name.split()).casefold(), prefix, prefix + "\uffff"),
        )
        return sorted({name, *(row[0] for row in rows)})

    @_reading
    def named(self, prefix: str) -> list[Record]:
        """Every actor (``who_``) or place (``plc_``) record, by id."""
        rows = self._db.execute(
            "SELECT record FROM records WHERE id BETWEEN ? AND ? ORDER BY id", (prefix, prefix + "\uffff")
        )
        return [_record_decoder.decode(row[0]) for row in rows]

    @_reading
    def search_sources(self, query: Query, page: PageRequest) -> list[SourceRecord]:
        if not query:
            return []
        sql = "SELECT rowid FROM source_fts WHERE source_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?"
        numbers = [
            row[0] for row in self._db.execute(sql, (match_expression(query), page.limit, page.offset))
        ]
        found = [self._source("n = ?", number) for number in numbers]
        return [source for source in found if source is not None]

    @_reading
    def history(self, record_id: str) -> list[Version]:
        rows = self._db.execute(
            "SELECT version, entry, op FROM history WHERE record_id = ? ORDER BY version", (record_id,)
        )
        return [Version(record_id, version, entry, decode_payload(op)) for version, entry, op in rows]

    @_reading
    @_reading
    def devices(self) -> list[DeviceRecord]:
        rows = self._db.execute("SELECT record FROM records WHERE id LIKE 'dev!_%' ESCAPE '!'").fetchall()
        found = [_record_decoder.decode(row[0]) for row in rows]
        return [record for record in found if isinstance(record, DeviceRecord)]

    def links(self, incident_id: str) -> list[LinkRecord]:
        rows = self._db.execute(
            "SELECT record FROM links WHERE from_id = ? UNION SELECT record FROM links WHERE to_id = ?",
            (incident_id, incident_id),
        )
        found = [_record_decoder.decode(row[0]) for row in rows]
        return sorted((link for link in found if isinstance(link, LinkRecord)), key=lambda link: link.entry)

    def records(self) -> Iterator[Record]:
        try:
            for (blob,) in self._db.execute("SELECT record FROM incidents"):
                yield _incident_decoder.decode(blob)
            for (n,) in self._db.execute("SELECT n FROM sources").fetchall():
                source = self._source("n = ?", n)
                if source is not None:
                    yield source
            for table in ("records", "links"):
                for (blob,) in self._db.execute(f"SELECT record FROM {table}"):
                    yield _record_decoder.decode(blob)
        except sqlcipher.DatabaseError as error:
            raise ViewUnusable(f"the view cannot be read ({error}); run chronika rebuild") from None

    def check(self) -> str | None:
        try:
            for table in ("incident_fts", "source_fts"):
                self._db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
            result = self._db.execute("PRAGMA quick_check").fetchone()[0]
        except sqlcipher.Error as error:
            return f"the view's index is damaged: {error}"
        return None if result == "ok" else f"the view is damaged: {result}"

    def counts(self) -> dict[str, int]:
        """Records per kind (for status lines and benchmarks)."""
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("incidents", "sources", "records", "links", "history")
        }


def _ensure_schema(db: Any) -> None:
    if db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0] == 0:
        db.executescript(f"BEGIN; {_SCHEMA}; INSERT INTO meta VALUES ('schema', {VIEW_SCHEMA}); COMMIT;")
        for table in ("incident_fts", "source_fts"):
            db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", (_FTS_HASH_BYTES,))
        return
    row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row is None or row[0] != VIEW_SCHEMA:
        raise ViewUnusable(
            f"the view has schema {row[0] if row else '?'}, not {VIEW_SCHEMA}; it will be rebuilt"
        )


def _history_payload(op: Operation) -> bytes:
    """The operation as the ledger holds it, minus a document's text (kept once, in ``sources``)."""
    if isinstance(op, SourceAdd):
        op = msgspec.structs.replace(op, text="")
    return encode_payload(op)


def _storage_error(error: Exception, *, writing: bool = False) -> Exception:
    """The error a person can act on. ``writing``: the ledger already holds the change."""
    text = str(error)
    after = "; the change is safe in the ledger and the view catches up at the next unlock" if writing else ""
    if "full" in text:
        return DiskFull(f"the disk is full (or a file-size limit was reached) writing the view{after}")
    if "locked" in text or "busy" in text:
        return LedgerBusy("another Chronika process is writing to the view")
    if "I/O" in text or "unable to open" in text:
        return VaultWriteFailed(
            f"cannot use the view ({text}): is the disk full, read-only or failing?{after}"
        )
    return ViewUnusable(f"the view cannot be written ({text}); run chronika rebuild{after}")

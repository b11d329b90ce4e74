"""The directory of actors and places: every name incidents use, grouped by the records that join them.

Incidents keep the names their sources used ("Kadyrov", "Ramzan Kadyrov"); an actor or place
record (``vault.merge_names``, ``vault.add_alias``) says several names are one. The directory
groups the names of each record not merged away into one entry and counts the incidents that use
any of them, as perpetrator and as victim (actors) or as the location (places). A name no record
knows is an entry of its own.

The view has no index of names yet, so the counts come from reading the newest incidents up to
:data:`~chronika.desk.selection.SCAN_LIMIT` (the page says when that limit was reached), like the
desk's other scans (``selection.py``). The incidents of one entry, on its page, come from the
view's actor or place filter instead, which matches every alias through the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronika.desk.selection import SCAN_LIMIT, Criteria, iterate
from chronika.vault.vault import NamedRecord, NameKind, Vault

__all__ = ["Entry", "Listing", "directory", "known_names"]


@dataclass
class Entry:
    """One actor or place: its name, its other names, its record (if any) and its incidents."""

    name: str
    aliases: list[str] = field(default_factory=list)
    record: NamedRecord | None = None
    perpetrator: int = 0
    victim: int = 0
    total: int = 0

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(frozen=True)
class Listing:
    entries: list[Entry]
    scanned: int
    capped: bool


def _names_of(kind: NameKind, record: object) -> tuple[list[str], list[str], list[str]]:
    """(as perpetrator, as victim, as place) names an incident uses."""
    if kind == "actor":
        return list(getattr(record, "perpetrators", [])), list(getattr(record, "victims", [])), []
    location = getattr(record, "location", None)
    return [], [], [location] if location else []


def directory(vault: Vault, kind: NameKind, q: str = "", limit: int = SCAN_LIMIT) -> Listing:
    """Every actor (or place) with its counts, most used first; ``q`` keeps names containing it."""
    by_name: dict[str, Entry] = {}
    entries: list[Entry] = []
    records = vault.named(kind)
    survivors = {r.id: {n.casefold() for n in r.names()} for r in records}
    for record in records:
        if record.merged_into is not None and record.name.casefold() in survivors.get(record.merged_into, ()):
            continue  # listed under the record it was merged into (unless the merge was undone)
        entry = Entry(record.name, list(record.aliases), record)
        entries.append(entry)
        for name in record.names():
            by_name.setdefault(name.casefold(), entry)
    scanned = 0
    for incident in iterate(vault, Criteria(), limit + 1):
        scanned += 1
        if scanned > limit:
            break
        perpetrators, victims, places = _names_of(kind, incident)
        counted: set[int] = set()
        for role, names in (("perpetrator", perpetrators), ("victim", victims), ("place", places)):
            seen_in_role: set[int] = set()
            for name in names:
                found = by_name.get(name.casefold())
                if found is None:
                    found = by_name[name.casefold()] = Entry(name)
                    entries.append(found)
                entry = found
                if id(entry) in seen_in_role:
                    continue
                seen_in_role.add(id(entry))
                if role == "perpetrator":
                    entry.perpetrator += 1
                elif role == "victim":
                    entry.victim += 1
                if id(entry) not in counted:
                    counted.add(id(entry))
                    entry.total += 1
    wanted = " ".join(q.split()).casefold()
    if wanted:
        entries = [e for e in entries if any(wanted in name.casefold() for name in e.names())]
    entries.sort(key=lambda e: (-e.total, e.name.casefold()))
    return Listing(entries, min(scanned, limit), scanned > limit)


def known_names(vault: Vault, kind: NameKind, limit: int = 1000) -> list[str]:
    """Names to suggest in a form (a ``<datalist>``): every record's names and recent incidents' names."""
    names = {name.casefold(): name for record in vault.named(kind) for name in record.names()}
    for incident in iterate(vault, Criteria(), limit):
        perpetrators, victims, places = _names_of(kind, incident)
        for name in (*perpetrators, *victims, *places):
            names.setdefault(name.casefold(), name)
    return sorted(names.values(), key=str.casefold)

"""From a document to the operations that keep it: its text as a source, its drafts as incidents.

Extraction proposes; nothing here decides. Every incident extraction finds is stored as a *draft*
with its facts and the exact span of the source it was read from, for a person to accept, edit or
retract. One document becomes one batch (one ledger append, one checkpoint), so an import that
is interrupted leaves either the whole document or nothing of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chronika.vault.record import IncidentCreate, Operation, SourceAdd, now

if TYPE_CHECKING:
    from chronika.extract.reader import SourceText

__all__ = ["Imported", "document_ops"]


@dataclass(frozen=True, slots=True)
class Imported:
    """What importing one document did: its source id and new draft incidents, or the earlier copy."""

    path: str
    source_id: str
    incidents: list[str]
    duplicate: bool = False


def document_ops(
    source: SourceText,
    name: str,
    fresh_id: Callable[[str, set[str]], str],
    *,
    published: dt.date | None = None,
    lang: str = "auto",
) -> list[Operation]:
    """Extract ``source`` and return its batch: ``source.add``, then one ``incident.create`` per draft.

    ``fresh_id(prefix, taken)`` returns an id not used in the vault nor in ``taken`` (and adds it).
    """
    from chronika.extract import extract_source

    extraction = extract_source(source, published=published, lang=lang)
    document, at, taken = extraction.document, now(), set[str]()
    source_id = fresh_id("src", taken)
    ops: list[Operation] = [
        SourceAdd(
            id=source_id,
            at=at,
            name=name,
            text=source.text,
            sha256=source.sha256,
            media_type=document.media_type,
            language=document.language,
            anchor=document.anchor,
            title=document.title,
        )
    ]
    for incident in extraction.incidents:
        ops.append(
            IncidentCreate(
                id=fresh_id("inc", taken),
                at=at,
                source_id=source_id,
                date=incident.date,
                acts=incident.acts,
                perpetrators=incident.perpetrators,
                victims=incident.victims,
                location=incident.location,
                evidence=incident.evidence,
                evidence_span=incident.evidence_span,
                confidence=incident.confidence,
                facts=incident.facts,
                extracted_as=incident.id,
            )
        )
    return ops

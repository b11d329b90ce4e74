"""A draft incident: one occasion on which one or more acts were done, and the words that say so.

Extraction produces drafts, never facts: a person reviews and accepts them. That is why every field
carries a pointer back to the text (``facts``), and why a confidence is given.
"""

from __future__ import annotations

import msgspec

from chronika.model.act import Act
from chronika.model.date_span import DateSpan
from chronika.model.source import SourceDocument


class Fact(msgspec.Struct, frozen=True, kw_only=True):
    """One extracted value and the exact characters of the document it was read from."""

    field: str
    value: str
    text: str
    span: tuple[int, int]


class Incident(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    date: DateSpan | None
    acts: list[Act]
    perpetrators: list[str]
    victims: list[str]
    location: str | None
    evidence: str
    evidence_span: tuple[int, int]
    confidence: float
    facts: list[Fact] = msgspec.field(default_factory=list)


class Extraction(msgspec.Struct, frozen=True, kw_only=True):
    """The result of extracting one document: the contract's document object."""

    document: SourceDocument
    incidents: list[Incident]

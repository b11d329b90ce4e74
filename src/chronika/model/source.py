"""The document an incident was read from, and the date relative expressions are resolved against."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import msgspec


class AnchorOrigin(StrEnum):
    """Where the document's own date came from; weaker origins deserve more scepticism in review."""

    PUBLISHED = "--published"
    DATELINE = "dateline"
    TEXT = "text"
    METADATA = "metadata"
    TODAY = "today"


class Anchor(msgspec.Struct, frozen=True, kw_only=True):
    date: dt.date
    origin: AnchorOrigin = msgspec.field(name="from")
    text: str | None = None


class SourceDocument(msgspec.Struct, frozen=True, kw_only=True):
    """A document as extracted to plain text; every evidence span indexes ``text``."""

    path: str
    language: str
    anchor: Anchor
    sha256: str
    chars: int
    title: str | None = None
    media_type: str = "text/plain"

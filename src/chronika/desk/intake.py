"""Pasted text and uploaded files into the vault as drafts, without a byte of plaintext on disk.

A pasted report or an uploaded file is read from memory (the same ``reader`` functions the CLI
uses) and handed to ``Vault.import_source``: writing it to a temporary file first would leave
exactly what a seizure must not find (issue 3's seizure test looks in the temp directory).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from chronika.vault.vault import Imported, Vault

if TYPE_CHECKING:
    from chronika.extract.reader import SourceText

__all__ = ["UPLOAD_SUFFIXES", "import_bytes", "import_source", "import_text"]

#: What the upload form accepts; the reader sniffs the content too, so a suffix is only a hint.
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")


def import_text(vault: Vault, text: str, name: str, *, published: dt.date | None = None) -> Imported:
    """A pasted report, kept as plain text under ``name``."""
    from chronika.extract.reader import read_text

    return import_source(vault, read_text(text, name), name, published=published)


def import_bytes(vault: Vault, data: bytes, name: str, *, published: dt.date | None = None) -> Imported:
    """An uploaded file; its type is sniffed from the bytes (and the name's suffix as a hint)."""
    from chronika.extract.reader import read_bytes

    return import_source(vault, read_bytes(data, name), name, published=published)


def import_source(
    vault: Vault, source: SourceText, name: str, *, published: dt.date | None = None, lang: str = "auto"
) -> Imported:
    """Store one document read to text, and its draft incidents, as one ledger batch."""
    return vault.import_source(source, name=name, published=published, lang=lang)

"""Text in, reviewable draft incidents out, every fact pointing to the words it came from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chronika.extract.reader import SourceText
    from chronika.model import Extraction

__all__ = ["extract_source", "extract_text"]


def extract_source(
    source: SourceText, published: dt.date | None = None, lang: str = "auto", today: dt.date | None = None
) -> Extraction:
    """Extract draft incidents from a document already read to text."""
    from chronika.extract.pipeline import run

    return run(source, published=published, lang=lang, today=today)


def extract_text(
    text: str, published: dt.date | None = None, lang: str = "auto", today: dt.date | None = None
) -> Extraction:
    """Extract draft incidents from a pasted text."""
    from chronika.extract.reader import read_text

    return extract_source(read_text(text), published=published, lang=lang, today=today)

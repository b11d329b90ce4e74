"""The chronology as PDF: the same HTML, typeset by WeasyPrint with page numbers and, for a long
chronology, a contents list with page references.

WeasyPrint is optional (it needs Pango from the system: ``apt-get install libpango-1.0-0
libpangoft2-1.0-0``, then ``pip install weasyprint``); without it, asking for PDF is a clear error.
It is given a URL fetcher that refuses everything, so typesetting can never reach the network or
the disk, whatever a record's text holds.
"""

from __future__ import annotations

import importlib
from typing import Any, NoReturn

from chronika.errors import UsageError
from chronika.publish.chronology import Chronology, render_html

__all__ = ["pdf_available", "render_pdf"]


def _weasyprint() -> Any:
    try:
        return importlib.import_module("weasyprint")
    except (ImportError, OSError):  # OSError: installed, but Pango is missing
        raise UsageError(
            "PDF needs WeasyPrint and Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0, "
            "then pip install weasyprint"
        ) from None


def pdf_available() -> bool:
    try:
        _weasyprint()
    except UsageError:
        return False
    return True


def _refuse(url: str, *args: object, **kwargs: object) -> NoReturn:
    raise ValueError(f"a chronology fetches nothing ({url[:40]})")


def render_pdf(chronology: Chronology) -> bytes:
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=render_html(chronology, for_print=True), url_fetcher=_refuse)
    data: bytes = document.write_pdf()
    return data

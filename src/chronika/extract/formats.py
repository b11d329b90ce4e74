"""Per-format conversion to raw text for the reader; normalisation and emptiness checks stay there.

Each converter returns ``(text, title, published)``. Parsers of untrusted files fail in many ways,
so each catches the failures its library is known to raise on malformed input and turns them into
``InputUnreadable``; nothing from a library should reach the user as a traceback. The parsers are
imported inside the converters: together they take about half a second to import, which a plain
text file should not pay.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import re
import struct
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from configparser import ConfigParser
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from chronika.errors import InputTooLarge, InputUnreadable

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell

Converted = tuple[str, str | None, dt.date | None]

ZIP_FAILURES = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError)
# What parsers raise on malformed files beyond their own error classes: broken structure shows up as
# lookups and arithmetic on missing or mistyped values, and lxml's XMLSyntaxError is a SyntaxError.
_MALFORMED = (
    AttributeError,
    IndexError,
    KeyError,
    LookupError,
    TypeError,
    ValueError,
    ArithmeticError,
    AssertionError,
    RecursionError,
    SyntaxError,
    NotImplementedError,
    EOFError,
    struct.error,
    zlib.error,
)
# A DOCX is compressed XML; refuse archives that would expand past this (a "zip bomb").
_MAX_UNPACKED_BYTES = 256 * 1024 * 1024
# Dates from metadata before this are placeholders (epoch zero, Windows' 1601), not publication dates.
_EARLIEST = dt.date(1980, 1, 1)
# python-docx stamps every new document with its template's date; it says nothing about the report.
_PYTHON_DOCX_TEMPLATE = dt.datetime(2013, 12, 23, 23, 15)
_SOFT_HYPHENS = ("-", "\u00ad", "\u2010")
_LIST_ITEM = re.compile(r"(?:[-•*–]|\d{1,3}[.)]|[a-z][.)])\s")

# pypdf reports recoverable damage through logging; without a handler Python prints it to stderr,
# which would break the CLI's one-line error contract. trafilatura/htmldate already do this.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def pdf_to_text(data: bytes, label: str) -> Converted:
    """All pages, reflowed: PDFs store lines, not paragraphs, and words hyphenated at line ends."""
    import pypdf

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
                raise InputUnreadable(f"{label}: the PDF is encrypted and needs a password")
            pages = [_reflow(page.extract_text() or "") for page in reader.pages]
        except (pypdf.errors.PyPdfError, *_MALFORMED):
            raise InputUnreadable(f"{label}: a corrupt or unsupported PDF") from None
        title: str | None = None
        created: dt.datetime | None = None
        try:  # damaged metadata should not cost us a readable text
            if reader.metadata is not None:
                title, created = reader.metadata.title, reader.metadata.creation_date
        except (pypdf.errors.PyPdfError, *_MALFORMED):
            pass
    text = "\n\n".join(page for page in pages if page)
    return text, title, created.date() if created is not None else None


def _reflow(page: str) -> str:
    """Rejoin wrapped lines; a line clearly shorter than the column width ends its paragraph."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    widths = sorted(len(line) for line in lines if line)
    if not widths:
        return ""
    column = widths[min(len(widths) - 1, len(widths) * 9 // 10)]
    paragraphs: list[str] = []
    current = previous = ""
    for line in lines:
        if not line or not current or _LIST_ITEM.match(line):
            if current:
                paragraphs.append(current)
            current = line
        elif current.endswith(_SOFT_HYPHENS) and current[-2:-1].isalpha():
            # "investi-" + "gation" is one word; "Franco-" + "Prussian" keeps its hyphen.
            current = current[:-1] + line if line[0].islower() else current.rstrip("\u00ad") + line
        elif line[0].islower() or len(previous) >= 0.75 * column:
            current += " " + line
        else:
            paragraphs.append(current)
            current = line
        previous = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def docx_to_text(data: bytes, label: str) -> Converted:
    """Body paragraphs and tables in document order; headers and footers are page furniture."""
    import docx
    from docx.opc.exceptions import OpcError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except ZIP_FAILURES:
        raise InputUnreadable(f"{label}: a corrupt DOCX file (not a valid ZIP archive)") from None
    if unpacked > _MAX_UNPACKED_BYTES:
        raise InputTooLarge(f"{label}: the DOCX unpacks to more than {_MAX_UNPACKED_BYTES >> 20} MiB")
    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n\n".join(block for block in _docx_blocks(document) if block.strip())
        title = document.core_properties.title
        created = document.core_properties.created
    except (OpcError, *ZIP_FAILURES, *_MALFORMED):
        raise InputUnreadable(f"{label}: a corrupt or unsupported DOCX file") from None
    if created is not None and created.replace(tzinfo=None) == _PYTHON_DOCX_TEMPLATE:
        created = None
    return text, title, created.date() if created is not None else None


def _docx_blocks(container: DocxDocument | _Cell) -> Iterator[str]:
    """Paragraphs as they are; a table row per line with cells joined by " | ", as for HTML."""
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        else:
            rows = []
            for row in item.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is reported once per grid column
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(" ".join(_docx_blocks(cell)).split()))
                if any(cells):
                    rows.append(" | ".join(cells))
            yield "\n".join(rows)


def html_to_text(markup: str | bytes) -> Converted:
    """The article only: trafilatura drops navigation, banners, appeals and footers.

    Dates are taken from markup only (meta and time tags); trafilatura's extensive search would
    guess from the prose, which in a human-rights report is usually an incident date.
    """
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = trafilatura.bare_extraction(
                markup,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                date_extraction_params={"extensive_search": False, "original_date": True},
                config=_trafilatura_config(),
            )
            if not isinstance(result, trafilatura.settings.Document) or result.body is None:
                return _html_fallback(markup), None, None
            blocks = [trafilatura.xml.xmltotxt(child, False).strip() for child in result.body]
        except _MALFORMED:
            return _html_fallback(markup), None, None
    text = "\n\n".join(block for block in blocks if block)
    if not text:
        text = _html_fallback(markup)
    return text, result.title, _parse_date(result.date)


@functools.cache
def _trafilatura_config() -> ConfigParser:
    import trafilatura

    config = trafilatura.settings.use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(64 * 1024 * 1024))  # our own, lower limit applies first
    return config


def _html_fallback(markup: str | bytes) -> str:
    """Every visible text of the page, for pages trafilatura judges to have no article."""
    if isinstance(markup, bytes):
        import trafilatura

        markup = trafilatura.utils.decode_file(markup)
    dump = _TextDump()
    try:
        dump.feed(markup)
        dump.close()
    except _MALFORMED:
        pass
    dump.flush()
    return "\n\n".join(dump.paragraphs)


class _TextDump(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"})
    _BLOCK = frozenset(
        {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption"}
        | {"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav"}
        | {"ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data)

    def flush(self) -> None:
        paragraph = " ".join("".join(self._parts).split())
        self._parts.clear()
        if paragraph:
            self.paragraphs.append(paragraph)


def clean_title(title: object) -> str | None:
    """Titles are shown to reviewers: one line, no control characters, no converter boilerplate."""
    if not isinstance(title, str):
        return None
    flat = unicodedata.normalize("NFC", " ".join("".join(c for c in title if c.isprintable()).split()))
    flat = flat.removeprefix("Microsoft Word - ")
    return flat or None


def plausible_date(value: dt.date | None) -> dt.date | None:
    """Metadata dates are often placeholders or clock errors; a wrong anchor is worse than none."""
    if value is None or not _EARLIEST <= value <= dt.date.today() + dt.timedelta(days=1):
        return None
    return value


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None

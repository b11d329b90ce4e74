"""Turn whatever the user hands us into the one plain text that extraction and evidence offsets use.

Evidence spans are character offsets into ``SourceText.text``, so every transformation (format
conversion, decoding, Unicode and whitespace normalisation) happens here, before anything indexes
the text; nothing downstream may alter it. Every failure becomes an ``InputError`` naming the path,
because a person feeding in a stray file must get a one-line reason, not a library traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import stat
import sys
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from chronika.errors import (
    InputEmpty,
    InputIsDirectory,
    InputNotFound,
    InputNotText,
    InputTooLarge,
    InputUnreadable,
)
from chronika.extract import formats
from chronika.extract.markdown import markdown_to_text

MAX_INPUT_BYTES = 20 * 1024 * 1024
PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MEDIA_TYPES = frozenset({PLAIN, MARKDOWN, HTML, PDF, DOCX})

_EXTENSIONS = {
    ".txt": PLAIN,
    ".text": PLAIN,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
}
# Signatures of formats people drop in by mistake; naming the kind makes the error actionable.
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"),
    (b"\xcf\xfa\xed\xfe", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (save it as DOCX or PDF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0/C1 controls other than tab and line/page breaks: a real text has next to none of these.
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_C0_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # for undecoded bytes, where 0x80-0x9f are letters
_HTML_STRONG = re.compile(r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html|<html[\s>]", re.I | re.S)
_HTML_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|[uo]l|li|table|tr|article|section|blockquote|body)[\s>]", re.I)
_NEWLINES = re.compile(r"\r\n?|[\v\f\x85\u2028\u2029]")
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.M)


@dataclass(frozen=True, slots=True)
class SourceText:
    text: str  # the document text as extracted; evidence offsets index exactly this string
    path: str  # as the user gave it ('-' for stdin)
    media_type: str
    sha256: str  # of the raw input bytes, so a record can prove which file it came from
    title: str | None = None
    published: dt.date | None = None  # from document metadata only, never guessed from the prose


def read_path(path: Path) -> SourceText:
    """Read a file, refusing oversize ones by ``stat`` so a huge file is never loaded."""
    name = str(path)
    label = _label(name)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputIsDirectory(f"{label}: is a directory, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_INPUT_BYTES:
            raise InputTooLarge(f"{label}: {info.st_size} bytes is more than the {_limit()} limit")
        # Devices and pipes report no useful size, so the read itself is bounded too.
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputNotFound(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputIsDirectory(f"{label}: is a directory, not a file") from None
    except NotADirectoryError:
        raise InputUnreadable(f"{label}: a parent of this path is a file, not a directory") from None
    except PermissionError:
        raise InputUnreadable(f"{label}: permission denied") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        reason = getattr(error, "strerror", None) or "not a usable path"
        raise InputUnreadable(f"{label}: cannot read ({reason})") from None
    return read_bytes(data, name)


def read_stdin() -> SourceText:
    """Read standard input, at most one byte past the limit so oversize input is still detected."""
    try:
        stream = sys.stdin
        # A text-only stream (one swapped in by an embedding app) has no ``buffer``: take its text.
        raw: bytes | str = (stream.buffer if hasattr(stream, "buffer") else stream).read(MAX_INPUT_BYTES + 1)
    except (AttributeError, OSError, ValueError):  # no stdin at all, or it was closed
        raise InputUnreadable("standard input: cannot be read") from None
    if isinstance(raw, bytes):
        return read_bytes(raw, "-")
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"standard input: more than the {_limit()} limit")
    return read_text(raw, "-")


def read_bytes(data: bytes, path: str, media_type: str | None = None) -> SourceText:
    """Convert raw input of a known or sniffed type; ``path`` is only a label and a hint."""
    label = _label(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"{label}: {len(data)} bytes is more than the {_limit()} limit")
    if media_type is not None and media_type not in MEDIA_TYPES:
        raise ValueError(f"unsupported media type {media_type!r}")
    if not data.strip():
        raise InputEmpty(f"{label}: the file is empty" if not data else f"{label}: contains only whitespace")
    decoded: str | None = None
    if media_type is None:
        media_type, decoded = _sniff(data, path, label)
    title: str | None = None
    published: dt.date | None = None
    if media_type == PDF:
        text, title, published = formats.pdf_to_text(data, label)
    elif media_type == DOCX:
        text, title, published = formats.docx_to_text(data, label)
    elif media_type == HTML:
        markup: str | bytes = decoded if decoded is not None else _try_decode(data)[0] or data
        text, title, published = formats.html_to_text(markup)
    else:
        text = decoded if decoded is not None else _decode(data, label)
        if media_type == MARKDOWN:
            text, title, published = markdown_to_text(text)
    text = _normalise(text)
    if not text.strip():
        what = "contains only whitespace" if media_type in (PLAIN, MARKDOWN) else "has no text to extract"
        hint = " (a scanned image? run OCR first)" if media_type == PDF else ""
        raise InputEmpty(f"{label}: {what}{hint}")
    return SourceText(
        text=text,
        path=path,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        title=formats.clean_title(title),
        published=formats.plausible_date(published),
    )


def read_text(text: str, path: str = "-") -> SourceText:
    """Wrap text that is already decoded (a pasted report); it is taken as plain text, not sniffed."""
    label = _label(path)
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"{label}: {len(raw)} bytes is more than the {_limit()} limit")
    normalised = _normalise(text)
    if not normalised.strip():
        raise InputEmpty(f"{label}: the text is empty" if not text else f"{label}: contains only whitespace")
    return SourceText(text=normalised, path=path, media_type=PLAIN, sha256=hashlib.sha256(raw).hexdigest())


def _sniff(data: bytes, path: str, label: str) -> tuple[str, str | None]:
    """Content beats the extension, because files are misnamed far more often than misformatted.

    Returns the media type and, for text, the decoded text so it is not decoded twice. A weak
    hint (a few block tags) loses to a ``.md``/``.txt`` extension: such files may quote markup.
    """
    by_extension = _EXTENSIONS.get(Path(path).suffix.lower()) if path != "-" else None
    # The PDF header may follow some junk (readers accept up to 1 KiB); trust that only by name.
    if data.lstrip().startswith(b"%PDF-") or (by_extension == PDF and b"%PDF-" in data[:1024]):
        return PDF, None
    if data.startswith(b"PK\x03\x04"):
        if by_extension == DOCX or _has_word_document(data):
            return DOCX, None
        raise InputNotText(f"{label}: a ZIP archive, not a text document")
    decoded, encoding = _try_decode(data)
    expected = {PDF: "PDF", DOCX: "DOCX"}.get(by_extension or "")
    if (
        decoded is None
        and expected is None
        and _binary_kind(data) is None
        and not _looks_binary(data[:8192].decode("latin-1"), _C0_CHARS)
        and _HTML_STRONG.search(data[:4096].decode("latin-1"))
    ):
        return HTML, None  # HTML in a legacy encoding: the HTML reader detects the charset
    try:
        decoded = _check_text(data, decoded, encoding, label)
    except InputNotText as error:
        if expected is None:
            raise
        raise InputUnreadable(f"{label}: not a valid {expected} file") from error
    if _HTML_STRONG.search(decoded[:4096].lstrip()):
        return HTML, decoded
    if by_extension in (PLAIN, MARKDOWN, HTML):
        return by_extension, decoded
    if len(_HTML_BLOCK.findall(decoded[:65536])) >= 3:
        return HTML, decoded
    return PLAIN, decoded


def _decode(data: bytes, label: str) -> str:
    return _check_text(data, *_try_decode(data), label)


def _try_decode(data: bytes) -> tuple[str | None, str]:
    """UTF-8 (BOM optional), or UTF-16/32 announced by a BOM; a legacy encoding is never guessed."""
    encoding, start = "utf-8", 0
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, start = name, len(bom)
            break
    family = encoding.removesuffix("-le").removesuffix("-be")
    try:
        return data[start:].decode(encoding), family
    except UnicodeDecodeError:
        return None, family


def _check_text(data: bytes, decoded: str | None, encoding: str, label: str) -> str:
    """Tell a mis-encoded text (fixable by re-saving) from data that was never text at all."""
    kind = _binary_kind(data)
    if kind is not None:
        raise InputNotText(f"{label}: {kind}, not a text document")
    if decoded is None:
        if encoding == "utf-8" and _looks_binary(data[:8192].decode("latin-1"), _C0_CHARS):
            raise InputNotText(f"{label}: binary data, not a text document")
        raise InputNotText(f"{label}: not valid {encoding.upper()} text")
    if _looks_binary(decoded, _BINARY_CHARS):
        raise InputNotText(f"{label}: binary data, not a text document")
    return decoded


def _looks_binary(text: str, controls: re.Pattern[str]) -> bool:
    """A NUL near the start (git's test) or many control characters means this is not prose."""
    if "\x00" in text[:8000]:
        return True
    return len(controls.findall(text)) > len(text) / 20


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _has_word_document(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except formats.ZIP_FAILURES:
        return False


def _normalise(text: str) -> str:
    """One canonical form so identical documents get identical offsets whatever their origin."""
    if any(char in text for char in _NEWLINE_CHARS):  # a scan per character beats the pattern's
        text = _NEWLINES.sub("\n", text)
    text = _UNWANTED.sub("", text)
    text = unicodedata.normalize("NFC", text)
    # each line without the white space it ends on: what "[^\S\n]+$" (re.M) removes, as str.isspace
    # and re's "\s" agree on every character; an order of magnitude faster than the pattern
    text = "\n".join([line.rstrip() for line in text.split("\n")])
    return text.strip("\n")


_NEWLINE_CHARS = "\r\v\f\x85\u2028\u2029"  # every character ``_NEWLINES`` can match begins with one


def _label(path: str) -> str:
    """The path as shown in errors: printable on any terminal, and never the file's contents."""
    if path == "-":
        return "standard input"
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in path)


def _limit() -> str:
    return f"{MAX_INPUT_BYTES // (1024 * 1024)} MiB"

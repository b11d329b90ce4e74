"""The reader on real files: every format it accepts, and every way an input can be unusable."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import random
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronika.errors import (
    InputEmpty,
    InputError,
    InputIsDirectory,
    InputNotFound,
    InputNotText,
    InputTooLarge,
    InputUnreadable,
)
from chronika.extract import reader as reader_module
from chronika.extract.reader import (
    DOCX,
    HTML,
    MARKDOWN,
    MAX_INPUT_BYTES,
    PDF,
    PLAIN,
    SourceText,
    read_bytes,
    read_path,
    read_stdin,
    read_text,
)

ARTICLE = [
    "On 12 March 2024, police in Riverside detained at least fourteen protesters outside the city hall, "
    "according to witnesses interviewed by our researchers.",
    "Three of the detainees, including the journalist Anna Petrova, were held for more than forty-eight "
    "hours without access to a lawyer.",
    "Two detainees reported that officers beat them with batons during transport to the district police "
    "station, causing injuries documented by a doctor.",
]
BOILERPLATE = [
    "Subscribe to our newsletter",
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Donate today to help us defend human rights",
    "All rights reserved",
    "Privacy policy",
]

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Detentions in Riverside | Rights Watch</title>
<meta property="article:published_time" content="2024-03-15T10:00:00Z"></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>Accept all cookies</button></div>
<main><article>
<h1>Detentions in Riverside</h1>
<p>{ARTICLE[0]}</p>
<p>{ARTICLE[1]}</p>
<h2>Allegations of ill-treatment</h2>
<p>{ARTICLE[2]}</p>
</article></main>
<aside class="donate"><h3>Support our work</h3>
<p>Donate today to help us defend human rights around the world. Every contribution counts.</p></aside>
<footer><p>© 2024 Rights Watch. All rights reserved. Privacy policy. Terms of use.</p></footer>
</body></html>
"""


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A minimal valid PDF with one Helvetica text line per entry, objects and xref laid out by hand."""

    def literal(text: str) -> str:
        return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"

    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for number, lines in enumerate(pages):
        stream = "\n".join(
            ["BT", "/F1 11 Tf", "14 TL", "72 720 Td", *(f"{literal(x)} Tj T*" for x in lines), "ET"]
        )
        content = stream.encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + 2 * number} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    if info:
        objects.append(("<< " + " ".join(f"/{k} {literal(v)}" for k, v in info.items()) + " >>").encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info_ref = f" /Info {len(objects)} 0 R" if info else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- formats ---------------------------------------------------------------------------------------


def test_plain_text(tmp_path: Path) -> None:
    raw = ("\n\n".join(ARTICLE) + "\n").encode()
    source = read_path(write(tmp_path, "report.txt", raw))
    assert source == SourceText(
        text="\n\n".join(ARTICLE),
        path=str(tmp_path / "report.txt"),
        media_type=PLAIN,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def test_normalisation_happens_before_offsets_exist(tmp_path: Path) -> None:
    raw = "\ufeffCafe\u0301 raid   \r\nline\ttwo\rthree\x07 end \f\u2028last\n\n".encode()
    source = read_path(write(tmp_path, "n.txt", raw))
    assert source.text == "Café raid\nline\ttwo\nthree end\n\nlast"
    assert source.sha256 == hashlib.sha256(raw).hexdigest()  # of the bytes, not the normalised text
    assert read_text(source.text).text == source.text  # already canonical: nothing left to change


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    source = read_path(write(tmp_path, "r.txt", bom + "Задержан журналист.\r\n".encode(codec)))
    assert source.text == "Задержан журналист."


def test_read_text_keeps_words_and_drops_controls() -> None:
    source = read_text("  Police\x00 detained\u200b him.\r\n\r\n", path="pasted")
    assert source.text == "  Police detained\u200b him."
    assert (source.path, source.media_type) == ("pasted", PLAIN)


def test_markdown_is_converted_to_prose(tmp_path: Path) -> None:
    markdown = """# Detentions in *Riverside*

Police **detained** [Anna Petrova](https://example.org/a_(b) "bio") and _two others_ on 3 May. ![photo](p.png)

* first item with snake_case_name and 2 * 3
+ second item with \\*literal stars\\*
1. numbered stays

> A witness said: "They ~~asked~~ forced us."

```
raw *code* [x](y)
```

Setext heading
--------------
[ref]: https://example.org
"""
    source = read_path(write(tmp_path, "report.md", markdown))
    assert source.media_type == MARKDOWN
    assert source.title == "Detentions in Riverside"
    assert source.text == (
        "Detentions in Riverside\n\n"
        "Police detained Anna Petrova and two others on 3 May.\n\n"
        "- first item with snake_case_name and 2 * 3\n"
        "- second item with *literal stars*\n"
        "1. numbered stays\n\n"
        'A witness said: "They asked forced us."\n\n\n'
        "raw *code* [x](y)\n\n\n"
        "Setext heading"
    )


def test_markdown_front_matter_gives_title_and_date(tmp_path: Path) -> None:
    text = '---\ntitle: "Weekly digest"\ndate: 2024-05-01\n---\nPolice detained a blogger.\n'
    source = read_path(write(tmp_path, "digest.markdown", text))
    assert (source.text, source.title, source.published) == (
        "Police detained a blogger.",
        "Weekly digest",
        dt.date(2024, 5, 1),
    )


def test_html_article_without_boilerplate(tmp_path: Path) -> None:
    source = read_path(write(tmp_path, "page.html", HTML_PAGE))
    assert source.media_type == HTML
    for sentence in ARTICLE:
        assert f"\n\n{sentence}" in source.text  # each paragraph stands alone, after a blank line
    for junk in BOILERPLATE:
        assert junk not in source.text
    assert source.title == "Detentions in Riverside"
    assert source.published == dt.date(2024, 3, 15)


def test_html_is_sniffed_from_content_not_name() -> None:
    source = read_bytes(HTML_PAGE.encode(), "-")
    assert source.media_type == HTML
    assert ARTICLE[0] in source.text


def test_html_publication_date_is_never_guessed_from_prose() -> None:
    page = HTML_PAGE.replace("2024-03-15T10:00:00Z", "yesterday-ish")
    assert read_bytes(page.encode(), "p.html").published is None


def test_html_in_a_legacy_encoding_is_decoded_by_its_charset() -> None:
    page = (
        '<!DOCTYPE html><html><head><meta charset="windows-1251"><title>Задержания</title></head><body>'
        "<article><p>Двенадцатого марта полиция задержала четырнадцать участников мирной акции у здания "
        "городской администрации, сообщили свидетели.</p></article></body></html>"
    )
    source = read_bytes(page.encode("cp1251"), "-")
    assert source.media_type == HTML
    assert "полиция задержала четырнадцать" in source.text


def test_html_fragment_falls_back_to_all_visible_text(tmp_path: Path) -> None:
    fragment = (
        "<div><p>Police detained Ivan.</p><p>He was released.</p><script>var x = 1;</script></div><p>End</p>"
    )
    source = read_path(write(tmp_path, "fragment.htm", fragment))
    assert source.text == "Police detained Ivan.\n\nHe was released.\n\nEnd"


def test_markup_quoted_in_a_text_file_stays_text(tmp_path: Path) -> None:
    text = "The page used <p> tags, <div> wrappers and <ul> lists.\nNothing else."
    assert read_path(write(tmp_path, "notes.txt", text)).media_type == PLAIN


def test_pdf_pages_reflowed(tmp_path: Path) -> None:
    pages = [
        [
            "Summary",
            "On 12 March 2024 police detained fourteen protesters in the central square of",
            "Riverside after a peaceful march. The investi-",
            "gation is ongoing.",
            "Second paragraph here.",
        ],
        ["Page two text."],
    ]
    info = {"Title": "Riverside report", "CreationDate": "D:20240315103000Z"}
    source = read_path(write(tmp_path, "report.pdf", make_pdf(pages, info)))
    assert source.media_type == PDF
    assert source.text == (
        "Summary\n\n"
        "On 12 March 2024 police detained fourteen protesters in the central square of Riverside after a "
        "peaceful march. The investigation is ongoing.\n\n"
        "Second paragraph here.\n\n"
        "Page two text."
    )
    assert (source.title, source.published) == ("Riverside report", dt.date(2024, 3, 15))


def test_pdf_with_garbage_date_has_no_date(tmp_path: Path) -> None:
    data = make_pdf([["Text."]], {"CreationDate": "D:99999999"})
    assert read_bytes(data, "x.pdf").published is None


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Detentions in Riverside", level=1)
    document.add_paragraph(ARTICLE[0])
    table = document.add_table(rows=2, cols=2)
    for (row, col), value in {
        (0, 0): "Date",
        (0, 1): "Place",
        (1, 0): "12 March",
        (1, 1): "Riverside",
    }.items():
        table.cell(row, col).text = value
    document.add_paragraph(ARTICLE[1])
    document.core_properties.title = "Riverside report"
    document.core_properties.created = dt.datetime(2024, 3, 15, 9, 0)
    path = tmp_path / "report.docx"
    document.save(str(path))
    source = read_path(path)
    assert source.media_type == DOCX
    assert source.text == (
        f"Detentions in Riverside\n\n{ARTICLE[0]}\n\nDate | Place\n12 March | Riverside\n\n{ARTICLE[1]}"
    )
    assert (source.title, source.published) == ("Riverside report", dt.date(2024, 3, 15))


def test_docx_sniffed_by_content_and_template_date_ignored(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(ARTICLE[2])
    buffer = io.BytesIO()
    document.save(buffer)
    source = read_bytes(buffer.getvalue(), "upload.bin")
    assert (source.media_type, source.text, source.published) == (DOCX, ARTICLE[2], None)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From a pipe.\n")))
    source = read_stdin()
    assert (source.text, source.path) == ("From a pipe.", "-")


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * (MAX_INPUT_BYTES + 10))))
    with pytest.raises(InputTooLarge, match="standard input"):
        read_stdin()


# --- bad input -------------------------------------------------------------------------------------

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + bytes(40)


@pytest.mark.parametrize(
    ("name", "data", "error", "words"),
    [
        ("empty.txt", b"", InputEmpty, "empty"),
        ("blank.txt", b"  \n\t\r\n  ", InputEmpty, "only whitespace"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", InputEmpty, "only whitespace"),
        ("random.bin", random.Random(7).randbytes(4096), InputNotText, "binary data"),
        ("random.txt", random.Random(8).randbytes(4096), InputNotText, "binary data"),
        ("image.png", PNG, InputNotText, "PNG image"),
        ("image.txt", PNG, InputNotText, "PNG image"),
        ("program", ELF, InputNotText, "executable"),
        (
            "latin1.txt",
            "Café des Amis, rue de la Paix.".encode("latin-1"),
            InputNotText,
            "not valid UTF-8 text",
        ),
        ("utf16.txt", b"\xff\xfe\x00\xd8", InputNotText, "not valid UTF-16 text"),
        ("nul.txt", b"po\x00lice " * 50, InputNotText, "binary data"),
        ("archive.zip", b"PK\x03\x04" + bytes(40), InputNotText, "ZIP archive"),
        (
            "empty.html",
            "<!DOCTYPE html><html><body><div></div><script>var x = 1;</script></body></html>",
            InputEmpty,
            "no text",
        ),
        ("scan.pdf", make_pdf([[]]), InputEmpty, "no text"),
        ("broken.pdf", b"%PDF-1.4\n" + random.Random(9).randbytes(600), InputUnreadable, "corrupt"),
        ("cut.pdf", make_pdf([["Cut short."]])[:200], InputUnreadable, "corrupt"),
        ("image.pdf", PNG, InputUnreadable, "not a valid PDF"),
        ("broken.docx", b"PK\x03\x04" + random.Random(10).randbytes(300), InputUnreadable, "corrupt DOCX"),
        ("notes.docx", random.Random(11).randbytes(300), InputUnreadable, "not a valid DOCX"),
    ],
)
def test_bad_file(tmp_path: Path, name: str, data: bytes | str, error: type[InputError], words: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(error) as raised:
        read_path(path)
    message = raised.value.one_line()
    assert str(path) in message
    assert words in message
    assert "\n" not in raised.value.message


def test_zip_without_word_document_named_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Secret witness name: Olga")
    with pytest.raises(InputUnreadable, match="corrupt or unsupported DOCX") as raised:
        read_path(write(tmp_path, "fake.docx", buffer.getvalue()))
    assert "Olga" not in raised.value.message


def test_encrypted_pdf(tmp_path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(make_pdf([["Secret testimony."]]))))
    writer.encrypt("pw", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(InputUnreadable, match="needs a password"):
        read_bytes(buffer.getvalue(), "locked.pdf")


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match=r"nowhere\.txt: no such file"):
        read_path(tmp_path / "nowhere.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputIsDirectory, match="is a directory"):
        read_path(tmp_path)


def test_path_under_a_file(tmp_path: Path) -> None:
    parent = write(tmp_path, "file.txt", "text")
    with pytest.raises(InputUnreadable, match="parent of this path is a file"):
        read_path(parent / "child.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", "Secret witness name: Olga")
    path.chmod(0)
    try:
        with pytest.raises(InputUnreadable, match="permission denied"):
            read_path(path)
    finally:
        path.chmod(0o600)


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk and no time
    with pytest.raises(InputTooLarge, match="20 MiB"):
        read_path(path)


def test_too_large_bytes_and_text() -> None:
    with pytest.raises(InputTooLarge):
        read_bytes(b"a" * (MAX_INPUT_BYTES + 1), "big.txt")
    with pytest.raises(InputTooLarge):
        read_text("я" * (MAX_INPUT_BYTES // 2 + 1))


def test_messages_name_path_but_never_contents(tmp_path: Path) -> None:
    secret = "Secret witness name: Olga Ivanovna"
    for name, data in [
        ("a.txt", secret.encode("latin-1") + b"\xff"),
        ("b.pdf", b"%PDF-1.4 " + secret.encode()),
    ]:
        with pytest.raises(InputError) as raised:
            read_path(write(tmp_path, name, data))
        assert "Olga" not in raised.value.one_line()


def test_unknown_media_type_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unsupported media type"):
        read_bytes(b"text", "x", media_type="image/png")


def test_library_diagnostics_do_not_reach_stderr(tmp_path: Path) -> None:
    """pypdf logs recoverable damage; without a handler Python would print it under our one-line error."""
    path = write(tmp_path, "cut.pdf", make_pdf([["A line."]])[:-6])
    script = (
        "import sys\nfrom pathlib import Path\nfrom chronika.errors import InputError\n"
        "from chronika.extract.reader import read_path\n"
        "try:\n    read_path(Path(sys.argv[1]))\nexcept InputError:\n    pass\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True
    )
    assert done.stderr == ""


# --- properties ------------------------------------------------------------------------------------

PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"PK\x03\x04",
    b"<!DOCTYPE html><html><body>",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"# ",
]
NAMES = ["-", "a.txt", "a.md", "a.html", "a.pdf", "a.docx", "noext"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=2000), name=st.sampled_from(NAMES))
def test_arbitrary_bytes_give_text_or_an_input_error(prefix: bytes, body: bytes, name: str) -> None:
    try:
        source = read_bytes(prefix + body, name)
    except InputError as error:
        assert "\n" not in error.one_line()
        return
    assert source.text.strip()
    assert read_text(source.text).text == source.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_read_text_output_is_canonical(text: str) -> None:
    try:
        source = read_text(text)
    except InputEmpty:
        invisible = {"Cc", "Cs"}
        assert all(c.isspace() or c == "\ufeff" or unicodedata.category(c) in invisible for c in text)
        return
    assert read_text(source.text).text == source.text
    assert "\r" not in source.text
    assert not any(line != line.rstrip() for line in source.text.split("\n"))


_NEWLINES_AS_WRITTEN = re.compile(r"\r\n?|[\v\f\x85\u2028\u2029]")
_TRAILING_AS_WRITTEN = re.compile(r"[^\S\n]+$", re.M)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(
        st.sampled_from(
            [
                "a",
                "b ",
                " ",
                "\t",
                "\n",
                "\r",
                "\r\n",
                "\v",
                "\f",
                "\x85",
                "\u2028",
                "\u2029",
                "\u00a0",
                "\u3000",
                "\u200b",
                "\x1c",
                "\ufeff",
                "e\u0301",
                "é",
                " \n",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_normalise_equals_its_regular_expressions(text: str) -> None:
    """The fast paths of ``_normalise`` (line ends looked for first, trailing space cut line by line)."""
    expected = _NEWLINES_AS_WRITTEN.sub("\n", text)
    expected = reader_module._UNWANTED.sub("", expected)
    expected = unicodedata.normalize("NFC", expected)
    expected = _TRAILING_AS_WRITTEN.sub("", expected).strip("\n")
    assert reader_module._normalise(text) == expected

"""The Publish page: scope, audience and format, a redacted preview, and the bundle as a .zip."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from deskkit import Desk

from chronika.publish.bundle import verify_bundle
from chronika.publish.export import ESF_TABLES
from chronika.publish.pdf import pdf_available
from chronika.vault.record import IncidentChanges

VICTIM_CANARY = "Zarema VICTIMCANARY1"
ADDRESS_CANARY = "12 Lenin Street ADDRESSCANARY2"
DRAFT_CANARY = "Draft DRAFTCANARY4"


def _prepared(ready: Desk) -> tuple[str, str]:
    """Accept two incidents, one with a sensitive victim and address; leave a draft with a canary."""
    vault = ready.keeper._vault
    sensitive, plain, draft, *_ = ready.incident_ids()
    vault.edit(
        sensitive,
        IncidentChanges(victims=[VICTIM_CANARY], location=ADDRESS_CANARY, sensitive=["victims", "location"]),
    )
    vault.edit(draft, IncidentChanges(victims=[DRAFT_CANARY]))
    vault.accept([sensitive, plain])
    return sensitive, plain


def _unzip(data: bytes, into: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = {name.removeprefix("bundle/"): archive.read(name) for name in archive.namelist()}
    into.mkdir()
    for name, content in files.items():
        (into / name).write_bytes(content)
    return files


def test_publish_is_in_the_navigation_and_asks_first(ready: Desk) -> None:
    assert 'href="/publish"' in ready.client.get("/inbox").text
    page = ready.client.get("/publish")
    assert page.status_code == 200
    assert "Choose a scope" in page.text and "Download the bundle" not in page.text
    for fmt in ("md", "html", "pdf", "csv", "jsonl", "acled", "esf", "uwazi-csv"):
        assert f'<option value="{fmt}"' in page.text


def test_preview_is_redacted_for_the_audience(ready: Desk) -> None:
    sensitive, plain = _prepared(ready)
    public = ready.client.get("/publish?audience=public&format=html")
    assert public.status_code == 200
    assert sensitive in public.text and plain in public.text
    for canary in (VICTIM_CANARY, ADDRESS_CANARY, DRAFT_CANARY):
        assert canary not in public.text
    assert "withheld" in public.text and "Download the bundle" in public.text
    assert "<style" not in public.text and " style=" not in public.text and "<script" not in public.text
    internal = ready.client.get("/publish?audience=internal").text
    assert VICTIM_CANARY in internal and DRAFT_CANARY in internal
    narrowed = ready.client.get("/publish?audience=internal&q=zzzznothing").text
    assert "0 incidents" in narrowed


def test_bad_choices_are_refused(ready: Desk) -> None:
    assert ready.client.get("/publish?audience=everyone").status_code == 400
    assert ready.client.get("/publish?audience=public&format=docx").status_code == 400


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "esf"])
def test_download_is_a_verifiable_bundle_without_canaries(ready: Desk, tmp_path: Path, fmt: str) -> None:
    sensitive, plain = _prepared(ready)
    response = ready.post("/publish", {"audience": "public", "format": fmt}, page="/publish?audience=public")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert re.match(
        r'attachment; filename="chronika-[a-z-]+-public-\d{8}-\d{4}\.zip"',
        response.headers["content-disposition"],
    )
    assert "no-store" in response.headers["cache-control"]
    files = _unzip(response.content, tmp_path / "bundle")
    assert {"manifest.json", "manifest.sig", "records.jsonl"} <= set(files)
    if fmt == "esf":
        assert set(ESF_TABLES) <= set(files)
    elif fmt in ("html", "md"):
        assert f"chronology.{fmt}" in files
    everything = b"".join(files.values()).decode()
    for canary in (VICTIM_CANARY, ADDRESS_CANARY, DRAFT_CANARY):
        assert canary not in everything
    manifest = json.loads(files["manifest.json"])
    assert manifest["audience"] == "public"
    assert {record["id"] for record in manifest["records"]} == {sensitive, plain}
    check = verify_bundle(tmp_path / "bundle")
    assert check.ok, check.problems
    (tmp_path / "bundle" / "records.jsonl").write_bytes(files["records.jsonl"] + b"\n")
    assert not verify_bundle(tmp_path / "bundle").ok


def test_download_keeps_the_scope(ready: Desk, tmp_path: Path) -> None:
    _prepared(ready)
    response = ready.post(
        "/publish", {"audience": "internal", "format": "jsonl", "q": "zzzznothing"}, page="/publish"
    )
    files = _unzip(response.content, tmp_path / "bundle")
    assert files["incidents.jsonl"] == b"" and files["records.jsonl"] == b""
    assert json.loads(files["manifest.json"])["scope"] == "search zzzznothing"
    assert verify_bundle(tmp_path / "bundle").ok


@pytest.mark.skipif(not pdf_available(), reason="WeasyPrint or Pango is not installed")
def test_download_pdf(ready: Desk, tmp_path: Path) -> None:
    _prepared(ready)
    response = ready.post("/publish", {"audience": "partner", "format": "pdf"}, page="/publish")
    files = _unzip(response.content, tmp_path / "bundle")
    assert files["chronology.pdf"].startswith(b"%PDF")
    assert verify_bundle(tmp_path / "bundle").ok


def test_download_needs_the_csrf_token_and_an_unlocked_desk(ready: Desk) -> None:
    assert ready.client.post("/publish", data={"audience": "public"}).status_code == 403
    assert ready.client.post("/publish", data={"audience": "public", "csrf": "forged"}).status_code == 403
    csrf = ready.csrf("/publish")
    ready.post("/lock")
    locked = ready.client.post("/publish", data={"audience": "public", "csrf": csrf})
    assert locked.status_code == 303 and "/unlock" in locked.headers["location"]

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from publish_scene import CANARIES, Scene, run_cli

from chronika.publish import chronology as chronology_module
from chronika.publish.bundle import verify_bundle
from chronika.publish.chronology import Scope, build_chronology
from chronika.publish.pdf import pdf_available, render_pdf
from chronika.publish.redaction import Audience

pytestmark = pytest.mark.skipif(not pdf_available(), reason="WeasyPrint (and Pango) are not installed")

#: One word of each canary, as text extraction keeps words whole but may break lines.
TOKENS = [next(word for word in canary.split() if "CANARY" in word) for canary in CANARIES.values()]


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_pdf_shows_every_incident_and_no_canary(scene: Scene, audience: Audience) -> None:
    made = build_chronology(scene.vault, Scope(), audience)
    text = _text(render_pdf(made))
    for entry in made.entries:
        assert entry.incident.record.id in text
    for token in TOKENS:
        assert token not in text
    assert "Page 1 of" in text


def test_internal_pdf_does_show_the_canaries(scene: Scene) -> None:
    text = _text(render_pdf(build_chronology(scene.vault, Scope(), Audience.INTERNAL)))
    for token in TOKENS:
        assert token in text


def test_long_chronology_has_contents(scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chronology_module, "CONTENTS_FROM", 2)
    text = _text(render_pdf(build_chronology(scene.vault, Scope(), Audience.PUBLIC)))
    assert "Contents" in text


def test_cli_pdf_bundle_verifies(scene: Scene, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    made = run_cli(
        scene, tmp_path, "publish", "chronology", "--audience", "public", "--format", "pdf", "--out", str(out)
    )
    assert made.returncode == 0, made.stderr
    assert (out / "chronology.pdf").read_bytes().startswith(b"%PDF")
    assert verify_bundle(out).ok

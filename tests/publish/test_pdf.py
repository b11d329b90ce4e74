from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from publish_scene import CANARIES, SAMPLE, Scene, run_chronika, run_cli

from chronika.desk.timeline import FAMILY_LABELS
from chronika.model import act_family
from chronika.publish import chronology as chronology_module
from chronika.publish.bundle import verify_bundle
from chronika.publish.chronology import NO_RESPONSE_TEXT, Scope, build_chronology
from chronika.publish.pdf import pdf_available, render_pdf
from chronika.publish.redaction import Audience

needs_weasyprint = pytest.mark.skipif(not pdf_available(), reason="WeasyPrint (and Pango) are not installed")

#: One word of each canary, as text extraction keeps words whole but may break lines.
TOKENS = [next(word for word in canary.split() if "CANARY" in word) for canary in CANARIES.values()]


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@needs_weasyprint
@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_pdf_shows_every_incident_and_no_canary(scene: Scene, audience: Audience) -> None:
    made = build_chronology(scene.vault, Scope(), audience)
    text = _text(render_pdf(made))
    for entry in made.entries:
        assert entry.incident.record.id in text
    for token in TOKENS:
        assert token not in text
    assert "Page 1 of" in text


@needs_weasyprint
def test_internal_pdf_does_show_the_canaries(scene: Scene) -> None:
    text = _text(render_pdf(build_chronology(scene.vault, Scope(), Audience.INTERNAL)))
    for token in TOKENS:
        assert token in text


@needs_weasyprint
def test_long_chronology_has_contents(scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chronology_module, "CONTENTS_FROM", 2)
    text = _text(render_pdf(build_chronology(scene.vault, Scope(), Audience.PUBLIC)))
    assert "Contents" in text


@needs_weasyprint
def test_cli_pdf_bundle_verifies(scene: Scene, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    made = run_cli(
        scene, tmp_path, "publish", "chronology", "--audience", "public", "--format", "pdf", "--out", str(out)
    )
    assert made.returncode == 0, made.stderr
    assert (out / "chronology.pdf").read_bytes().startswith(b"%PDF")
    assert verify_bundle(out).ok


# -- the sample report, end to end through the CLI, read back with poppler's pdftotext ----------

PDFTOTEXT = shutil.which("pdftotext")


@dataclass
class Sample:
    """The sample report imported into a real vault with the CLI, reviewed, and published as PDF."""

    folder: Path
    incidents: dict[str, dict[str, Any]]  # id -> the incident as `show --json` prints it
    draft: str
    retracted: str
    sensitive: str  # victims and location marked sensitive (so the evidence is withheld too)
    marked_date: str  # date and perpetrators marked sensitive: a partner sees the date


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    tmp = tmp_path_factory.mktemp("sample-pdf")
    vault = tmp / "vault"

    def chronika(*args: str) -> str:
        return _ok(run_chronika(vault, tmp, *args))

    chronika("init")
    chronika("import", str(SAMPLE))
    drafts = json.loads(chronika("list", "--status", "draft", "--limit", "1000", "--json"))
    ids = [record["id"] for record in drafts]
    assert len(ids) >= 6, "the sample report should give at least six incidents"
    sensitive, marked_date, draft, retracted, responded = ids[:5]
    chronika(
        "edit", sensitive, "--victim", CANARIES["victim"], "--location", CANARIES["address"],
        "--sensitive", "victims", "--sensitive", "location", "--note", CANARIES["note"],
    )  # fmt: skip
    chronika(
        "edit", marked_date, "--perpetrator", CANARIES["perpetrator"],
        "--sensitive", "date", "--sensitive", "perpetrators",
    )  # fmt: skip
    chronika("edit", draft, "--victim", CANARIES["draft"])
    chronika("edit", retracted, "--victim", CANARIES["retracted"])
    chronika("accept", *[i for i in ids if i != draft], "--note", CANARIES["note"])
    chronika("retract", retracted, "--reason", CANARIES["reason"])
    chronika(
        "respond", responded, "--kind", "investigation_refused", "--date", "2015-01-20",
        "--source", "Letter of the Investigative Committee", "--note", CANARIES["response_note"],
    )  # fmt: skip
    incidents = {i: json.loads(chronika("show", i, "--json")) for i in ids}
    for audience in Audience:
        chronika(
            "publish", "chronology", "--audience", audience.value, "--format", "pdf",
            "--title", "Grozny, December 2014", "--out", str(tmp / audience.value),
        )  # fmt: skip
    return Sample(tmp, incidents, draft, retracted, sensitive, marked_date)


def _pdftotext(pdf: Path) -> str:
    assert PDFTOTEXT is not None
    done = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not installed (apt-get install poppler-utils)")
@pytest.mark.parametrize("audience", list(Audience))
def test_pdftotext_shows_every_incident_and_no_redacted_canary(sample: Sample, audience: Audience) -> None:
    bundle = sample.folder / audience.value
    assert verify_bundle(bundle).ok
    text = _pdftotext(bundle / "chronology.pdf")
    flat = _flat(text)
    hidden = {sample.draft, sample.retracted}
    expected = [i for i in sample.incidents if audience is Audience.INTERNAL or i not in hidden]
    published = [json.loads(line)["id"] for line in (bundle / "records.jsonl").read_text().splitlines()]
    assert sorted(published) == sorted(expected)

    # Every incident: its id closes its numbered section, which holds its acts (or "withheld").
    positions = sorted((flat.index(i), i) for i in expected)  # ValueError: an incident is missing
    headings = [int(n) for n in re.findall(r"(?:^|[\n\f])(\d+)\. ", text)]  # \f starts a page
    assert headings == list(range(1, len(expected) + 1))
    start = 0
    for end, incident_id in positions:
        section = flat[start:end]
        record = sample.incidents[incident_id]
        withheld = set(record["sensitive"]) if audience is not Audience.INTERNAL else set()
        if audience is Audience.PARTNER:
            withheld -= {"date", "acts"}
        if "acts" in withheld:
            assert "Acts withheld" in section
        else:
            assert all(act in section for act in record["acts"]), (incident_id, section)
        if record["date"] and "date" not in withheld:
            assert record["date"]["start"] in section
        start = end + len(incident_id)
    for incident_id in set(sample.incidents) - set(expected):
        assert incident_id not in flat

    tokens = [word for canary in CANARIES.values() for word in canary.split() if "CANARY" in word]
    evidence = _flat(sample.incidents[sample.sensitive]["evidence"])
    if audience is Audience.INTERNAL:  # the check can see canaries where they belong
        assert [t for t in tokens if t not in flat] == []
        assert evidence in flat
    else:
        assert [t for t in tokens if t in flat] == []
        assert evidence not in flat
        assert "grozny-2014.txt" not in flat or audience is Audience.PARTNER
    # The timeline on the first page: its legend names the act family of every dated incident shown.
    first_page = _flat(text.split("\f")[0])
    for incident_id in expected:
        record = sample.incidents[incident_id]
        family = act_family(record["acts"])
        if record["date"] and (audience is not Audience.PUBLIC or "date" not in record["sensitive"]):
            assert family is not None and FAMILY_LABELS[family] in first_page
    assert "one day" in first_page
    assert "investigation refused (Letter of the Investigative Committee)" in flat
    assert NO_RESPONSE_TEXT in flat
    assert re.search(r"Page 1 of \d+", flat)

"""The fixed contract of ``chronika extract --format json``, checked on the real command.

Scorers outside the project run the command as a subprocess and read its JSON, so these tests do the
same: the output must validate against the JSON Schema kept in the package, and every piece of
evidence must be an exact slice of the text the reader extracted (the promise that lets a reviewer
check each draft against its source).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from chronika.extract.reader import read_path

ROOT = Path(__file__).resolve().parents[2]
TUNE = ROOT / "corpus" / "tune"
SAMPLE = Path(str(resources.files("chronika") / "samples" / "grozny-2014.txt"))


def schema() -> dict[str, Any]:
    text = (resources.files("chronika") / "schema" / "extract.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


VALIDATOR = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def chronika(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CHRONIKA_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "chronika", "extract", *args],
        input=stdin.decode() if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def published(txt: Path) -> str | None:
    """The gold file's document date, passed as --published the way the scorer does; None without one."""
    gold_path = txt.with_name(txt.name.removesuffix(".txt") + ".gold.json")
    if not gold_path.is_file():
        return None  # a report still being annotated is run all the same
    value: str | None = json.loads(gold_path.read_text(encoding="utf-8"))["source"].get("published")
    return value


def inputs() -> list[tuple[Path, str | None]]:
    return [(SAMPLE, None)] + [(txt, published(txt)) for txt in sorted(TUNE.glob("*.txt"))]


@cache
def extract_json(path: Path, published_on: str | None) -> dict[str, Any]:
    args = [str(path), "--format", "json"] + (["--published", published_on] if published_on else [])
    done = chronika(*args)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def assert_valid(payload: object) -> None:
    errors = sorted(VALIDATOR.iter_errors(payload), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def assert_points_into(document: dict[str, Any], text: str) -> None:
    """Every evidence and fact is the exact characters its span names, within the text."""
    assert document["document"]["chars"] == len(text)
    ids = [incident["id"] for incident in document["incidents"]]
    assert len(ids) == len(set(ids)), "incident ids must be unique"
    for incident in document["incidents"]:
        start, end = incident["evidence_span"]
        assert 0 <= start < end <= len(text)
        assert incident["evidence"] == text[start:end]
        date = incident["date"]
        assert date["end"] is None or date["start"] <= date["end"]
        if date["precision"] == "day":
            assert date["start"] == date["end"]
        for fact in incident.get("facts", []):
            f_start, f_end = fact["span"]
            assert 0 <= f_start <= f_end <= len(text)
            assert fact["text"] == text[f_start:f_end], fact


def test_the_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_the_schema_names_exactly_the_act_vocabulary() -> None:
    from chronika.model import Act

    assert schema()["$defs"]["act"]["enum"] == [act.value for act in Act]


def test_the_corpus_is_there() -> None:
    assert SAMPLE.is_file()
    assert len(list(TUNE.glob("*.txt"))) >= 20


@pytest.mark.parametrize(("path", "published_on"), inputs(), ids=lambda value: getattr(value, "stem", value))
def test_output_follows_the_contract(path: Path, published_on: str | None) -> None:
    document = extract_json(path, published_on)
    assert_valid(document)
    assert document["document"]["path"] == str(path)
    if published_on:
        assert document["document"]["anchor"] == {"date": published_on, "from": "--published", "text": None}
    assert_points_into(document, read_path(path).text)


def test_the_sample_reports_incidents() -> None:
    document = extract_json(SAMPLE, None)
    assert document["document"]["anchor"]["date"] == "2014-12-17"
    assert document["document"]["anchor"]["from"] == "dateline"
    assert len(document["incidents"]) >= 5


def test_several_paths_give_the_documents_wrapper() -> None:
    paths = [SAMPLE, *sorted(TUNE.glob("*.txt"))[:2]]
    done = chronika(*map(str, paths), "--format", "json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert_valid(payload)
    assert list(payload) == ["documents"]
    assert [doc["document"]["path"] for doc in payload["documents"]] == [str(path) for path in paths]
    for doc, path in zip(payload["documents"], paths, strict=True):
        assert_points_into(doc, read_path(path).text)


def test_one_path_gives_the_document_object_itself() -> None:
    assert set(extract_json(SAMPLE, None)) == {"document", "incidents"}


def test_standard_input_reads_the_same_as_the_file() -> None:
    done = chronika("-", "--format", "json", stdin=SAMPLE.read_bytes())
    assert done.returncode == 0, done.stderr
    from_stdin = json.loads(done.stdout)
    assert_valid(from_stdin)
    from_file = extract_json(SAMPLE, None)
    assert from_stdin["document"]["path"] == "-"
    assert from_stdin["document"]["sha256"] == from_file["document"]["sha256"]
    assert from_stdin["incidents"] == from_file["incidents"]


@pytest.mark.parametrize("value", ["2014-13-45", "17.12.2014", "yesterday", ""])
def test_a_bad_published_date_is_a_one_line_error(value: str) -> None:
    done = chronika(str(SAMPLE), "--published", value, "--format", "json")
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("chronika: error")
    assert "--published" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("fmt", ["table", "md"])
@pytest.mark.parametrize("path", [SAMPLE, *sorted(TUNE.glob("*.txt"))[:3]], ids=lambda path: path.stem)
def test_readable_formats_show_every_incident_and_act(fmt: str, path: Path) -> None:
    published_on = published(path) if path.parent == TUNE else None
    extra = ["--published", published_on] if published_on else []
    done = chronika(str(path), "--format", fmt, *extra)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for incident in extract_json(path, published_on)["incidents"]:
        if fmt == "table":
            rows = [line for line in lines if line.split(" ", 1)[0] == incident["id"]]
        else:
            rows = [line for line in lines if line.startswith(f"| {incident['id']} |")]
        assert len(rows) == 1, (incident["id"], done.stdout)
        for act in incident["acts"]:
            assert act in rows[0]

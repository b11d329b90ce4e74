from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from publish_scene import CANARIES, Scene, run_cli

from chronika.publish.bundle import verify_bundle
from chronika.publish.chronology import Scope, select_incidents, source_citations
from chronika.publish.export import ACLED_COLUMNS, CSV_COLUMNS, FORMATS, UWAZI_COLUMNS
from chronika.publish.redaction import Audience, redact_all

DOC = Path(__file__).parents[2] / "docs" / "publish.md"


def _records(scene: Scene, audience: Audience) -> list:
    return redact_all(select_incidents(scene.vault, Scope()), audience)


def _documented_columns(heading: str) -> list[str]:
    section = DOC.read_text().split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([a-z_0-9]+)` \|", section, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("heading", "columns"),
    [
        ("CSV columns", CSV_COLUMNS),
        ("ACLED-style columns", ACLED_COLUMNS),
        ("Uwazi CSV columns", UWAZI_COLUMNS),
    ],
)
def test_columns_are_the_documented_mapping(heading: str, columns: tuple[str, ...]) -> None:
    assert _documented_columns(heading) == list(columns)


def _table(scene: Scene, fmt: str, audience: Audience) -> list[dict[str, str]]:
    records = _records(scene, audience)
    (data,) = FORMATS[fmt](records, source_citations(scene.vault, records, audience)).values()
    return list(csv.DictReader(io.StringIO(data.decode())))


def test_acled_rows(scene: Scene) -> None:
    rows = {row["event_id_cnty"]: row for row in _table(scene, "acled", Audience.PARTNER)}
    assert list(next(iter(rows.values()))) == list(ACLED_COLUMNS)
    assert set(rows) == set(scene.accepted)
    attack = rows[scene.marked_date]  # physical_attack in the sample
    assert (attack["event_type"], attack["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["time_precision"] == "1" and attack["event_date"] == "2014-12-11"
    assert attack["actor1"] == ""  # perpetrators marked sensitive
    assert all("grozny-2014.txt" in row["source"] for row in rows.values())


def test_uwazi_rows(scene: Scene) -> None:
    rows = {row["chronika_id"]: row for row in _table(scene, "uwazi-csv", Audience.PUBLIC)}
    assert list(next(iter(rows.values()))) == list(UWAZI_COLUMNS)
    assert set(rows) == set(scene.accepted)
    assert all(row["title"] for row in rows.values())
    assert rows[scene.sensitive]["withheld"] == "evidence|location|victims"
    assert rows[scene.marked_date]["date"] == ""  # the date is marked sensitive: not for the public
    assert rows[scene.responded]["state_response"] == "investigation_refused"


def test_csv_reads_as_a_table(scene: Scene) -> None:
    (data,) = FORMATS["csv"](_records(scene, Audience.PARTNER), {}).values()
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert {row["id"] for row in rows} == set(scene.accepted)
    by_id = {row["id"]: row for row in rows}
    assert by_id[scene.sensitive]["withheld"] == "evidence; location; victims"
    assert by_id[scene.sensitive]["victims"] == ""
    assert by_id[scene.responded]["response_status"] == "investigation_refused"


def test_jsonl_rows_have_the_csv_fields(scene: Scene) -> None:
    (data,) = FORMATS["jsonl"](_records(scene, Audience.PUBLIC), {}).values()
    rows = [json.loads(line) for line in data.decode().splitlines()]
    assert all(list(row) == sorted(CSV_COLUMNS) for row in rows)
    assert len(rows) == len(scene.accepted)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_no_canary_in_any_export(scene: Scene, fmt: str, audience: Audience) -> None:
    records = _records(scene, audience)
    text = b"".join(FORMATS[fmt](records, source_citations(scene.vault, records, audience)).values()).decode()
    for canary in CANARIES.values():
        assert canary not in text
    assert scene.hidden_evidence not in text


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_internal_exports_do_show_the_team_what_others_may_not_see(scene: Scene, fmt: str) -> None:
    """The canary search above is known to work: the internal dataset has the names, the exact
    address and the drafts and retracted incidents that public and partner exports leave out."""
    records = _records(scene, Audience.INTERNAL)
    text = b"".join(FORMATS[fmt](records, source_citations(scene.vault, records, Audience.INTERNAL)).values())
    for canary in ("victim", "address", "perpetrator", "draft", "retracted"):
        assert CANARIES[canary] in text.decode(), canary
    if fmt == "jsonl":
        assert CANARIES["response_note"] in text.decode()


SQLITE3 = shutil.which("sqlite3")


@pytest.mark.parametrize(
    ("fmt", "name", "heading"),
    [("acled", "acled.csv", "ACLED-style columns"), ("uwazi-csv", "uwazi.csv", "Uwazi CSV columns")],
)
def test_cli_exports_of_the_sample_open_as_tables(
    scene: Scene, tmp_path: Path, fmt: str, name: str, heading: str
) -> None:
    """Written by the CLI into a bundle, read back by table readers that are not Chronika's: Python's
    csv module and, where installed, the sqlite3 shell's CSV import."""
    out = tmp_path / fmt
    done = run_cli(scene, tmp_path, "export", "--format", fmt, "--audience", "public", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert verify_bundle(out).ok
    path = out / name
    columns = _documented_columns(heading)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == columns
    assert all(len(row) == len(columns) for row in rows[1:])
    assert len(rows) - 1 == len(scene.accepted)
    if SQLITE3 is None:
        pytest.skip("the sqlite3 shell is not installed: checked with the csv module only")
    shell = subprocess.run(
        [SQLITE3, ":memory:", "-cmd", f".import --csv {path} t", "SELECT name FROM pragma_table_info('t');",
         "SELECT count(*) FROM t;"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert shell.returncode == 0 and shell.stderr == "", shell.stderr
    *names, count = shell.stdout.split("\n")[:-1]
    assert names == columns and int(count) == len(scene.accepted)

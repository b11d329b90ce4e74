from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from publish_scene import CANARIES, Scene, run_cli

from chronika.publish.chronology import Scope, select_incidents, source_citations
from chronika.publish.export import ESF_TABLES, actor_kinds, export_esf
from chronika.publish.redaction import Audience, Redacted, redact_all

DOC = Path(__file__).parents[2] / "docs" / "publish.md"


def _records(scene: Scene, audience: Audience) -> list[Redacted]:
    return sorted(redact_all(select_incidents(scene.vault, Scope()), audience), key=lambda r: r.record.id)


def _tables(scene: Scene, audience: Audience) -> dict[str, list[dict[str, str]]]:
    records = _records(scene, audience)
    files = export_esf(records, source_citations(scene.vault, records, audience), actor_kinds(scene.vault))
    assert list(files) == list(ESF_TABLES)
    return {name: list(csv.DictReader(io.StringIO(data.decode()))) for name, data in files.items()}


def _documented(table: str) -> list[str]:
    section = DOC.read_text().split("## ESF tables\n", 1)[1].split("\n## ", 1)[0]
    part = section.split(f"### {table}\n", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\| `([a-z_0-9]+)` \|", part, flags=re.MULTILINE)


@pytest.mark.parametrize("table", sorted(ESF_TABLES))
def test_esf_columns_are_the_documented_mapping(table: str) -> None:
    assert _documented(table) == list(ESF_TABLES[table])


def test_esf_headers(scene: Scene) -> None:
    records = _records(scene, Audience.PARTNER)
    for name, data in export_esf(records, {}).items():
        header = next(csv.reader(io.StringIO(data.decode())))
        assert header == list(ESF_TABLES[name])


@pytest.mark.parametrize("audience", list(Audience))
def test_esf_links_are_consistent(scene: Scene, audience: Audience) -> None:
    tables = _tables(scene, audience)
    events = {row["event_record_number"] for row in tables["events.csv"]}
    persons = {row["person_record_number"]: row for row in tables["persons.csv"]}
    assert len(persons) == len({row["name"] for row in persons.values()})
    for act in tables["acts.csv"]:
        assert act["event_record_number"] in events
        assert act["victim_record_number"] == "" or "victim" in persons[act["victim_record_number"]]["roles"]
    for involvement in tables["involvements.csv"]:
        assert involvement["event_record_number"] in events
        assert "perpetrator" in persons[involvement["perpetrator_record_number"]]["roles"]
        assert involvement["degree_of_involvement"] in {"unknown", "direct perpetrator"}
    for info in tables["information.csv"]:
        assert info["event_record_number"] in events
        assert info["source_record_number"].startswith("src_")
    used = {a["victim_record_number"] for a in tables["acts.csv"]} | {
        i["perpetrator_record_number"] for i in tables["involvements.csv"]
    }
    assert set(persons) <= used
    numbers = [row["act_record_number"] for row in tables["acts.csv"]]
    assert len(numbers) == len(set(numbers))
    types = {"individual", "organisation", "group", "unknown"}
    assert all(p["person_type"] in types for p in persons.values())


def test_esf_events_and_acts(scene: Scene) -> None:
    records = {r.record.id: r.record for r in _records(scene, Audience.PARTNER)}
    tables = _tables(scene, Audience.PARTNER)
    events = {row["event_record_number"]: row for row in tables["events.csv"]}
    assert set(events) == set(scene.accepted)
    assert events[scene.sensitive]["withheld"] == "evidence|location|victims"
    assert events[scene.sensitive]["local_geographical_area"] == ""
    attack = events[scene.marked_date]  # date visible to partners, perpetrators withheld
    assert (attack["initial_date"], attack["initial_date_type"]) == ("2014-12-11", "exact")
    assert not [i for i in tables["involvements.csv"] if i["event_record_number"] == scene.marked_date]
    for event, record in records.items():
        acts = [a for a in tables["acts.csv"] if a["event_record_number"] == event]
        assert len(acts) == len(record.acts) * max(1, len(record.victims))
        assert {a["type_of_act"] for a in acts} == {str(act) for act in record.acts}
    assert all("grozny-2014.txt" in row["source_title"] for row in tables["information.csv"])


def test_esf_internal_names_every_person(scene: Scene) -> None:
    tables = _tables(scene, Audience.INTERNAL)
    names = {row["name"] for row in tables["persons.csv"]}
    assert CANARIES["victim"] in names and CANARIES["perpetrator"] in names


@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_no_canary_in_esf(scene: Scene, audience: Audience) -> None:
    records = _records(scene, audience)
    files = export_esf(records, source_citations(scene.vault, records, audience), actor_kinds(scene.vault))
    text = b"".join(files.values()).decode()
    for canary in CANARIES.values():
        assert canary not in text
    assert scene.hidden_evidence not in text


def test_esf_export_command_writes_a_verifiable_bundle(scene: Scene, tmp_path: Path) -> None:
    out = tmp_path / "esf"
    done = run_cli(scene, tmp_path, "export", "--format", "esf", "--audience", "public", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert {p.name for p in out.iterdir()} >= set(ESF_TABLES)
    checked = run_cli(scene, tmp_path, "verify-bundle", str(out))
    assert checked.returncode == 0, checked.stderr

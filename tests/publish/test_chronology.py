from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from publish_scene import CANARIES, LINK_NOTE_CANARY, Scene, run_cli

from chronika.desk.timeline import FAMILY_COLOURS, NO_FAMILY
from chronika.errors import RecordNotFound
from chronika.model import act_family
from chronika.publish import chronology as chronology_module
from chronika.publish.bundle import verify_bundle
from chronika.publish.chronology import (
    NO_RESPONSE_TEXT,
    Scope,
    build_chronology,
    link_group,
    preview_css,
    render_html,
    render_markdown,
    timeline_svg,
)
from chronika.publish.redaction import Audience

RENDERERS = {
    "md": render_markdown,
    "html": render_html,
    "svg": lambda made: timeline_svg(made, standalone=True),
}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize("audience", [Audience.PUBLIC, Audience.PARTNER])
def test_no_canary_leaves_in_any_format(scene: Scene, audience: Audience, fmt: str) -> None:
    text = RENDERERS[fmt](build_chronology(scene.vault, Scope(), audience))
    assert text
    for canary in CANARIES.values():
        assert canary not in text
    assert scene.hidden_evidence not in text
    for hidden in (scene.draft, scene.retracted):
        assert hidden not in text
    if audience is Audience.PUBLIC:
        assert "grozny-2014.txt" not in text  # a file name is the team's label, not a citation


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_internal_shows_everything(scene: Scene, fmt: str) -> None:
    text = RENDERERS[fmt](build_chronology(scene.vault, Scope(), Audience.INTERNAL))
    for canary in CANARIES.values():
        assert canary in text
    assert "draft" in text and "retracted" in text


def test_entries_are_numbered_by_date_with_every_part(scene: Scene) -> None:
    made = build_chronology(scene.vault, Scope(), Audience.PARTNER)
    assert [entry.number for entry in made.entries] == list(range(1, len(scene.accepted) + 1))
    starts = [entry.incident.record.date.start for entry in made.entries if entry.incident.record.date]
    assert starts == sorted(starts)
    text = render_markdown(made)
    for label in ("**Acts**", "**Who**", "**To whom**", "**Where**", "**Source**", "**State response**"):
        assert text.count(label) == len(made.entries)
    assert NO_RESPONSE_TEXT in text
    assert "investigation refused (Letter of the Investigative Committee)" in text
    assert "grozny-2014.txt" in text
    assert "withheld" in text


def test_html_is_self_contained(scene: Scene) -> None:
    page = render_html(build_chronology(scene.vault, Scope(), Audience.PUBLIC))
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "<svg" in page


def test_scope_by_actor_and_search(scene: Scene) -> None:
    by_actor = build_chronology(scene.vault, Scope(actor="Igor Kalyapin"), Audience.INTERNAL)
    assert by_actor.entries
    assert all("Igor Kalyapin" in e.incident.record.victims for e in by_actor.entries)
    found = build_chronology(scene.vault, Scope(search="eggs"), Audience.INTERNAL)
    assert [e.incident.record.evidence for e in found.entries if "eggs" in e.incident.record.evidence]


# -- the link group scope -------------------------------------------------------------------------


def test_link_group_is_the_connected_set_from_any_member(scene: Scene) -> None:
    for member in scene.group:
        assert link_group(scene.vault, member) == scene.group
    assert link_group(scene.vault, f"  {scene.marked_date} ") == [scene.marked_date]  # no links


@pytest.mark.parametrize("fmt", ["md", "html", "svg"])
@pytest.mark.parametrize("audience", list(Audience))
def test_link_group_chronology_is_redacted(scene: Scene, audience: Audience, fmt: str) -> None:
    made = build_chronology(scene.vault, Scope(link_group=scene.retracted), audience)
    shown = {entry.incident.record.id for entry in made.entries}
    if audience is Audience.INTERNAL:
        assert shown == set(scene.group)
    else:  # the draft and the retracted incident join the group but are not published
        assert shown == {scene.sensitive, scene.responded}
    text = RENDERERS[fmt](made)
    assert LINK_NOTE_CANARY not in text
    outside = set(scene.ids) - set(scene.group)
    if fmt != "svg":  # the timeline names no ids in its marks' titles, only links to them
        assert shown <= {i for i in scene.ids if i in text}
    assert not {i for i in outside if i in text}
    leaked = [canary for canary in CANARIES.values() if canary in text]
    if audience is Audience.INTERNAL:
        if fmt != "svg":
            assert CANARIES["victim"] in text and CANARIES["draft"] in text and CANARIES["retracted"] in text
    else:
        assert leaked == []
        assert scene.hidden_evidence not in text
    if fmt == "md":
        assert f"link group of {scene.retracted}" in made.title


def test_link_group_narrowed_by_a_search(scene: Scene) -> None:
    def ids(scope: Scope) -> list[str]:
        return [
            entry.incident.record.id
            for entry in build_chronology(scene.vault, scope, Audience.INTERNAL).entries
        ]

    assert ids(Scope(search="VICTIMCANARY1", link_group=scene.responded)) == [scene.sensitive]
    assert ids(Scope(search="PERPCANARY8")) == [scene.marked_date]
    assert ids(Scope(search="PERPCANARY8", link_group=scene.responded)) == []  # found, but not in the group
    scope = Scope(actor=CANARIES["draft"], link_group=scene.sensitive)
    assert ids(scope) == [scene.draft]
    assert scope.describe() == f"actor {CANARIES['draft']}, link group of {scene.sensitive}"


def test_link_group_of_an_unknown_incident_is_refused(scene: Scene) -> None:
    with pytest.raises(RecordNotFound):
        build_chronology(scene.vault, Scope(link_group="inc_nothere0"), Audience.PUBLIC)
    with pytest.raises(RecordNotFound):
        build_chronology(scene.vault, Scope(link_group=scene.ids[0].replace("inc_", "src_")), Audience.PUBLIC)


def test_cli_link_group_bundle(scene: Scene, tmp_path: Path) -> None:
    out = tmp_path / "group"
    made = run_cli(
        scene,
        tmp_path,
        "publish",
        "chronology",
        "--link-group",
        scene.draft,
        "--audience",
        "partner",
        "--format",
        "md",
        "--out",
        str(out),
    )
    assert made.returncode == 0, made.stderr
    assert "chronology of 2 incidents for a partner audience" in made.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["scope"] == f"link group of {scene.draft}"
    assert {record["id"] for record in manifest["records"]} == {scene.sensitive, scene.responded}
    everything = "".join(path.read_text() for path in out.iterdir())
    for canary in [*CANARIES.values(), LINK_NOTE_CANARY]:
        assert canary not in everything
    assert verify_bundle(out).ok
    refused = run_cli(
        scene, tmp_path, "publish", "chronology", "--link-group", "inc_nothere0", "--audience", "public",
        "--out", str(tmp_path / "refused"),
    )  # fmt: skip
    assert refused.returncode == 4
    assert refused.stderr.strip().splitlines()[-1] == "chronika: error [E231]: no record inc_nothere0"
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "refused").exists()


# -- the timeline figure ----------------------------------------------------------------------------


@pytest.mark.parametrize("audience", list(Audience))
def test_timeline_colours_each_family_and_carries_its_styles(scene: Scene, audience: Audience) -> None:
    made = build_chronology(scene.vault, Scope(), audience)
    svg = timeline_svg(made)
    marks = dict(re.findall(r'<a href="#(inc_\w+)" class="mark \w+ family-(\w+)">', svg))
    dated = {e.incident.record.id: e.incident.record for e in made.entries if e.incident.record.date}
    assert set(marks) == set(dated)
    for incident_id, family in marks.items():
        expected = act_family(dated[incident_id].acts)
        assert family == (expected.value if expected else NO_FAMILY)
    style = re.search(r"<svg[^>]*><style>(.*?)</style>", svg, re.DOTALL)
    assert style is not None  # WeasyPrint and a lone .svg file style the figure only from inside it
    for family in set(marks.values()):
        fill, _ = FAMILY_COLOURS[family]
        assert f".timeline .family-{family} circle" in style.group(1) and fill in style.group(1)
        assert f'<g class="legend-key family-{family}">' in svg
    assert "<style" not in timeline_svg(made, styled=False)


def test_the_desk_preview_carries_the_same_colours() -> None:
    desk_css = (Path(chronology_module.__file__).parents[1] / "desk" / "static" / "desk.css").read_text()
    assert preview_css() in desk_css, "paste chronika.publish.chronology.preview_css() into desk.css"

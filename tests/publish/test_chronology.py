from __future__ import annotations

import re

import pytest
from publish_scene import CANARIES, Scene

from chronika.publish.chronology import (
    NO_RESPONSE_TEXT,
    Scope,
    build_chronology,
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

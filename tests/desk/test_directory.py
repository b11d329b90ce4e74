"""Actors and places: lists with counts, a page per name, aliases, merging duplicates (pages and API)."""

from __future__ import annotations

from urllib.parse import urlencode

from deskkit import Desk

from chronika.desk.directory import directory
from chronika.vault.record import IncidentChanges


def _name_page(kind: str, name: str) -> str:
    return f"/{kind}/named?" + urlencode({"name": name})


def test_actors_list_counts_roles_and_links_chronologies(ready: Desk) -> None:
    page = ready.client.get("/actors")
    assert page.status_code == 200
    assert 'href="/actors/named?name=Igor+Kalyapin"' in page.text
    assert 'href="/chronology?actor=Igor+Kalyapin"' in page.text
    vault = ready.keeper._vault
    listing = directory(vault, "actor")
    kalyapin = next(e for e in listing.entries if e.name == "Igor Kalyapin")
    victims = [i for i in vault.list_incidents().incidents if "Igor Kalyapin" in i.victims]
    assert kalyapin.victim == kalyapin.total == len(victims) >= 3 and kalyapin.perpetrator == 0
    assert not listing.capped and listing.scanned == len(vault.list_incidents().incidents)
    only = ready.client.get("/actors", params={"q": "kadyr"}).text
    assert "name=Ramzan+Kadyrov" in only and "name=Igor+Kalyapin" not in only
    places = ready.client.get("/places").text
    assert 'href="/places/named?name=Grozny"' in places


def test_merging_two_names_reaches_filters_and_chronologies(ready: Desk) -> None:
    vault = ready.keeper._vault
    target = next(i for i in vault.list_incidents().incidents if "Ramzan Kadyrov" not in i.perpetrators)
    vault.edit(target.id, IncidentChanges(perpetrators=["Kadyrov"]))
    vault.accept([i.id for i in vault.list_incidents().incidents])

    def chronology(name: str) -> str:
        return ready.client.get("/chronology", params={"actor": name}).text

    assert target.id not in chronology("Ramzan Kadyrov")
    response = ready.post(
        "/actors/merge",
        {"keep": "Ramzan Kadyrov", "duplicate": "Kadyrov", "note": "the same man", "kind": "person"},
        page="/actors",
    )
    assert response.status_code == 303 and response.headers["location"] == _name_page(
        "actors", "Ramzan Kadyrov"
    )
    assert target.id in chronology("Ramzan Kadyrov")
    table = ready.client.get("/incidents", params={"actor": "Ramzan Kadyrov", "per": 100}).text
    assert target.id in table
    page = ready.client.get(_name_page("actors", "Kadyrov")).text  # either name opens the same page
    assert "<h1>Ramzan Kadyrov</h1>" in page and "actor.merge" in page and "the same man" in page
    assert vault.find_named("actor", "Kadyrov").kind == "person"  # type: ignore[union-attr]
    assert target.id in page
    listing = ready.client.get("/actors").text
    assert listing.count('href="/actors/named?name=Kadyrov"') == 0  # one entry, the alias beside it
    # Undo: take the alias off; the history keeps both steps.
    undo = ready.post(
        "/actors/aliases/remove",
        {"name": "Ramzan Kadyrov", "alias": "Kadyrov"},
        page=_name_page("actors", "Ramzan Kadyrov"),
    )
    assert undo.status_code == 303
    assert target.id not in chronology("Ramzan Kadyrov")
    history = ready.client.get(_name_page("actors", "Ramzan Kadyrov")).text
    assert "actor.merge" in history and "actor.upsert" in history


def test_aliases_on_a_place_page(ready: Desk) -> None:
    page = _name_page("places", "Grozny")
    assert ready.client.get(page).status_code == 200
    added = ready.post("/places/aliases", {"name": "Grozny", "alias": "Dzhokhar"}, page=page)
    assert added.status_code == 303
    assert "Dzhokhar" in ready.client.get(page).text
    vault = ready.keeper._vault
    some = vault.list_incidents().incidents[0]
    vault.edit(some.id, IncidentChanges(location="Dzhokhar"))
    vault.accept([some.id])
    assert some.id in ready.client.get("/chronology", params={"place": "Grozny"}).text
    assert (
        ready.post("/places/aliases", {"name": "Grozny", "alias": "Dzhokhar"}, page=page).status_code == 409
    )
    assert ready.post("/places/aliases", {"name": "Grozny", "alias": " "}, page=page).status_code == 400
    assert ready.client.post("/places/aliases", data={"name": "Grozny", "alias": "x"}).status_code == 403
    assert ready.client.get("/places/named").status_code == 400


def test_edit_form_suggests_known_actors(ready: Desk) -> None:
    vault = ready.keeper._vault
    vault.merge_names("actor", "Igor Kalyapin", "I. Kalyapin")
    draft = vault.list_incidents().incidents[0].id
    form = ready.client.get(f"/incidents/{draft}/edit").text
    assert '<datalist id="known-actors">' in form
    for name in ("Igor Kalyapin", "I. Kalyapin", "Ramzan Kadyrov"):
        assert f'<option value="{name}">' in form


def test_undoing_a_merge_lists_the_duplicate_again(ready: Desk) -> None:
    vault = ready.keeper._vault
    vault.add_alias("actor", "Igor Kalyapin", "I. A. Kalyapin")
    other = vault.add_alias("actor", "Kalyapin", "Kalyapin I.")  # a second record for the same man
    vault.merge_names("actor", "Igor Kalyapin", "Kalyapin")

    def entries() -> dict[str, list[str]]:
        return {e.name: e.aliases for e in directory(vault, "actor").entries if "alyapin" in e.name}

    assert entries() == {"Igor Kalyapin": ["I. A. Kalyapin", "Kalyapin", "Kalyapin I."]}
    vault.remove_alias("actor", "Igor Kalyapin", "Kalyapin")
    vault.remove_alias("actor", "Igor Kalyapin", "Kalyapin I.")
    assert entries() == {"Igor Kalyapin": ["I. A. Kalyapin"], "Kalyapin": ["Kalyapin I."]}
    page = ready.client.get(_name_page("actors", "Kalyapin")).text
    assert "<h1>Kalyapin</h1>" in page and "Merged into" not in page
    assert [v.op.__struct_config__.tag for v, _ in vault.history(other.id)] == [
        "actor.upsert",
        "actor.merged_into",
    ]

"""Incidents table, CSV, the incident page, responses, links and chronologies."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from deskkit import Desk

from chronika.desk.pages import browse
from chronika.vault.record import LinkKind, Status
from chronika.vault.view import Filters


def test_table_filters_search_sort_and_pages(ready: Desk) -> None:
    vault = ready.keeper._vault
    ids = ready.incident_ids()
    everything = ready.client.get("/incidents?per=100").text
    assert all(f"/incidents/{i}" in everything for i in ids)
    smear = [i.id for i in vault.list_incidents().incidents if "smear_campaign" in i.acts]
    page = ready.client.get("/incidents?act=smear_campaign").text
    assert all(f"/incidents/{i}" in page for i in smear)
    assert all(f"/incidents/{i}" not in page for i in set(ids) - set(smear))
    assert "/incidents/" in ready.client.get("/incidents?q=Grozny").text
    assert "No incidents match" in ready.client.get("/incidents?q=zzzznothing").text
    ready.post("/accept", {"id": ids[0]})
    accepted = ready.client.get("/incidents?status=accepted").text
    assert f"/incidents/{ids[0]}" in accepted and f'/incidents/{ids[1]}"' not in accepted
    # Sort by place ascending and back; an oldest-first order; pages of one size.
    for query in (
        "sort=place&order=asc",
        "sort=date&order=asc",
        "sort=confidence",
        "actor=Kalyapin&role=victim",
    ):
        assert ready.client.get(f"/incidents?{query}").status_code == 200
    assert ready.client.get("/incidents?from=2014-12-12&to=2014-12").status_code == 200
    assert ready.client.get("/incidents?from=2015&to=2014").status_code == 400
    assert ready.client.get("/incidents?act=bogus").status_code == 400
    assert ready.client.get("/incidents?per=7").status_code == 400


def test_role_filter_separates_perpetrators_from_victims(ready: Desk) -> None:
    vault = ready.keeper._vault
    as_victim = ready.client.get("/incidents?actor=Kalyapin&role=victim&per=100").text
    for incident in vault.list_incidents().incidents:
        shown = f"/incidents/{incident.id}" in as_victim
        assert shown == any("kalyapin" in v.casefold() for v in incident.victims)


def test_csv_holds_the_selection_and_defuses_formulas(ready: Desk) -> None:
    vault = ready.keeper._vault
    incident = ready.incident_ids()[0]
    ready.post(f"/incidents/{incident}/edit", {"victim": ['=HYPERLINK("x")'], "act": ["threat"]})
    response = ready.client.get("/incidents.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert "no-store" in response.headers["cache-control"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(vault.list_incidents(page=None).incidents)
    assert {row["id"] for row in rows} == set(ready.incident_ids())
    edited = next(row for row in rows if row["id"] == incident)
    assert edited["victims"].startswith("'=")
    only = list(csv.DictReader(io.StringIO(ready.client.get("/incidents.csv?act=threat").text)))
    assert only and all("threat" in row["acts"] for row in only)


def test_incident_page_shows_everything_and_takes_responses_and_links(ready: Desk) -> None:
    first, second = ready.incident_ids()[:2]
    page = ready.client.get(f"/incidents/{first}").text
    assert f'<mark id="ev-{first}" class="current"' in page
    assert "incident.create" in page and "History" in page
    response = ready.post(
        f"/incidents/{first}/responses",
        {"kind": "investigation_refused", "date": "2015-02-01", "source": "letter 12/3", "note": "no crime"},
    )
    assert response.status_code == 303
    assert ready.keeper._vault.incident(first).response_status.value == "investigation_refused"
    assert (
        ready.post(f"/incidents/{first}/responses", {"kind": "bogus", "date": "2015-02-01"}).status_code
        == 400
    )
    assert (
        ready.post(
            f"/incidents/{first}/responses", {"kind": "trial", "date": "2015-02-01", "source": ""}
        ).status_code
        == 409
    )
    ready.post(f"/incidents/{first}/links", {"kind": "same_campaign", "other": second})
    page = ready.client.get(f"/incidents/{first}").text
    assert "letter 12/3" in page and "investigation refused" in page
    assert f'href="/incidents/{second}"' in page and "response.add" in page
    assert (
        ready.post(f"/incidents/{first}/links", {"kind": "same_campaign", "other": first}).status_code == 409
    )
    assert ready.client.get("/incidents/inc_zzzzzzzz").status_code == 404
    assert "/incidents/" in ready.client.get("/incidents?response=investigation_refused").text


def test_chronology_draws_a_timeline_above_the_dated_list(ready: Desk) -> None:
    empty = ready.client.get("/chronology?actor=Kalyapin").text
    assert "<svg" not in empty and "No accepted incidents" in empty
    ready.post("/accept", {"all_of": ready.source_id})
    page = ready.client.get("/chronology?actor=Kalyapin").text
    assert page.index("<svg") < page.index('class="chronology"')
    assert 'role="img"' in page and "<title" in page
    assert "Chronology: Kalyapin" in page
    place = ready.client.get("/chronology?place=Grozny").text
    assert "<svg" in place
    drafts = ready.client.get("/chronology?q=Grozny&status=accepted&status=draft")
    assert drafts.status_code == 200
    css = ready.client.get("/static/desk.css").text
    assert "@media print" in css


def test_retracted_incidents_leave_the_chronology(ready: Desk) -> None:
    ready.post("/accept", {"all_of": ready.source_id})
    incident = ready.incident_ids()[0]
    ready.post(f"/incidents/{incident}/retract", {"reason": "duplicate"})
    assert f'id="{incident}"' not in ready.client.get("/chronology").text
    assert ready.keeper._vault.incident(incident).status is Status.RETRACTED


def test_verify_page_and_button(ready: Desk) -> None:
    page = ready.client.get("/verify").text
    assert "Merkle root" in page and "Not verified since" in page
    response = ready.post("/verify", page="/verify")
    assert response.status_code == 303
    page = ready.client.get("/verify").text
    assert "Intact" in page and "signed checkpoints" in page


def test_tokens_are_shown_once_and_stored_hashed(ready: Desk) -> None:
    made = ready.post("/settings/tokens", {"label": "laptop script"}, page="/settings")
    assert made.status_code == 200
    import re

    secret = re.search(r'<code id="new-token">([^<]+)</code>', made.text).group(1)
    assert secret.startswith("chk_")
    stored = (ready.config.vault_dir / "desk-tokens.json").read_text()
    assert secret not in stored and "laptop script" in stored
    assert (ready.config.vault_dir / "desk-tokens.json").stat().st_mode & 0o077 == 0
    assert secret not in ready.client.get("/settings").text
    token_id = ready.app.state.tokens.list()[0].id
    ready.post(f"/settings/tokens/{token_id}/revoke", page="/settings")
    assert ready.app.state.tokens.list() == []


def test_chronology_of_a_link_group(ready: Desk) -> None:
    vault = ready.keeper._vault
    first, second, third, *rest = sorted(vault.list_incidents().incidents, key=lambda i: i.evidence_span)
    vault.link(second.id, first.id, LinkKind.SAME_CAMPAIGN)
    vault.link(third.id, second.id, LinkKind.FOLLOW_UP_OF)  # reached from the first through the second
    vault.accept([i.id for i in vault.list_incidents().incidents])
    page = ready.client.get("/chronology", params={"linked": first.id})
    assert page.status_code == 200
    listed = re.findall(r'<li id="(inc_[0-9a-z]{8})"', page.text)
    assert sorted(listed) == sorted([first.id, second.id, third.id])
    assert f"/chronology?linked={first.id}" in ready.client.get(f"/incidents/{first.id}").text
    assert ready.client.get("/chronology", params={"linked": "inc_zzzzzzzz"}).status_code == 404
    secret = ready.app.state.tokens.create("tests").secret
    found = ready.client.get(
        "/api/v1/chronology", params={"linked": third.id}, headers={"authorization": f"Bearer {secret}"}
    ).json()
    assert {i["id"] for i in found["incidents"]} == {first.id, second.id, third.id}
    assert all(i.id not in listed for i in rest)


def test_edit_form_suggests_known_places(ready: Desk) -> None:
    vault = ready.keeper._vault
    vault.merge_names("place", "Grozny", "Groznyy")
    form = ready.client.get(f"/incidents/{ready.incident_ids()[0]}/edit").text
    assert 'list="known-places"' in form
    assert '<option value="Groznyy">' in form and '<option value="Moscow">' in form


def test_table_oldest_first_is_the_reverse_of_newest_first(ready: Desk) -> None:
    def order(query: str) -> list[str]:
        return re.findall(
            r'<td><a href="/incidents/(inc_\w+)">', ready.client.get(f"/incidents?per=100&{query}").text
        )

    newest, oldest = order(""), order("order=asc")
    assert newest and oldest == [*reversed([i for i in newest if i in oldest])]
    assert "Sorted among the first" not in ready.client.get("/incidents?order=asc").text


def test_a_long_chronology_is_counted_per_period_and_listed_a_page_at_a_time(
    ready: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ready.post("/accept", {"all_of": ready.source_id})
    vault = ready.keeper._vault
    accepted = vault.list_incidents(Filters(statuses=(Status.ACCEPTED,))).incidents
    short = ready.client.get("/chronology").text
    assert 'class="timeline"' in short and "histogram" not in short and 'rel="next"' not in short
    monkeypatch.setattr(browse, "CHRONOLOGY_PAGE", 2)
    listed, page, seen_pages = [], 1, []
    while True:
        text = ready.client.get(f"/chronology?page={page}").text
        seen_pages.append(text)
        listed += re.findall(r'<li id="(inc_\w+)"', text)
        if 'rel="next"' not in text:
            break
        page += 1
    dated = [i for i in reversed(accepted) if i.date]  # the view's newest-first order, reversed
    assert listed[: len(dated)] == [i.id for i in dated] and sorted(listed) == sorted(i.id for i in accepted)
    first = seen_pages[0]
    assert 'class="timeline histogram"' in first and f"{len(accepted)} incidents" in first
    assert f"Page 1 of {-(-len(accepted) // 2)}" in first
    bars = re.findall(r'<a href="(/chronology\?[^"]+)" class="mark bar"><title>([^<]+)</title>', first)
    counted = 0
    for href, label in bars:
        count = int(re.search(r": (\d+) incident", label).group(1))  # type: ignore[union-attr]
        counted += count
        narrowed = ready.client.get(html.unescape(href))
        assert narrowed.status_code == 200
        assert len(re.findall(r'<li id="(inc_\w+)"', narrowed.text)) == min(count, 2)
    assert counted == len(dated)


def test_incident_page_flags_concurrent_edits_from_two_devices(ready: Desk, tmp_path) -> None:
    import os

    import nacl.signing

    from chronika.vault.keys import Keyring, device_id_for
    from chronika.vault.ledger import Ledger
    from chronika.vault.record import IncidentChanges, IncidentUpdate, encode_payload, now
    from chronika.vault.secret import SigningSeed
    from chronika.vault.segment import CheckpointFrame, sealed_frames

    vault = ready.keeper._vault
    incident_id = ready.incident_ids()[0]
    assert "Flagged for review" not in ready.client.get(f"/incidents/{incident_id}").text
    seen = dict(vault.incident(incident_id).clocks)  # what a second laptop saw before going offline
    vault.edit(incident_id, IncidentChanges(location="Grozny, Leninsky district"))  # this laptop
    seed = SigningSeed(os.urandom(32))
    public_key = bytes(nacl.signing.SigningKey(seed.reveal()).verify_key)
    laptop = Keyring(vault.keyring.vault_id, device_id_for(public_key), vault.keyring.data_key, seed)
    offline = IncidentUpdate(
        id=incident_id,
        at=now(),
        hlc=vault.view.clock() + 1,
        origin=laptop.device_id.hex(),
        seen=seen,
        changes=IncidentChanges(location="Grozny, Zavodskoy district"),
    )
    with Ledger.create(tmp_path / "laptop", laptop) as theirs:
        theirs.append_batch([encode_payload(offline)])
    bodies = [f.data for f in sealed_frames(tmp_path / "laptop") if not isinstance(f, CheckpointFrame)]
    vault._writer().append_sealed(bodies)  # what a sync that pulled it leaves in the ledger
    vault._catch_up()
    page = ready.client.get(f"/incidents/{incident_id}").text
    assert "Flagged for review" in page and "location" in page
    assert "Grozny, Zavodskoy district" in page  # the later change stands; the other is in the history

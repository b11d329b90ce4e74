"""The inbox and review: paste, upload, evidence marked in place, accept, reject, edit."""

from __future__ import annotations

import html
import re

from deskkit import SAMPLE, Desk

from chronika.vault.record import Status


def test_paste_stores_drafts_beside_their_marked_source(ready: Desk) -> None:
    page = ready.client.get(f"/sources/{ready.source_id}")
    assert page.status_code == 200
    vault = ready.keeper._vault
    incidents = vault.list_incidents().incidents
    assert incidents and {i.status for i in incidents} == {Status.DRAFT}
    text = SAMPLE.read_text()
    for incident in incidents:
        assert f'id="ev-{incident.id}"' in page.text
        assert f'href="#ev-{incident.id}"' in page.text
    # The marked words are exactly the evidence span of the source text.
    source = vault.show(ready.source_id)
    first = incidents[0]
    start, end = first.evidence_span
    marked = re.search(rf'<mark id="ev-{first.id}"[^>]*>(.*?)</mark>', page.text, re.S)
    assert marked and html.unescape(marked.group(1)) in source.text[start:end]
    assert "Kalyapin" in text and "Kalyapin" in page.text


def test_pasting_the_same_report_again_is_not_a_duplicate(ready: Desk) -> None:
    assert ready.paste() == ready.source_id


def test_upload_several_files_at_once(ready: Desk) -> None:
    files = [
        (
            "files",
            (
                "kazan.txt",
                b"KAZAN, 14 May 2019 - Police detained the lawyer Anna Petrova in Kazan on 12 May 2019.",
                "text/plain",
            ),
        ),
        (
            "files",
            (
                "minsk.md",
                b"# Minsk\n\nRiot police beat the journalist Maria Ivanova in Minsk on 9 August 2020.",
                "text/markdown",
            ),
        ),
        (
            "files",
            (
                "page.html",
                b"<html><body><p>On 3 March 2021 police searched the office of Memorial in Moscow."
                b"</p></body></html>",
                "text/html",
            ),
        ),
        ("files", ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")),
    ]
    response = ready.client.post("/inbox/upload", data={"csrf": ready.csrf()}, files=files)
    assert response.status_code == 200
    assert response.text.count('href="/sources/src_') >= 3
    assert "PNG image" in response.text  # the bad file is named, the others imported
    single = ready.client.post(
        "/inbox/upload",
        data={"csrf": ready.csrf()},
        files=[("files", ("one.txt", b"On 1 June 2022 police detained Ivan Petrov in Omsk.", "text/plain"))],
    )
    assert single.status_code == 303 and single.headers["location"].startswith("/sources/src_")


def test_uploads_are_not_spooled_to_the_temp_directory(ready: Desk, tmp_path, monkeypatch) -> None:
    import tempfile

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    # Over Starlette's 1 MiB spooling threshold; one long word keeps extraction quick.
    big = b"On 2 May 2018 police detained the activist Pavel Orlov in Perm.\n\n" + b"x" * (1024 * 1024 + 10)
    response = ready.client.post(
        "/inbox/upload", data={"csrf": ready.csrf()}, files=[("files", ("big.txt", big, "text/plain"))]
    )
    assert response.status_code == 303
    assert list(spool.iterdir()) == []


def test_accept_one_then_all_of_a_report(ready: Desk) -> None:
    ids = ready.incident_ids()
    response = ready.post("/accept", {"id": ids[0], "back": f"/sources/{ready.source_id}"})
    assert response.status_code == 303
    vault = ready.keeper._vault
    assert vault.incident(ids[0]).status is Status.ACCEPTED
    page = ready.client.get(f"/sources/{ready.source_id}").text
    assert "1 incident accepted." in page
    ready.post("/accept", {"all_of": ready.source_id})
    assert {vault.incident(i).status for i in ids} == {Status.ACCEPTED}


def test_accept_selected(ready: Desk) -> None:
    ids = ready.incident_ids()
    ready.client.post("/accept", data={"csrf": ready.csrf(), "id": ids[:2]})
    vault = ready.keeper._vault
    assert [vault.incident(i).status for i in ids[:3]] == [Status.ACCEPTED, Status.ACCEPTED, Status.DRAFT]
    nothing = ready.post("/accept", {})
    assert nothing.status_code == 400


def test_reject_needs_a_reason_and_keeps_the_record(ready: Desk) -> None:
    incident = ready.incident_ids()[0]
    assert ready.post(f"/incidents/{incident}/retract", {"reason": " "}).status_code == 400
    ready.post(f"/incidents/{incident}/retract", {"reason": "the accused is named as perpetrator"})
    record = ready.keeper._vault.incident(incident)
    assert record.status is Status.RETRACTED and record.retraction == "the accused is named as perpetrator"
    page = ready.client.get(f"/incidents/{incident}").text
    assert "the accused is named as perpetrator" in page and "incident.retract" in page


def test_edit_changes_only_what_differs(ready: Desk) -> None:
    incident = ready.incident_ids()[0]
    form = ready.client.get(f"/incidents/{incident}/edit").text
    assert 'type="checkbox" name="act" value="killing"' in form and 'list="known-actors"' in form
    response = ready.post(
        f"/incidents/{incident}/edit",
        {
            "date_start": "2014-12-10",
            "date_end": "2014-12-12",
            "precision": "range",
            "act": ["threat", "smear_campaign"],
            "perpetrator": ["Ramzan Kadyrov", ""],
            "victim": ["Igor Kalyapin"],
            "location": "Grozny",
            "note": "corrected from the text",
        },
    )
    assert response.status_code == 303
    record = ready.keeper._vault.incident(incident)
    assert [a.value for a in record.acts] == ["threat", "smear_campaign"]
    assert record.perpetrators == ["Ramzan Kadyrov"] and record.victims == ["Igor Kalyapin"]
    assert str(record.date.start) == "2014-12-10" and str(record.date.end) == "2014-12-12"
    history = ready.keeper._vault.history(incident)
    assert len(history) == 2
    again = ready.post(
        f"/incidents/{incident}/edit",
        {
            "date_start": "2014-12-10",
            "date_end": "2014-12-12",
            "precision": "range",
            "act": ["threat", "smear_campaign"],
            "perpetrator": ["Ramzan Kadyrov"],
            "victim": ["Igor Kalyapin"],
            "location": "Grozny",
        },
    )
    assert again.status_code == 303 and len(ready.keeper._vault.history(incident)) == 2
    bad = ready.post(f"/incidents/{incident}/edit", {"date_start": "2014-12-10", "date_end": "2014-12-01"})
    assert bad.status_code == 400


def test_inbox_lists_reports_waiting_for_review(ready: Desk) -> None:
    page = ready.client.get("/inbox").text
    assert f'href="/sources/{ready.source_id}"' in page
    ready.post("/accept", {"all_of": ready.source_id})
    assert f'href="/sources/{ready.source_id}"' not in ready.client.get("/inbox").text


def test_empty_paste_is_a_clear_error(ready: Desk) -> None:
    response = ready.post("/inbox/paste", {"text": "   "})
    assert response.status_code == 400 and "whitespace" in response.text

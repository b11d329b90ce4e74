"""The REST API: token auth, every route, the one error shape, the OpenAPI document.

Generated requests against every operation (no 5xx) are schemathesis' part: ``test_openapi.py``.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from deskkit import SAMPLE, Desk
from starlette.routing import Mount, Route


@pytest.fixture
def api(ready: Desk):
    secret = ready.app.state.tokens.create("tests").secret
    ready.client.headers["authorization"] = f"Bearer {secret}"
    return ready


def assert_error(response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


def test_a_long_chronology_comes_in_pages_with_counts_per_period(api: Desk) -> None:
    client = api.client
    for copy in range(4):
        text = SAMPLE.read_text() + f"\nCopy {copy}."
        imported = client.post("/api/v1/imports", json={"text": text, "name": f"copy-{copy}"}).json()
        client.post("/api/v1/accept", json={"ids": imported["incidents"]})
    accepted = client.get("/api/v1/incidents", params={"status": "accepted", "per": 100}).json()["incidents"]
    assert len(accepted) > 20
    pages, page = [], 1
    while True:
        found = client.get("/api/v1/chronology", params={"page": page, "per": 20}).json()
        pages.append(found)
        if not found["more"]:
            break
        page += 1
    listed = [i for found in pages for i in found["incidents"]]
    assert sorted(i["id"] for i in listed) == sorted(i["id"] for i in accepted)
    dates = [i["date"]["start"] for i in listed if i["date"]]
    assert dates == sorted(dates) and len(pages) == -(-len(accepted) // 20)
    periods = pages[0]["periods"]
    assert pages[0]["count"] == len(accepted) and sum(p["count"] for p in periods) == len(dates)
    for period in periods:
        assert sum(period["from"] <= day <= period["to"] for day in dates) == period["count"]


def test_tokens_are_required_and_checked(ready: Desk) -> None:
    assert_error(ready.client.get("/api/v1/incidents"), 401, "E401")
    assert "bearer" in ready.client.get("/api/v1/incidents").headers["www-authenticate"].lower()
    assert_error(ready.client.get("/api/v1/incidents", headers={"authorization": "Bearer chk_wrong"}), 401)
    # A browser session cookie is no credential for the API.
    assert_error(ready.client.post("/api/v1/accept", json={"ids": ready.incident_ids()}), 401)


def test_the_same_flow_through_the_api(api: Desk) -> None:
    client = api.client
    imported = client.post("/api/v1/imports", json={"text": SAMPLE.read_text() + "\nAgain.", "name": "again"})
    assert imported.status_code == 201
    body = imported.json()
    assert body["source_id"].startswith("src_") and body["incidents"] and not body["duplicate"]
    source = client.get(f"/api/v1/sources/{body['source_id']}").json()
    assert set(source["incidents"]) == set(body["incidents"])
    listed = client.get("/api/v1/incidents", params={"q": "Grozny", "per": 50}).json()
    assert listed["incidents"] and set(listed) == {"incidents", "more", "page", "capped"}
    first, second, *_ = body["incidents"]
    assert client.post(f"/api/v1/incidents/{first}/accept", json={}).json()["status"] == "accepted"
    accepted = client.post("/api/v1/accept", json={"ids": body["incidents"], "note": "reviewed"}).json()
    assert len(accepted["accepted"]) == len(body["incidents"]) - 1
    edited = client.patch(
        f"/api/v1/incidents/{second}",
        json={
            "acts": ["threat"],
            "victims": ["Igor Kalyapin"],
            "date": {"start": "2014-12-11", "end": None, "precision": "range"},
            "note": "fixed",
        },
    ).json()
    assert edited["acts"] == ["threat"] and edited["date"]["end"] is None
    response = client.post(
        f"/api/v1/incidents/{second}/responses",
        json={"kind": "complaint_filed", "date": "2014-12-20", "source": "complaint no. 5"},
    )
    assert response.status_code == 201 and response.json()["responses"][0]["kind"] == "complaint_filed"
    link = client.post(f"/api/v1/incidents/{second}/links", json={"to": first, "kind": "same_campaign"})
    assert link.status_code == 201 and link.json()["from_id"] == second
    assert client.get(f"/api/v1/incidents/{second}").json()["links"][0]["to_id"] == first
    history = client.get(f"/api/v1/records/{second}/history").json()
    assert [v["op"] for v in history][:2] == ["incident.create", "incident.accept"]
    retracted = client.post(f"/api/v1/incidents/{first}/retract", json={"reason": "duplicate"}).json()
    assert retracted["status"] == "retracted"
    chronology = client.get("/api/v1/chronology", params={"actor": "Kalyapin"}).json()
    dates = [i["date"]["start"] for i in chronology["incidents"] if i["date"]]
    assert dates == sorted(dates) and all(i["status"] == "accepted" for i in chronology["incidents"])
    assert chronology["periods"] == [] and chronology["count"] == len(chronology["incidents"])
    verified = client.post("/api/v1/verify")
    assert verified.status_code == 200 and verified.json()["ok"] is True
    state = client.get("/api/v1/verify").json()
    assert state["checkpoint"]["size"] == verified.json()["entries"]
    assert client.get("/api/v1/status").json() == {"vault": True, "unlocked": True}
    again = client.post("/api/v1/imports", json={"text": SAMPLE.read_text() + "\nAgain.", "name": "again"})
    assert again.status_code == 200 and again.json()["duplicate"]


def test_errors_have_one_shape(api: Desk) -> None:
    client = api.client
    incident = api.incident_ids()[0]
    assert_error(client.get("/api/v1/incidents/inc_zzzzzzzz"), 404, "E231")
    assert_error(client.get("/api/v1/nope"), 404)
    assert_error(client.delete(f"/api/v1/incidents/{incident}"), 405)
    assert_error(client.post(f"/api/v1/incidents/{incident}/retract", json={"reason": ""}), 409, "E232")
    assert_error(client.post(f"/api/v1/incidents/{incident}/retract", json={"why": "x"}), 400, "E120")
    assert_error(
        client.post(
            f"/api/v1/incidents/{incident}/retract",
            content=b"{",
            headers={"content-type": "application/json"},
        ),
        400,
    )
    assert_error(client.post(f"/api/v1/incidents/{incident}/retract", content=b"reason=x"), 415)
    assert_error(client.get("/api/v1/incidents", params={"act": "nope"}), 400, "E120")
    assert_error(client.get("/api/v1/incidents", params={"from": "2015", "to": "2014"}), 400)
    assert_error(
        client.patch(
            f"/api/v1/incidents/{incident}", json={"date": {"start": "2014-12-10", "end": "2014-01-01"}}
        ),
        400,
    )
    assert_error(client.post("/api/v1/imports", json={"text": " "}), 400, "E103")
    api.keeper.lock()
    assert_error(client.get("/api/v1/incidents"), 423, "E213")


def test_openapi_document_lists_every_route(ready: Desk) -> None:
    document = ready.client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1") and document["components"]["schemas"]["Error"]
    mount = next(r for r in ready.app.routes if isinstance(r, Mount) and r.path == "/api/v1")
    for route in mount.routes:
        assert isinstance(route, Route)
        path = "/api/v1" + route.path
        assert path in document["paths"], path
        for method in route.methods - {"HEAD"}:
            assert method.lower() in document["paths"][path], (method, path)
    assert "IncidentRecord" in document["components"]["schemas"]


def test_split_merge_and_actor_merge_through_the_api(api: Desk) -> None:
    client = api.client
    vault = api.keeper._vault
    drafts = {i.id: i for i in vault.list_incidents().incidents}
    fire = next(i for i in drafts.values() if "burned down" in i.evidence)
    cut = vault.evidence_words(fire).index("Neighbours")
    split = client.post(
        f"/api/v1/incidents/{fire.id}/split",
        json={"acts": ["property_destruction"], "cut": cut, "note": "two"},
    )
    assert split.status_code == 201, split.text
    kept, part = split.json()["kept"], split.json()["part"]
    assert kept["id"] == fire.id and part["split_from"] == fire.id
    assert part["evidence"].startswith("Neighbours") and kept["evidence"].endswith("burned down.")
    assert_error(client.post(f"/api/v1/incidents/{fire.id}/split", json={"acts": []}), 400)
    assert_error(client.post(f"/api/v1/incidents/{fire.id}/split", json={"acts": ["nope"]}), 400, "E120")
    assert_error(
        client.post(f"/api/v1/incidents/{fire.id}/split", json={"acts": ["threat"], "cut": 10**9}), 400
    )

    rally = next(i for i in drafts.values() if "rally in Grozny" in i.evidence)
    merged = client.post(f"/api/v1/incidents/{rally.id}/merge", json={"other": part["id"], "note": "same"})
    assert merged.status_code == 200, merged.text
    assert merged.json()["more_evidence"][0]["incident_id"] == part["id"]
    assert client.get(f"/api/v1/incidents/{part['id']}").json()["merged_into"] == rally.id
    assert_error(client.post(f"/api/v1/incidents/{rally.id}/merge", json={"other": part["id"]}), 409)
    assert_error(client.post(f"/api/v1/incidents/{rally.id}/merge", json={"other": "inc_zzzzzzzz"}), 404)
    history = client.get(f"/api/v1/records/{part['id']}/history").json()
    assert [v["op"] for v in history] == ["incident.split_off", "incident.merged_into"]

    actors = client.get("/api/v1/actors").json()
    assert {"name": "Igor Kalyapin", "aliases": [], "id": None}.items() <= next(
        a for a in actors["actors"] if a["name"] == "Igor Kalyapin"
    ).items()
    assert_error(
        client.post("/api/v1/actors/merge", json={"keep": "Igor Kalyapin", "duplicate": "x", "kind": "city"}),
        400,
    )
    record = client.post(
        "/api/v1/actors/merge", json={"keep": "Igor Kalyapin", "duplicate": "I. Kalyapin", "kind": "person"}
    )
    assert record.status_code == 200 and record.json()["aliases"] == ["I. Kalyapin"]
    assert record.json()["kind"] == "person"
    one = client.get("/api/v1/actors/named", params={"name": "i. kalyapin"}).json()
    assert one["name"] == "Igor Kalyapin" and one["record"]["id"] == record.json()["id"] and one["incidents"]
    assert [v["op"] for v in one["history"]] == ["actor.merge"]
    assert client.post("/api/v1/actors/aliases", json={"name": "Igor Kalyapin", "alias": "Kalyapin"}).json()[
        "aliases"
    ] == ["I. Kalyapin", "Kalyapin"]
    removed = client.post(
        "/api/v1/actors/aliases/remove", json={"name": "Igor Kalyapin", "alias": "Kalyapin"}
    )
    assert removed.json()["aliases"] == ["I. Kalyapin"]
    assert_error(
        client.post("/api/v1/actors/merge", json={"keep": "Igor Kalyapin", "duplicate": "I. Kalyapin"}), 409
    )
    assert_error(client.post("/api/v1/actors/merge", json={"keep": " ", "duplicate": "x"}), 400)
    assert_error(client.get("/api/v1/actors/named"), 400)
    places = client.post("/api/v1/places/merge", json={"keep": "Grozny", "duplicate": "Groznyy"}).json()
    assert places["aliases"] == ["Groznyy"] and places["id"].startswith("plc_")
    assert client.get("/api/v1/places", params={"q": "grozn"}).json()["places"][0]["name"] == "Grozny"


def test_files_and_publishing_through_the_api(api: Desk) -> None:
    client = api.client
    upload = client.post(
        "/api/v1/imports/file",
        params={"name": "omsk.md", "published": "2022-06-02"},
        content=b"# Omsk\n\nOn 1 June 2022 police detained the activist Ivan Petrov in Omsk.",
        headers={"content-type": "application/octet-stream"},
    )
    assert upload.status_code == 201, upload.text
    assert client.get(f"/api/v1/sources/{upload.json()['source_id']}").json()["media_type"] == "text/markdown"
    assert_error(client.post("/api/v1/imports/file", content=b"x"), 400, "E120")
    assert_error(
        client.post(
            "/api/v1/imports/file", params={"name": "x.png"}, content=b"\x89PNG\r\n\x1a\n" + bytes(64)
        ),
        400,
    )
    api.keeper._vault.accept(api.incident_ids())
    bundle = client.post("/api/v1/publish", json={"audience": "public", "format": "md", "actor": "Kalyapin"})
    assert bundle.status_code == 200 and bundle.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(bundle.content)).namelist()
    assert "bundle/chronology.md" in names and any(
        name.endswith(".sig") or "signature" in name for name in names
    )
    assert_error(client.post("/api/v1/publish", json={"format": "doc"}), 400)
    assert_error(client.post("/api/v1/publish", json={"audience": "everyone"}), 400, "E120")

"""The REST API: token auth, every route, the one error shape, the OpenAPI document."""

from __future__ import annotations

import json
import random

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


def _junk(rng: random.Random) -> object:
    choices = [
        None,
        "",
        "x" * rng.randint(0, 300),
        -1,
        0,
        10**12,
        1.5,
        True,
        [],
        {},
        ["a"],
        {"a": 1},
        "2014-13-45",
        "inc_zzzzzzzz",
        "\x00",
        "é" * 3,
    ]
    return rng.choice(choices)


def test_generated_requests_never_cause_a_server_error(api: Desk) -> None:
    """A small schemathesis-like run: every operation of the document, with junk in every slot."""
    document = api.client.get("/api/v1/openapi.json").json()
    rng = random.Random(4)
    incident = api.incident_ids()[0]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for _ in range(12):
                concrete = path.replace("{incident_id}", rng.choice([incident, "inc_zzzzzzzz", "x" * 50]))
                concrete = concrete.replace("{record_id}", rng.choice([incident, "nope"]))
                concrete = concrete.replace("{source_id}", rng.choice(["src_zzzzzzzz", incident]))
                params = {
                    p["name"]: str(_junk(rng))
                    for p in operation["parameters"]
                    if p["in"] == "query" and rng.random() < 0.5
                }
                body = None
                if "requestBody" in operation:
                    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit(
                        "/", 1
                    )[-1]
                    fields = document["components"]["schemas"][ref].get("properties", {})
                    body = {name: _junk(rng) for name in fields if rng.random() < 0.7}
                response = api.client.request(
                    method.upper(),
                    concrete,
                    params=params,
                    content=json.dumps(body) if body is not None else None,
                    headers={"content-type": "application/json"},
                )
                assert response.status_code < 500, (method, concrete, params, body, response.text)
                if response.status_code >= 400:
                    assert set(response.json()) == {"error"}

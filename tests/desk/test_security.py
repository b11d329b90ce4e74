"""The desk's security checks, asserted on the real app: headers, Host, CSRF, origin, cookies, limits."""

from __future__ import annotations

import re

import pytest
from deskkit import PASSPHRASE, Desk
from starlette.routing import Mount, Route

PAGES = ["/inbox", "/incidents", "/chronology", "/verify", "/settings", "/incidents.csv"]


def assert_guarded(response, *, store: bool = True) -> None:
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    if store:
        assert "no-store" in response.headers["cache-control"]


def test_every_page_carries_the_headers_and_no_store(ready: Desk) -> None:
    incident = ready.incident_ids()[0]
    for path in [
        *PAGES,
        f"/sources/{ready.source_id}",
        f"/incidents/{incident}",
        f"/incidents/{incident}/edit",
    ]:
        response = ready.client.get(path)
        assert response.status_code == 200, path
        assert_guarded(response)
    for path in ["/setup", "/unlock", "/nope"]:
        assert_guarded(ready.client.get(path))
    css = ready.client.get("/static/desk.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    assert_guarded(css, store=False)


def test_unknown_host_is_refused_before_any_route(ready: Desk) -> None:
    page = ready.client.get("/inbox", headers={"host": "evil.example:8765"})
    assert page.status_code == 400 and "Host" in page.text
    assert_guarded(page)
    api = ready.client.get("/api/v1/incidents", headers={"host": "rebind.attacker.test"})
    assert api.status_code == 400 and api.json()["error"]["code"] == "E400"
    for host in ("localhost:8765", "127.0.0.1:8765", "[::1]:8765"):
        assert ready.client.get("/inbox", headers={"host": host}).status_code == 200


def _post_routes(desk: Desk) -> list[str]:
    paths = []
    for route in desk.app.routes:
        if isinstance(route, Route) and "POST" in (route.methods or set()):
            paths.append(
                route.path.replace("{incident_id}", desk.incident_ids()[0])
                .replace("{token_id}", "abcd")
                .replace("{source_id}", desk.source_id)
            )
        assert not isinstance(route, Mount) or route.path in ("/api/v1", "/static")
    return paths


def test_every_form_route_refuses_a_missing_or_wrong_csrf_token(ready: Desk) -> None:
    routes = _post_routes(ready)
    assert {"/setup", "/unlock", "/lock", "/inbox/paste", "/inbox/upload", "/accept", "/verify"} <= set(
        routes
    )
    before = ready.keeper._vault.view.head()
    for path in routes:
        for data in ({}, {"csrf": "forged"}):
            response = ready.client.post(path, data={**data, "text": "x", "id": ready.incident_ids()[0]})
            assert response.status_code == 403, (path, response.status_code)
    assert ready.keeper.unlocked, "a forged /lock must not lock"
    assert ready.keeper._vault.view.head() == before, "no forged form changed the ledger"


def test_cross_site_writes_are_refused_even_with_a_token(ready: Desk) -> None:
    token = ready.csrf()
    for headers in (
        {"origin": "http://evil.example"},
        {"sec-fetch-site": "cross-site"},
        {"origin": "null", "sec-fetch-site": "same-site"},
    ):
        response = ready.client.post("/lock", data={"csrf": token}, headers=headers)
        assert response.status_code == 403
    assert ready.keeper.unlocked
    # What Chromium sends for its own form under no-referrer: Origin null, Sec-Fetch-Site same-origin.
    same = ready.client.post(
        "/lock", data={"csrf": token}, headers={"origin": "null", "sec-fetch-site": "same-origin"}
    )
    assert same.status_code == 303 and not ready.keeper.unlocked


def test_session_cookie_flags_on_loopback(desk: Desk) -> None:
    cookie = desk.client.get("/setup").headers["set-cookie"]
    assert cookie.startswith("chronika_session=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # http://127.0.0.1 is a secure context; a Secure cookie would not be sent


def test_session_cookie_is_secure_and_host_bound_off_loopback(make_desk) -> None:
    desk = make_desk(host="192.0.2.10")
    client = desk.client
    client.base_url = client.base_url.copy_with(host="192.0.2.10")
    cookie = client.get("/setup").headers["set-cookie"]
    assert cookie.startswith("__Host-chronika=") and "Secure" in cookie and "HttpOnly" in cookie
    assert client.get("/setup", headers={"host": "127.0.0.1:8765"}).status_code == 400


def test_api_never_gets_a_session_cookie(ready: Desk) -> None:
    response = ready.client.get("/api/v1/openapi.json")
    assert "set-cookie" not in response.headers


def test_oversized_bodies_are_refused(ready: Desk) -> None:
    response = ready.client.post(
        "/inbox/paste", content=b"x", headers={"content-length": str(200 * 1024 * 1024)}
    )
    assert response.status_code == 413


def test_pages_load_nothing_from_elsewhere(ready: Desk) -> None:
    incident = ready.incident_ids()[0]
    external = re.compile(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
    for path in [
        "/inbox",
        "/incidents",
        "/chronology",
        f"/incidents/{incident}",
        f"/sources/{ready.source_id}",
    ]:
        html = ready.client.get(path).text
        assert not external.search(html), path
        assert "<script" not in html and " style=" not in html and "<style" not in html, path
    assert "url(" not in ready.client.get("/static/desk.css").text  # no fonts or images fetched


def test_an_unlock_in_one_browser_does_not_open_another(ready: Desk) -> None:
    from starlette.testclient import TestClient

    other = TestClient(ready.app, base_url="http://127.0.0.1:8765", follow_redirects=False)
    response = other.get("/incidents")
    assert response.status_code == 303 and response.headers["location"].startswith("/unlock")
    page = other.get("/unlock")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert other.post("/unlock", data={"csrf": token, "passphrase": PASSPHRASE}).status_code == 303
    assert other.get("/incidents").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_unlock_never_redirects_off_the_desk(ready: Desk, target: str) -> None:
    ready.client.post("/lock", data={"csrf": ready.csrf()})
    response = ready.post("/unlock", {"passphrase": PASSPHRASE, "next": target}, page="/unlock")
    assert response.status_code == 303 and response.headers["location"].startswith("/")
    assert not response.headers["location"].startswith("//")

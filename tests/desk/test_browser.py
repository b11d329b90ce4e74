"""Real browser, real server: Debian's chromium (headless, through Playwright) against ``chronika serve``.

The flow is the README's: first-run setup, paste the sample report, accept its drafts, edit one,
add a response, search, open a chronology, lock. JavaScript is disabled in the browser, so every
step proves the page works without it. Every request the browser makes is intercepted: anything
not addressed to 127.0.0.1 fails the test (and is never sent).

Screenshots of the main pages go to ``$CHRONIKA_SCREENSHOTS`` when set (the README's come from
``CHRONIKA_SCREENSHOTS=docs/screenshots``), else to the test's temp folder, kept on failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from deskkit import PASSPHRASE, SAMPLE

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is missing: apt-get install -y chromium"
)
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--no-pings",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CHRONIKA_")}
    env.update(CHRONIKA_TEST_FAST_KDF="1", HOME=str(tmp_path / "home"), TMPDIR=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-m", "chronika", "serve", "--vault", str(tmp_path / "vault"), "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/static/desk.css", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"chronika serve exited: {process.stderr.read() if process.stderr else ''}")
            time.sleep(0.1)
    try:
        yield url
    finally:
        process.terminate()
        try:
            out, _ = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            out, _ = process.communicate()
        assert f"Chronika desk: {url}/" in out


def test_setup_paste_accept_chronology_lock(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("CHRONIKA_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    requested: list[str] = []
    escaped: list[str] = []

    def guard(route, request) -> None:  # type: ignore[no-untyped-def]
        requested.append(request.url)
        if urlsplit(request.url).hostname != "127.0.0.1":
            escaped.append(request.url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=BROWSER_ARGS)
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        context.route("**/*", guard)
        page = context.new_page()
        try:
            page.goto(server + "/")
            assert page.url.endswith("/setup")
            page.screenshot(path=str(shots / "setup.png"))
            page.fill("#passphrase", PASSPHRASE)
            page.fill("#passphrase2", PASSPHRASE)
            page.click("button[type=submit].primary")
            assert page.locator("#recovery-phrase li").count() == 24
            page.click("text=open the inbox")
            assert page.url.endswith("/inbox")

            page.fill("#name", "grozny-2014.txt")
            page.fill("#text", SAMPLE.read_text())
            page.click("text=Find incidents")
            assert "/sources/src_" in page.url
            assert page.locator("mark").count() >= 5
            page.screenshot(path=str(shots / "review.png"), full_page=True)

            first_card = page.locator("article.card").first
            incident_id = first_card.get_attribute("id")
            page.click("button[name=all_of]")
            assert "incidents accepted" in page.content()
            assert page.locator("article.card.accepted").count() == page.locator("article.card").count()

            page.goto(f"{server}/incidents/{incident_id}/edit")
            page.check("input[name=act][value=threat]")
            page.fill("#note", "checked against the text")
            page.click("text=Save")
            assert page.url.endswith(f"/incidents/{incident_id}")
            page.select_option("select[name=kind]", "investigation_requested")
            page.fill("input[name=date][type=date]", "2014-12-18")
            page.fill("input[name=source]", "NCDN statement, 17 Dec 2014")
            page.click("text=Add to the response history")
            assert "NCDN statement" in page.content()
            page.screenshot(path=str(shots / "incident.png"), full_page=True)

            page.goto(server + "/incidents")
            page.fill("input[name=q]", "Grozny")
            page.click(".filters button[type=submit]")
            assert page.locator("table.incidents tbody tr").count() >= 1
            page.screenshot(path=str(shots / "incidents.png"), full_page=True)

            page.goto(server + "/chronology?actor=Kalyapin")
            assert page.locator("svg.timeline .mark").count() >= 1
            assert page.locator("ol.chronology li").count() >= 1
            page.screenshot(path=str(shots / "chronology.png"), full_page=True)
            page.emulate_media(media="print")
            assert not page.locator("header.top").is_visible()
            page.emulate_media(media="screen")

            page.goto(server + "/verify")
            page.click("text=Verify now")
            assert "Intact" in page.content()

            page.click("button.button-lock")
            assert page.url.endswith("/unlock")
            page.goto(server + "/incidents")
            assert "/unlock" in page.url
        except Exception:
            page.screenshot(path=str(shots / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    assert requested and all(urlsplit(url).hostname == "127.0.0.1" for url in requested)
    assert escaped == []

"""Real browser, real server: Debian's chromium (headless, through Playwright) against ``chronika serve``.

The whole path of a documentation officer: first-run setup, lock and unlock, paste the sample
report, split a draft that reports two things and merge two drafts of one occasion, accept the
drafts, edit one (with the names the form suggests), add a response, search, open a chronology,
merge two names of one actor on the actor's page, verify, lock. JavaScript is disabled, so every
step proves the page works without it. Every request the browser makes is intercepted: anything
not addressed to 127.0.0.1 fails the test (and is never sent). The steps are written against the
page objects of ``browser.py``.

Screenshots of the main pages go to ``$CHRONIKA_SCREENSHOTS`` when set (the README's come from
``CHRONIKA_SCREENSHOTS=docs/screenshots``), else to the test's temp folder, kept on failure (with
``failure.png`` of the page the failing step was on).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from deskkit import PASSPHRASE, SAMPLE
from live import serve

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


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with serve(tmp_path) as url:
        yield url


def test_the_whole_path_without_javascript(server: str, tmp_path: Path) -> None:
    from browser import DeskBrowser
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
        desk = DeskBrowser(context.new_page(), server)
        page = desk.page
        try:
            # First run: the setup page, the recovery phrase shown once.
            desk.go("/")
            assert desk.path == "/setup"
            page.screenshot(path=str(shots / "setup.png"))
            assert len(desk.set_up(PASSPHRASE)) == 24
            assert desk.path == "/inbox"

            # Lock, then unlock with the passphrase: the page asked for comes back.
            desk.lock()
            assert desk.path == "/unlock"
            desk.go("/incidents")
            assert desk.path.startswith("/unlock")
            desk.unlock("not the passphrase")
            assert page.locator("p.error").count() == 1
            desk.unlock(PASSPHRASE)
            assert desk.path == "/incidents"

            # Paste the sample report: drafts beside the text, their words marked in place.
            source = desk.paste("grozny-2014.txt", SAMPLE.read_text())
            assert source.startswith("src_") and page.locator("mark").count() >= 5
            page.screenshot(path=str(shots / "review.png"), full_page=True)
            drafts = len(desk.draft_cards())

            # Split the fire's draft where the neighbours' account begins.
            fire = desk.card_with("burned down")
            desk.split(fire, before="Neighbours", part_acts=["property_destruction"])
            assert f"/sources/{source}" in desk.path and "Split" in desk.flash()
            part = desk.card_with("smelled petrol")
            assert part != fire and len(desk.draft_cards()) == drafts + 1

            # Merge the rally's draft with the surveillance the same day.
            rally, followed = desk.card_with("rally in Grozny"), desk.card_with("armed masked men")
            desk.merge(rally, followed, "one day of one campaign")
            assert "Merged" in desk.flash() and len(desk.draft_cards()) == drafts
            assert page.locator(f"article.card.retracted#{followed}").count() == 1

            # Accept every draft of the report in one step.
            desk.accept_all()
            assert "incidents accepted" in desk.flash()
            assert desk.draft_cards() == []

            # Edit one: the form suggests known names (a datalist, no script).
            threat = desk.card_with("threatening phone calls")
            desk.open_edit(threat)
            assert {"Igor Kalyapin", "Ramzan Kadyrov"} <= set(desk.suggestions())
            desk.edit(add_act="smear_campaign", perpetrator="Kadyrov", note="calls traced to his staff")
            assert desk.path == f"/incidents/{threat}"
            assert desk.history_ops()[-1] == "incident.update"

            # Record the state's response.
            desk.add_response("investigation_requested", "2014-12-18", "NCDN statement, 17 Dec 2014")
            assert "NCDN statement" in desk.text()
            page.screenshot(path=str(shots / "incident.png"), full_page=True)

            # Search: the split-off part is found by its own words.
            assert part in desk.search("petrol")
            assert len(desk.search("Grozny")) >= 1
            page.screenshot(path=str(shots / "incidents.png"), full_page=True)

            # A chronology, drawn on the server.
            assert threat in desk.chronology(actor="Kalyapin") and desk.timeline_marks() >= 1
            page.screenshot(path=str(shots / "chronology.png"), full_page=True)
            page.emulate_media(media="print")
            assert not page.locator("header.top").is_visible()
            page.emulate_media(media="screen")

            # The actor's page: "Kadyrov" is the same man; his chronology then holds the edited threat.
            assert threat not in desk.chronology(actor="Ramzan Kadyrov")
            desk.actor("Ramzan Kadyrov")
            desk.merge_actor_here("Kadyrov", "the same official")
            assert desk.aliases() == ["Kadyrov"] and "actor.merge" in desk.history_ops()
            page.screenshot(path=str(shots / "actor.png"), full_page=True)
            assert threat in desk.chronology(actor="Ramzan Kadyrov")

            # Verify, then lock: the keys leave, the records are behind the unlock page again.
            desk.go("/verify")
            page.click("text=Verify now")
            assert "Intact" in desk.text()
            desk.lock()
            assert desk.path == "/unlock"
            desk.go("/actors")
            assert desk.path.startswith("/unlock")
        except Exception:
            page.screenshot(path=str(shots / "failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    assert requested and all(urlsplit(url).hostname == "127.0.0.1" for url in requested)
    assert escaped == []

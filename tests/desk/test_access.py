"""First run, unlock, lock, idle lock and languages, through the real app."""

from __future__ import annotations

import re

from deskkit import PASSPHRASE, Desk

from chronika.vault.keyfile import VAULT_FILE


def test_first_run_goes_to_setup_and_shows_the_recovery_phrase_once(desk: Desk) -> None:
    assert desk.client.get("/").headers["location"] == "/setup"
    assert desk.client.get("/inbox").headers["location"] == "/setup"
    mismatch = desk.post("/setup", {"passphrase": PASSPHRASE, "passphrase2": "other"}, page="/setup")
    assert mismatch.status_code == 400 and "differ" in mismatch.text
    short = desk.post("/setup", {"passphrase": "short", "passphrase2": "short"}, page="/setup")
    assert short.status_code == 400 and not (desk.config.vault_dir / VAULT_FILE).exists()
    page = desk.setup()
    assert page.status_code == 200
    words = re.findall(r"<li>([a-z]+)</li>", page.text)
    assert len(words) == 24
    assert desk.keeper.unlocked and (desk.config.vault_dir / VAULT_FILE).exists()
    # Shown once: setup is gone now, and the words are nowhere in the vault folder.
    assert desk.client.get("/setup").headers["location"] == "/unlock"
    for path in desk.config.vault_dir.rglob("*"):
        if path.is_file():
            assert words[0].encode() + b" " + words[1].encode() not in path.read_bytes()


def test_lock_drops_the_keys_and_unlock_needs_the_passphrase(ready: Desk) -> None:
    vault = ready.keeper._vault
    response = ready.post("/lock")
    assert response.status_code == 303 and response.headers["location"] == "/unlock"
    assert not ready.keeper.unlocked and vault._keyring is None
    assert ready.client.get("/incidents").headers["location"] == "/unlock?next=/incidents"
    wrong = ready.post("/unlock", {"passphrase": "not it at all"}, page="/unlock")
    assert wrong.status_code == 403 and "does not open" in wrong.text and not ready.keeper.unlocked
    right = ready.post("/unlock", {"passphrase": PASSPHRASE, "next": "/incidents"}, page="/unlock")
    assert right.headers["location"] == "/incidents"
    assert ready.client.get("/incidents").status_code == 200


def test_every_page_has_a_lock_button(ready: Desk) -> None:
    for path in ["/inbox", "/incidents", "/chronology", "/verify", "/settings"]:
        assert 'action="/lock"' in ready.client.get(path).text


def test_idle_time_locks_the_vault(ready: Desk) -> None:
    ready.clock.now += 14 * 60
    assert ready.client.get("/inbox").status_code == 200  # use resets the clock
    ready.clock.now += 15 * 60 + 1
    assert ready.client.get("/inbox").status_code == 303
    assert not ready.keeper.unlocked


def test_idle_minutes_is_configurable(make_desk) -> None:
    desk = make_desk(idle_minutes=1)
    with desk.client:
        desk.setup()
        desk.clock.now += 61
        assert desk.keeper.lock_if_idle() and not desk.keeper.unlocked


def test_pages_speak_russian_when_asked(ready: Desk) -> None:
    ready.post("/language", {"language": "ru", "next": "/inbox"})
    page = ready.client.get("/inbox").text
    assert 'lang="ru"' in page and "Входящие" in page and "Заблокировать" in page
    ready.post("/language", {"language": "en", "next": "/inbox"})
    assert "Inbox" in ready.client.get("/inbox").text


def test_accept_language_picks_the_catalogue(desk: Desk) -> None:
    page = desk.client.get("/setup", headers={"accept-language": "ru-RU,ru;q=0.9,en;q=0.5"})
    assert "Создайте хранилище" in page.text
    assert "Set up your vault" in desk.client.get("/setup", headers={"accept-language": "de"}).text

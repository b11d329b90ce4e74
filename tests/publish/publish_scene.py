"""Helpers for the publish tests (a uniquely named module: every test folder has its own conftest).

A real vault with the sample report imported, some drafts accepted, and canaries in every field that
must not leave the team: sensitive-marked names and addresses, notes, drafts, retractions."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from chronika.vault.keys import INTERACTIVE_KDF
from chronika.vault.record import IncidentChanges, LinkKind, ResponseKind
from chronika.vault.secret import Passphrase
from chronika.vault.vault import Vault

PASSPHRASE = "correct horse battery staple"
SAMPLE = Path(__file__).parents[2] / "src" / "chronika" / "samples" / "grozny-2014.txt"

#: Strings that may appear in internal outputs only.
CANARIES = {
    "victim": "Zarema VICTIMCANARY1",
    "address": "12 Lenin Street flat 4 ADDRESSCANARY2",
    "note": "witness phone +7 900 NOTECANARY3",
    "draft": "Draft DRAFTCANARY4",
    "retracted": "Retracted RETRACTCANARY5",
    "reason": "REASONCANARY6",
    "response_note": "RESPONSENOTECANARY7",
    "perpetrator": "Officer PERPCANARY8",
}

#: A link's note is the team's own reasoning: no publication prints links, so it never appears.
LINK_NOTE_CANARY = "same unit, says the witness LINKNOTECANARY9"


@dataclass
class Scene:
    vault: Vault
    directory: Path
    ids: list[str]
    sensitive: str  # accepted, victims + location + evidence marked sensitive
    marked_date: str  # accepted, date and perpetrators marked sensitive
    draft: str
    retracted: str
    responded: str
    accepted: list[str]
    hidden_evidence: str
    #: The link group of ``sensitive``: joined through the draft and the retracted incident.
    group: list[str]


def make_scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    directory = tmp_path_factory.mktemp("publish") / "vault"
    vault, _ = Vault.init(directory, Passphrase(PASSPHRASE), kdf=INTERACTIVE_KDF)
    (imported,) = vault.import_documents([SAMPLE])
    ids = imported.incidents
    sensitive, marked_date, draft, retracted, responded, *rest = ids
    hidden_evidence = vault.incident(sensitive).evidence
    vault.edit(
        sensitive,
        IncidentChanges(
            victims=[CANARIES["victim"]],
            location=CANARIES["address"],
            sensitive=["victims", "location", "evidence"],
        ),
        note=CANARIES["note"],
    )
    vault.edit(
        marked_date,
        IncidentChanges(perpetrators=[CANARIES["perpetrator"]], sensitive=["date", "perpetrators"]),
    )
    vault.edit(draft, IncidentChanges(victims=[CANARIES["draft"]]))
    vault.edit(retracted, IncidentChanges(victims=[CANARIES["retracted"]]))
    vault.accept([sensitive, marked_date, retracted, responded, *rest[:1]], note=CANARIES["note"])
    vault.retract(retracted, CANARIES["reason"])
    vault.add_response(
        responded,
        ResponseKind.INVESTIGATION_REFUSED,
        dt.date(2015, 1, 20),
        "Letter of the Investigative Committee",
        note=CANARIES["response_note"],
    )
    # A chain of links through a draft and a retracted incident; marked_date and the rest stay apart.
    vault.link(sensitive, draft, LinkKind.FOLLOW_UP_OF, note=LINK_NOTE_CANARY)
    vault.link(responded, draft, LinkKind.SAME_CAMPAIGN)
    vault.link(retracted, responded, LinkKind.SAME_EVENT, note=LINK_NOTE_CANARY)
    # Reopened, so this process holds no writer lock and the CLI tests can open the vault too.
    vault.lock()
    vault = Vault.open(directory, Passphrase(PASSPHRASE))
    yield Scene(
        vault,
        directory,
        ids,
        sensitive,
        marked_date,
        draft,
        retracted,
        responded,
        [sensitive, marked_date, responded, *rest[:1]],
        hidden_evidence,
        sorted([sensitive, draft, responded, retracted]),
    )
    vault.lock()


def run_cli(scene: Scene, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_chronika(scene.directory, tmp, *args)


def run_chronika(
    vault_dir: Path, tmp: Path, *args: str, passphrase: str = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    """``chronika ARGS`` in a real subprocess on the vault at ``vault_dir`` (test KDF, passphrase file)."""
    secret = tmp / "passphrase"
    secret.write_text(passphrase + "\n")
    secret.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHRONIKA_")}
    env.update(
        CHRONIKA_VAULT=str(vault_dir),
        CHRONIKA_PASSPHRASE_FILE=str(secret),
        CHRONIKA_TEST_FAST_KDF="1",
        HOME=str(tmp),
    )
    return subprocess.run(
        [sys.executable, "-m", "chronika", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

"""Seizure: after real CLI use with 1,000 unique canaries and ``lock``, no byte on disk gives one away.

The canaries go in through every door a person uses: report texts (imported, extracted, indexed
for search), victims' names and reviewers' notes (``edit``), a response's source (``respond``).
Then the vault is locked and every byte of the vault folder, the temporary directory the commands
ran with, their HOME (caches, data, config: where a log would go) and any file they left in the
system's temporary directories is searched for every canary, in upper and lower case (the search
index lowercases words) and in UTF-16 (what some libraries write).
"""

from __future__ import annotations

import secrets
import tempfile
import time
from pathlib import Path

from vaultkit import PASSPHRASE, Cli, write_reports

CANARIES = 1000
IN_TEXTS = 700
PER_EDIT = 10


def files_under(root: Path, since: float | None = None) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and (since is None or path.stat().st_mtime >= since):
                found.append(path)
        except OSError:
            continue
    return found


def test_no_canary_survives_anywhere_after_lock(cli: Cli) -> None:
    started = time.time() - 1
    canaries = [f"Canary{i:04d}x{secrets.token_hex(5)}" for i in range(CANARIES)]
    recovery = cli.root / "secrets" / "recovery"
    cli.run("init", env={"CHRONIKA_RECOVERY_FILE": str(recovery)}, check=True)

    reports = {}
    for n in range(IN_TEXTS // 10):
        names = canaries[n * 10 : n * 10 + 10]
        lines = [
            f"On {1 + i} May 2019 police detained {name} in Kazan and beat him."
            for i, name in enumerate(names)
        ]
        reports[f"report-{n:03d}.txt"] = f"KAZAN, 20 May 2019 - {' '.join(lines)}"
    paths = write_reports(cli.root / "reports", reports)
    imported = cli.json("import", *map(str, paths))
    incidents = [incident for document in imported for incident in document["incidents"]]
    assert len(incidents) >= 30

    rest = canaries[IN_TEXTS:]
    for k in range(len(rest) // (2 * PER_EDIT)):
        names = rest[k * 2 * PER_EDIT : k * 2 * PER_EDIT + PER_EDIT]
        notes = rest[k * 2 * PER_EDIT + PER_EDIT : (k + 1) * 2 * PER_EDIT]
        args = [arg for name in names for arg in ("--victim", name)]
        cli.run("edit", incidents[k], *args, "--note", " ".join(notes), "--json", check=True)
    cli.run("respond", incidents[0], "--kind", "complaint_filed", "--date", "2019-05-21",
            "--source", canaries[0], "--note", canaries[1], check=True)  # fmt: skip

    # The canaries are really in there, findable by search: so their absence below means something.
    assert cli.json("search", canaries[3])
    assert cli.json("search", canaries[-1])  # a note
    assert cli.json("list", "--actor", canaries[IN_TEXTS])  # a victim's name set by edit
    assert cli.json("verify")["ok"]
    cli.run("lock", check=True)

    scanned = files_under(cli.vault_dir) + files_under(cli.tmp) + files_under(cli.home)
    for system_tmp in {Path(tempfile.gettempdir()), Path("/tmp"), Path("/var/tmp")}:
        if system_tmp.is_dir():
            scanned += [
                path
                for path in system_tmp.iterdir()
                if path.is_file() and path.stat().st_mtime >= started and path.stat().st_size < 2**26
            ]
    names = {path.name for path in scanned}
    assert {"vault.json", "view.db", "00000001.seg"} <= names
    assert not list((cli.vault_dir / "run").iterdir())  # locked: no session left
    blob = b"\n".join(path.read_bytes() for path in scanned)
    assert len(blob) > 100_000
    needles = [c.encode() for c in canaries] + [c.lower().encode() for c in canaries]
    needles += [c.encode("utf-16-le") for c in canaries[::10]] + [
        c.lower().encode("utf-16-le") for c in canaries[::10]
    ]
    found = [needle for needle in needles if needle in blob]
    assert not found, f"{len(found)} canaries in the clear, e.g. {found[0]!r}"
    # Ordinary words of the reports, too: but only in the vault and the temp directory, since the
    # place-name cache in HOME holds public names such as Kazan (and the Canary Islands).
    ours = files_under(cli.vault_dir) + files_under(cli.tmp)
    vault_and_tmp = b"\n".join(path.read_bytes() for path in ours)
    for word in (b"anary", b"detained", b"Kazan", b"kazan", b"SQLite format 3"):
        assert word not in vault_and_tmp, word
    for secret in (PASSPHRASE.encode(), recovery.read_bytes().strip()):
        assert secret not in blob

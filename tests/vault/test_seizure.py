"""Seizure: after writing 1,000 unique canaries, none appears in any byte of the vault folder."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from vaultkit import DURESS, PASSPHRASE, Vault

from chronika.vault.segment import read_entries


def every_file(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_no_canary_survives_in_the_vault_folder(vault: Vault, tmp_path: Path) -> None:
    canaries = [f"CANARY-{i:04d}-{secrets.token_hex(6)}" for i in range(1000)]
    records = [
        json.dumps(
            {"victim": canary, "text": f"{canary} was detained", "note": canary.lower()}, ensure_ascii=False
        )
        for canary in canaries
    ]
    with vault.open(segment_limit=64 * 1024) as ledger:
        for start in range(0, 1000, 100):
            ledger.append_batch([r.encode() for r in records[start : start + 100]])
    assert len(vault.segments()) > 1
    assert [e.payload.decode() for e in read_entries(vault.ledger_dir, vault.keyring.data_key)] == records

    files = every_file(tmp_path)
    assert {p.name for p in files} >= {"vault.json", "00000001.seg"}
    blob = b"".join(p.read_bytes() for p in files)
    needles = [c.encode() for c in canaries] + [c.lower().encode() for c in canaries]
    needles += [c.encode("utf-16-le") for c in canaries[:50]]
    found = [n for n in needles if n in blob]
    assert not found, f"{len(found)} canaries in the clear, e.g. {found[0]!r}"
    assert b"CANARY" not in blob and b"canary" not in blob and b"detained" not in blob
    for secret in (PASSPHRASE, DURESS, vault.phrase.reveal().decode()):
        assert secret.encode() not in blob
    assert vault.keyring.data_key.reveal() not in blob
    assert vault.keyring.signing_seed.reveal() not in blob

"""The intake refuses a revoked device's entries after its cut-off, whoever relays them."""

from __future__ import annotations

import os

import nacl.signing
import pytest
from mirrorkit import TestVault

from chronika.errors import ForgeryRefused
from chronika.mirror.intake import Intake
from chronika.vault.keys import Keyring, device_id_for
from chronika.vault.ledger import Ledger
from chronika.vault.secret import SigningSeed
from chronika.vault.segment import LEDGER_DIR, CheckpointFrame, sealed_frames


def test_entries_after_a_revocation_are_refused_and_earlier_ones_kept(tmp_path):
    vault = TestVault(tmp_path / "vault")
    vault.append(batches=1, per_batch=2)
    seed = SigningSeed(os.urandom(32))
    public_key = bytes(nacl.signing.SigningKey(seed.reveal()).verify_key)
    other = Keyring(vault.keyring.vault_id, device_id_for(public_key), vault.keyring.data_key, seed)
    with Ledger.create(tmp_path / "other", other) as theirs:
        theirs.append_batch([b"first", b"second", b"third"])
    foreign = [f.data for f in sealed_frames(tmp_path / "other") if not isinstance(f, CheckpointFrame)]
    with Ledger.open(vault.ledger_dir, vault.keyring) as ledger:
        ledger.append_sealed(foreign)  # the founder relays the other device's three entries
    data = b"".join(path.read_bytes() for path in sorted((vault.root / LEDGER_DIR).glob("*.seg")))
    keys = {vault.keyring.device_id: vault.keyring.public_key, other.device_id: public_key}

    accepted = Intake(vault.keyring.vault_id, keys, {other.device_id: 3})
    accepted.apply(accepted.check(data, segment="00000001.seg", base=0))
    assert accepted.size == 5

    refusing = Intake(vault.keyring.vault_id, keys, {other.device_id: 2})
    with pytest.raises(ForgeryRefused, match="after its revocation"):
        refusing.check(data, segment="00000001.seg", base=0)

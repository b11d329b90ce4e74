"""Mirror seizure: after sync, nothing of the records, keys or phrase is in any byte the mirror wrote."""

from __future__ import annotations

from mirrorkit import PASSPHRASE, canary

from chronika.mirror.roster import ROSTER_FILE
from chronika.vault.keyfile import VAULT_FILE


def _every_byte(folder) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_no_canary_key_or_phrase_in_the_mirrors_data_or_log(make_vault, mirrors):
    vault = make_vault(batches=10, per_batch=100)
    mirror = mirrors()
    vault.add_mirror(mirror.url)
    assert vault.sync(mirror.url).ok
    seized = _every_byte(mirror.data)
    log = mirror.log.read_bytes()
    assert len(seized) > 100 * 200
    for n in range(vault.written):
        assert canary(n).encode() not in seized
    secrets = [
        PASSPHRASE.encode(),
        vault.phrase_text.encode(),
        *(word.encode() for word in vault.phrase_text.split()[:3]),
        vault.keyring.data_key.reveal(),
        vault.keyring.signing_seed.reveal(),
    ]
    for secret in secrets:
        assert secret not in seized
        assert secret not in log
    # the key file travelled, with its passphrase slot emptied: only the recovery phrase opens it
    assert b'"wrapped_keys": "' + b"A" * 40 in seized
    # the log names no IP address and no vault id
    assert b"127.0.0.1" not in log
    assert vault.keyring.vault_id.hex().encode() not in log
    assert b"append 200" in log


def test_the_vaults_mirror_list_is_sealed(make_vault, mirrors):
    vault = make_vault()
    mirror = mirrors()
    vault.add_mirror(mirror.url)
    assert vault.sync(mirror.url).ok
    roster = (vault.root / ROSTER_FILE).read_bytes()
    assert b"127.0.0.1" not in roster and str(mirror.port).encode() not in roster
    assert b"checkpoint" not in roster and b"chronika/" not in roster
    assert (vault.root / VAULT_FILE).exists()

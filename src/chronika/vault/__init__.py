"""The vault: keys, the encrypted append-only ledger, Merkle checkpoints and their verification.

Layers, each a small module: ``secret`` (typed secrets), ``phrase`` (recovery phrase), ``keys``
(key material and derivations), ``keyfile`` (``vault.json``), ``frame`` (the byte layout),
``merkle`` (RFC 9162 hashing and proofs), ``checkpoint`` (signed tree heads), ``segment``
(reading segment files), ``ledger`` (the writer), ``verify`` (full verification). The threat
model they answer is docs/threat-model.md.
"""

from chronika.vault.checkpoint import Checkpoint
from chronika.vault.keyfile import VAULT_FILE, KeyFile
from chronika.vault.keys import INTERACTIVE_KDF, MODERATE_KDF, KdfParams, Keyring
from chronika.vault.ledger import Ledger, TailRepair
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import DataKey, Passphrase, Secret, SigningSeed
from chronika.vault.segment import (
    LEDGER_DIR,
    CheckpointFrame,
    Entry,
    SealedEntry,
    read_entries,
    sealed_frames,
)
from chronika.vault.verify import Problem, VerifyReport, verify_ledger

__all__ = [
    "INTERACTIVE_KDF",
    "LEDGER_DIR",
    "MODERATE_KDF",
    "VAULT_FILE",
    "Checkpoint",
    "CheckpointFrame",
    "DataKey",
    "Entry",
    "KdfParams",
    "KeyFile",
    "Keyring",
    "Ledger",
    "Passphrase",
    "Problem",
    "RecoveryPhrase",
    "SealedEntry",
    "Secret",
    "SigningSeed",
    "TailRepair",
    "VerifyReport",
    "read_entries",
    "sealed_frames",
    "verify_ledger",
]

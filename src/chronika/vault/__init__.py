"""The vault: keys, the encrypted append-only ledger, records, the view, and the facade over them.

Layers, each a small module, bottom up:

* keys and the ledger: ``secret`` (typed secrets), ``phrase`` (recovery phrase), ``keys`` (key
  material and derivations), ``keyfile`` (``vault.json``), ``frame`` (the byte layout), ``merkle``
  (RFC 9162 hashing and proofs), ``checkpoint`` (signed tree heads), ``segment`` (reading segment
  files), ``ledger`` (the writer), ``verify`` (full verification);
* records: ``record`` (the operations a ledger entry holds), ``state`` (records, and the pure
  functions that apply operations to them), ``importer`` (a document to its operations),
  ``history`` (every version of a record);
* the view: ``view`` (the storage interface and the search language), ``sqlite_view`` and ``fts``
  (SQLCipher on disk, FTS5), ``replay`` (ledger to view), ``audit`` (the view against the ledger);
* ``session`` (who has the vault unlocked, for ``lock``) and ``vault`` (the facade every command uses).

The threat model they answer is docs/threat-model.md. The facade lives in ``chronika.vault.vault``
and is not imported here, so reading the ledger does not load SQLCipher.
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

"""The ledger's state for the verify page and the API: last checkpoint, last verification.

The last checkpoint is read from the end of the ledger with the facade's ``read_head`` (signature
checked with the vault's public key); a full verification (``Vault.verify``) is run only when asked,
because it reads every entry. Its outcome is kept in memory with the time it ran, never on disk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronika.errors import ChronikaError
from chronika.vault.audit import Audit
from chronika.vault.replay import read_head
from chronika.vault.segment import LEDGER_DIR
from chronika.vault.vault import Vault

__all__ = ["CheckpointInfo", "VerifyOutcome", "last_checkpoint", "run_verify"]


@dataclass(frozen=True, slots=True)
class CheckpointInfo:
    size: int
    root: str
    at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class VerifyOutcome:
    ok: bool
    at: dt.datetime
    audit: Audit | None = None
    code: str | None = None
    message: str | None = None

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"ok": self.ok, "at": self.at.isoformat()}
        if self.audit is not None:
            data.update(
                entries=self.audit.entries,
                checkpoints=self.audit.checkpoints,
                segments=self.audit.segments,
                bytes=self.audit.total_bytes,
                root=self.audit.root.hex(),
                records=self.audit.records,
                view_checked=self.audit.view_checked,
            )
        if self.code is not None:
            data["error"] = {"code": self.code, "message": self.message}
        return data


def last_checkpoint(vault: Vault) -> CheckpointInfo | None:
    keyring = vault.keyring
    head = read_head(vault.directory / LEDGER_DIR, keyring.vault_id, keyring.public_key)
    if head is None:
        return None
    at = dt.datetime.fromtimestamp(head.timestamp, dt.UTC) if head.timestamp else None
    return CheckpointInfo(size=head.size, root=head.root.hex(), at=at)


def run_verify(vault: Vault) -> VerifyOutcome:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        return VerifyOutcome(ok=True, at=now, audit=vault.verify())
    except ChronikaError as error:
        return VerifyOutcome(ok=False, at=now, code=error.code, message=error.message)

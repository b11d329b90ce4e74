"""The intake: checks ledger bytes as they arrive, before anything is stored.

A mirror holds no key, but it can check everything that needs none, and refuses whatever fails:

* every frame is whole and its CRC matches (a garbled transfer is refused, not stored);
* every entry is of this vault, from a registered device (not past its revocation), and continues
  that device's chain:
  sequence number one more than the last, previous-entry hash equal to the last entry's leaf hash;
* every checkpoint decodes canonically, is signed by a registered device key, and states exactly
  the tree size, Merkle root and subtrees recomputed from every entry before it. So a new
  checkpoint is consistent with the previous one by construction: the mirror computed both roots
  over the same leaves, the old a prefix of the new.

Entries after the last checkpoint are *pending*: checked on arrival, but committed (readable,
counted, proved) only when a checkpoint covering them is accepted, exactly as on the device, where
an append counts only once its checkpoint is on disk. Bytes may arrive in any slices: a frame the
data ends inside waits for the rest.

The same class checks what a client pulls from a mirror, so both directions apply one rule.
:meth:`Intake.check` computes a :class:`Step` without changing anything; :meth:`Intake.apply`
commits it once the caller has stored the bytes, so a failed write leaves the intake as it was.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

from chronika.errors import ForgeryRefused
from chronika.vault import merkle
from chronika.vault.checkpoint import Checkpoint, CheckpointInvalid
from chronika.vault.frame import (
    FRAME_ENVELOPE,
    KIND_CHECKPOINT,
    NO_PREVIOUS,
    FrameDamaged,
    parse_entry_header,
    scan,
)

__all__ = ["Intake", "Step"]


@dataclass(slots=True)
class Step:
    """What one slice of bytes does to an intake, computed by :meth:`Intake.check`."""

    consumed: int
    committed: int | None
    leaves: list[bytes]
    checkpoint: Checkpoint | None
    checkpoint_bytes: bytes | None
    frontier: merkle.Frontier
    chains: dict[bytes, tuple[int, bytes]]
    pending: list[bytes] = field(default_factory=list)
    committed_chains: dict[bytes, tuple[int, bytes]] | None = None
    committed_frontier: merkle.Frontier | None = None


class Intake:
    """The verified state of one vault's ledger: committed tree, chains, head, and what is pending."""

    def __init__(
        self, vault_id: bytes, keys: Mapping[bytes, bytes], cutoffs: Mapping[bytes, int] | None = None
    ) -> None:
        self.vault_id = vault_id
        self.keys = dict(keys)
        #: Revoked devices: the last of their sequence numbers still accepted.
        self.cutoffs = dict(cutoffs or {})
        self.frontier = merkle.Frontier()
        self.chains: dict[bytes, tuple[int, bytes]] = {}
        self.head: Checkpoint | None = None
        self.head_bytes: bytes | None = None
        self._pending_frontier = merkle.Frontier()
        self._pending_chains: dict[bytes, tuple[int, bytes]] = {}
        self._pending_leaves: list[bytes] = []

    @property
    def size(self) -> int:
        """Committed entries (covered by the head checkpoint)."""
        return self.frontier.size

    @property
    def has_pending(self) -> bool:
        return bool(self._pending_leaves)

    def pending_seq(self, device_id: bytes) -> int:
        """The device's last sequence number including entries still waiting for a checkpoint."""
        return self._pending_chains.get(device_id, self.chains.get(device_id, (0, b"")))[0]

    def drop_pending(self) -> None:
        """Forget entries no checkpoint covers yet (their bytes are being cut or sent again)."""
        self._pending_frontier = self.frontier.copy()
        self._pending_chains = dict(self.chains)
        self._pending_leaves = []

    def check(self, data: bytes, *, segment: str, base: int) -> Step:
        """Check the frames in ``data`` (which starts at a frame boundary, at ``base`` in ``segment``).

        Raises ForgeryRefused naming the segment, byte offset and reason at the first bad frame.
        """
        frontier = self._pending_frontier.copy()
        chains = dict(self._pending_chains)
        pending = list(self._pending_leaves)
        step = Step(0, None, [], None, None, frontier, chains)
        committed_leaves: list[bytes] = []
        try:
            for offset, kind, body in scan(data):
                end = offset + FRAME_ENVELOPE.size + len(body)
                if kind == KIND_CHECKPOINT:
                    checkpoint = self._check_checkpoint(body, frontier, segment, base + offset)
                    committed_leaves.extend(pending)
                    pending = []
                    step.committed = end
                    step.checkpoint, step.checkpoint_bytes = checkpoint, body
                    step.committed_frontier = frontier.copy()
                    step.committed_chains = dict(chains)
                else:
                    leaf = self._check_entry(body, chains, segment, base + offset)
                    frontier.append(leaf)
                    pending.append(leaf)
                step.consumed = end
        except FrameDamaged as damage:
            if not damage.incomplete:
                raise _refused(segment, base + damage.offset, damage.reason) from None
        step.leaves = committed_leaves
        step.pending = pending
        return step

    def apply(self, step: Step) -> None:
        """Commit a checked step (after its bytes were stored)."""
        if step.committed_frontier is not None and step.committed_chains is not None:
            self.frontier = step.committed_frontier
            self.chains = step.committed_chains
            self.head, self.head_bytes = step.checkpoint, step.checkpoint_bytes
        self._pending_frontier = step.frontier
        self._pending_chains = step.chains
        self._pending_leaves = step.pending

    def _check_entry(
        self, body: bytes, chains: dict[bytes, tuple[int, bytes]], segment: str, offset: int
    ) -> bytes:
        header = parse_entry_header(body, offset)
        if header.vault_id != self.vault_id:
            raise _refused(segment, offset, "entry belongs to another vault")
        if header.device_id not in self.keys:
            raise _refused(segment, offset, f"entry is from device {header.device_id.hex()}, not registered")
        cutoff = self.cutoffs.get(header.device_id)
        if cutoff is not None and header.seq > cutoff:
            raise _refused(
                segment,
                offset,
                f"entry is from device {header.device_id.hex()} after its revocation "
                f"(its entries after sequence number {cutoff} are refused)",
            )
        seq, previous = chains.get(header.device_id, (0, NO_PREVIOUS))
        if header.seq != seq + 1:
            raise _refused(
                segment, offset, f"sequence number {header.seq} follows {seq}: entries missing or reordered"
            )
        if not hmac.compare_digest(header.previous, previous):
            raise _refused(segment, offset, "previous-entry hash does not match the device's last entry")
        leaf = merkle.leaf_hash(body)
        chains[header.device_id] = (header.seq, leaf)
        return leaf

    def _check_checkpoint(
        self, body: bytes, frontier: merkle.Frontier, segment: str, offset: int
    ) -> Checkpoint:
        try:
            checkpoint = Checkpoint.decode(body)
        except CheckpointInvalid as error:
            raise _refused(segment, offset, f"checkpoint: {error}") from None
        if checkpoint.vault_id != self.vault_id:
            raise _refused(segment, offset, "checkpoint belongs to another vault")
        public_key = self.keys.get(checkpoint.device_id)
        if public_key is None or not checkpoint.verify(public_key):
            raise _refused(segment, offset, "checkpoint has no valid signature of a registered device")
        if checkpoint.size != frontier.size:
            raise _refused(
                segment, offset, f"checkpoint states {checkpoint.size} entries but {frontier.size} precede it"
            )
        if (
            not hmac.compare_digest(checkpoint.root, frontier.root())
            or checkpoint.subtrees != frontier.hashes
        ):
            raise _refused(segment, offset, "checkpoint root does not match the entries before it")
        return checkpoint


def _refused(segment: str, offset: int, reason: str) -> ForgeryRefused:
    return ForgeryRefused(f"refused at {segment}, offset {offset}: {reason}; nothing was stored")

"""Full ledger verification, with the public keys only, plus (optionally) the data key.

Checks, in ledger order, stopping at the first failure and naming it (segment file, byte offset,
entry number, sequence number, and what is wrong):

* segments are numbered without gaps, and every byte of every segment belongs to a frame whose
  checksum matches (a flipped byte is found in the frame it landed in);
* every entry is well formed, of this vault, from a known device, with that device's sequence
  numbers contiguous from 1 and its previous-entry hash equal to the hash of its previous entry;
  an entry of a revoked device after its cut-off (``revoked``) is refused and named;
* every checkpoint decodes, is signed by a known device key, and states exactly the tree size,
  Merkle root and subtrees recomputed from the entries before it;
* every entry is covered by a checkpoint (nothing trails the last one);
* with the data key, every payload decrypts (its AEAD tag also authenticates its header);
* with a ``known`` checkpoint seen earlier (from a mirror, a printout, a previous run), the ledger
  still contains it: same root at that size. This is the only defence against a rollback to an
  earlier checkpoint, which leaves a shorter but internally valid ledger.

Verification never changes a byte; repairing a torn tail is ``Ledger.open``'s job.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chronika.errors import LedgerCorrupt
from chronika.vault import merkle
from chronika.vault.checkpoint import ORIGIN_PREFIX, Checkpoint, CheckpointInvalid
from chronika.vault.cipher import EntryCipher
from chronika.vault.frame import (
    ENTRY_HEADER,
    ENTRY_VERSION,
    FRAME_ENVELOPE,
    KIND_CHECKPOINT,
    MAGIC,
    NO_PREVIOUS,
    TAG_BYTES,
    FrameDamaged,
    scan,
)
from chronika.vault.secret import DataKey
from chronika.vault.segment import list_segments

__all__ = ["Problem", "VerifyReport", "verify_ledger"]


@dataclass(frozen=True, slots=True)
class Problem:
    """The first thing found wrong, and exactly where."""

    reason: str
    segment: str | None = None
    offset: int | None = None
    index: int | None = None
    seq: int | None = None

    def error(self) -> LedgerCorrupt:
        return LedgerCorrupt(
            self.reason, segment=self.segment, offset=self.offset, index=self.index, seq=self.seq
        )

    def __str__(self) -> str:
        return self.error().message


@dataclass(frozen=True, slots=True)
class VerifyReport:
    segments: int
    entries: int
    checkpoints: int
    total_bytes: int
    size: int
    root: bytes
    decrypted: bool
    head: Checkpoint | None
    problem: Problem | None
    devices: dict[bytes, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem is None

    def raise_for_problem(self) -> None:
        if self.problem is not None:
            raise self.problem.error()


class _Failed(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.reason)
        self.problem = problem


def verify_ledger(
    directory: Path,
    *,
    vault_id: bytes,
    public_keys: Mapping[bytes, bytes],
    data_key: DataKey | None = None,
    known: Checkpoint | None = None,
    revoked: Mapping[bytes, int] | None = None,
) -> VerifyReport:
    """Verify the ledger in ``directory``; ``public_keys`` maps device id to Ed25519 public key.

    ``revoked`` maps a revoked device's id to the last of its sequence numbers still accepted.
    """
    cipher = EntryCipher(data_key) if data_key is not None else None
    state = _State(vault_id, dict(public_keys), cipher, known)
    state.revoked = dict(revoked or {})
    try:
        segments = list_segments(Path(directory))
        if not segments:
            raise _Failed(Problem("the ledger has no segment file"))
        for path in segments:
            state.read_segment(path.name, path.read_bytes())
            state.segments += 1
        state.finish()
    except LedgerCorrupt as error:
        state.problem = Problem(error.message, segment=error.segment)
    except _Failed as failure:
        state.problem = failure.problem
    if cipher is not None:
        cipher.wipe()
    return VerifyReport(
        segments=state.segments,
        entries=state.frontier.size,
        checkpoints=state.checkpoints,
        total_bytes=state.bytes,
        size=state.head.size if state.head else 0,
        root=state.head.root if state.head else merkle.EMPTY_ROOT,
        decrypted=data_key is not None,
        head=state.head,
        problem=state.problem,
        devices={device: seq for device, (seq, _) in state.chains.items()},
    )


class _State:
    def __init__(
        self, vault_id: bytes, keys: dict[bytes, bytes], cipher: EntryCipher | None, known: Checkpoint | None
    ) -> None:
        self.vault_id = vault_id
        self.keys = keys
        self.cipher = cipher
        self.known = known
        self.known_size = known.size if known is not None else -1
        self.frontier = merkle.Frontier()
        self.chains: dict[bytes, tuple[int, bytes]] = {}
        self.first_uncovered: Problem | None = None
        self.head: Checkpoint | None = None
        self.checkpoints = 0
        self.segments = 0
        self.bytes = 0
        self.problem: Problem | None = None
        self.revoked: dict[bytes, int] = {}

    def read_segment(self, name: str, data: bytes) -> None:
        unpack_header = ENTRY_HEADER.unpack_from
        header_size = ENTRY_HEADER.size
        sha256 = hashlib.sha256
        append_leaf = self.frontier.append
        chains = self.chains
        try:
            for offset, kind, body in scan(data):
                if kind == KIND_CHECKPOINT:
                    self.checkpoint(name, offset, body)
                    continue
                index = self.frontier.size
                if len(body) < header_size + TAG_BYTES:
                    raise _Failed(Problem("entry is shorter than its header", name, offset, index))
                magic, version, vault, device, seq, previous, length, nonce = unpack_header(body)
                where = (name, offset, index, seq)
                if magic != MAGIC or version != ENTRY_VERSION:
                    raise _Failed(Problem(f"entry has magic {magic!r}, format version {version}", *where))
                if header_size + length + TAG_BYTES != len(body):
                    raise _Failed(Problem("entry payload length does not match its frame", *where))
                if vault != self.vault_id:
                    raise _Failed(Problem("entry belongs to another vault", *where))
                if device not in self.keys:
                    raise _Failed(Problem(f"entry is from unknown device {device.hex()}", *where))
                cutoff = self.revoked.get(device)
                if cutoff is not None and seq > cutoff:
                    raise _Failed(
                        Problem(
                            f"entry is from device {device.hex()} after its revocation "
                            f"(its entries after sequence number {cutoff} are refused)",
                            *where,
                        )
                    )
                last_seq, last_hash = chains.get(device, (0, NO_PREVIOUS))
                if seq != last_seq + 1:
                    raise _Failed(
                        Problem(
                            f"sequence number {seq} follows {last_seq}: entries missing or reordered", *where
                        )
                    )
                if previous != last_hash:
                    raise _Failed(
                        Problem(
                            "previous-entry hash does not match the device's previous entry: "
                            "this entry or the one before it was altered",
                            *where,
                        )
                    )
                if self.cipher is not None and self.cipher.open_entry(body, header_size, nonce) is None:
                    raise _Failed(Problem("payload does not decrypt: the entry was altered", *where))
                leaf = sha256(b"\x00" + body).digest()
                chains[device] = (seq, leaf)
                append_leaf(leaf)
                if index + 1 == self.known_size:
                    self.compare_known(where)
                if self.first_uncovered is None:
                    self.first_uncovered = Problem(
                        "entry is not covered by any checkpoint (an append that never completed)", *where
                    )
        except FrameDamaged as damage:
            after = self.frontier.size
            # A checkpoint is recognised by its kind byte or, if that byte is the one damaged, by
            # the text every checkpoint starts with.
            starts = damage.offset + FRAME_ENVELOPE.size
            if data[damage.offset : damage.offset + 1] == bytes([KIND_CHECKPOINT]) or data[
                starts : starts + len(ORIGIN_PREFIX)
            ] == ORIGIN_PREFIX.encode("ascii"):
                reason = f"checkpoint after entry #{after}: {damage.reason}"
                raise _Failed(Problem(reason, name, damage.offset)) from None
            raise _Failed(Problem(damage.reason, name, damage.offset, after)) from None
        self.bytes += len(data)

    def checkpoint(self, name: str, offset: int, body: bytes) -> None:
        after = self.frontier.size
        where = (name, offset)
        try:
            checkpoint = Checkpoint.decode(body)
        except CheckpointInvalid as error:
            raise _Failed(Problem(f"checkpoint after entry #{after}: {error}", *where)) from None
        if checkpoint.vault_id != self.vault_id:
            raise _Failed(Problem(f"checkpoint after entry #{after} belongs to another vault", *where))
        public_key = self.keys.get(checkpoint.device_id)
        if public_key is None or not checkpoint.verify(public_key):
            raise _Failed(
                Problem(f"checkpoint after entry #{after} has no valid signature of a known device", *where)
            )
        if checkpoint.size != after:
            raise _Failed(
                Problem(f"checkpoint states {checkpoint.size} entries but {after} precede it", *where)
            )
        if (
            not hmac.compare_digest(checkpoint.root, self.frontier.root())
            or checkpoint.subtrees != self.frontier.hashes
        ):
            raise _Failed(
                Problem(
                    f"checkpoint root does not match the {after} entries before it: one of them was altered",
                    *where,
                )
            )
        self.head = checkpoint
        self.checkpoints += 1
        self.first_uncovered = None

    def compare_known(self, where: tuple[str, int, int, int]) -> None:
        assert self.known is not None
        if not hmac.compare_digest(self.frontier.root(), self.known.root):
            raise _Failed(
                Problem(
                    f"the first {self.known.size} entries differ from the known checkpoint of that size: "
                    "the ledger was rewritten (a fork)",
                    *where,
                )
            )

    def finish(self) -> None:
        if self.first_uncovered is not None:
            raise _Failed(self.first_uncovered)
        if self.known is not None and self.frontier.size < self.known.size:
            raise _Failed(
                Problem(
                    f"the ledger has {self.frontier.size} entries but a known checkpoint had "
                    f"{self.known.size}: entries were removed (rolled back)"
                )
            )

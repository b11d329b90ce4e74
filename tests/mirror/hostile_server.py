"""A lying mirror, for tests: the real server over a store that shows a tampered view when told to.

    python tests/mirror/hostile_server.py --data DIR --port N

It stores honestly (it is a FileStore), and what it *shows* is decided per request by the file
``DIR/../<data name>.mode``, one line:

* ``honest``: the truth;
* ``rollback ALT`` and ``fork ALT``: everything (head, reads, proofs, audits) comes from another
  data folder ALT with the same mirror id: an earlier copy (rollback) or one where a fork of the
  vault was pushed (fork);
* ``drop``, ``reorder``, ``alter``: the head is honest but the bytes served and audited have the
  third entry of segment 1 removed, swapped with the fourth, or one ciphertext byte flipped (its
  frame CRC recomputed, so the frame still looks well formed).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from functools import cache
from pathlib import Path

from chronika.mirror.protocol import SegmentDigest, VaultHead, b64
from chronika.mirror.server import serve
from chronika.mirror.store import FileStore
from chronika.vault.frame import KIND_ENTRY, encode_frame, scan

VICTIM = 2  # the third entry frame of segment 1


class HostileStore(FileStore):
    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.control = root.parent / f"{root.name}.mode"

    def _mode(self) -> tuple[str, str | None]:
        try:
            words = self.control.read_text().split()
        except FileNotFoundError:
            return "honest", None
        return (words[0], words[1] if len(words) > 1 else None) if words else ("honest", None)

    @cache  # noqa: B019  (a test server: one store per alternate folder, for its life)
    def _alternate(self, path: str) -> FileStore:
        return FileStore(Path(path))

    def _shown(self) -> FileStore | None:
        mode, argument = self._mode()
        if mode in ("rollback", "fork") and argument:
            return self._alternate(argument)
        return None

    def _tampered(self, vault_id: bytes, number: int) -> bytes:
        committed = super().head(vault_id).segments[number - 1].committed
        data = super().read(vault_id, number, 0, committed)
        mode, _ = self._mode()
        if number != 1 or mode not in ("drop", "reorder", "alter"):
            return data
        frames = [(kind, body) for _, kind, body in scan(data)]
        entries = [i for i, (kind, _) in enumerate(frames) if kind == KIND_ENTRY]
        victim, after = entries[VICTIM], entries[VICTIM + 1]
        if mode == "drop":
            del frames[victim]
        elif mode == "reorder":
            frames[victim], frames[after] = frames[after], frames[victim]
        else:
            kind, body = frames[victim]
            flipped = bytearray(body)
            flipped[-20] ^= 0x01
            frames[victim] = (kind, bytes(flipped))
        return b"".join(encode_frame(kind, body) for kind, body in frames)

    def head(self, vault_id: bytes) -> VaultHead:
        shown = self._shown()
        return shown.head(vault_id) if shown else super().head(vault_id)

    def read(self, vault_id: bytes, segment: int, offset: int, limit: int) -> bytes:
        shown = self._shown()
        if shown:
            return shown.read(vault_id, segment, offset, limit)
        return self._tampered(vault_id, segment)[offset : offset + limit]

    def consistency(self, vault_id: bytes, old_size: int, new_size: int) -> list[bytes]:
        shown = self._shown()
        return (
            shown.consistency(vault_id, old_size, new_size)
            if shown
            else super().consistency(vault_id, old_size, new_size)
        )

    def audit(self, vault_id: bytes, nonce: bytes) -> list[SegmentDigest]:
        shown = self._shown()
        if shown:
            return shown.audit(vault_id, nonce)
        digests = []
        for state in super().head(vault_id).segments:
            data = self._tampered(vault_id, state.number)
            digest = hashlib.blake2b(data, key=nonce, digest_size=32).digest()
            digests.append(SegmentDigest(state.number, state.committed, b64(digest)))
        return digests


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    data = Path(args.data)

    def announce(line: str) -> None:
        print(line, flush=True)

    serve(data, port=args.port, quiet=True, announce=announce, store=HostileStore(data))


if __name__ == "__main__":
    sys.exit(main())

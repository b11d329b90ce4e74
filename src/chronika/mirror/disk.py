"""The mirror's disk operations: durable appends, cut-backs, ranged reads, leaf hashes by mmap.

An append is acknowledged only after ``fdatasync`` (and, for a new segment, an fsync of its
directory); a failed append is cut back to the size before it, so a segment never keeps half of a
request. Full disks become MirrorStorageFull, which the server answers in its error shape.
"""

from __future__ import annotations

import contextlib
import errno
import mmap
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from chronika.errors import MirrorStorageFull
from chronika.vault import merkle
from chronika.vault.files import PRIVATE_FILE_MODE, fsync_dir, write_atomic

__all__ = ["LeafFile", "append_durably", "read_blocks", "read_range", "truncate", "write_file"]

_READ_BLOCK = 1024 * 1024
_FULL_DISK = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)


def write_file(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as error:
        if error.errno in _FULL_DISK:
            raise MirrorStorageFull("the mirror's disk is full; nothing was changed") from None
        raise


def append_durably(path: Path, data: bytes, expected_size: int, *, create: bool) -> None:
    """Append ``data`` and fdatasync; on failure cut back to ``expected_size`` (nothing half-stored)."""
    flags = os.O_WRONLY | os.O_APPEND | (os.O_CREAT | os.O_EXCL if create else 0)
    try:
        fd = os.open(path, flags, PRIVATE_FILE_MODE)
    except OSError as error:
        raise _write_error(error) from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fdatasync(fd)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, expected_size)
        raise _write_error(error) from None
    finally:
        os.close(fd)
    if create:
        fsync_dir(path.parent)


def _write_error(error: OSError) -> Exception:
    if error.errno in _FULL_DISK:
        return MirrorStorageFull("the mirror's disk is full; nothing of this append was stored")
    return error


def truncate(path: Path, size: int) -> None:
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, size)
        os.fsync(fd)
    finally:
        os.close(fd)


def read_range(path: Path, start: int, end: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(start)
        return handle.read(max(0, end - start))


def read_blocks(path: Path, end: int) -> Iterator[bytes]:
    with path.open("rb") as handle:
        left = end
        while left > 0:
            block = handle.read(min(_READ_BLOCK, left))
            if not block:
                return
            left -= len(block)
            yield block


class LeafFile(Sequence[bytes]):
    """The first ``size`` leaf hashes of ``leaves.bin``, by mmap: what a proof needs, not held in memory."""

    def __init__(self, path: Path, size: int) -> None:
        self._size = size
        self._handle = path.open("rb")
        self._map: mmap.mmap | None = (
            mmap.mmap(self._handle.fileno(), size * merkle.HASH_BYTES, access=mmap.ACCESS_READ)
            if size
            else None
        )

    def __len__(self) -> int:
        return self._size

    @overload
    def __getitem__(self, index: int) -> bytes: ...

    @overload
    def __getitem__(self, index: slice) -> list[bytes]: ...

    def __getitem__(self, index: int | slice) -> bytes | list[bytes]:
        width = merkle.HASH_BYTES
        if isinstance(index, slice):
            start, stop, stride = index.indices(self._size)
            if stride != 1 or self._map is None:
                return [self[i] for i in range(start, stop, stride)]
            raw = self._map[start * width : stop * width]
            return [raw[i : i + width] for i in range(0, len(raw), width)]
        if not 0 <= index < self._size or self._map is None:
            raise IndexError(index)
        return self._map[index * width : (index + 1) * width]

    def __enter__(self) -> LeafFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._map is not None:
            self._map.close()
        self._handle.close()

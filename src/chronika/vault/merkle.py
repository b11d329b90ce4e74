"""Merkle tree hashing as RFC 9162 (Certificate Transparency 2.0) section 2.1 defines it.

The ledger's entries are the leaves, in order. A checkpoint signs the root of the first ``n``
entries; an inclusion proof shows one entry is under a root; a consistency proof shows a later
root extends an earlier one (no entry rewritten, none removed), which is how a mirror that rolls
back or forks is caught.

Definitions (RFC 9162, 2.1.1), with SHA-256 and ``D[k1:k2]`` the leaves from ``k1`` up to ``k2``:

* ``MTH({}) = SHA-256()``
* ``MTH({d0}) = SHA-256(0x00 || d0)``
* ``MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))`` for ``n > 1``, ``k`` the largest
  power of two smaller than ``n``.

Functions below take *leaf hashes* (``leaf_hash(entry)``), so entries are hashed once. The
root of ``n`` leaves is computed level by level (pairs hashed, an odd last node carried up
unchanged, which yields exactly the RFC's tree), and a :class:`Frontier` keeps only the roots of
the perfect subtrees of the tree so far (one per set bit of ``n``), so appending is O(1)
amortised and the ledger never holds the whole tree to sign a new root.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

__all__ = [
    "EMPTY_ROOT",
    "HASH_BYTES",
    "Frontier",
    "consistency_proof",
    "inclusion_proof",
    "leaf_hash",
    "node_hash",
    "root",
    "verify_consistency",
    "verify_inclusion",
]

HASH_BYTES = 32
LEAF_PREFIX = b"\x00"
NODE_PREFIX = b"\x01"
EMPTY_ROOT = hashlib.sha256(b"").digest()

_sha256 = hashlib.sha256


def leaf_hash(entry: bytes) -> bytes:
    return _sha256(LEAF_PREFIX + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(NODE_PREFIX + left + right).digest()


def _largest_power_of_two_below(n: int) -> int:
    """``k`` of the RFC: the largest power of two strictly smaller than ``n`` (``n >= 2``)."""
    return 1 << ((n - 1).bit_length() - 1)


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH of the leaves whose hashes are given, in O(n) hashes and O(n) transient memory."""
    level = list(leaf_hashes)
    if not level:
        return EMPTY_ROOT
    sha = _sha256
    prefix = NODE_PREFIX
    while len(level) > 1:
        pairs = zip(level[0::2], level[1::2], strict=False)  # an odd last node is carried below
        paired = [sha(prefix + left + right).digest() for left, right in pairs]
        if len(level) & 1:
            paired.append(level[-1])
        level = paired
    return level[0]


class Frontier:
    """The compact state of a growing tree: the roots of its perfect subtrees, largest first.

    For a tree of ``size`` leaves there is one hash per set bit of ``size``; folding them from the
    right gives the RFC root, because the RFC tree of ``n`` leaves is exactly those subtrees
    joined right to left.
    """

    __slots__ = ("_hashes", "_size")

    def __init__(self, size: int = 0, hashes: Iterable[bytes] = ()) -> None:
        self._size = size
        self._hashes = list(hashes)
        if len(self._hashes) != size.bit_count() or any(len(h) != HASH_BYTES for h in self._hashes):
            raise ValueError(
                f"a frontier of {size} leaves has {size.bit_count()} hashes of {HASH_BYTES} bytes"
            )

    @property
    def size(self) -> int:
        return self._size

    @property
    def hashes(self) -> tuple[bytes, ...]:
        return tuple(self._hashes)

    def copy(self) -> Frontier:
        return Frontier(self._size, self._hashes)

    def append(self, leaf: bytes) -> None:
        """Add one leaf hash: merge equal-height subtrees while the size's low bits carry."""
        hashes = self._hashes
        size = self._size
        node = leaf
        while size & 1:
            node = _sha256(NODE_PREFIX + hashes.pop() + node).digest()
            size >>= 1
        hashes.append(node)
        self._size += 1

    def extend(self, leaves: Iterable[bytes]) -> None:
        for leaf in leaves:
            self.append(leaf)

    def root(self) -> bytes:
        hashes = self._hashes
        if not hashes:
            return EMPTY_ROOT
        node = hashes[-1]
        for left in reversed(hashes[:-1]):
            node = _sha256(NODE_PREFIX + left + node).digest()
        return node


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int, size: int | None = None) -> list[bytes]:
    """PATH(m, D[n]) of RFC 9162 2.1.3.1: the audit path of leaf ``index`` in the first ``size`` leaves."""
    size = len(leaf_hashes) if size is None else size
    if not 0 <= index < size <= len(leaf_hashes):
        raise ValueError(f"no leaf {index} in a tree of {size}")
    return _path(leaf_hashes, index, 0, size)


def _path(leaves: Sequence[bytes], m: int, lo: int, hi: int) -> list[bytes]:
    n = hi - lo
    if n == 1:
        return []
    k = _largest_power_of_two_below(n)
    if m < k:
        return [*_path(leaves, m, lo, lo + k), root(leaves[lo + k : hi])]
    return [*_path(leaves, m - k, lo + k, hi), root(leaves[lo : lo + k])]


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], tree_root: bytes) -> bool:
    """RFC 9162 2.1.3.2: whether ``proof`` shows ``leaf`` at ``index`` under ``tree_root`` of ``size``."""
    if not 0 <= index < size:
        return False
    fn, sn = index, size - 1
    node = leaf
    for sibling in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            node = node_hash(sibling, node)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            node = node_hash(node, sibling)
        fn >>= 1
        sn >>= 1
    return sn == 0 and node == tree_root


def consistency_proof(
    leaf_hashes: Sequence[bytes], old_size: int, new_size: int | None = None
) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 9162 2.1.4.1: shows the tree of ``old_size`` is a prefix of ``new_size``.

    Empty when ``old_size`` is 0 or equals ``new_size`` (nothing to prove).
    """
    new_size = len(leaf_hashes) if new_size is None else new_size
    if not 0 <= old_size <= new_size <= len(leaf_hashes):
        raise ValueError(f"no consistency proof from {old_size} to {new_size}")
    if old_size in (0, new_size):
        return []
    return _subproof(leaf_hashes, old_size, 0, new_size, complete=True)


def _subproof(leaves: Sequence[bytes], m: int, lo: int, hi: int, *, complete: bool) -> list[bytes]:
    n = hi - lo
    if m == n:
        return [] if complete else [root(leaves[lo:hi])]
    k = _largest_power_of_two_below(n)
    if m <= k:
        return [*_subproof(leaves, m, lo, lo + k, complete=complete), root(leaves[lo + k : hi])]
    return [*_subproof(leaves, m - k, lo + k, hi, complete=False), root(leaves[lo : lo + k])]


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 2.1.4.2: whether ``proof`` shows ``new_root`` extends ``old_root``."""
    if not 0 <= old_size <= new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # an exact power of two: the old root is itself a node
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    first_root = second_root = path[0]
    for node in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            first_root = node_hash(node, first_root)
            second_root = node_hash(node, second_root)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            second_root = node_hash(second_root, node)
        fn >>= 1
        sn >>= 1
    return sn == 0 and first_root == old_root and second_root == new_root

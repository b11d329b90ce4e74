"""RFC 9162 hashing, checked against a direct transcription of the RFC's recursive definitions."""

from __future__ import annotations

import hashlib
import time

from hypothesis import given
from hypothesis import strategies as st

from chronika.vault import merkle


def mth(entries: list[bytes]) -> bytes:
    """RFC 9162 2.1.1, literally."""
    n = len(entries)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + entries[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + mth(entries[:k]) + mth(entries[k:])).digest()


def path(m: int, entries: list[bytes]) -> list[bytes]:
    """RFC 9162 2.1.3.1 PATH(m, D[n]), literally."""
    n = len(entries)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return [*path(m, entries[:k]), mth(entries[k:])]
    return [*path(m - k, entries[k:]), mth(entries[:k])]


def subproof(m: int, entries: list[bytes], b: bool) -> list[bytes]:
    """RFC 9162 2.1.4.1 SUBPROOF(m, D[n], b), literally."""
    n = len(entries)
    if m == n:
        return [] if b else [mth(entries)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return [*subproof(m, entries[:k], b), mth(entries[k:])]
    return [*subproof(m - k, entries[k:], False), mth(entries[:k])]


trees = st.lists(st.binary(max_size=8), max_size=70)


@given(trees)
def test_root_and_frontier_match_the_rfc(entries: list[bytes]) -> None:
    leaves = [merkle.leaf_hash(e) for e in entries]
    frontier = merkle.Frontier()
    frontier.extend(leaves)
    assert merkle.root(leaves) == mth(entries) == frontier.root()
    assert frontier.size == len(entries)
    assert len(frontier.hashes) == len(entries).bit_count()
    assert merkle.Frontier(frontier.size, frontier.hashes).root() == frontier.root()


@given(st.lists(st.binary(max_size=8), min_size=1, max_size=70, unique=True), st.data())
def test_inclusion_proofs(entries: list[bytes], data: st.DataObject) -> None:
    leaves = [merkle.leaf_hash(e) for e in entries]
    size = data.draw(st.integers(1, len(entries)))
    index = data.draw(st.integers(0, size - 1))
    proof = merkle.inclusion_proof(leaves, index, size)
    assert proof == path(index, entries[:size])
    root = mth(entries[:size])
    assert merkle.verify_inclusion(leaves[index], index, size, proof, root)
    # Every wrong claim fails: another leaf, another index, another size, a bent or cut proof.
    assert not merkle.verify_inclusion(merkle.leaf_hash(b"forged"), index, size, proof, root)
    if size > 1:
        assert not merkle.verify_inclusion(leaves[index], (index + 1) % size, size, proof, root)
        bent = [*proof[:-1], bytes(32)]
        assert not merkle.verify_inclusion(leaves[index], index, size, bent, root)
        assert not merkle.verify_inclusion(leaves[index], index, size, proof[:-1], root)
    assert not merkle.verify_inclusion(leaves[index], index, size, [*proof, bytes(32)], root)
    assert not merkle.verify_inclusion(leaves[index], size, size, proof, root)


@given(trees, st.data())
def test_consistency_proofs(entries: list[bytes], data: st.DataObject) -> None:
    leaves = [merkle.leaf_hash(e) for e in entries]
    new = data.draw(st.integers(0, len(entries)))
    old = data.draw(st.integers(0, new))
    proof = merkle.consistency_proof(leaves, old, new)
    if 0 < old < new:
        assert proof == subproof(old, entries[:new], True)
    old_root, new_root = mth(entries[:old]), mth(entries[:new])
    assert merkle.verify_consistency(old, new, old_root, new_root, proof)
    if 0 < old < new:
        assert not merkle.verify_consistency(old, new, merkle.leaf_hash(b"forked"), new_root, proof)
        assert not merkle.verify_consistency(old, new, old_root, merkle.leaf_hash(b"forked"), proof)
        assert not merkle.verify_consistency(old, new, old_root, new_root, [bytes(32), *proof[1:]])
        assert not merkle.verify_consistency(old, new, old_root, new_root, [*proof, bytes(32)])
        assert not merkle.verify_consistency(old, new, old_root, new_root, [])
    if old == new and old:
        assert not merkle.verify_consistency(old, new, old_root, merkle.leaf_hash(b"other"), proof)


@given(trees.filter(lambda e: len(e) >= 2), st.data())
def test_a_rewritten_history_has_no_consistency_proof(entries: list[bytes], data: st.DataObject) -> None:
    old = data.draw(st.integers(1, len(entries) - 1))
    changed = data.draw(st.integers(0, old - 1))
    forked = list(entries)
    forked[changed] = forked[changed] + b"!"
    leaves = [merkle.leaf_hash(e) for e in forked]
    proof = merkle.consistency_proof(leaves, old, len(entries))
    assert not merkle.verify_consistency(old, len(entries), mth(entries[:old]), mth(forked), proof)


def test_root_of_a_million_leaves_is_fast() -> None:
    leaves = [hashlib.sha256(i.to_bytes(8, "big")).digest() for i in range(1_000_000)]
    start = time.perf_counter()
    root = merkle.root(leaves)
    elapsed = time.perf_counter() - start
    frontier = merkle.Frontier()
    frontier.extend(leaves[:1000])
    assert frontier.root() == merkle.root(leaves[:1000])
    assert len(root) == 32
    assert elapsed < 3.0, f"root of 1M leaves took {elapsed:.2f} s"

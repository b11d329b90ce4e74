"""Network faults: the mirror SIGKILLed mid-sync and restarted; a proxy cutting connections at random.

After each, sync has resumed and finished: the mirror's segments are byte for byte the vault's
(nothing duplicated, nothing lost), and its head is the vault's head.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading

import pytest
from mirrorkit import mirror_ledger, segment_bytes

from chronika.mirror import client


def _assert_identical(mirror, vault) -> None:
    assert segment_bytes(mirror_ledger(mirror, vault)) == segment_bytes(vault.ledger_dir)


def test_mirror_killed_mid_sync_and_restarted(make_vault, mirrors, monkeypatch):
    # One large batch (its checkpoint only at the end), sent in many slices: the kill lands while
    # the mirror holds part of a batch it must drop on restart, and the sync must send it again.
    vault = make_vault(batches=2, per_batch=10)
    vault.append(1, 3000, size=300)
    vault.append(3, 200)
    monkeypatch.setattr(client, "CHUNK_BYTES", 64 * 1024)
    mirror = mirrors()
    vault.add_mirror(mirror.url)
    kills = []

    def kill_then_restart(done: int, total: int) -> None:
        if not kills and done > total // 3:
            kills.append(done)
            mirror.kill()
            threading.Timer(0.5, mirror.start).start()

    report = vault.sync(mirror.url, patience=20, progress=kill_then_restart)
    assert kills, "the mirror was never killed"
    assert report.ok, report.error
    assert report.attempts > 1
    _assert_identical(mirror, vault)
    again = vault.sync(mirror.url)
    assert again.ok and again.pushed_bytes == 0


class CuttingProxy:
    """Forwards 127.0.0.1 connections to the mirror; cuts each after a random number of bytes."""

    def __init__(
        self, target_port: int, seed: int, *, cut_ratio: float = 1.0, max_bytes: int = 300_000
    ) -> None:
        self.target = ("127.0.0.1", target_port)
        self.random = random.Random(seed)
        self.cut_ratio = cut_ratio
        self.max_bytes = max_bytes
        self.cuts = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._closing = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._closing:
            try:
                inbound, _ = self.listener.accept()
            except OSError:
                return
            outbound = socket.create_connection(self.target)
            budget = (
                self.random.randrange(1, self.max_bytes) if self.random.random() < self.cut_ratio else None
            )
            state = {"left": budget}
            lock = threading.Lock()
            for source, sink in ((inbound, outbound), (outbound, inbound)):
                threading.Thread(
                    target=self._pump, args=(source, sink, inbound, outbound, state, lock), daemon=True
                ).start()

    def _pump(self, source, sink, inbound, outbound, state, lock) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                with lock:
                    left = state["left"]
                    if left is not None:
                        if len(data) >= left:
                            sink.sendall(data[:left])
                            self.cuts += 1
                            raise ConnectionAbortedError
                        state["left"] = left - len(data)
                sink.sendall(data)
        except OSError:
            pass
        for sock in (inbound, outbound):  # shutdown wakes the other pump, blocked in recv
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def close(self) -> None:
        self._closing = True
        self.listener.close()


@pytest.mark.parametrize("seed", [1, 2])
def test_sync_through_a_proxy_that_cuts_connections(make_vault, mirrors, monkeypatch, seed):
    vault = make_vault(batches=40, per_batch=50, size=300)
    monkeypatch.setattr(client, "CHUNK_BYTES", 48 * 1024)
    mirror = mirrors()
    proxy = CuttingProxy(mirror.port, seed)
    try:
        vault.add_mirror(proxy.url)
        report = vault.sync(proxy.url, patience=20)
        assert report.ok, report.error
        assert proxy.cuts > 0 and report.attempts > 1
        _assert_identical(mirror, vault)
        vault.append(5, 50, size=300)
        report = vault.sync(proxy.url, patience=20)
        assert report.ok, report.error
        _assert_identical(mirror, vault)
    finally:
        proxy.close()

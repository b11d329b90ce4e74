"""The keeper: the one unlocked vault of a desk process, the browsers allowed to use it, the idle clock.

A desk is a single-user program on the user's own machine, but a browser is not the only thing
that can reach 127.0.0.1: any local program (or a web page, through the browser) can send it
requests. So holding the keys is not enough to use them: a browser session must itself have shown
the passphrase (set up the vault, or unlocked it) before any page shows a record. Locking drops the
keys (the facade wipes them) and marks every session locked again.

The vault facade is not thread-safe (one SQLite connection, one ledger writer), and Starlette runs
blocking work in a thread pool, so every use of the vault happens under one lock: :meth:`run` is
the only door. That also makes the desk "one writer" in the Datasette sense.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from anyio import to_thread

from chronika.desk.config import DeskConfig
from chronika.errors import VaultExists, VaultLocked
from chronika.vault.keyfile import VAULT_FILE
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Passphrase
from chronika.vault.vault import Vault

__all__ = ["BrowserSession", "Keeper"]

T = TypeVar("T")
#: Sessions are kept in memory only; past this many the oldest are forgotten (their browsers get a
#: fresh session and must unlock again), so a local script cannot grow the desk's memory at will.
MAX_SESSIONS = 256
_TOKEN_BYTES = 32


@dataclass(slots=True)
class BrowserSession:
    """One browser's standing with the desk: its CSRF token, whether it unlocked, its language."""

    id: str
    csrf: str
    unlocked: bool = False
    language: str | None = None
    flashes: list[str] = field(default_factory=list)


class Keeper:
    """Owns the :class:`Vault` while unlocked; see the module doc."""

    def __init__(self, config: DeskConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._vault: Vault | None = None
        self._sessions: OrderedDict[str, BrowserSession] = OrderedDict()
        self._lock = threading.RLock()
        self._last_used = clock()

    # -- browser sessions ------------------------------------------------------------------------

    def session(self, session_id: str | None) -> tuple[BrowserSession, bool]:
        """The session with this cookie value, or a new one; the flag says whether it is new."""
        with self._lock:
            if session_id is not None and session_id in self._sessions:
                self._sessions.move_to_end(session_id)
                return self._sessions[session_id], False
            fresh = BrowserSession(
                id=secrets.token_urlsafe(_TOKEN_BYTES), csrf=secrets.token_urlsafe(_TOKEN_BYTES)
            )
            self._sessions[fresh.id] = fresh
            while len(self._sessions) > MAX_SESSIONS:
                self._sessions.popitem(last=False)
            return fresh, True

    # -- the vault -------------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        """Whether a vault has been set up in the configured folder."""
        return (self.config.vault_dir / VAULT_FILE).exists()

    @property
    def unlocked(self) -> bool:
        return self._vault is not None

    def create(
        self, session: BrowserSession, passphrase: Passphrase, duress: Passphrase | None = None
    ) -> RecoveryPhrase:
        """Set up a new vault (only when none exists) and unlock it for ``session``."""
        with self._lock:
            if self.exists:
                raise VaultExists(f"a vault already exists in {self.config.vault_dir}")
            self._drop()
            vault, phrase = Vault.init(self.config.vault_dir, passphrase, duress, kdf=self.config.kdf)
            self._vault = vault
            session.unlocked = True
            self._last_used = self._clock()
            return phrase

    def unlock(self, session: BrowserSession, passphrase: Passphrase) -> None:
        """Open the vault with ``passphrase``, replacing any vault this process had open.

        The vault is opened afresh even when it is already unlocked, so the passphrase is checked
        by the same code (with the same duress behaviour and timing) every time; a wrong one leaves
        the desk locked, which fails safe.
        """
        with self._lock:
            self._drop()
            self._vault = Vault.open(self.config.vault_dir, passphrase)
            session.unlocked = True
            self._last_used = self._clock()

    def lock(self) -> None:
        """Drop the keys and lock every browser session."""
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        vault, self._vault = self._vault, None
        for session in self._sessions.values():
            session.unlocked = False
        if vault is not None:
            vault.lock()

    # -- idle time -------------------------------------------------------------------------------

    def idle_seconds(self) -> float:
        return self._clock() - self._last_used

    def lock_if_idle(self) -> bool:
        """Lock when nobody has used the vault for the configured time; whether it locked now."""
        with self._lock:
            if self._vault is not None and self.idle_seconds() >= self.config.idle_minutes * 60:
                self._drop()
                return True
            return False

    # -- using the vault -------------------------------------------------------------------------

    def call(self, session: BrowserSession | None, work: Callable[[Vault], T]) -> T:
        """Run ``work`` with the vault, under the one lock; VaultLocked if not allowed now.

        ``session`` None is an API call already authenticated by a token.
        """
        with self._lock:
            self.lock_if_idle()
            vault = self._vault
            if vault is None or (session is not None and not session.unlocked):
                raise VaultLocked("the vault is locked")
            self._last_used = self._clock()
            return work(vault)

    async def run(self, session: BrowserSession | None, work: Callable[[Vault], T]) -> T:
        """:meth:`call` in a worker thread, so the event loop keeps serving while Argon2id or SQLite work."""
        return await to_thread.run_sync(self.call, session, work)

    async def read(self, session: BrowserSession | None, work: Callable[[Vault], T]) -> T:
        """:meth:`call` for a page's worth of reading: on the event loop itself when the vault is free.

        A page of incidents or a chronology takes a millisecond or two of SQLite, less than handing
        it to a worker thread and back costs under load (measured with ``benchmarks/desk.py``), and
        the vault serves one caller at a time anyway. When something holds the vault (an import,
        a verification, Argon2id), the read waits in a worker thread as :meth:`run` does, so the
        event loop never blocks on the lock.
        """
        if not self._lock.acquire(blocking=False):
            return await self.run(session, work)
        try:
            return self.call(session, work)
        finally:
            self._lock.release()

    async def run_plain(self, work: Callable[[], T]) -> T:
        """Run blocking work (unlock, create) in a worker thread."""
        return await to_thread.run_sync(work)

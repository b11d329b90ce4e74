"""The desk's settings, parsed once at start into a frozen object.

Everything the security checks depend on (the bound host and port, and therefore the Host headers
and origins a request may carry, and whether cookies need ``Secure``) is derived here, once, so a
route can never disagree with the middleware about what "this server" is.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from chronika.errors import UsageError
from chronika.vault.keys import MODERATE_KDF, KdfParams

__all__ = ["DEFAULT_IDLE_MINUTES", "DEFAULT_PORT", "DeskConfig", "is_loopback"]

DEFAULT_PORT = 8765
#: Long enough not to interrupt reading a long report, short enough that a laptop left open on a
#: café table locks itself before someone else sits down.
DEFAULT_IDLE_MINUTES = 15.0
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the desk reachable from this machine only."""
    name = host.strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class DeskConfig:
    """How one desk process runs; ``extra_hosts`` are further names the Host header may carry."""

    vault_dir: Path
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    idle_minutes: float = DEFAULT_IDLE_MINUTES
    kdf: KdfParams = MODERATE_KDF
    extra_hosts: tuple[str, ...] = ()
    default_language: str = "en"
    #: Derived in ``__post_init__``; listed here so the frozen object carries them.
    allowed_hosts: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise UsageError(f"--port must be between 1 and 65535, not {self.port}")
        if not 0 < self.idle_minutes <= 24 * 60:
            raise UsageError(f"--idle-minutes must be more than 0 and at most 1440, not {self.idle_minutes}")
        names = {self.host, *self.extra_hosts}
        if self.loopback:
            names |= {"127.0.0.1", "localhost", "[::1]"}
        hosts = set()
        for name in names:
            shown = f"[{name}]" if ":" in name and not name.startswith("[") else name
            hosts |= {shown.lower(), f"{shown}:{self.port}".lower()}
        object.__setattr__(self, "allowed_hosts", frozenset(hosts))

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def wildcard(self) -> bool:
        """Bound to every interface: no single name is "this server", so ``extra_hosts`` must say."""
        return self.host in ("0.0.0.0", "::", "[::]")

    @property
    def secure_cookies(self) -> bool:
        """``Secure`` cookies off loopback; browsers treat http://127.0.0.1 as a secure context anyway."""
        return not self.loopback

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"http://{host}:{self.port}/"

    @property
    def allowed_origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.allowed_hosts if ":" in host.rsplit("]", 1)[-1])

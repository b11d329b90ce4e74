"""Where the CLI gets passphrases and recovery phrases: a file named by the environment, or a prompt.

Never from the command line: arguments are visible to every local user in ``ps`` and stay in shell
history. Scripts and tests name a file instead (``CHRONIKA_PASSPHRASE_FILE`` and friends below),
which they can create with mode 0600 and delete; people are prompted with hidden input. The file
holds the secret on its first line; one trailing newline is not part of it.

``CHRONIKA_TEST_FAST_KDF=1`` makes ``init`` derive the key with libsodium's *interactive* Argon2id
limits (about 0.07 s instead of 0.6 s) so the test suite can create hundreds of vaults. It is read
only by ``init``, only when set to exactly ``1``, and ``init`` warns on stderr when it is used: the
cost is stored in the vault, so such a vault stays cheaper to attack for as long as it exists.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from chronika.errors import UsageError
from chronika.vault.files import PRIVATE_FILE_MODE
from chronika.vault.keys import INTERACTIVE_KDF, MODERATE_KDF, KdfParams
from chronika.vault.phrase import RecoveryPhrase
from chronika.vault.secret import Passphrase

__all__ = [
    "DURESS_FILE",
    "FAST_KDF",
    "NEW_PASSPHRASE_FILE",
    "PASSPHRASE_FILE",
    "RECOVERY_FILE",
    "ask_optional_duress",
    "ask_passphrase",
    "ask_recovery_phrase",
    "kdf_for_init",
    "read_secret_line",
    "write_recovery_file",
]

PASSPHRASE_FILE = "CHRONIKA_PASSPHRASE_FILE"
NEW_PASSPHRASE_FILE = "CHRONIKA_NEW_PASSPHRASE_FILE"
DURESS_FILE = "CHRONIKA_DURESS_PASSPHRASE_FILE"
RECOVERY_FILE = "CHRONIKA_RECOVERY_FILE"
FAST_KDF = "CHRONIKA_TEST_FAST_KDF"
MAX_SECRET_FILE_BYTES = 64 * 1024


def _read_secret_file(variable: str) -> str | None:
    name = os.environ.get(variable)
    if not name:
        return None
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_SECRET_FILE_BYTES + 1)
    except OSError as error:
        raise UsageError(f"{variable} names {name}, which cannot be read ({error.strerror})") from None
    if len(data) > MAX_SECRET_FILE_BYTES:
        raise UsageError(f"{variable} names {name}, which is too large to hold a passphrase")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{variable} names {name}, which is not UTF-8 text") from None
    line = text.split("\n", 1)[0]
    return line.removesuffix("\r")


def read_secret_line(variable: str) -> str | None:
    """The first line of the file named by ``variable`` (a secret never given on the command line)."""
    return _read_secret_file(variable)


def ask_passphrase(prompt: str, variable: str = PASSPHRASE_FILE, *, confirm: bool = False) -> Passphrase:
    """The passphrase from the file named by ``variable``, else typed at a hidden prompt."""
    text = _read_secret_file(variable)
    if text is None:
        text = click.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)
    return Passphrase.from_text(text)


def ask_optional_duress(*, wanted: bool) -> Passphrase | None:
    """The duress passphrase from ``CHRONIKA_DURESS_PASSPHRASE_FILE``, else prompted if ``wanted``."""
    text = _read_secret_file(DURESS_FILE)
    if text is not None:
        return Passphrase.from_text(text)
    if not wanted:
        return None
    return Passphrase.from_text(
        click.prompt("Duress passphrase", hide_input=True, confirmation_prompt=True, err=True)
    )


def ask_recovery_phrase() -> RecoveryPhrase:
    """The recovery phrase from ``CHRONIKA_RECOVERY_FILE``, else typed (hidden) at a prompt."""
    text = _read_whole_file(RECOVERY_FILE)
    if text is None:
        text = click.prompt("Recovery phrase (24 words)", hide_input=True, err=True)
    return RecoveryPhrase.parse(text)


def _read_whole_file(variable: str) -> str | None:
    name = os.environ.get(variable)
    if not name:
        return None
    try:
        return Path(name).read_text(encoding="utf-8")[:MAX_SECRET_FILE_BYTES]
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"{variable} names {name}, which cannot be read as text") from None


def write_recovery_file(phrase: RecoveryPhrase) -> Path | None:
    """Write the phrase to the file named by ``CHRONIKA_RECOVERY_FILE`` (owner-only), if set."""
    name = os.environ.get(RECOVERY_FILE)
    if not name:
        return None
    path = Path(name)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)
            os.write(fd, phrase.reveal() + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        raise UsageError(
            f"{RECOVERY_FILE} names {name}, which cannot be written ({error.strerror})"
        ) from None
    return path


def kdf_for_init() -> KdfParams:
    """Libsodium's moderate Argon2id cost, unless the test-only switch is set (see the module doc)."""
    if os.environ.get(FAST_KDF) == "1":
        click.echo(
            f"chronika: warning: {FAST_KDF}=1: this vault uses test-only key derivation; "
            "never keep records in it",
            err=True,
        )
        return INTERACTIVE_KDF
    return MODERATE_KDF

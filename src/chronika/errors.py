"""One exception tree for everything a user can see.

Every error that reaches a person carries a stable code and a one-line message: the CLI prints
``chronika: error [CODE]: message`` and exits non-zero, the API (later) returns the same code in JSON.
Messages never include passphrases, keys or record plaintext.
"""

from __future__ import annotations


class ChronikaError(Exception):
    """Base of every error meant for a user; ``code`` is stable across releases."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def one_line(self) -> str:
        flat = " ".join(self.message.split())
        return f"error [{self.code}]: {flat}"


class InputError(ChronikaError):
    """The input given by the user cannot be used (missing, unreadable, empty, not text)."""

    code = "E100"
    exit_code = 2


class InputNotFound(InputError):
    code = "E101"


class InputIsDirectory(InputError):
    code = "E102"


class InputEmpty(InputError):
    code = "E103"


class InputNotText(InputError):
    code = "E104"


class InputTooLarge(InputError):
    code = "E105"


class InputUnreadable(InputError):
    code = "E106"


class UnsupportedLanguage(InputError):
    code = "E110"


class UsageError(ChronikaError):
    """A command line option has a value the command cannot use."""

    code = "E120"
    exit_code = 2


class VaultError(ChronikaError):
    """Something about the vault (its keys or its ledger) stops the command; nothing was changed."""

    code = "E200"
    exit_code = 3


class VaultNotFound(VaultError):
    code = "E201"


class VaultExists(VaultError):
    code = "E202"


class VaultFormatTooNew(VaultError):
    """The vault or one of its ledger frames was written by a newer Chronika; upgrade to read it."""

    code = "E203"


class VaultCorrupt(VaultError):
    """``vault.json`` cannot be read as a Chronika key file (truncated, edited, or not ours)."""

    code = "E204"


class WrongPassphrase(VaultError):
    code = "E210"


class WrongRecoveryPhrase(VaultError):
    """The phrase is well formed (every word known, checksum right) but does not open this vault."""

    code = "E211"


class InvalidRecoveryPhrase(VaultError):
    """The phrase is not a recovery phrase at all: wrong word count, an unknown word, a bad checksum."""

    code = "E212"


class VaultLocked(VaultError):
    code = "E213"


class PassphraseRejected(VaultError):
    """A new passphrase cannot be used (empty, too short, or the same as the duress passphrase)."""

    code = "E214"


class LedgerCorrupt(VaultError):
    """A ledger check failed; the message names the segment, byte offset and entry it failed at."""

    code = "E220"

    def __init__(
        self,
        message: str,
        *,
        segment: str | None = None,
        offset: int | None = None,
        index: int | None = None,
        seq: int | None = None,
    ) -> None:
        where = [
            part
            for part in (
                f"segment {segment}" if segment is not None else "",
                f"offset {offset}" if offset is not None else "",
                f"entry #{index}" if index is not None else "",
                f"sequence {seq}" if seq is not None else "",
            )
            if part
        ]
        super().__init__(f"ledger corrupt at {', '.join(where)}: {message}" if where else message)
        self.segment = segment
        self.offset = offset
        self.index = index
        self.seq = seq


class LedgerBusy(VaultError):
    """Another process holds the ledger's write lock."""

    code = "E221"


class DiskFull(VaultError):
    """The disk (or a file-size limit) refused the write; the ledger was put back as it was."""

    code = "E222"


class VaultWriteFailed(VaultError):
    """The operating system refused a vault write for another reason (I/O error, permissions)."""

    code = "E223"

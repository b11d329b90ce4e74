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

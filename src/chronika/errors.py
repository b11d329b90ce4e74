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


class RecordError(ChronikaError):
    """A change to a record cannot be made; nothing was written."""

    code = "E230"
    exit_code = 4
    #: The ledger position of the operation refused, when known (set while replaying).
    entry: int | None = None


class RecordNotFound(RecordError):
    """No record has this id (in this vault)."""

    code = "E231"


class ChangeRefused(RecordError):
    """The change breaks a rule of the record (accepting a retracted incident, an empty reason...)."""

    code = "E232"


class ViewUnusable(VaultError):
    """The view cannot be opened or is inconsistent with the ledger; ``chronika rebuild`` fixes it."""

    code = "E224"


class PayloadUnreadable(VaultError):
    """An entry decrypts but its payload is not a record operation this Chronika can read."""

    code = "E225"


# -- publish (issue 5) -----------------------------------------------------------------------------


class BundleError(VaultError):
    """A bundle cannot be made (the ledger moved on while it was being made, or is unreadable)."""

    code = "E240"


class BundleInvalid(ChronikaError):
    """``verify-bundle`` found problems; each file or record that fails is printed before this."""

    code = "E241"


# -- mirrors (issue 6) -----------------------------------------------------------------------------
# Client side: what ``sync``, ``mirror add`` and ``restore`` report. Server side: what a mirror answers
# a bad request with; each carries its HTTP status, and the mirror sends ``code`` and ``message`` in
# its one JSON error shape (see chronika/mirror/protocol.py).


class MirrorError(ChronikaError):
    """Talking to a mirror failed; the local vault was left as it was."""

    code = "E300"
    exit_code = 5


class MirrorUnreachable(MirrorError):
    """No answer (refused, reset, timed out, name not found) after the retries allowed."""

    code = "E301"


class MirrorRefused(MirrorError):
    """The mirror answered with an error of its own; its code and message are in this message."""

    code = "E302"
    #: The mirror's own error code (E34x/E35x) and HTTP status, for callers that act on them.
    remote_code: str | None = None
    status: int | None = None


class MirrorUnknown(MirrorError):
    """The URL is not in this vault's list of mirrors."""

    code = "E303"


class MirrorProtocolError(MirrorError):
    """The mirror's answer is not what the protocol allows (not JSON, wrong shape, a server error)."""

    code = "E304"


class MirrorMisbehaved(MirrorError):
    """The mirror showed something no honest mirror can: the message names what and where."""

    code = "E310"


class MirrorRolledBack(MirrorMisbehaved):
    """The mirror holds fewer entries than it showed before."""

    code = "E311"


class MirrorForked(MirrorMisbehaved):
    """The mirror's tree is not an extension of the one it showed before (or of this vault's)."""

    code = "E312"


class MirrorDropped(MirrorMisbehaved):
    """Entries the mirror acknowledged are missing from what it holds."""

    code = "E313"


class MirrorReordered(MirrorMisbehaved):
    """The mirror holds this vault's entries in another order."""

    code = "E314"


class MirrorAltered(MirrorMisbehaved):
    """Bytes the mirror holds differ from the entries and checkpoints this vault wrote."""

    code = "E315"


class MirrorReplaced(MirrorMisbehaved):
    """Another mirror (another identity) now answers at this URL."""

    code = "E316"


class MirrorRequestRejected(ChronikaError):
    """Base of the mirror's answers to bad requests; ``status`` is the HTTP status (always 4xx)."""

    code = "E340"
    status = 400


class MalformedRequest(MirrorRequestRejected):
    code = "E341"
    status = 400


class BodyTooLarge(MirrorRequestRejected):
    code = "E342"
    status = 413


class NotAuthenticated(MirrorRequestRejected):
    """The request carries no valid device signature headers."""

    code = "E343"
    status = 401


class RequestExpired(MirrorRequestRejected):
    """The signed timestamp is too far from the mirror's clock."""

    code = "E344"
    status = 401


class RequestReplayed(MirrorRequestRejected):
    code = "E345"
    status = 401


class VaultUnknown(MirrorRequestRejected):
    """No such vault here, or the request is not signed by one of its devices (deliberately alike)."""

    code = "E346"
    status = 404


class OffsetConflict(MirrorRequestRejected):
    """An append does not start where the mirror's copy ends (ask for the head and resume)."""

    code = "E347"
    status = 409


class ForgeryRefused(MirrorRequestRejected):
    """Frames that fail a check (checksum, chain, signature, Merkle root): nothing was stored."""

    code = "E348"
    status = 422


class RegistrationConflict(MirrorRequestRejected):
    code = "E349"
    status = 409


class RouteNotFound(MirrorRequestRejected):
    code = "E350"
    status = 404


class MethodNotAllowed(MirrorRequestRejected):
    code = "E351"
    status = 405


class MirrorStorageFull(MirrorRequestRejected):
    """The mirror's disk refused the write; what it held before is unchanged."""

    code = "E352"
    status = 507


class StoredCopyDamaged(MirrorRequestRejected):
    """The mirror found its own copy of this vault damaged on disk; restore from another mirror."""

    code = "E353"
    status = 409


# -- devices (E36x; E4xx are the desk's HTTP-like codes) ---------------------------------------------


class DeviceError(ChronikaError):
    """Enrolling, listing or revoking a device of a vault failed; nothing was changed."""

    code = "E360"
    exit_code = 3


class EnrolmentRefused(DeviceError):
    """The enrolment file does not open with this code, is damaged, or has expired."""

    code = "E361"


class DeviceUnknown(DeviceError):
    code = "E362"


class DeviceRefused(DeviceError):
    """A device change that the rules do not allow (revoking the founding device, revoking twice)."""

    code = "E363"


class DeviceRevokedHere(MirrorRequestRejected):
    """The request is signed by a device of the vault that was revoked: it may no longer read or write."""

    code = "E354"
    status = 403

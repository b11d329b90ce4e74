"""Verifiable bundles: a folder of published files, a manifest, and a signature over the manifest.

A bundle holds the rendered files, ``records.jsonl`` (each published record, redacted, one JSON
object a line: the data the files were rendered from), ``manifest.json`` and ``manifest.sig``.
The manifest lists the sha256 of every file and of every record line, the signed ledger
checkpoint the bundle was made from, the vault's public signing key, and for each record the
ledger entries that made it, each with its leaf hash and an RFC 9162 inclusion proof against the
checkpoint's root. ``manifest.sig`` is an Ed25519 signature over the manifest's exact bytes by
the vault's device key, base64, one line.

:func:`verify_bundle` needs nothing but the folder (and, to pin the publisher, their public key
learnt some other way): it checks the signature, the checkpoint's signature, every proof, every
file hash and every record line, and names each file or record that fails.

What a proof shows, and what it cannot: that entries with these hashes are in the vault's signed
ledger at these positions, under a root the vault signed (so a publisher cannot claim records
from entries that were never written, nor hide that the ledger went on after). Entries are
encrypted, so a reader without the vault's key cannot check that the published text *is* what
those entries say; a holder of the key (an auditor, a court-appointed expert) can, entry by entry.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import msgspec
import nacl.exceptions
import nacl.signing

from chronika.errors import BundleError, UsageError
from chronika.publish.redaction import Redacted
from chronika.vault import merkle
from chronika.vault.checkpoint import Checkpoint, CheckpointInvalid
from chronika.vault.segment import LEDGER_DIR, CheckpointFrame, sealed_frames

if TYPE_CHECKING:
    from chronika.vault.vault import Vault

__all__ = [
    "BUNDLE_FORMAT",
    "MANIFEST",
    "RECORDS",
    "SIGNATURE",
    "BundleCheck",
    "BundleError",  # defined in chronika.errors; importable here as before
    "record_lines",
    "verify_bundle",
    "write_bundle",
]

BUNDLE_FORMAT: Final = "chronika-bundle/1"
MANIFEST: Final = "manifest.json"
SIGNATURE: Final = "manifest.sig"
RECORDS: Final = "records.jsonl"


def record_lines(records: Sequence[Redacted]) -> list[bytes]:
    """Each redacted record as one canonical JSON line (sorted keys, no spaces)."""
    lines = []
    for redacted in records:
        value = msgspec.to_builtins(redacted.record)
        value["withheld"] = list(redacted.withheld)
        lines.append(json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode())
    return lines


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ledger_state(vault: Vault) -> tuple[Checkpoint, list[bytes]]:
    """The ledger's last checkpoint and the leaf hashes it covers, checked against each other."""
    leaves: list[bytes] = []
    covered: list[bytes] = []
    checkpoint: Checkpoint | None = None
    for frame in sealed_frames(vault.directory / LEDGER_DIR):
        if isinstance(frame, CheckpointFrame):
            checkpoint = frame.checkpoint
            covered = list(leaves)
        else:
            leaves.append(frame.leaf_hash)
    if checkpoint is None or not checkpoint.verify(vault.keyring.public_key):
        raise BundleError("the ledger has no checkpoint signed by this vault: run chronika verify")
    covered = covered[: checkpoint.size]
    if len(covered) != checkpoint.size or merkle.root(covered) != checkpoint.root:
        raise BundleError("the ledger's entries do not match its last checkpoint: run chronika verify")
    return checkpoint, covered


def write_bundle(
    vault: Vault,
    out: Path,
    files: dict[str, bytes],
    records: Sequence[Redacted],
    *,
    kind: str,
    audience: str,
    scope: str = "",
) -> Path:
    """Write ``files``, ``records.jsonl``, the manifest and its signature into the folder ``out``."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError(f"{out} exists and is not an empty folder: name a new folder for the bundle")
    contents = bundle_contents(vault, files, records, kind=kind, audience=audience, scope=scope)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in contents.items():
        (out / name).write_bytes(data)
    return out


def bundle_contents(
    vault: Vault,
    files: dict[str, bytes],
    records: Sequence[Redacted],
    *,
    kind: str,
    audience: str,
    scope: str = "",
) -> dict[str, bytes]:
    """Every file of a bundle by name: ``files``, ``records.jsonl``, the manifest and its signature.

    One function makes the bytes so a folder (CLI) and a .zip (desk) can never drift apart.
    """
    if vault.decoy:
        raise BundleError("a bundle cannot be made from this vault")
    checkpoint, leaves = _ledger_state(vault)
    lines = record_lines(records)
    proofs = []
    for redacted, line in zip(records, lines, strict=True):
        entries = sorted({version.entry for version in vault.view.history(redacted.record.id)})
        if not entries or entries[-1] >= checkpoint.size:
            raise BundleError("the ledger changed while the bundle was being made: try again")
        proofs.append(
            {
                "id": redacted.record.id,
                "sha256": _sha256(line),
                "entries": [
                    {
                        "index": index,
                        "leaf": leaves[index].hex(),
                        "proof": [node.hex() for node in merkle.inclusion_proof(leaves, index)],
                    }
                    for index in entries
                ],
            }
        )
    contents = {**files, RECORDS: b"".join(line + b"\n" for line in lines)}
    manifest = {
        "format": BUNDLE_FORMAT,
        "kind": kind,
        "audience": audience,
        "scope": scope,
        "created": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "vault": {"id": vault.keyring.vault_id.hex(), "public_key": vault.keyring.public_key.hex()},
        "checkpoint": checkpoint.encode().decode("utf-8"),
        "files": {name: _sha256(data) for name, data in sorted(contents.items())},
        "records": proofs,
    }
    manifest_bytes = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    signature = vault.keyring.signing_key().sign(manifest_bytes).signature
    contents[MANIFEST] = manifest_bytes
    contents[SIGNATURE] = (base64.b64encode(signature).decode("ascii") + "\n").encode()
    return contents


# -- verifying ------------------------------------------------------------------------------------


@dataclass
class BundleCheck:
    """The outcome of :func:`verify_bundle`: problems as ``(file or record, what is wrong)``."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    records: int = 0
    checkpoint_size: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def fail(self, culprit: str, reason: str) -> None:
        self.problems.append((culprit, reason))


def verify_bundle(folder: Path, public_key: bytes | None = None) -> BundleCheck:
    """Check a bundle offline; ``public_key`` pins the publisher (else the manifest's key is used)."""
    folder = Path(folder)
    check = BundleCheck()
    try:
        manifest_bytes = (folder / MANIFEST).read_bytes()
        manifest: dict[str, Any] = json.loads(manifest_bytes)
    except (OSError, ValueError) as error:
        check.fail(MANIFEST, f"missing or not JSON ({type(error).__name__})")
        return check
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
        check.fail(MANIFEST, f"not a {BUNDLE_FORMAT} manifest")
        return check
    try:
        key = bytes.fromhex(manifest["vault"]["public_key"])
        nacl.signing.VerifyKey(key)
    except (KeyError, TypeError, ValueError, nacl.exceptions.CryptoError):
        check.fail(MANIFEST, "the vault public key is missing or malformed")
        return check
    if public_key is not None and key != public_key:
        check.fail(MANIFEST, "signed with another key than the one given")
    _check_signature(folder, manifest_bytes, key, check)
    root = _check_checkpoint(manifest, key, check)
    _check_files(folder, manifest, check)
    _check_records(folder, manifest, root, check)
    return check


def _check_signature(folder: Path, manifest_bytes: bytes, key: bytes, check: BundleCheck) -> None:
    try:
        written = (folder / SIGNATURE).read_bytes()
        signature = base64.b64decode(written.strip(), validate=True)
        # One canonical form only, as the checkpoint: base64 leaves spare bits in its last character
        # and strip() drops any whitespace, so without this a changed byte could still verify.
        if written != base64.b64encode(signature) + b"\n":
            check.fail(SIGNATURE, "not the one canonical form (one line of base64, then a newline)")
            return
        nacl.signing.VerifyKey(key).verify(manifest_bytes, signature)
    except (OSError, binascii.Error, ValueError):
        check.fail(SIGNATURE, "missing or not a base64 signature")
    except nacl.exceptions.BadSignatureError:
        check.fail(SIGNATURE, "the signature does not match the manifest and the vault key")


def _check_checkpoint(manifest: dict[str, Any], key: bytes, check: BundleCheck) -> tuple[int, bytes] | None:
    try:
        checkpoint = Checkpoint.decode(str(manifest["checkpoint"]).encode("utf-8"))
    except (KeyError, CheckpointInvalid) as error:
        check.fail(MANIFEST, f"the checkpoint is missing or malformed ({error})")
        return None
    if not checkpoint.verify(key) or checkpoint.vault_id.hex() != manifest["vault"].get("id"):
        check.fail(MANIFEST, "the checkpoint is not signed by the vault key")
        return None
    check.checkpoint_size = checkpoint.size
    return checkpoint.size, checkpoint.root


def _check_files(folder: Path, manifest: dict[str, Any], check: BundleCheck) -> None:
    listed = manifest.get("files")
    if not isinstance(listed, dict):
        check.fail(MANIFEST, "no list of files")
        return
    present = {path.name for path in folder.iterdir() if path.name not in (MANIFEST, SIGNATURE)}
    for name in sorted(present - set(listed)):
        check.fail(name, "is in the folder but not in the manifest")
    for name, digest in sorted(listed.items()):
        path = folder / name
        if os.sep in name or name in (MANIFEST, SIGNATURE) or not path.is_file():
            check.fail(name, "is in the manifest but missing from the folder")
        elif _sha256(path.read_bytes()) != digest:
            check.fail(name, "its sha256 differs from the manifest (the file was changed)")
        else:
            check.files += 1


def _check_records(
    folder: Path, manifest: dict[str, Any], root: tuple[int, bytes] | None, check: BundleCheck
) -> None:
    listed = manifest.get("records")
    if not isinstance(listed, list):
        check.fail(MANIFEST, "no list of records")
        listed = []
    claimed = {str(item.get("id")): item for item in listed if isinstance(item, dict)}
    found: dict[str, bytes] = {}
    try:
        lines = (folder / RECORDS).read_bytes().splitlines()
    except OSError:
        lines = []
    for number, line in enumerate(lines, start=1):
        try:
            record_id = str(json.loads(line)["id"])
        except (ValueError, KeyError, TypeError):
            check.fail(f"{RECORDS} line {number}", "is not a record")
            continue
        if record_id in found:
            check.fail(f"record {record_id}", f"appears twice in {RECORDS}")
        found[record_id] = line
    for record_id in sorted(set(found) - set(claimed)):
        check.fail(f"record {record_id}", f"is in {RECORDS} but not in the manifest (added)")
    for record_id, item in sorted(claimed.items()):
        text = found.get(record_id)
        if text is None:
            check.fail(f"record {record_id}", f"is in the manifest but not in {RECORDS} (removed)")
            continue
        if _sha256(text) != item.get("sha256"):
            check.fail(f"record {record_id}", "its text differs from the manifest (changed)")
            continue
        if root is not None and not _entries_proven(item.get("entries"), *root):
            check.fail(f"record {record_id}", "its ledger entries are not proven under the checkpoint")
            continue
        check.records += 1


def _entries_proven(entries: object, size: int, root: bytes) -> bool:
    if not isinstance(entries, list) or not entries:
        return False
    try:
        return all(
            merkle.verify_inclusion(
                bytes.fromhex(entry["leaf"]),
                int(entry["index"]),
                size,
                [bytes.fromhex(node) for node in entry["proof"]],
                root,
            )
            for entry in entries
        )
    except (KeyError, TypeError, ValueError):
        return False

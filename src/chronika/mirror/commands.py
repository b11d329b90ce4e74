"""The mirror commands: ``mirror serve|add|list|remove``, ``sync``, ``restore``. Thin: parse, call, print.

Secrets come as everywhere in Chronika (``chronika.passphrases``): the passphrase from the file
named by ``CHRONIKA_PASSPHRASE_FILE`` or a hidden prompt, the recovery phrase from
``CHRONIKA_RECOVERY_FILE`` or a hidden prompt; never from the command line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from chronika.errors import ChronikaError, UsageError

__all__ = ["add_mirror_commands", "mirror", "restore", "sync"]

_vault_option = click.option(
    "--vault",
    "vault_dir",
    envvar="CHRONIKA_VAULT",
    metavar="DIR",
    help="The vault folder (default: $CHRONIKA_VAULT, else $XDG_DATA_HOME/chronika/vault).",
)
_json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def _vault_dir(value: str | None) -> Path:
    from chronika.vault.vault import default_vault_dir

    return Path(value) if value else default_vault_dir()


@contextlib.contextmanager
def _unlocked(vault_dir: str | None) -> Iterator[tuple[Path, Any, Any]]:
    """(folder, key file, keyring) of the unlocked vault, registered as a session; keys wiped after.

    Only the keys are unlocked, not the view: syncing needs no record, and reads the ledger without
    the view's help.
    """
    from chronika.passphrases import ask_passphrase
    from chronika.vault.keyfile import KeyFile
    from chronika.vault.session import Session

    directory = _vault_dir(vault_dir)
    key_file = KeyFile.load(directory)
    with ask_passphrase("Passphrase") as passphrase:
        keyring = key_file.unlock(passphrase)
    session = Session.start(directory)
    try:
        yield directory, key_file, keyring
    finally:
        keyring.wipe()
        session.end()


def _echo(line: str) -> None:
    click.echo(line)
    sys.stdout.flush()


class _Bar:
    """A progress bar on stderr, opened at the first report (when the total is known)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None
        self.shown = 0

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return  # a script's log gets the summary lines, not a bar's frames
        if self.bar is None:
            make_bar: Any = click.progressbar  # its overloads confuse mypy; the bar is used untyped
            self.bar = make_bar(length=max(total, 1), label=self.label, file=sys.stderr, show_pos=False)
        self.bar.length = max(total, done, 1)
        self.bar.update(done - self.shown)
        self.shown = done

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()


def _exit_quietly(signum: int, frame: object) -> None:
    raise SystemExit(0)


# -- mirror ----------------------------------------------------------------------------------------


@click.group("mirror")
def mirror() -> None:
    """Off-site copies of the vault on servers that cannot read it."""


@mirror.command("serve")
@click.option(
    "--data", "data_dir", required=True, metavar="DIR", help="Where the mirror keeps what it stores."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0: any free port."
)
@click.option(
    "--tls-cert", type=click.Path(dir_okay=False), help="Certificate (PEM) to serve HTTPS directly."
)
@click.option("--tls-key", type=click.Path(dir_okay=False), help="Its private key (PEM).")
@click.option("--quiet", is_flag=True, help="Log only warnings (the default logs one line per request).")
def serve_command(
    data_dir: str, host: str, port: int, tls_cert: str | None, tls_key: str | None, quiet: bool
) -> None:
    """Store the encrypted ledgers of any number of vaults, without a key.

    Plain HTTP only on loopback: elsewhere give --tls-cert/--tls-key, or keep it on 127.0.0.1
    behind a TLS reverse proxy or a Tor onion service (docs/mirrors.md). Logs carry no record
    content, no IP address and no vault id.
    """
    from chronika.mirror.server import serve

    # uvicorn stops gracefully on SIGTERM, then hands the signal back to the handler it found: make
    # that a quiet exit, not the vault commands' "locked while running" error.
    signal.signal(signal.SIGTERM, _exit_quietly)
    serve(
        Path(data_dir),
        host=host,
        port=port,
        tls_cert=Path(tls_cert) if tls_cert else None,
        tls_key=Path(tls_key) if tls_key else None,
        quiet=quiet,
        announce=_echo,
    )


@mirror.command("add")
@_vault_option
@click.argument("url")
def add_command(vault_dir: str | None, url: str) -> None:
    """Register the vault with the mirror at URL (then `chronika sync` copies it there).

    The first time, this asks for the recovery phrase (or reads CHRONIKA_RECOVERY_FILE), checks
    that it opens this vault, and keeps what lets the phrase alone find the vault on a mirror.
    """
    from chronika.mirror.access import RecoveryAccess, recovery_key_file
    from chronika.mirror.connection import MirrorConnection, normalize_url
    from chronika.mirror.roster import Roster
    from chronika.passphrases import ask_recovery_phrase

    address = normalize_url(url)
    with _unlocked(vault_dir) as (directory, key_file, keyring):
        roster = Roster.load(directory, keyring)
        if not keyring.decoy:
            if roster.recovery is None:
                with ask_recovery_phrase() as phrase:
                    key_file.unlock_with_recovery(phrase).wipe()
                    roster.recovery = RecoveryAccess.from_phrase(phrase)
                roster.save()
            with MirrorConnection(address) as connection:
                info = connection.info()
                connection.use_keys(keyring)
                head = connection.register(keyring, roster.recovery)  # idempotent
                blob = recovery_key_file(directory)
                if head.keyfile_sha256 != hashlib.sha256(blob).hexdigest():
                    connection.put_key_file(keyring.vault_id, blob)
            roster.add(address, info.mirror_id)
            roster.save()
    _echo(f"added mirror {address}; run `chronika sync` to copy the vault there")


@mirror.command("list")
@_vault_option
@_json_option
def list_command(vault_dir: str | None, as_json: bool) -> None:
    """The vault's mirrors: what each showed last, when, and any misbehaviour found."""
    from chronika.mirror.roster import Roster

    with _unlocked(vault_dir) as (directory, _, keyring):
        roster = Roster.load(directory, keyring)
        rows = []
        for record in roster.mirrors:
            remembered = record.remembered
            rows.append(
                {
                    "url": record.url,
                    "mirror_id": record.mirror_id,
                    "entries": remembered.size if remembered else None,
                    "root": remembered.root.hex() if remembered else None,
                    "synced": _iso(record.synced),
                    "problem": record.problem,
                }
            )
    if as_json:
        _echo(json.dumps(rows, indent=2))
        return
    if not rows:
        _echo("no mirrors: add one with `chronika mirror add URL`")
    for row in rows:
        state = f"PROBLEM {row['problem']}" if row["problem"] else "ok"
        entries = (
            "never synced" if row["entries"] is None else f"{row['entries']} entries, synced {row['synced']}"
        )
        _echo(f"{row['url']}  {entries}  {state}")


@mirror.command("remove")
@_vault_option
@click.argument("url")
def remove_command(vault_dir: str | None, url: str) -> None:
    """Stop syncing with URL (what it holds stays there: a mirror never deletes)."""
    from chronika.mirror.connection import normalize_url
    from chronika.mirror.roster import Roster

    address = normalize_url(url)
    with _unlocked(vault_dir) as (directory, _, keyring):
        roster = Roster.load(directory, keyring)
        if not keyring.decoy:
            roster.remove(address)
            roster.save()
    _echo(f"removed mirror {address}")


# -- sync and restore ------------------------------------------------------------------------------


@click.command("sync")
@_vault_option
@_json_option
@click.option(
    "--patience",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0),
    help="Seconds to keep retrying a mirror that makes no progress.",
)
def sync(vault_dir: str | None, as_json: bool, patience: float) -> None:
    """Send new entries to every mirror, take what they hold that this vault lacks; catch lying mirrors."""
    from chronika.mirror.client import sync_all
    from chronika.mirror.roster import Roster

    bars: list[_Bar] = []

    def bar_for(record: Any) -> _Bar:
        bars.append(_Bar(record.url))
        return bars[-1]

    with _unlocked(vault_dir) as (directory, _, keyring):
        if not Roster.load(directory, keyring).mirrors:
            raise UsageError("this vault has no mirrors: add one with `chronika mirror add URL`")
        reports = []
        for report in sync_all(directory, keyring, progress_for=bar_for, patience=patience):
            reports.append(report)
        for bar in bars:
            bar.finish()
    failures = [report.error for report in reports if report.error is not None]
    if as_json:
        _echo(
            json.dumps(
                [
                    {
                        "url": r.url,
                        "ok": r.ok,
                        "pushed_entries": r.pushed_entries,
                        "pushed_bytes": r.pushed_bytes,
                        "pulled_entries": r.pulled_entries,
                        "rebased_entries": r.rebased_entries,
                        "entries": r.size,
                        "root": r.root.hex(),
                        "attempts": r.attempts,
                        "error": {"code": r.error.code, "message": r.error.message} if r.error else None,
                    }
                    for r in reports
                ],
                indent=2,
            )
        )
    else:
        for r in reports:
            if r.error is not None:
                _echo(f"{r.url}: FAILED {r.error.one_line()}")
                continue
            moved = []
            if r.pushed_entries or r.pushed_bytes:
                moved.append(f"sent {r.pushed_entries} entries ({_size(r.pushed_bytes)})")
            if r.pulled_entries:
                moved.append(f"received {r.pulled_entries} entries")
            if r.rebased_entries:
                moved.append(f"moved {r.rebased_entries} unsent entries after them")
            _echo(f"{r.url}: {', '.join(moved) or 'up to date'}; {r.size} entries, root {r.root.hex()}")
    if failures:
        first = failures[0]
        summary = type(first)(f"{len(failures)} of {len(reports)} mirrors failed; first: {first.message}")
        raise summary


@click.command("restore")
@_vault_option
@click.option("--mirror", "url", required=True, metavar="URL", help="The mirror to restore from.")
@click.option("--no-view", is_flag=True, help="Do not build the view now (it is built at the first unlock).")
@_json_option
def restore(vault_dir: str | None, url: str, no_view: bool, as_json: bool) -> None:
    """Rebuild the vault from a mirror with the recovery phrase alone (after a fire, on a new machine).

    Reads the phrase from CHRONIKA_RECOVERY_FILE (else asks) and the new passphrase from
    CHRONIKA_PASSPHRASE_FILE (else asks twice). Prints the Merkle root, which equals the mirror's
    last checkpoint.
    """
    from chronika.mirror.restore import restore as restore_vault
    from chronika.passphrases import ask_passphrase, ask_recovery_phrase

    target = _vault_dir(vault_dir)
    bar = _Bar(f"restoring from {url}")
    with ask_recovery_phrase() as phrase, ask_passphrase("New passphrase", confirm=True) as passphrase:
        report = restore_vault(url, phrase, target, passphrase, progress=bar)
        bar.finish()
        view_note = None
        if not no_view:
            view_note = _build_view(target, passphrase)
    signed = (
        dt.datetime.fromtimestamp(report.checkpoint.timestamp, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        if report.checkpoint is not None and report.checkpoint.timestamp is not None
        else None
    )
    if as_json:
        _echo(
            json.dumps(
                {
                    "vault": str(report.directory),
                    "vault_id": report.vault_id.hex(),
                    "mirror": report.url,
                    "entries": report.entries,
                    "segments": report.segments,
                    "bytes": report.total_bytes,
                    "root": report.root.hex(),
                    "checkpoint_signed": signed,
                    "view": view_note or ("skipped" if no_view else "built"),
                },
                indent=2,
            )
        )
        return
    _echo(f"restored vault {report.vault_id.hex()} from {report.url} into {report.directory}")
    _echo(
        f"  {report.entries} entries in {report.segments} segment{'s' if report.segments != 1 else ''} "
        f"({_size(report.total_bytes)}): every frame, chain, signature and root verified, "
        "every entry decrypted"
    )
    _echo(f"  Merkle root {report.root.hex()}")
    _echo(f"  = the mirror's last checkpoint ({report.entries} entries, signed {signed or 'without a time'})")
    if view_note:
        click.echo(f"chronika: warning: {view_note}", err=True)


def _build_view(target: Path, passphrase: Any) -> str | None:
    """Open the restored vault once, which builds its view; a note if it could not."""
    from chronika.vault.vault import Vault

    try:
        Vault.open(target, passphrase).lock()
    except ChronikaError as error:
        return f"the view was not built ({error.one_line()}); it is built at the next unlock"
    return None


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count / 1024 / 1024:.1f} MiB"


def _iso(timestamp: int | None) -> str | None:
    if timestamp is None:
        return None
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


# -- devices ---------------------------------------------------------------------------------------

ENROLMENT_CODE_FILE = "CHRONIKA_ENROLMENT_CODE_FILE"


@click.group("device")
def device() -> None:
    """The laptops that may write to this vault: add one, join from one, list, revoke."""


@contextlib.contextmanager
def _vault_unlocked(vault_dir: str | None) -> Iterator[Any]:
    from chronika.passphrases import ask_passphrase
    from chronika.vault.vault import Vault

    with ask_passphrase("Passphrase") as passphrase:
        vault = Vault.open(_vault_dir(vault_dir), passphrase)
    try:
        yield vault
    finally:
        vault.lock()


@device.command("add")
@_vault_option
@click.argument("name")
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False), help="Where to write the enrolment file."
)
@_json_option
def device_add(vault_dir: str | None, name: str, out: str, as_json: bool) -> None:
    """Admit a new laptop called NAME: write its one-time enrolment file and show its code.

    Carry the file to the new laptop by any means and run `chronika device join FILE` there; it asks
    for the code shown here (never written anywhere). The file expires in 24 hours.
    """
    import time

    from chronika.mirror.roster import Roster
    from chronika.passphrases import kdf_for_init
    from chronika.vault.devices import (
        ENROLMENT_LIFETIME_SECONDS,
        Enrolment,
        MirrorAddress,
        new_code,
        seal_enrolment,
    )
    from chronika.vault.files import write_atomic

    target = Path(out)
    if target.exists():
        raise UsageError(f"{target} exists: the enrolment file is written to a new path")
    kdf = kdf_for_init()
    with _vault_unlocked(vault_dir) as vault:
        roster = Roster.load(vault.directory, vault.keyring)
        if not roster.mirrors:
            raise UsageError(
                "a new device takes the vault from a mirror: add one with `chronika mirror add URL` first"
            )
        certificate, seed = vault.add_device(name)
        code = new_code()
        enrolment = Enrolment(
            vault_id=vault.keyring.vault_id,
            data_key=vault.keyring.data_key.reveal(),
            signing_seed=seed.reveal(),
            certificate=certificate,
            founder_key=vault.founder_key(),
            enrolled_by=vault.keyring.device_id,
            mirrors=[MirrorAddress(record.url, record.mirror_id) for record in roster.mirrors],
            expires=int(time.time()) + ENROLMENT_LIFETIME_SECONDS,
        )
        seed.wipe()
        write_atomic(target, seal_enrolment(enrolment, code, kdf=kdf))
    if as_json:
        _echo(
            json.dumps(
                {
                    "device_id": certificate.device_id.hex(),
                    "name": certificate.name,
                    "enrolment_file": str(target),
                    "code": code,
                },
                indent=2,
            )
        )
        return
    _echo(
        f"admitted device {certificate.name!r} ({certificate.device_id.hex()[:8]}); enrolment file: {target}"
    )
    _echo(f"Enrolment code (type it on the new laptop; it is shown only here): {code.upper()}")
    _echo("Run `chronika sync` here too, so the other devices learn of it.")


@device.command("join")
@_vault_option
@click.argument("enrolment_file", type=click.Path(dir_okay=False))
@_json_option
def device_join(vault_dir: str | None, enrolment_file: str, as_json: bool) -> None:
    """Join a vault on this laptop with an enrolment file made by `chronika device add`.

    Asks for the enrolment code (or reads the file named by CHRONIKA_ENROLMENT_CODE_FILE) and a new
    passphrase for this laptop (or CHRONIKA_PASSPHRASE_FILE); pulls the vault from its mirrors.
    """
    from chronika.mirror.join import join
    from chronika.passphrases import ask_passphrase, kdf_for_init, read_secret_line, write_recovery_file
    from chronika.vault.devices import open_enrolment

    try:
        blob = Path(enrolment_file).read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {enrolment_file} ({error.strerror})") from None
    code = read_secret_line(ENROLMENT_CODE_FILE)
    if code is None:
        code = click.prompt("Enrolment code", hide_input=True, err=True)
    enrolment = open_enrolment(blob, code)
    kdf = kdf_for_init()
    with ask_passphrase("New passphrase", confirm=True) as passphrase:
        report, phrase = join(enrolment, _vault_dir(vault_dir), passphrase, kdf=kdf)
    failed = [r for r in report.mirrors if r.error is not None]
    with phrase:
        written = write_recovery_file(phrase)
        words = None if written is not None else phrase.words()
    if as_json:
        _echo(
            json.dumps(
                {
                    "vault": str(report.directory),
                    "vault_id": report.vault_id.hex(),
                    "device_id": report.device_id.hex(),
                    "name": report.name,
                    "entries": report.entries,
                    "mirrors": [{"url": r.url, "ok": r.ok} for r in report.mirrors],
                },
                indent=2,
            )
        )
    else:
        _echo(
            f"joined vault {report.vault_id.hex()} as {report.name!r} ({report.device_id.hex()[:8]}) "
            f"in {report.directory}: {report.entries} entries"
        )
        for r in failed:
            assert r.error is not None
            _echo(f"  {r.url}: FAILED {r.error.one_line()} (run `chronika sync` later)")
        if written is not None:
            _echo(f"This laptop's recovery phrase was written to {written} (readable by you only).")
        elif words is not None:
            _echo("This laptop's recovery phrase (opens this folder if its passphrase is forgotten):")
            for row in range(0, len(words), 6):
                _echo(
                    "  " + "  ".join(f"{row + i + 1:>2}. {w:<10}" for i, w in enumerate(words[row : row + 6]))
                )


@device.command("list")
@_vault_option
@_json_option
def device_list(vault_dir: str | None, as_json: bool) -> None:
    """The vault's devices: the founding one, every one admitted since, and which are revoked."""
    from chronika.vault.keys import device_id_for

    with _vault_unlocked(vault_dir) as vault:
        founder = device_id_for(vault.founder_key())
        me = vault.keyring.device_id
        rows = [
            {
                "device_id": founder.hex(),
                "name": "founding device",
                "authorised_by": None,
                "added": None,
                "revoked_after": None,
                "this_device": founder == me,
            }
        ]
        for record in vault.devices():
            if record.device_id == founder.hex():
                continue
            rows.append(
                {
                    "device_id": record.device_id,
                    "name": record.name,
                    "authorised_by": record.authorised_by,
                    "added": record.created_at.strftime("%Y-%m-%d %H:%M UTC"),
                    "revoked_after": record.revoked_after,
                    "this_device": record.device_id == me.hex(),
                }
            )
    if as_json:
        _echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        state = "active" if row["revoked_after"] is None else f"REVOKED after entry {row['revoked_after']}"
        here = "  (this device)" if row["this_device"] else ""
        added = f"added {row['added']} by {str(row['authorised_by'])[:8]}" if row["added"] else "founder"
        _echo(f"{str(row['device_id'])[:8]}  {row['name']:<24} {added:<40} {state}{here}")


@device.command("revoke")
@_vault_option
@click.argument("which")
@_json_option
def device_revoke(vault_dir: str | None, which: str, as_json: bool) -> None:
    """Withdraw a device (by name, or the first 8+ digits of its id): its later entries are refused.

    Entries it wrote up to the last one this vault holds stay; anything later is refused by every
    mirror (once `chronika sync` has sent them the revocation), by verify and by replay.
    """
    from chronika.mirror.roster import Roster

    with _vault_unlocked(vault_dir) as vault:
        record, revocation = vault.revoke_device(which)
        roster = Roster.load(vault.directory, vault.keyring)
        roster.revocations.append(revocation)
        roster.save()
    if as_json:
        _echo(
            json.dumps(
                {"device_id": record.device_id, "name": record.name, "revoked_after": revocation.after_seq}
            )
        )
        return
    _echo(
        f"revoked {record.name!r} ({record.device_id[:8]}): its entries after #{revocation.after_seq} are "
        "refused; run `chronika sync` to tell the mirrors"
    )


def add_mirror_commands(group: click.Group) -> None:
    """Register ``mirror``, ``sync``, ``restore`` and ``device`` on the main command group."""
    for command in (mirror, sync, restore, device):
        group.add_command(command)

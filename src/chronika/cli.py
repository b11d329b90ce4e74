"""The command line: parses, calls the verbs, prints. No domain logic lives here."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import msgspec

from chronika import __version__
from chronika.errors import ChronikaError, UsageError
from chronika.vault.record import ResponseKind, Status

if TYPE_CHECKING:
    from chronika.vault.vault import Vault
    from chronika.vault.view import Filters, Page, PageRequest

FORMATS = ("json", "table", "md")


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--published must be a date as YYYY-MM-DD, not {value!r}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chronika")
def cli() -> None:
    """Chronika keeps a secure, verifiable chronicle of human-rights violations."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published", metavar="YYYY-MM-DD", help="The document's own date (anchor for relative dates)."
)
@click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: table on a terminal, json otherwise).",
)
def extract(paths: tuple[str, ...], published: str | None, lang: str, fmt: str | None) -> None:
    """Turn reports (text, HTML, Markdown, PDF, DOCX; '-' for stdin) into draft incidents."""
    from chronika.extract import extract_source
    from chronika.extract.reader import read_path, read_stdin
    from chronika.extract.render import render

    anchor = _parse_published(published)
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    results = []
    for path in paths:
        source = read_stdin() if path == "-" else read_path(Path(path))
        results.append(extract_source(source, published=anchor, lang=lang))
    click.echo(render(results, fmt), nl=False)


# -- the vault ------------------------------------------------------------------------------------
# Each command unlocks the vault, does one thing and locks it again (keys wiped) before exiting.


def _vault_dir(value: str | None) -> Path:
    from chronika.vault.vault import default_vault_dir

    return Path(value) if value else default_vault_dir()


_vault_option = click.option(
    "--vault",
    "vault_dir",
    envvar="CHRONIKA_VAULT",
    metavar="DIR",
    help="The vault folder (default: $CHRONIKA_VAULT, else $XDG_DATA_HOME/chronika/vault).",
)
_json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


@contextlib.contextmanager
def _unlocked(vault_dir: str | None) -> Iterator[Vault]:
    from chronika.passphrases import ask_passphrase
    from chronika.vault.vault import Vault

    directory = _vault_dir(vault_dir)
    with ask_passphrase("Passphrase") as passphrase:
        vault = Vault.open(directory, passphrase)
    try:
        yield vault
    finally:
        vault.lock()


def _filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    responses = [kind.value for kind in ResponseKind] + ["none"]
    options = [
        click.option("--from", "date_from", metavar="DATE", help="Began on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="DATE", help="Began on or before DATE."),
        click.option("--act", "acts", multiple=True, help="Has this act (repeat for any of several)."),
        click.option("--actor", help="A perpetrator or victim by name (and an actor's aliases)."),
        click.option("--place", help="The location, by name."),
        click.option("--status", "statuses", multiple=True, type=click.Choice([s.value for s in Status])),
        click.option(
            "--response",
            "responses",
            multiple=True,
            type=click.Choice(responses),
            help="The latest state response (or 'none').",
        ),
        click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True),
        click.option("--page", type=click.IntRange(1), default=1, show_default=True),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(options: dict[str, Any]) -> tuple[Filters, PageRequest]:
    from chronika.display import parse_day
    from chronika.model import Act
    from chronika.vault.view import Filters, PageRequest

    acts = []
    for name in options["acts"]:
        try:
            acts.append(Act(name))
        except ValueError:
            raise UsageError(f"unknown act {name!r}; known: {', '.join(a.value for a in Act)}") from None
    filters = Filters(
        date_from=parse_day(options["date_from"], option="--from") if options["date_from"] else None,
        date_to=parse_day(options["date_to"], last=True, option="--to") if options["date_to"] else None,
        acts=tuple(acts),
        statuses=tuple(Status(s) for s in options["statuses"]),
        responses=tuple(options["responses"]),
        actor=options["actor"],
        place=options["place"],
    )
    limit = options["limit"]
    return filters, PageRequest(
        limit=limit, offset=(options["page"] - 1) * limit, rank=options.get("rank", False)
    )


def _print_page(page: Page, as_json: bool) -> None:
    from chronika.display import incident_table, to_json

    click.echo(
        to_json(page.incidents) if as_json else incident_table(page.incidents, more=page.more), nl=as_json
    )


@cli.command()
@_vault_option
@click.option("--duress", is_flag=True, help="Also set a duress passphrase (prompted).")
def init(vault_dir: str | None, duress: bool) -> None:
    """Create a vault; show its recovery phrase once."""
    from chronika.mirror.roster import remember_recovery
    from chronika.passphrases import ask_optional_duress, ask_passphrase, kdf_for_init, write_recovery_file
    from chronika.vault.vault import Vault

    directory = _vault_dir(vault_dir)
    kdf = kdf_for_init()
    with ask_passphrase("New passphrase", confirm=True) as passphrase:
        duress_passphrase = ask_optional_duress(wanted=duress)
        try:
            vault, phrase = Vault.init(directory, passphrase, duress_passphrase, kdf=kdf)
        finally:
            if duress_passphrase is not None:
                duress_passphrase.wipe()
    try:
        # Kept sealed now, while the phrase is at hand, so `mirror add` never has to ask for it.
        remember_recovery(directory, vault.keyring, phrase)
    finally:
        vault.lock()
    with phrase:
        written = write_recovery_file(phrase)
        click.echo(f"Created a vault in {directory}")
        if written is not None:
            click.echo(f"The recovery phrase was written to {written} (readable by you only).")
            return
        words = phrase.words()
        click.echo("Recovery phrase: write it down and keep it away from this computer. It is shown once.")
        for row in range(0, len(words), 6):
            line = "  ".join(f"{row + i + 1:>2}. {word:<10}" for i, word in enumerate(words[row : row + 6]))
            click.echo(f"  {line}".rstrip())


@cli.command("import")
@_vault_option
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published", metavar="YYYY-MM-DD", help="The documents' own date (anchor for relative dates)."
)
@click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True)
@_json_option
def import_(
    vault_dir: str | None, paths: tuple[str, ...], published: str | None, lang: str, as_json: bool
) -> None:
    """Read reports, extract draft incidents, and keep both in the vault."""
    from chronika.display import to_json
    from chronika.errors import InputError
    from chronika.vault.vault import Imported

    anchor = _parse_published(published)
    done: list[Imported] = []
    failed: list[ChronikaError] = []

    def report(outcome: Imported | Exception) -> None:
        if isinstance(outcome, ChronikaError):
            failed.append(outcome)
        elif isinstance(outcome, Imported):
            done.append(outcome)

    with _unlocked(vault_dir) as vault:
        if len(paths) == 1:
            done = vault.import_documents(paths, published=anchor, lang=lang)
        else:
            with click.progressbar(length=len(paths), label="Importing", file=sys.stderr) as bar:

                def step(outcome: Imported | Exception) -> None:
                    report(outcome)
                    bar.update(1)

                vault.import_documents(paths, published=anchor, lang=lang, on_document=step)
    if as_json:
        click.echo(to_json(done))
    else:
        for item in done:
            if item.duplicate:
                click.echo(f"{item.source_id}  {item.path}: imported before; not stored again")
            else:
                count = len(item.incidents)
                click.echo(
                    f"{item.source_id}  {item.path}: {count} draft incident{'s' if count != 1 else ''}"
                )
    for error in failed:
        click.echo(f"chronika: {error.one_line()}", err=True)
    if failed:
        raise InputError(f"{len(failed)} of {len(paths)} files were not imported (see above)")


@cli.command("list")
@_vault_option
@_filter_options
@_json_option
def list_(vault_dir: str | None, as_json: bool, **options: Any) -> None:
    """List incidents, newest first, optionally filtered."""
    filters, page = _filters(options)
    with _unlocked(vault_dir) as vault:
        _print_page(vault.list_incidents(filters, page), as_json)


@cli.command()
@_vault_option
@click.argument("query")
@_filter_options
@click.option("--rank", is_flag=True, help="Order by relevance when the matches are few enough to rank.")
@click.option("--sources", is_flag=True, help="Search the full texts of source documents instead.")
@_json_option
def search(vault_dir: str | None, query: str, sources: bool, as_json: bool, **options: Any) -> None:
    """Search incidents (or source documents) for words: "a phrase", a OR b, prefix*."""
    from chronika.display import to_json
    from chronika.vault.view import parse_query

    filters, page = _filters(options)
    with _unlocked(vault_dir) as vault:
        if not sources:
            _print_page(vault.search(query, filters, page), as_json)
            return
        found = vault.view.search_sources(parse_query(query), page)
        if as_json:
            click.echo(to_json(found))
        else:
            for source in found:
                click.echo(f"{source.id}  {source.anchor.date}  {source.name}  {source.title or ''}".rstrip())
            click.echo(f"{len(found)} source document{'s' if len(found) != 1 else ''}")


@cli.command()
@_vault_option
@click.argument("record_id", metavar="ID")
@_json_option
def show(vault_dir: str | None, record_id: str, as_json: bool) -> None:
    """Show one incident (or source, actor, place, link) in full."""
    from chronika.display import record_text, to_json
    from chronika.vault.state import IncidentRecord, SourceRecord

    with _unlocked(vault_dir) as vault:
        record = vault.show(record_id)
        if not isinstance(record, IncidentRecord):
            click.echo(to_json(record) if as_json else record_text(record), nl=as_json)
            return
        links = vault.links(record.id)
        source = vault.view.get(record.source_id) if record.source_id else None
        if as_json:
            click.echo(to_json({**msgspec.to_builtins(record), "links": links}))
        else:
            click.echo(
                record_text(record, source=source if isinstance(source, SourceRecord) else None, links=links),
                nl=False,
            )


@cli.command()
@_vault_option
@click.argument("incident_ids", metavar="ID...", nargs=-1, required=True)
@click.option("--note", help="A reviewer's note kept with the acceptance.")
@_json_option
def accept(vault_dir: str | None, incident_ids: tuple[str, ...], note: str | None, as_json: bool) -> None:
    """Accept draft incidents after review (one ledger batch)."""
    from chronika.display import to_json

    with _unlocked(vault_dir) as vault:
        changed = vault.accept(incident_ids, note=note)
    if as_json:
        click.echo(to_json(changed))
    else:
        click.echo(
            f"accepted {len(changed)} incident{'s' if len(changed) != 1 else ''}: "
            f"{', '.join(i.id for i in changed) or 'none needed it'}"
        )


@cli.command()
@_vault_option
@click.argument("incident_id", metavar="ID")
@click.option("--date", help="YYYY-MM-DD, YYYY-MM, YYYY, or a range A..B (open: A..).")
@click.option("--acts", help="The acts, comma-separated (replaces the list).")
@click.option(
    "--perpetrator", "perpetrators", multiple=True, help="Replaces the perpetrators (repeat for several)."
)
@click.option("--victim", "victims", multiple=True, help="Replaces the victims (repeat for several).")
@click.option("--location", help="The place ('' for unknown).")
@click.option("--sensitive", multiple=True, help="Mark a field sensitive (repeat); replaces the marks.")
@click.option("--not-sensitive", is_flag=True, help="Clear every sensitivity mark.")
@click.option("--note", help="A reviewer's note (kept in the history).")
@_json_option
def edit(vault_dir: str | None, incident_id: str, as_json: bool, **fields: Any) -> None:
    """Change fields of an incident; the earlier version stays in its history."""
    from chronika.display import parse_date_span, record_text, to_json
    from chronika.model import Act
    from chronika.vault.record import IncidentChanges

    changes: dict[str, Any] = {}
    if fields["date"] is not None:
        changes["date"] = parse_date_span(fields["date"])
    if fields["acts"] is not None:
        try:
            changes["acts"] = [Act(name.strip()) for name in fields["acts"].split(",") if name.strip()]
        except ValueError as error:
            raise UsageError(f"--acts: {error}; known: {', '.join(a.value for a in Act)}") from None
    for name in ("perpetrators", "victims"):
        if fields[name]:
            changes[name] = list(fields[name])
    if fields["location"] is not None:
        changes["location"] = fields["location"].strip() or None
    if fields["sensitive"] or fields["not_sensitive"]:
        changes["sensitive"] = [] if fields["not_sensitive"] else list(fields["sensitive"])
    with _unlocked(vault_dir) as vault:
        record = vault.edit(incident_id, IncidentChanges(**changes), note=fields["note"])
    click.echo(to_json(record) if as_json else record_text(record), nl=as_json)


@cli.command()
@_vault_option
@click.argument("incident_id", metavar="ID")
@click.option("--reason", required=True, help="Why the incident is withdrawn (kept with it).")
@_json_option
def retract(vault_dir: str | None, incident_id: str, reason: str, as_json: bool) -> None:
    """Withdraw an incident; nothing is deleted, and the reason is kept."""
    from chronika.display import to_json

    with _unlocked(vault_dir) as vault:
        record = vault.retract(incident_id, reason)
    click.echo(to_json(record) if as_json else f"retracted {record.id}: {record.retraction}")


@cli.command()
@_vault_option
@click.argument("incident_id", metavar="ID")
@click.option("--kind", required=True, type=click.Choice([k.value for k in ResponseKind]))
@click.option("--date", required=True, metavar="YYYY-MM-DD", help="When the state did it.")
@click.option("--source", required=True, help="Where this is documented (a source id, citation or link).")
@click.option("--note", default="", help="Details (case number, outcome).")
@_json_option
def respond(
    vault_dir: str | None, incident_id: str, kind: str, date: str, source: str, note: str, as_json: bool
) -> None:
    """Record a step of the state's response to an incident."""
    from chronika.display import parse_day, to_json

    day = parse_day(date, option="--date")
    with _unlocked(vault_dir) as vault:
        record = vault.add_response(incident_id, ResponseKind(kind), day, source, note)
    click.echo(
        to_json(record)
        if as_json
        else f"{record.id}: {kind} on {day} (response status: {record.response_status})"
    )


@cli.command()
@_vault_option
@click.argument("record_id", metavar="ID")
@_json_option
def history(vault_dir: str | None, record_id: str, as_json: bool) -> None:
    """Every version of a record, oldest first, with the ledger entry that made it."""
    from chronika.display import history_json, history_text

    with _unlocked(vault_dir) as vault:
        versions = vault.history(record_id)
    click.echo(history_json(versions) if as_json else history_text(versions), nl=as_json)


@cli.command()
@_vault_option
@_json_option
def verify(vault_dir: str | None, as_json: bool) -> None:
    """Check signatures, chains, Merkle roots and the view; name the first bad entry."""
    from chronika.display import to_json

    with _unlocked(vault_dir) as vault:
        audit = vault.verify()
    if as_json:
        click.echo(to_json({"ok": True, **dataclasses.asdict(audit), "root": audit.root.hex()}))
        return
    click.echo(
        f"ok: {audit.entries} entries in {audit.segments} segment{'s' if audit.segments != 1 else ''}, "
        f"{audit.checkpoints} signed checkpoints, root {audit.root.hex()[:16]}…; "
        f"view consistent ({audit.records} records)"
    )


@cli.command()
@_vault_option
@_json_option
def rebuild(vault_dir: str | None, as_json: bool) -> None:
    """Delete the view and rebuild it from the ledger alone."""
    from chronika.display import to_json

    started = time.perf_counter()
    with _unlocked(vault_dir) as vault:
        entries = vault.rebuild()
    seconds = time.perf_counter() - started
    click.echo(
        to_json({"entries": entries, "seconds": round(seconds, 3)})
        if as_json
        else f"rebuilt the view from {entries} ledger entries in {seconds:.1f} s"
    )


@cli.command()
@_vault_option
@click.option("--duress", is_flag=True, help="Set a duress passphrase too (prompted).")
def passphrase(vault_dir: str | None, duress: bool) -> None:
    """Change the passphrase (the data is not re-encrypted)."""
    from chronika.passphrases import NEW_PASSPHRASE_FILE, ask_optional_duress, ask_passphrase

    with _unlocked(vault_dir) as vault, ask_passphrase("Current passphrase") as current:
        new = ask_passphrase("New passphrase", NEW_PASSPHRASE_FILE, confirm=True)
        duress_passphrase = ask_optional_duress(wanted=duress)
        try:
            vault.change_passphrase(current, new, duress_passphrase)
        finally:
            new.wipe()
            if duress_passphrase is not None:
                duress_passphrase.wipe()
    click.echo("passphrase changed")
    if duress_passphrase is None:
        click.echo("no duress passphrase is set now (give one with --duress to keep one)")


@cli.command()
@_vault_option
@click.option("--duress", is_flag=True, help="Set a duress passphrase too (prompted).")
def recover(vault_dir: str | None, duress: bool) -> None:
    """Open the vault with the recovery phrase and set a new passphrase."""
    from chronika.passphrases import (
        NEW_PASSPHRASE_FILE,
        ask_optional_duress,
        ask_passphrase,
        ask_recovery_phrase,
    )
    from chronika.vault.vault import Vault

    with (
        ask_recovery_phrase() as phrase,
        ask_passphrase("New passphrase", NEW_PASSPHRASE_FILE, confirm=True) as new,
    ):
        duress_passphrase = ask_optional_duress(wanted=duress)
        vault = Vault.recover(_vault_dir(vault_dir), phrase, new, duress_passphrase)
    vault.lock()
    click.echo("recovered: the new passphrase opens the vault")


@cli.command()
@_vault_option
@_json_option
def lock(vault_dir: str | None, as_json: bool) -> None:
    """End every process that has the vault unlocked (no passphrase needed)."""
    from chronika.display import to_json
    from chronika.vault.session import lock_sessions

    report = lock_sessions(_vault_dir(vault_dir))
    if as_json:
        click.echo(to_json(dataclasses.asdict(report)))
        return
    ended = report.stopped + report.killed
    click.echo(
        f"locked: {ended} unlocked process{'es' if ended != 1 else ''} ended"
        if ended
        else "locked: no process had the vault unlocked"
    )


from chronika.mirror.commands import add_mirror_commands  # noqa: E402  (issue 6: mirror, sync, restore)

add_mirror_commands(cli)

from chronika.desk.commands import serve  # noqa: E402  (issue 4: the desk)

cli.add_command(serve)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM (``chronika lock``): unwind, so every open vault is locked and its keys wiped."""
    from chronika.errors import VaultLocked

    raise VaultLocked("stopped: the vault was locked (chronika lock) while this command ran")


def _run(entry: Callable[..., Any], args: Sequence[str] | None) -> int:
    try:
        entry.main(args=args, prog_name="chronika", standalone_mode=False)  # type: ignore[attr-defined]
    except ChronikaError as error:
        click.echo(f"chronika: {error.one_line()}", err=True)
        return error.exit_code
    except click.exceptions.Abort:
        click.echo("chronika: aborted", err=True)
        return 130
    except click.ClickException as error:
        click.echo(f"chronika: error [E120]: {error.format_message()}", err=True)
        return error.exit_code
    except KeyboardInterrupt:
        click.echo("chronika: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        click.echo("chronika: error [E900]: out of memory", err=True)
        return 1
    except Exception as error:  # the last line of defence: a user never sees a traceback
        if os.environ.get("CHRONIKA_DEBUG"):
            raise
        click.echo(
            f"chronika: error [E999]: internal error ({type(error).__name__}); "
            "set CHRONIKA_DEBUG=1 for details",
            err=True,
        )
        return 1
    return 0


def main(args: Sequence[str] | None = None) -> None:
    signal.signal(signal.SIGTERM, _terminated)
    code = _run(cli, args)
    sys.stdout.flush()
    sys.exit(code)


from chronika.publish.commands import add_publish_commands  # noqa: E402  (issue 5: publish)

add_publish_commands(cli)

"""``chronika publish chronology``, ``chronika export`` and ``chronika verify-bundle``: parse, call, print."""

from __future__ import annotations

from pathlib import Path

import click

from chronika.errors import BundleInvalid, UsageError
from chronika.publish.export import FORMATS
from chronika.publish.redaction import Audience

__all__ = ["add_publish_commands"]

_AUDIENCES = [audience.value for audience in Audience]
_vault_option = click.option(
    "--vault",
    "vault_dir",
    envvar="CHRONIKA_VAULT",
    metavar="DIR",
    help="The vault folder (default: $CHRONIKA_VAULT, else $XDG_DATA_HOME/chronika/vault).",
)
_audience_option = click.option(
    "--audience", type=click.Choice(_AUDIENCES), required=True, help="Who the publication is for."
)
_out_option = click.option(
    "--out", "out", required=True, metavar="DIR", help="The bundle folder to create (new or empty)."
)


@click.group()
def publish() -> None:
    """Publish redacted chronologies as signed bundles."""


@publish.command()
@_vault_option
@click.option("--actor", help="Incidents with this perpetrator or victim (and an actor's aliases).")
@click.option("--place", help="Incidents at this location.")
@click.option("--search", "search", metavar="WORDS", help="Incidents matching a search.")
@click.option(
    "--link-group",
    "group",
    metavar="ID",
    help="This incident and every incident linked to it, directly or through others.",
)
@_audience_option
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="html", show_default=True)
@click.option("--title", help="The chronology's title.")
@_out_option
def chronology(
    vault_dir: str | None,
    actor: str | None,
    place: str | None,
    search: str | None,
    group: str | None,
    audience: str,
    fmt: str,
    title: str | None,
    out: str,
) -> None:
    """Numbered incidents by date, with a timeline, as a signed bundle."""
    from chronika.cli import _unlocked
    from chronika.publish.bundle import write_bundle
    from chronika.publish.chronology import (
        Scope,
        build_chronology,
        render_html,
        render_markdown,
        timeline_svg,
    )

    scope = Scope(actor=actor, place=place, search=search, link_group=group)
    with _unlocked(vault_dir) as vault:
        made = build_chronology(vault, scope, Audience(audience), title)
        if fmt == "pdf":
            from chronika.publish.pdf import render_pdf

            body = render_pdf(made)
        else:
            body = (render_html(made) if fmt == "html" else render_markdown(made)).encode("utf-8")
        files = {f"chronology.{fmt}": body}
        svg = timeline_svg(made, standalone=True)
        if svg:
            files["timeline.svg"] = svg.encode("utf-8")
        records = [entry.incident for entry in made.entries]
        folder = write_bundle(
            vault, Path(out), files, records, kind="chronology", audience=audience, scope=scope.describe()
        )
    click.echo(f"{folder}: chronology of {len(records)} incidents for a {audience} audience, signed")


@click.command()
@_vault_option
@_audience_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True)
@_out_option
def export(vault_dir: str | None, audience: str, fmt: str, out: str) -> None:
    """Every incident the audience may see, as a dataset in a signed bundle."""
    from chronika.cli import _unlocked
    from chronika.publish.bundle import write_bundle
    from chronika.publish.chronology import Scope, select_incidents, source_citations
    from chronika.publish.redaction import redact_all

    reader = Audience(audience)
    with _unlocked(vault_dir) as vault:
        records = sorted(redact_all(select_incidents(vault, Scope()), reader), key=lambda r: r.record.id)
        sources = source_citations(vault, records, reader)
        if fmt == "esf":  # persons are typed from the vault's actors where it knows them
            from chronika.publish.export import actor_kinds, export_esf

            files = export_esf(records, sources, actor_kinds(vault))
        else:
            files = FORMATS[fmt](records, sources)
        folder = write_bundle(vault, Path(out), files, records, kind=f"export/{fmt}", audience=audience)
    click.echo(f"{folder}: {len(records)} incidents as {fmt} for a {audience} audience, signed")


@click.command("verify-bundle")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--key", metavar="HEX", help="The publisher's public key, learnt some other way, to pin.")
def verify_bundle_command(folder: Path, key: str | None) -> None:
    """Check a bundle offline: signature, checkpoint, inclusion proofs, every file and record."""
    from chronika.publish.bundle import verify_bundle

    try:
        pinned = bytes.fromhex(key) if key else None
    except ValueError:
        raise UsageError("--key must be the public key in hex") from None
    check = verify_bundle(folder, pinned)
    if not check.ok:
        for culprit, reason in check.problems:
            click.echo(f"FAIL {culprit}: {reason}", err=True)
        count = len(check.problems)
        raise BundleInvalid(f"{folder} does not verify ({count} problem{'' if count == 1 else 's'})")
    click.echo(
        f"{folder}: OK: {check.files} files and {check.records} records match the signed manifest; "
        f"every record's entries are in the ledger of {check.checkpoint_size} entries"
    )


def add_publish_commands(group: click.Group) -> None:
    group.add_command(publish)
    group.add_command(export)
    group.add_command(verify_bundle_command)

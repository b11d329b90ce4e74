"""The command line: parses, calls the verbs, prints. No domain logic lives here."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from chronika import __version__
from chronika.errors import ChronikaError, UsageError

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
    code = _run(cli, args)
    sys.stdout.flush()
    sys.exit(code)

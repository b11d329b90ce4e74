"""``python -m chronika.mirror serve --data DIR``: the mirror service without the rest of Chronika.

The same commands as ``chronika mirror ...``, for a server that runs only the mirror: it loads
neither the extraction engine nor the desk, so it starts faster and depends on less.
"""

from __future__ import annotations

import sys

import click

from chronika.errors import ChronikaError
from chronika.mirror.commands import mirror


def main() -> None:
    try:
        mirror.main(prog_name="chronika mirror", standalone_mode=False)
    except ChronikaError as error:
        click.echo(f"chronika: {error.one_line()}", err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        click.echo(f"chronika: error [E120]: {error.format_message()}", err=True)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()

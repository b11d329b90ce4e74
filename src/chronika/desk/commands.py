"""``chronika serve``: the desk on this machine, at http://127.0.0.1:8765/ unless told otherwise.

Binding anywhere but loopback makes the desk reachable from the network; that is allowed (a team
on one trusted LAN) but warned about, and binding to every interface needs the names the desk may
be reached by (``--allow-host``), because the Host check cannot guess them. Uvicorn's access log is
off: request lines carry search words and names, and logs are not encrypted.
"""

from __future__ import annotations

from pathlib import Path

import click

from chronika.desk.config import DEFAULT_IDLE_MINUTES, DEFAULT_PORT, DeskConfig
from chronika.errors import UsageError

__all__ = ["serve"]

#: Long enough for an open connection to finish, short enough for ``chronika lock``'s grace period.
GRACEFUL_SECONDS = 3


@click.command()
@click.option(
    "--vault",
    "vault_dir",
    envvar="CHRONIKA_VAULT",
    metavar="DIR",
    help="The vault folder (default: $CHRONIKA_VAULT, else $XDG_DATA_HOME/chronika/vault).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True)
@click.option(
    "--idle-minutes",
    type=float,
    default=DEFAULT_IDLE_MINUTES,
    show_default=True,
    help="Lock the vault after this long without use.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Another name the desk may be reached by.",
)
def serve(
    vault_dir: str | None, host: str, port: int, idle_minutes: float, allow_hosts: tuple[str, ...]
) -> None:
    """Open the desk: review, search and chronologies in your browser."""
    import uvicorn

    from chronika.desk.app import create_app
    from chronika.passphrases import kdf_for_init
    from chronika.vault.vault import default_vault_dir

    config = DeskConfig(
        vault_dir=Path(vault_dir) if vault_dir else default_vault_dir(),
        host=host,
        port=port,
        idle_minutes=idle_minutes,
        kdf=kdf_for_init(),
        extra_hosts=allow_hosts,
    )
    if config.wildcard and not allow_hosts:
        raise UsageError(
            "--host binds every interface: name the addresses it is reached by with --allow-host"
        )
    if not config.loopback:
        click.echo(
            f"chronika: warning: the desk listens on {host}, reachable from other machines; it speaks plain "
            "HTTP, so passphrases and records cross the network unencrypted unless a TLS proxy is in front",
            err=True,
        )
    click.echo(f"Chronika desk: {config.url}  (vault: {config.vault_dir}; Ctrl-C to stop and lock)")
    uvicorn.run(
        create_app(config),
        host=host.strip("[]"),
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        date_header=False,
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
    )

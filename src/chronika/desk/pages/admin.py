"""Verify and settings: the ledger's health on demand, API tokens, the language.

A new API token is shown in the response to the form that made it, once; only its SHA-256 is kept
(``tokens.py``). The verify button runs the full check (signatures, chain, Merkle root, view) and
the page keeps showing the outcome until the desk is locked.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.desk.i18n import gettext
from chronika.desk.ledgerinfo import CheckpointInfo, last_checkpoint, run_verify
from chronika.desk.web import flash, keeper_of, read_form, redirect, render, require_unlocked, text_field
from chronika.vault.vault import Vault

__all__ = ["routes"]


async def verify_page(request: Request) -> Response:
    session = require_unlocked(request)
    keeper = keeper_of(request)

    def load(vault: Vault) -> tuple[CheckpointInfo | None, bool]:
        return last_checkpoint(vault), vault.decoy

    checkpoint, _decoy = await keeper.run(session, load)
    return render(
        request, "verify.html", {"checkpoint": checkpoint, "outcome": request.app.state.last_verify}
    )


async def verify_submit(request: Request) -> Response:
    session = require_unlocked(request)
    await read_form(request)
    outcome = await keeper_of(request).run(session, run_verify)
    request.app.state.last_verify = outcome
    flash(
        request, gettext("Verified: the ledger is intact.") if outcome.ok else gettext("Verification failed.")
    )
    return redirect("/verify")


async def settings_page(request: Request) -> Response:
    require_unlocked(request)
    return render(request, "settings.html", {"tokens": request.app.state.tokens.list(), "new_token": None})


async def token_create(request: Request) -> Response:
    require_unlocked(request)
    form = await read_form(request)
    made = request.app.state.tokens.create(text_field(form, "label", 200))
    return render(request, "settings.html", {"tokens": request.app.state.tokens.list(), "new_token": made})


async def token_revoke(request: Request) -> Response:
    require_unlocked(request)
    await read_form(request)
    if request.app.state.tokens.revoke(request.path_params["token_id"]):
        flash(request, gettext("Token revoked."))
    return redirect("/settings")


routes = [
    Route("/verify", verify_page, methods=["GET"]),
    Route("/verify", verify_submit, methods=["POST"]),
    Route("/settings", settings_page, methods=["GET"]),
    Route("/settings/tokens", token_create, methods=["POST"]),
    Route("/settings/tokens/{token_id}/revoke", token_revoke, methods=["POST"]),
]

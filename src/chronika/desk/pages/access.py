"""Getting in and out: first-run setup, unlock, lock, and the language switch.

Setup shows the recovery phrase in the response to the form that created the vault, once: it is
not stored anywhere, and the page is ``no-store`` like every other. Unlock and setup run Argon2id
(about half a second) in a worker thread; a wrong passphrase gets the same page and message
whether or not a duress passphrase exists (the facade makes the two paths alike).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.desk.i18n import LANGUAGES, gettext
from chronika.desk.web import flash, keeper_of, read_form, redirect, render, session_of, text_field
from chronika.errors import PassphraseRejected, WrongPassphrase
from chronika.vault.secret import Passphrase

__all__ = ["routes"]


def _safe_next(value: str) -> str:
    """Only a path on this desk: an open redirect would let a link send the user anywhere after unlock."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return "/"
    return value


async def home(request: Request) -> Response:
    keeper = keeper_of(request)
    if not keeper.exists:
        return redirect("/setup")
    session = session_of(request)
    if not (session.unlocked and keeper.unlocked):
        return redirect("/unlock")
    return redirect("/inbox")


async def setup_page(request: Request) -> Response:
    if keeper_of(request).exists:
        return redirect("/unlock")
    return render(request, "setup.html", {"error": None})


async def setup_submit(request: Request) -> Response:
    form = await read_form(request)
    keeper = keeper_of(request)
    if keeper.exists:
        return redirect("/unlock")
    first, second = text_field(form, "passphrase"), text_field(form, "passphrase2")
    duress, duress2 = text_field(form, "duress"), text_field(form, "duress2")
    error = None
    if first != second:
        error = gettext("The two passphrases differ.")
    elif duress != duress2:
        error = gettext("The two duress passphrases differ.")
    if error:
        return render(request, "setup.html", {"error": error}, status_code=400)
    session = session_of(request)
    passphrase = Passphrase.from_text(first)
    duress_passphrase = Passphrase.from_text(duress) if duress else None
    try:
        phrase = await keeper.run_plain(lambda: keeper.create(session, passphrase, duress_passphrase))
    except PassphraseRejected as rejected:
        return render(request, "setup.html", {"error": rejected.message}, status_code=400)
    finally:
        passphrase.wipe()
        if duress_passphrase is not None:
            duress_passphrase.wipe()
    with phrase:
        words = phrase.words()
    return render(request, "recovery.html", {"words": words})


async def unlock_page(request: Request) -> Response:
    keeper = keeper_of(request)
    if not keeper.exists:
        return redirect("/setup")
    return render(
        request, "unlock.html", {"error": None, "next": _safe_next(request.query_params.get("next", "/"))}
    )


async def unlock_submit(request: Request) -> Response:
    form = await read_form(request)
    keeper = keeper_of(request)
    if not keeper.exists:
        return redirect("/setup")
    session = session_of(request)
    target = _safe_next(text_field(form, "next") or "/")
    passphrase = Passphrase.from_text(text_field(form, "passphrase"))
    try:
        await keeper.run_plain(lambda: keeper.unlock(session, passphrase))
    except WrongPassphrase:
        return render(
            request,
            "unlock.html",
            {"error": gettext("That passphrase does not open this vault."), "next": target},
            status_code=403,
        )
    finally:
        passphrase.wipe()
    return redirect(target if target != "/" else "/inbox")


async def lock_submit(request: Request) -> Response:
    await read_form(request)
    keeper = keeper_of(request)
    await keeper.run_plain(keeper.lock)
    flash(request, gettext("Locked. The keys are gone from memory."))
    return redirect("/unlock")


async def language_submit(request: Request) -> Response:
    form = await read_form(request)
    language = text_field(form, "language")
    if language in LANGUAGES:
        session_of(request).language = language
    return redirect(_safe_next(text_field(form, "next") or "/"))


routes = [
    Route("/", home, methods=["GET"]),
    Route("/setup", setup_page, methods=["GET"]),
    Route("/setup", setup_submit, methods=["POST"]),
    Route("/unlock", unlock_page, methods=["GET"]),
    Route("/unlock", unlock_submit, methods=["POST"]),
    Route("/lock", lock_submit, methods=["POST"]),
    Route("/language", language_submit, methods=["POST"]),
]

"""What every page handler shares: the session, forms checked against CSRF, templates, redirects.

Every state-changing form is read through :func:`read_form`, which refuses it unless its ``csrf``
field equals the token of the browser session that loaded the page (compared in constant time).
The token is bound to a session that exists only in this process's memory, so a page from another
site can neither read it nor guess it; ``tests/desk`` posts to every route without it and expects
403. Uploads are parsed into memory, never spooled to a temporary file (see ``MemoryMultiPart``).
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from starlette.datastructures import FormData
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from chronika.desk.i18n import LANGUAGES, current_language, gettext, ngettext
from chronika.desk.keeper import BrowserSession, Keeper
from chronika.display import date_text
from chronika.errors import ChronikaError, UsageError, VaultLocked
from chronika.extract.reader import MAX_INPUT_BYTES

__all__ = [
    "CsrfRejected",
    "MemoryMultiPart",
    "keeper_of",
    "read_form",
    "redirect",
    "render",
    "session_of",
]

TEMPLATES = Path(__file__).parent / "templates"
MAX_FILES = 20
MAX_FIELDS = 200
#: A pasted report is a form field; allow what the reader allows for a file.
MAX_FIELD_BYTES = MAX_INPUT_BYTES


class CsrfRejected(ChronikaError):
    """A form came without this session's CSRF token (or from no session at all)."""

    code = "E403"


class MemoryMultiPart(MultiPartParser):
    """Starlette's parser, keeping each uploaded file in memory up to the reader's own limit.

    The default spools anything over 1 MiB to a temporary file, and a report written to the temp
    directory in plaintext is what issue 3's seizure test forbids.
    """

    spool_max_size = MAX_INPUT_BYTES + 1


@functools.lru_cache(maxsize=4096)
def _translated(language: str, message: str) -> Markup:
    return Markup(gettext(message))  # gettext reads the language from the same context variable


@jinja2.pass_context
def _template_gettext(context: jinja2.runtime.Context, message: str, **variables: Any) -> Markup:
    """Jinja's newstyle ``_()`` (the translation as Markup, ``%`` the escaped variables), the
    translation looked up once per language and message: a page calls it fifty times."""
    text = _translated(current_language(), message)
    return text % variables if variables else _untouched(text)


@functools.lru_cache(maxsize=4096)
def _untouched(text: Markup) -> Markup:
    return text % {}  # as Jinja does ("%%" becomes "%"), once


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        # Templates are compiled once per process: no file check at every page (they ship with
        # the package; a changed template takes a restart, as changed code does).
        auto_reload=False,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["gettext"] = env.globals["_"] = _template_gettext
    env.globals["languages"] = LANGUAGES
    env.filters["date_text"] = date_text
    env.filters["when"] = lambda value: value.strftime("%Y-%m-%d %H:%M UTC") if value else ""
    env.filters["label"] = lambda value: str(value).replace("_", " ")
    env.filters["labels"] = lambda values: ", ".join(values).replace("_", " ")
    return env


ENV = _environment()


def keeper_of(request: Request) -> Keeper:
    keeper: Keeper = request.app.state.keeper
    return keeper


def session_of(request: Request) -> BrowserSession:
    session: BrowserSession | None = request.scope.get("state", {}).get("session")
    if session is None:  # only /api/ has none, and API handlers never ask
        raise CsrfRejected("no browser session")
    return session


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """A page: the template with the session's CSRF token, flashes and lock state in its context."""
    session = request.scope.get("state", {}).get("session")
    keeper = keeper_of(request)
    flashes: list[str] = []
    if session is not None:
        flashes, session.flashes = session.flashes, []
    values = {
        "request": request,
        "csrf": session.csrf if session is not None else "",
        "unlocked": bool(session is not None and session.unlocked and keeper.unlocked),
        "flashes": flashes,
        "lang": current_language(),
        "idle_minutes": keeper.config.idle_minutes,
        "today": dt.date.today(),
        **(context or {}),
    }
    html = ENV.get_template(template).render(values)
    return HTMLResponse(html, status_code=status_code)


def redirect(url: str) -> Response:
    """303 See Other: after a POST, the browser GETs the result (no resubmission on reload)."""
    return RedirectResponse(url, status_code=303)


def flash(request: Request, message: str) -> None:
    session_of(request).flashes.append(message)


async def read_form(request: Request) -> FormData:
    """The submitted form, after checking its CSRF token; CsrfRejected otherwise (see module doc)."""
    session = session_of(request)
    kind = request.headers.get("content-type", "")
    try:
        if kind.startswith("multipart/form-data"):
            parser = MemoryMultiPart(
                request.headers,
                request.stream(),
                max_files=MAX_FILES,
                max_fields=MAX_FIELDS,
                max_part_size=MAX_FIELD_BYTES,
            )
            form = await parser.parse()
        else:
            form = await request.form(max_files=0, max_fields=MAX_FIELDS, max_part_size=MAX_FIELD_BYTES)
    except MultiPartException as error:
        raise UsageError(f"the form could not be read: {error.message}") from None
    token = form.get("csrf")
    if not isinstance(token, str) or not hmac.compare_digest(token.encode(), session.csrf.encode()):
        raise CsrfRejected(
            "the form's security token is missing or out of date: reload the page and try again"
        )
    return form


def require_unlocked(request: Request) -> BrowserSession:
    """The session, if it may see records now; VaultLocked (handled as a redirect to unlock) otherwise."""
    session = session_of(request)
    keeper = keeper_of(request)
    keeper.lock_if_idle()
    if not (session.unlocked and keeper.unlocked):
        raise VaultLocked("the vault is locked")
    return session


def text_field(form: FormData, name: str, limit: int = 10_000) -> str:
    value = form.get(name)
    if not isinstance(value, str):
        return ""
    return value[:limit]

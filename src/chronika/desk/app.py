"""The desk's one application object: routes, the guard, error pages, the idle watcher.

``create_app`` wires the parts together and nothing else lives here: pages in ``pages/``, the API
in ``api.py``, the security checks in ``security.py`` and ``web.py``, the vault's lifetime in
``keeper.py``. Errors are turned into responses in one place (:func:`_handle`): JSON in the API's
one shape under ``/api/``, a page otherwise, and a locked vault sends a browser to the unlock page.
No traceback ever reaches a response.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from anyio import to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from chronika.desk import api
from chronika.desk.config import DeskConfig
from chronika.desk.i18n import gettext
from chronika.desk.keeper import Keeper
from chronika.desk.pages import access, admin, browse, directory, publish, review
from chronika.desk.security import DeskGuard
from chronika.desk.tokens import TokenStore
from chronika.desk.web import CsrfRejected, render
from chronika.errors import ChronikaError, VaultLocked

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _handle(request: Request, error: Exception) -> Response:
    """Chronika and HTTP errors, as the one JSON shape (API) or a page (browser).

    Any other exception reaches ``DeskGuard``, which answers 500 with the same shape and headers.
    """
    from chronika.desk.web import redirect

    if isinstance(error, HTTPException):
        code, status, message = f"E{error.status_code}", error.status_code, str(error.detail)
    elif isinstance(error, ChronikaError):
        code, status, message = error.code, api.status_for(error), error.message
    else:  # pragma: no cover - registered only for the two kinds above; others reach DeskGuard
        raise error
    if _is_api(request):
        return api.error_response(status, code, message)
    if isinstance(error, VaultLocked):
        keeper: Keeper = request.app.state.keeper
        if not keeper.exists:
            return redirect("/setup")
        target = request.url.path if request.method == "GET" else "/"
        return redirect(f"/unlock?next={target}" if target != "/" else "/unlock")
    if isinstance(error, CsrfRejected):
        status = 403
    title = gettext("Not found") if status == 404 else gettext("That did not work")
    return render(
        request, "error.html", {"title": title, "message": message, "code": code}, status_code=status
    )


async def _watch_idle(keeper: Keeper) -> None:
    """Lock after the idle time even when no request comes to notice it."""
    interval = max(1.0, min(30.0, keeper.config.idle_minutes * 60 / 4))
    while True:
        await asyncio.sleep(interval)
        await to_thread.run_sync(keeper.lock_if_idle)


def create_app(config: DeskConfig, keeper: Keeper | None = None) -> Starlette:
    keeper = keeper or Keeper(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        watcher = asyncio.create_task(_watch_idle(keeper))
        try:
            yield
        finally:
            watcher.cancel()
            keeper.lock()  # shutting down (Ctrl-C, chronika lock): the keys go with the process

    routes = [
        *access.routes,
        *review.routes,
        *browse.routes,
        *directory.routes,
        *admin.routes,
        *publish.routes,
        Mount("/api/v1", routes=api.routes),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(DeskGuard, config=config, keeper=keeper)],
        exception_handlers={HTTPException: _handle, ChronikaError: _handle},
        lifespan=lifespan,
    )
    app.state.keeper = keeper
    app.state.config = config
    app.state.tokens = TokenStore(config.vault_dir)
    app.state.last_verify = None
    return app

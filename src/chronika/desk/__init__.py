"""The desk: a local web interface over the vault, for review, search, chronologies and responses.

``create_app(DeskConfig(...))`` builds the ASGI app; ``chronika serve`` runs it with uvicorn. The
layers, one module each: ``config`` (settings), ``keeper`` (the unlocked vault and browser
sessions), ``security`` (Host, origin, headers, cookies), ``web`` (CSRF-checked forms, templates),
``pages/`` (HTML), ``api`` and ``openapi`` (JSON under /api/v1), ``selection`` (filters shared by
table, CSV, chronology and API), ``marks`` and ``timeline`` (server-side rendering of evidence and
SVG), ``intake`` (pasted and uploaded reports), ``tokens`` (API tokens), ``i18n`` (catalogues).
"""

from chronika.desk.app import create_app
from chronika.desk.config import DeskConfig

__all__ = ["DeskConfig", "create_app"]

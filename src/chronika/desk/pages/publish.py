"""Publish: choose a scope, an audience and a format, preview the chronology, download the bundle.

The preview is the published chronology's own HTML (its body; the desk's styles apply, since its
inline styles would break the desk's CSP), made from the same redacted records as the download, so
what the page shows is what the audience gets. The download is the signed bundle ``chronika
publish`` or ``chronika export`` would write, as a .zip built in memory: nothing of it is written
to the disk, not even a temporary file. It is a POST with the session's CSRF token, like every form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.desk.i18n import gettext
from chronika.desk.web import keeper_of, read_form, render, require_unlocked
from chronika.errors import UsageError
from chronika.publish.bundle import bundle_contents
from chronika.publish.chronology import (
    Scope,
    build_chronology,
    render_html,
    render_markdown,
    select_incidents,
    source_citations,
    timeline_svg,
)
from chronika.publish.export import FORMATS, actor_kinds, export_esf
from chronika.publish.redaction import Audience, Redacted, redact_all
from chronika.vault.vault import Vault

__all__ = ["CHRONOLOGY_FORMATS", "PublishRequest", "bundle_zip", "make_bundle", "routes"]

CHRONOLOGY_FORMATS: Final = ("html", "md", "pdf")
_LIMIT: Final = 500
_BODY: Final = re.compile(r"<body>(.*)</body>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class PublishRequest:
    """What to publish, read from the query string (preview) or the form (download)."""

    scope: Scope
    audience: Audience
    fmt: str
    title: str | None

    @classmethod
    def parse(cls, values: dict[str, str]) -> PublishRequest:
        def text(name: str) -> str | None:
            value = values.get(name, "").strip()[:_LIMIT]
            return value or None

        try:
            audience = Audience(values.get("audience", Audience.PUBLIC.value))
        except ValueError:
            raise UsageError(gettext("Choose who the publication is for.")) from None
        fmt = values.get("format", "html")
        if fmt not in CHRONOLOGY_FORMATS and fmt not in FORMATS:
            raise UsageError(gettext("Choose a format."))
        scope = Scope(
            actor=text("actor"), place=text("place"), search=text("q"), link_group=text("link_group")
        )
        return cls(scope, audience, fmt, text("title"))

    def params(self) -> dict[str, str]:
        values = {
            "actor": self.scope.actor or "",
            "place": self.scope.place or "",
            "q": self.scope.search or "",
            "link_group": self.scope.link_group or "",
            "audience": self.audience.value,
            "format": self.fmt,
            "title": self.title or "",
        }
        return {key: value for key, value in values.items() if value}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bundle_zip(
    vault: Vault,
    files: dict[str, bytes],
    records: list[Redacted],
    *,
    kind: str,
    audience: str,
    scope: str,
) -> bytes:
    """The bundle ``chronika publish`` would write, as the bytes of a .zip (one folder, ``bundle/``),
    made in memory so no record ever reaches a temporary file."""
    contents = bundle_contents(vault, files, records, kind=kind, audience=audience, scope=scope)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(f"bundle/{name}", data)
    return buffer.getvalue()


def _preview(vault: Vault, wanted: PublishRequest) -> tuple[str, int]:
    made = build_chronology(vault, wanted.scope, wanted.audience, wanted.title)
    found = _BODY.search(render_html(made, styled=False))
    return (found.group(1) if found else ""), len(made.entries)


def make_bundle(vault: Vault, wanted: PublishRequest) -> bytes:
    scope, audience = wanted.scope, wanted.audience
    if wanted.fmt in CHRONOLOGY_FORMATS:
        made = build_chronology(vault, scope, audience, wanted.title)
        if wanted.fmt == "pdf":
            from chronika.publish.pdf import render_pdf

            body = render_pdf(made)
        else:
            body = (render_html(made) if wanted.fmt == "html" else render_markdown(made)).encode("utf-8")
        files = {f"chronology.{wanted.fmt}": body}
        svg = timeline_svg(made, standalone=True)
        if svg:
            files["timeline.svg"] = svg.encode("utf-8")
        records = [entry.incident for entry in made.entries]
        kind = "chronology"
    else:
        records = sorted(redact_all(select_incidents(vault, scope), audience), key=lambda r: r.record.id)
        sources = source_citations(vault, records, audience)
        if wanted.fmt == "esf":
            files = export_esf(records, sources, actor_kinds(vault))
        else:
            files = FORMATS[wanted.fmt](records, sources)
        kind = f"export/{wanted.fmt}"
    return bundle_zip(vault, files, records, kind=kind, audience=audience.value, scope=scope.describe())


async def publish_page(request: Request) -> Response:
    session = require_unlocked(request)
    asked = "audience" in request.query_params
    wanted = PublishRequest.parse(dict(request.query_params))
    preview, count = (
        await keeper_of(request).run(session, lambda vault: _preview(vault, wanted)) if asked else ("", 0)
    )
    return render(
        request,
        "publish.html",
        {
            "wanted": wanted,
            "asked": asked,
            "preview": preview,
            "count": count,
            "audiences": list(Audience),
            "chronology_formats": CHRONOLOGY_FORMATS,
            "export_formats": list(FORMATS),
            "self_link": "/publish?" + urlencode(wanted.params()),
        },
    )


async def publish_download(request: Request) -> Response:
    session = require_unlocked(request)
    form = await read_form(request)
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    wanted = PublishRequest.parse(values)
    data = await keeper_of(request).run(session, lambda vault: make_bundle(vault, wanted))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
    name = f"chronika-{wanted.fmt}-{wanted.audience.value}-{stamp}.zip"
    return Response(
        data,
        media_type="application/zip",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


routes = [
    Route("/publish", publish_page, methods=["GET"]),
    Route("/publish", publish_download, methods=["POST"]),
]

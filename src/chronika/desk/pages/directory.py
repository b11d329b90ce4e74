"""Actors and places: the list with counts, one page per name, aliases, and merging duplicates.

Both work the same way (``vault.merge_names`` and friends take the kind), so one set of handlers
serves ``/actors`` and ``/places``. Names are passed as query or form fields, never in the path: a
name may hold any character, a slash included.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chronika.desk.directory import directory, known_names
from chronika.desk.i18n import gettext
from chronika.desk.pages.browse import history_rows
from chronika.desk.selection import Criteria, iterate
from chronika.desk.web import flash, keeper_of, read_form, redirect, render, require_unlocked, text_field
from chronika.errors import UsageError
from chronika.model import ActorKind, PlaceKind
from chronika.vault.state import ActorRecord, PlaceRecord
from chronika.vault.vault import NameKind, Vault

__all__ = ["MAX_NAME", "PAGE_INCIDENTS", "entry_page_data", "kind_of", "routes"]

MAX_NAME = 200
#: Incidents listed on an actor's or place's page; the chronology and the table show them all.
PAGE_INCIDENTS = 200
_PLURAL: dict[NameKind, str] = {"actor": "actors", "place": "places"}


def page_url(kind: NameKind, name: str) -> str:
    return f"/{_PLURAL[kind]}/named?" + urlencode({"name": name})


def filter_params(kind: NameKind, name: str) -> str:
    return urlencode([(str(kind), name)])


def clean_name(value: str, what: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise UsageError(gettext("Give the %(what)s.") % {"what": what})
    if len(name) > MAX_NAME:
        raise UsageError(f"a name has at most {MAX_NAME} characters")
    return name


def kind_of(kind: NameKind, value: str) -> ActorKind | PlaceKind | None:
    """The kind a new record gets (a person, a city...), from a form or a body; empty: the default."""
    if not value.strip():
        return None
    choices: type[ActorKind] | type[PlaceKind] = ActorKind if kind == "actor" else PlaceKind
    try:
        return choices(value.strip())
    except ValueError:
        known = ", ".join(member.value for member in choices)
        raise UsageError(f"unknown kind {value.strip()!r}; known: {known}") from None


def entry_page_data(vault: Vault, kind: NameKind, name: str) -> dict[str, Any]:
    """Everything an actor's or place's page (or the API) shows about ``name``."""
    record = vault.find_named(kind, name)
    survivor = None
    if record is not None and record.merged_into is not None:
        target = vault.show(record.merged_into)
        # A merge undone (the alias taken off the survivor) leaves this record a name of its own.
        if isinstance(target, (ActorRecord, PlaceRecord)) and name.casefold() in (
            n.casefold() for n in target.names()
        ):
            survivor = target
    shown = record.name if record is not None and survivor is None else name
    criteria = Criteria(actor=shown) if kind == "actor" else Criteria(place=shown)
    found = list(iterate(vault, criteria, PAGE_INCIDENTS + 1))
    return {
        "name": shown,
        "record": record,
        "survivor": survivor,
        "aliases": list(record.aliases) if record is not None else [],
        "incidents": found[:PAGE_INCIDENTS],
        "more": len(found) > PAGE_INCIDENTS,
        "history": history_rows(vault.history(record.id)) if record is not None else [],
    }


def _list_page(kind: NameKind) -> Any:
    async def handler(request: Request) -> Response:
        session = require_unlocked(request)
        q = request.query_params.get("q", "")[:MAX_NAME]

        def load(vault: Vault) -> tuple[Any, list[str]]:
            return directory(vault, kind, q), known_names(vault, kind)

        listing, names = await keeper_of(request).run(session, load)
        return render(
            request,
            "directory.html",
            {
                "kind": kind,
                "plural": _PLURAL[kind],
                "listing": listing,
                "q": q,
                "names": names,
                "kinds": list(ActorKind) if kind == "actor" else list(PlaceKind),
                "page_url": lambda entry: page_url(kind, entry.name),
                "filter_params": lambda entry: filter_params(kind, entry.name),
            },
        )

    return handler


def _entry_page(kind: NameKind) -> Any:
    async def handler(request: Request) -> Response:
        session = require_unlocked(request)
        name = clean_name(request.query_params.get("name", ""), gettext("name"))

        def load(vault: Vault) -> tuple[dict[str, Any], list[str]]:
            return entry_page_data(vault, kind, name), known_names(vault, kind)

        data, names = await keeper_of(request).run(session, load)
        return render(
            request,
            "named.html",
            {
                **data,
                "kind": kind,
                "plural": _PLURAL[kind],
                "names": [n for n in names if n.casefold() != data["name"].casefold()],
                "filter": filter_params(kind, data["name"]),
                "survivor_url": page_url(kind, data["survivor"].name) if data["survivor"] else None,
                "kinds": list(ActorKind) if kind == "actor" else list(PlaceKind),
            },
        )

    return handler


def _alias_submit(kind: NameKind, *, remove: bool) -> Any:
    async def handler(request: Request) -> Response:
        session = require_unlocked(request)
        form = await read_form(request)
        name = clean_name(text_field(form, "name", 1000), gettext("name"))
        alias = clean_name(text_field(form, "alias", 1000), gettext("alias"))
        new_kind = kind_of(kind, text_field(form, "kind", 40))

        def change(vault: Vault) -> str:
            if remove:
                return vault.remove_alias(kind, name, alias).name
            return vault.add_alias(kind, name, alias, new_kind=new_kind).name

        shown = await keeper_of(request).run(session, change)
        flash(request, gettext("Alias removed.") if remove else gettext("Alias added."))
        return redirect(page_url(kind, shown))

    return handler


def _merge_submit(kind: NameKind) -> Any:
    async def handler(request: Request) -> Response:
        session = require_unlocked(request)
        form = await read_form(request)
        keep = clean_name(text_field(form, "keep", 1000), gettext("name to keep"))
        duplicate = clean_name(text_field(form, "duplicate", 1000), gettext("duplicate name"))
        note = text_field(form, "note", 2000) or None
        new_kind = kind_of(kind, text_field(form, "kind", 40))
        record = await keeper_of(request).run(
            session, lambda vault: vault.merge_names(kind, keep, duplicate, note, new_kind=new_kind)
        )
        flash(
            request,
            gettext("Merged: %(duplicate)s is now another name of %(name)s.")
            % {"duplicate": duplicate, "name": record.name},
        )
        return redirect(page_url(kind, record.name))

    return handler


_KINDS: tuple[NameKind, ...] = ("actor", "place")
routes = [
    route
    for kind in _KINDS
    for route in (
        Route(f"/{_PLURAL[kind]}", _list_page(kind), methods=["GET"]),
        Route(f"/{_PLURAL[kind]}/named", _entry_page(kind), methods=["GET"]),
        Route(f"/{_PLURAL[kind]}/aliases", _alias_submit(kind, remove=False), methods=["POST"]),
        Route(f"/{_PLURAL[kind]}/aliases/remove", _alias_submit(kind, remove=True), methods=["POST"]),
        Route(f"/{_PLURAL[kind]}/merge", _merge_submit(kind), methods=["POST"]),
    )
]

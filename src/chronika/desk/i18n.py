"""UI languages: gettext catalogues (English in the source, Russian in ``locale/ru``), chosen per request.

Templates mark strings with ``{% trans %}`` / ``_()`` and Python code with :func:`gettext`;
``pybabel extract -F src/chronika/desk/babel.cfg`` collects them into a ``.pot`` and translators
work on ``locale/<lang>/LC_MESSAGES/messages.po``. The ``.po`` files are read (with Babel) when
the desk starts, so there is no compiled ``.mo`` to forget to rebuild. The language of a request
is the one its browser session chose on the settings page, else the best match of
``Accept-Language``, else the configured default; it is held in a context variable so the Jinja
environment, shared by every request, translates each one in its own language.
"""

from __future__ import annotations

import contextvars
import gettext as gettext_module
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = ["LANGUAGES", "current_language", "gettext", "ngettext", "pick_language", "use_language"]

LOCALE_DIR = Path(__file__).parent / "locale"
#: Languages the desk offers, each named in itself (for the language switch).
LANGUAGES = {"en": "English", "ru": "Русский"}

_current: contextvars.ContextVar[str] = contextvars.ContextVar("chronika_desk_language", default="en")


@cache
def _catalogue(language: str) -> gettext_module.NullTranslations:
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return gettext_module.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext_module.GNUTranslations(buffer)


def use_language(language: str) -> contextvars.Token[str]:
    return _current.set(language if language in LANGUAGES else "en")


def current_language() -> str:
    return _current.get()


def gettext(message: str) -> str:
    return _catalogue(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalogue(_current.get()).ngettext(singular, plural, count)


def pick_language(accept_language: str | None, default: str = "en") -> str:
    """The first language of ``Accept-Language`` (by quality) the desk offers, else ``default``."""
    if not accept_language:
        return default
    choices = []
    for index, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        choices.append((-quality, index, tag.strip().lower().split("-")[0]))
    for _, _, tag in sorted(choices):
        if tag in LANGUAGES:
            return tag
    return default

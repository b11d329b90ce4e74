"""The exception tree in chronika.errors: one home for every error a user can see."""

from __future__ import annotations

import importlib
import pkgutil

import chronika
from chronika import errors


def _all_errors() -> list[type[errors.ChronikaError]]:
    # Import every module first, so an error class defined anywhere in the package is seen.
    for module in pkgutil.walk_packages(chronika.__path__, "chronika."):
        if module.name.endswith("__main__"):
            continue
        importlib.import_module(module.name)
    found: list[type[errors.ChronikaError]] = []
    todo: list[type[errors.ChronikaError]] = [errors.ChronikaError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_every_error_type_has_its_own_code() -> None:
    classes = _all_errors()
    codes: dict[str, str] = {}
    for cls in classes:
        if "code" not in vars(cls):  # sets its code per instance (the desk API's errors)
            continue
        assert cls.code not in codes, f"{cls.__name__} reuses {cls.code} of {codes[cls.code]}"
        codes[cls.code] = cls.__name__


def test_publish_defines_no_error_type_of_its_own() -> None:
    elsewhere = [c.__qualname__ for c in _all_errors() if c.__module__.startswith("chronika.publish")]
    assert elsewhere == []


def test_bundle_errors_import_from_their_old_homes_too() -> None:
    from chronika.publish import bundle, commands

    assert bundle.BundleError is errors.BundleError
    assert commands.BundleInvalid is errors.BundleInvalid
    assert issubclass(errors.BundleError, errors.VaultError)
    assert errors.BundleInvalid("x").one_line() == "error [E241]: x"

"""Gazetteer keys: the ASCII shortcut in ``fold`` gives the same key as the full Unicode folding."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from chronika.extract.gazetteer import fold


def full_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ı", "i").casefold().replace("’", "'")


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_names_fold_as_in_full(name: str) -> None:
    assert fold(name) == full_fold(name)


@given(st.text())
def test_any_name_folds_as_in_full(name: str) -> None:
    assert fold(name) == full_fold(name)


def test_accents_and_case_fold_away() -> None:
    assert fold("Bogotá") == fold("BOGOTA") == "bogota"
    assert fold("Diyarbakır") == "diyarbakir"

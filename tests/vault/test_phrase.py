from __future__ import annotations

import secrets

import pytest

from chronika.errors import InvalidRecoveryPhrase
from chronika.vault.phrase import PHRASE_WORDS, RecoveryPhrase, wordlist


def test_wordlist_shape() -> None:
    words = wordlist()
    assert len(words) == 2048 == len(set(words))
    assert len({w[:4] for w in words}) == 2048
    assert all(w.isascii() and w.isalpha() and w.islower() and 4 <= len(w) <= 8 for w in words)
    assert list(words) == sorted(words)


def test_entropy_round_trips() -> None:
    for _ in range(50):
        entropy = secrets.token_bytes(32)
        phrase = RecoveryPhrase.from_entropy(entropy)
        assert len(phrase.words()) == PHRASE_WORDS == 24
        assert phrase.entropy() == entropy
        assert RecoveryPhrase.parse(phrase.reveal().decode()) == phrase


def test_parse_is_forgiving_about_layout_and_prefixes() -> None:
    phrase = RecoveryPhrase.generate()
    words = phrase.words()
    messy = (
        "  " + ", ".join(w.upper() for w in words[:12]) + "\n" + " - ".join(w[:4] for w in words[12:]) + " "
    )
    assert RecoveryPhrase.parse(messy) == phrase


def test_bad_phrases_are_named_without_revealing_words() -> None:
    words = RecoveryPhrase.generate().words()
    with pytest.raises(InvalidRecoveryPhrase, match="24 words; 23"):
        RecoveryPhrase.parse(" ".join(words[:23]))
    unknown = [*words[:6], "zzzzqx", *words[7:]]
    with pytest.raises(InvalidRecoveryPhrase, match="word 7 ") as error:
        RecoveryPhrase.parse(" ".join(unknown))
    assert "zzzzqx" not in str(error.value)
    swapped = [words[1], words[0], *words[2:]] if words[0] != words[1] else words
    failures = 0
    for i in range(24):
        changed = list(swapped)
        changed[i] = wordlist()[(wordlist().index(changed[i]) + 1) % 2048]
        try:
            RecoveryPhrase.parse(" ".join(changed))
        except InvalidRecoveryPhrase as error:
            assert "checksum" in str(error)
            failures += 1
    assert failures >= 20  # 1 in 256 changed phrases passes the 8-bit checksum by chance

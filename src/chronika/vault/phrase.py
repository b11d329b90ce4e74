"""The recovery phrase: 24 common English words that open the vault when the passphrase cannot.

It is shown once, at ``init``, for the user to write down and keep away from the laptop. It unwraps
a second copy of the vault keys, so it works after the passphrase is forgotten or after a duress
passphrase destroyed the passphrase-wrapped copy, and (with the mirrors issue) on a new machine.

Encoding, in the manner of BIP39 but with Chronika's own list (``data/recovery-words.txt``, 2048
words built by ``scripts/make_wordlist.py`` from common English words with a unique four-letter
prefix): 256 random bits, then 8 checksum bits (the first byte of SHA-256 of those bits), read as
24 indices of 11 bits. 24 words x 11 bits = 264 bits, of which 256 are random: far beyond any
guessing, so the phrase needs no slow key derivation. The checksum catches a miswritten or swapped
word (all but 1 in 256 such mistakes) before any key is tried. Typing the first four letters of a
word is enough.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from functools import cache
from importlib import resources

from chronika.errors import InvalidRecoveryPhrase
from chronika.vault.secret import Secret

__all__ = ["ENTROPY_BYTES", "PHRASE_WORDS", "RecoveryPhrase", "wordlist"]

# 256 random bits: the same strength as the keys the phrase unwraps, so it is never the weak link.
ENTROPY_BYTES = 32
CHECKSUM_BITS = 8
BITS_PER_WORD = 11
WORDLIST_SIZE = 1 << BITS_PER_WORD
PHRASE_WORDS = (ENTROPY_BYTES * 8 + CHECKSUM_BITS) // BITS_PER_WORD
PREFIX_LETTERS = 4

_SEPARATORS = re.compile(r"[\s,;.\-]+")


@cache
def wordlist() -> tuple[str, ...]:
    """The 2048 words, in index order, as shipped in the package."""
    text = resources.files("chronika").joinpath("data", "recovery-words.txt").read_text(encoding="ascii")
    words = tuple(text.split())
    prefixes = {word[:PREFIX_LETTERS] for word in words}
    if len(words) != WORDLIST_SIZE or len(set(words)) != WORDLIST_SIZE or len(prefixes) != WORDLIST_SIZE:
        raise RuntimeError("the shipped recovery word list is damaged: reinstall Chronika")
    return words


@cache
def _index() -> dict[str, int]:
    """Every word and every four-letter prefix, mapped to its index."""
    table: dict[str, int] = {}
    for i, word in enumerate(wordlist()):
        table[word] = i
        table[word[:PREFIX_LETTERS]] = i
    return table


def _checksum(entropy: bytes) -> int:
    return hashlib.sha256(entropy).digest()[0] >> (8 - CHECKSUM_BITS)


class RecoveryPhrase(Secret):
    """The phrase as canonical text: 24 full words, lowercase, separated by single spaces."""

    __slots__ = ()

    @classmethod
    def generate(cls) -> RecoveryPhrase:
        return cls.from_entropy(secrets.token_bytes(ENTROPY_BYTES))

    @classmethod
    def from_entropy(cls, entropy: bytes) -> RecoveryPhrase:
        if len(entropy) != ENTROPY_BYTES:
            raise ValueError(f"recovery entropy must be {ENTROPY_BYTES} bytes")
        number = (int.from_bytes(entropy, "big") << CHECKSUM_BITS) | _checksum(entropy)
        words = wordlist()
        indices = [
            (number >> (BITS_PER_WORD * (PHRASE_WORDS - 1 - i))) & (WORDLIST_SIZE - 1)
            for i in range(PHRASE_WORDS)
        ]
        return cls(" ".join(words[i] for i in indices))

    @classmethod
    def parse(cls, text: str) -> RecoveryPhrase:
        """Read a phrase as a person typed it; raise InvalidRecoveryPhrase naming the problem.

        Messages give word positions, never the words: a wrong word is still most of a right one.
        """
        tokens = [token for token in _SEPARATORS.split(text.strip().lower()) if token]
        if len(tokens) != PHRASE_WORDS:
            raise InvalidRecoveryPhrase(
                f"a recovery phrase has {PHRASE_WORDS} words; {len(tokens)} were given"
            )
        table = _index()
        number = 0
        for position, token in enumerate(tokens, start=1):
            index = table.get(token)
            if index is None:
                raise InvalidRecoveryPhrase(f"word {position} of the recovery phrase is not in the word list")
            number = (number << BITS_PER_WORD) | index
        entropy = (number >> CHECKSUM_BITS).to_bytes(ENTROPY_BYTES, "big")
        if number & ((1 << CHECKSUM_BITS) - 1) != _checksum(entropy):
            raise InvalidRecoveryPhrase(
                "the recovery phrase's checksum does not match: a word is wrong or out of order"
            )
        return cls.from_entropy(entropy)

    def words(self) -> list[str]:
        return self.reveal().decode("ascii").split()

    def entropy(self) -> bytes:
        """The 256 random bits the phrase encodes (the input to the recovery key derivation)."""
        table = _index()
        number = 0
        for word in self.words():
            number = (number << BITS_PER_WORD) | table[word]
        return (number >> CHECKSUM_BITS).to_bytes(ENTROPY_BYTES, "big")

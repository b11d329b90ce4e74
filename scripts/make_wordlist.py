"""Build ``src/chronika/data/recovery-words.txt``, the 2048-word list for recovery phrases.

Run once by a maintainer; the output is committed and shipped, never fetched at run time.
Source: the SCOWL common-word lists (Debian package ``scowl``, sizes 10, 20 and 35: the most common
English words first), filtered to base forms of 4-8 lowercase letters with a unique four-letter
prefix (so a word is known by its first four letters and typos are caught), without words that
would alarm or distress someone writing a phrase down in the circumstances Chronika is used in.

    apt-get install scowl && python scripts/make_wordlist.py
"""

from __future__ import annotations

import hashlib
import pathlib
import re

SOURCES = (
    "/usr/share/dict/scowl/english-words.10",
    "/usr/share/dict/scowl/english-words.20",
    "/usr/share/dict/scowl/english-words.35",
)
TARGET = pathlib.Path(__file__).resolve().parents[1] / "src/chronika/data/recovery-words.txt"
WORDS = 2048
_AVOID_TEXT = """
    abuse arrest assault attack bomb bullet corpse crime dead death detain die died dies dying execute
    explode fight gang grave gun hang hate hell hostage jail kill knife murder nazi police prison rape
    riot shoot shot slave spy suicide terror torture victim violence war weapon wound fuck shit damn
    bitch bastard crap piss sexy sex drug drugs beat blood cruel enemy evil fear fire army soldier
"""
AVOID = frozenset(_AVOID_TEXT.split())


def _inflection(word: str, known: set[str]) -> bool:
    """Whether ``word`` is a plural or verb form of another common word ("acts", "acted", "acting")."""
    stems = [word[:-1]] if word.endswith("s") else []
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e", word[:-4]]
    if word.endswith("es"):
        stems.append(word[:-2])
    return any(len(stem) >= 3 and stem in known for stem in stems)


def main() -> None:
    chosen: list[str] = []
    prefixes: set[str] = set()
    for source in SOURCES:
        words = pathlib.Path(source).read_text(encoding="latin-1").split()
        known = set(words)
        candidates = sorted(
            {w for w in words if re.fullmatch(r"[a-z]{4,8}", w) and not _inflection(w, known)},
            key=lambda w: (len(w), w),
        )
        for word in candidates:
            if word in AVOID or any(word.startswith(bad) for bad in AVOID if len(bad) >= 4):
                continue
            if word[:4] in prefixes:
                continue
            prefixes.add(word[:4])
            chosen.append(word)
    if len(chosen) < WORDS:
        raise SystemExit(f"only {len(chosen)} words qualify; widen the sources")
    final = sorted(chosen[:WORDS])
    text = "\n".join(final) + "\n"
    TARGET.write_text(text, encoding="ascii")
    print(f"{len(final)} words, sha256 {hashlib.sha256(text.encode()).hexdigest()}")


if __name__ == "__main__":
    main()

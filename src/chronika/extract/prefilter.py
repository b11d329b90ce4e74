"""Regular-expression scanning that skips the text where a pattern cannot match, with the very same result.

The engine's patterns are long alternations (every phrasing of every act, every way to write a
date), and running each over every character of a report was most of what extraction cost. Almost
every pattern, though, can only match where one of a few literal stems occurs: "detain", "raid",
"since", a month's name. This module derives those stems from the compiled pattern itself (its parse
tree), so they follow the patterns whenever someone adds or changes one; nothing is listed by hand.

A ``Scanner`` finds where the stems stand in one text (one Aho-Corasick pass for all the patterns it
serves) and runs the real pattern only from the start positions from which a match could reach one
of them. The result is exactly ``pattern.finditer``'s, not an approximation:

* every match contains one of the pattern's stems, at an offset from the match start that the parse
  tree bounds (``\\s+`` or ``\\S+`` are bounded by the longest whitespace or token run of the text at
  hand), so no match starts anywhere else;
* from a candidate position the pattern runs with ``endpos`` set so far ahead that no attempt
  starting there can look at or past it (the pattern's reach, bounded the same way): what the engine
  sees there is what a scan of the whole text sees. A match reported from a position that is not a
  candidate is not trusted, and the position is looked at again with the next candidates;
* a pattern the analysis cannot bound (a back-reference, a case-insensitive part, an alternative
  without a stem) is scanned in full, as before.

``tests/extract/test_prefilter.py`` checks the equivalence on generated and report-like texts.
"""

from __future__ import annotations

import functools
import heapq
import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

import ahocorasick

# The standard library's own regular-expression parser and its opcodes (public as sre_parse until 3.11).
sre_parse = importlib.import_module("re._parser")
sre = importlib.import_module("re._constants")

# A width is a linear form over properties of the text being scanned, so that one analysis of a
# pattern serves every text: (constant, longest whitespace run, longest run without whitespace,
# longest line, length of the text). Every coefficient is non-negative.
Width = tuple[int, int, int, int, int]
Stats = tuple[int, int, int, int, int]  # the same properties of one text, with 1 for the constant
ZERO: Width = (0, 0, 0, 0, 0)
_SPACE_RUN: Width = (0, 1, 0, 0, 0)
_TOKEN_RUN: Width = (0, 0, 1, 0, 0)
_LINE: Width = (0, 0, 0, 1, 0)
_TEXT: Width = (0, 0, 0, 0, 1)
_TYPICAL: Stats = (1, 2, 25, 400, 8000)  # only to choose between stems, never for correctness
_MAX_STEMS_PER_RUN = 32  # "1[89]" yields the stems "18" and "19"; larger products are not worth it
_MAX_SMALL_SET = 4  # a character class of at most this many literal characters yields stems

Node = tuple[Any, Any]  # (opcode, argument) of the parse tree


class _Unsupported(Exception):
    """A construct whose width or stems the analysis does not bound: scan the whole text."""


def _add(a: Width, b: Width) -> Width:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4])


def _scale(a: Width, k: int) -> Width:
    return (a[0] * k, a[1] * k, a[2] * k, a[3] * k, a[4] * k)


def _upper(a: Width, b: Width) -> Width:
    """A width at least as large as both on every text (the coefficients are non-negative)."""
    return (max(a[0], b[0]), max(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]), max(a[4], b[4]))


def _constant(n: int) -> Width:
    return (n, 0, 0, 0, 0)


def _value(w: Width, s: Stats) -> int:
    return w[0] * s[0] + w[1] * s[1] + w[2] * s[2] + w[3] * s[3] + w[4] * s[4]


@dataclass(frozen=True, slots=True)
class Stem:
    """A literal that every match contains, starting ``low`` to ``high`` characters after the match start."""

    literal: str
    low: int
    high: Width


@dataclass(frozen=True, slots=True)
class _Part:
    low: int  # fewest characters it can match
    high: Width  # most characters it can match, or look at ahead
    stems: tuple[Stem, ...] | None  # one of these is in every match; None when that cannot be said


@dataclass(frozen=True, slots=True)
class Plan:
    """How to scan one compiled pattern: its stems, grouped by offset, and how far it can look ahead.

    A pattern that ignores case anywhere is ``folded``: its stems are ASCII, lower-cased, and are
    looked for in the lower-cased text (see ``fold``).
    """

    groups: tuple[tuple[int, Width, tuple[str, ...]], ...]  # (low, high, literals)
    reach: Width
    folded: bool


# Caches keyed by the patterns' identity: hashing a compiled pattern hashes all its code, which for
# the engine's long alternations costs more than the scan this module saves.
_PLANS: dict[int, tuple[re.Pattern[str], Plan | None]] = {}
_Automata = dict[bool, "ahocorasick.Automaton | None"]  # keyed by whether the stems are folded
_OWN_AUTOMATON: dict[int, tuple[re.Pattern[str], bool, ahocorasick.Automaton | None]] = {}
_AUTOMATA: dict[tuple[int, ...], tuple[tuple[re.Pattern[str], ...], _Automata]] = {}


def plan(pattern: re.Pattern[str]) -> Plan | None:
    """The stems of ``pattern``, or None when it must be scanned in full."""
    known = _PLANS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    found = _plan(pattern)
    _PLANS[id(pattern)] = (pattern, found)  # holding the pattern keeps its id from being reused
    return found


def _plan(pattern: re.Pattern[str]) -> Plan | None:
    if not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
        folded = bool(pattern.flags & re.IGNORECASE) or _ignores_case(tree)
        whole = _sequence(tree, folded)
    except (_Unsupported, re.error, RecursionError, ValueError, TypeError):
        return None
    if whole.stems is None or whole.low == 0:
        return None
    grouped: dict[tuple[int, Width], list[str]] = {}
    for stem in whole.stems:
        literals = grouped.setdefault((stem.low, stem.high), [])
        if stem.literal not in literals:
            literals.append(stem.literal)
    groups = tuple((low, high, tuple(literals)) for (low, high), literals in grouped.items())
    # +2: a failing attempt reads the character after the last it could take, and \b or $ look there
    return Plan(groups, _add(whole.high, _constant(2)), folded)


def _ignores_case(items: list[Node]) -> bool:
    """Whether some part of the tree turns case-insensitive matching on: ``(?i:...)``."""
    for op, arg in items:
        if op is sre.SUBPATTERN and arg[1] & sre.SRE_FLAG_IGNORECASE:
            return True
        children: list[list[Node]] = []
        if op is sre.BRANCH:
            children = [list(branch) for branch in arg[1]]
        elif op is sre.SUBPATTERN:
            children = [list(arg[3])]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            children = [list(arg[2])]
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            children = [list(arg[1])]
        elif op is sre.ATOMIC_GROUP:
            children = [list(arg)]
        if any(_ignores_case(child) for child in children):
            return True
    return False


# -- the analysis of a parse tree -------------------------------------------------------------


def _sequence(items: list[Node], folded: bool) -> _Part:
    """A concatenation: the best stems of any one element, shifted by what may come before it."""
    elements: list[_Part] = []
    run: list[str] | None = None  # adjacent literal characters make longer stems
    for op, arg in items:
        chars = _literal_chars(op, arg, folded)
        if chars is not None and run is not None and len(run) * len(chars) <= _MAX_STEMS_PER_RUN:
            run = [a + b for a, b in product(run, chars)]
            continue
        if run is not None:
            elements.append(_literal_part(run))
            run = None
        if chars is not None:
            run = chars
        else:
            elements.append(_node(op, arg, folded))
    if run is not None:
        elements.append(_literal_part(run))
    low, high = 0, ZERO
    best: tuple[Stem, ...] | None = None
    best_cost = float("inf")
    for element in elements:
        if element.stems is not None:
            shifted = tuple(Stem(s.literal, low + s.low, _add(high, s.high)) for s in element.stems)
            cost = _cost(shifted)
            if cost < best_cost:
                best, best_cost = shifted, cost
        low += element.low
        high = _add(high, element.high)
    return _Part(low, high, best)


def _literal_part(strings: list[str]) -> _Part:
    length = len(strings[0])
    return _Part(length, _constant(length), tuple(Stem(s, 0, ZERO) for s in strings))


def _cost(stems: tuple[Stem, ...]) -> float:
    """How dear a choice of stems is likely to be to scan: each place a stem is found costs a run of
    the engine over every position a match could start from; short stems are found often, and digits
    and punctuation less often than letters."""
    total = 0.0
    for stem in stems:
        spread = _value(stem.high, _TYPICAL) - stem.low
        rarity = sum(1.0 if c.isalpha() else 0.5 if c.isspace() else 1.5 for c in stem.literal)
        common = _COMMON_WORD_PENALTY if _in_common_word(stem.literal) else 1
        total += common * (16 + spread) / 4 ** min(rarity, 6)
    return total


# The words that fill any report ("the", "said", "after"), and those of the domain found in every
# paragraph ("police", "office"): a stem inside one of them is found many times per report, so a
# rarer stem of the same pattern is worth preferring even when it is as long or stands further off.
_COMMON_WORDS = (
    "the of and in to on that for was at her his not by he police she from with has is had an him were "
    "two who been days said after them officers as no office about told it family rights they held be "
    "court their this which case since without hours have release or against are one state up into if "
    "where people men day before more than any when between our did will would could also there then"
).split()
_COMMON_WORD_PENALTY = 8


@functools.cache
def _in_common_word(literal: str) -> bool:
    return any(literal in word for word in _COMMON_WORDS)


def _literal_chars(op: Any, arg: Any, folded: bool) -> list[str] | None:
    """The characters of a one-character item that is one or a few literal characters.

    In a folded plan only ASCII characters make stems, lower-cased: their case-insensitive matches
    are exactly what lower-casing a text (that ``fold`` accepts) turns into them.
    """
    if op is sre.LITERAL:
        chars = [chr(arg)]
    elif op is sre.IN and len(arg) <= _MAX_SMALL_SET and all(kind is sre.LITERAL for kind, _ in arg):
        chars = [chr(value) for _, value in arg]
    else:
        return None
    if not folded:
        return chars
    if not all(char.isascii() for char in chars):
        return None
    return sorted({char.lower() for char in chars})


def _node(op: Any, arg: Any, folded: bool) -> _Part:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return _Part(1, _constant(1), None)
    if op is sre.AT:
        return _Part(0, ZERO, None)
    if op is sre.BRANCH:
        parts = [_sequence(list(branch), folded) for branch in arg[1]]
        high = ZERO
        stems: tuple[Stem, ...] | None = ()
        for part in parts:
            high = _upper(high, part.high)
            stems = None if stems is None or part.stems is None else stems + part.stems
        return _Part(min(part.low for part in parts), high, stems)
    if op is sre.SUBPATTERN:
        _, add_flags, _, body = arg
        part = _sequence(list(body), folded)
        if add_flags & sre.SRE_FLAG_LOCALE:
            return _Part(part.low, part.high, None)
        return part
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg), folded)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, body = arg
        inner = _sequence(list(body), folded)
        high = _scale(inner.high, most) if most != sre.MAXREPEAT else _run_limit(list(body))
        return _Part(inner.low * least, high, inner.stems if least >= 1 else None)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, body = arg
        if direction < 0:
            return _Part(0, ZERO, None)  # it looks behind, where the real text is
        inner = _sequence(list(body), folded)
        # takes nothing but looks this far ahead; what it looks for must be there (or must not)
        return _Part(0, inner.high, inner.stems if op is sre.ASSERT else None)
    raise _Unsupported(op)


def _run_limit(body: list[Node]) -> Width:
    """How far an unbounded repeat can go: for one character class, the longest run of it the text holds."""
    if len(body) == 1 and body[0][0] is sre.SUBPATTERN:
        return _run_limit(list(body[0][1][3]))
    if len(body) != 1 or body[0][0] not in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return _TEXT
    space, other, newline = _char_kinds(*body[0])
    if not other:
        return _SPACE_RUN
    if not space:
        return _TOKEN_RUN
    if not newline:
        return _LINE
    return _TEXT


def _char_kinds(op: Any, arg: Any) -> tuple[bool, bool, bool]:
    """Whether a one-character item may match whitespace, other characters, a newline."""
    if op is sre.LITERAL:
        char = chr(arg)
        return char.isspace(), not char.isspace(), char == "\n"
    if op is sre.IN and arg and arg[0][0] is not sre.NEGATE:
        kinds = [_class_member(kind, value) for kind, value in arg]
        return any(k[0] for k in kinds), any(k[1] for k in kinds), any(k[2] for k in kinds)
    return True, True, True  # ".", a negated class: assume the worst (DOTALL is not in the tree)


_SPACE_CATEGORIES = {
    sre.CATEGORY_SPACE,
    sre.CATEGORY_UNI_SPACE,
    sre.CATEGORY_LINEBREAK,
    sre.CATEGORY_UNI_LINEBREAK,
}
_NON_SPACE_CATEGORIES = {
    sre.CATEGORY_NOT_SPACE,
    sre.CATEGORY_UNI_NOT_SPACE,
    sre.CATEGORY_WORD,
    sre.CATEGORY_UNI_WORD,
    sre.CATEGORY_DIGIT,
    sre.CATEGORY_UNI_DIGIT,
}


def _class_member(kind: Any, value: Any) -> tuple[bool, bool, bool]:
    if kind is sre.LITERAL:
        return _char_kinds(sre.LITERAL, value)
    if kind is sre.RANGE:
        first, last = value
        spaces = sum(1 for code in range(first, last + 1) if chr(code).isspace())
        return spaces > 0, spaces < last - first + 1, first <= 10 <= last
    if kind is sre.CATEGORY and value in _SPACE_CATEGORIES:
        return True, False, True
    if kind is sre.CATEGORY and value in _NON_SPACE_CATEGORIES:
        return False, True, False
    return True, True, True


# -- scanning ---------------------------------------------------------------------------------

_WIDE_SPACE = re.compile(r"\s{2,}")
_MATCH_EACH = 8  # trying one position costs about as much as the engine scanning this many


class Scanner:
    """One text to scan with many patterns.

    ``patterns`` are those the caller means to scan: their stems go into one Aho-Corasick automaton
    (built once per set of patterns) that finds every occurrence of every stem, overlapping ones
    included, in one pass over the text. Any other pattern works too; its stems are looked up one by one.
    """

    def __init__(self, text: str, patterns: Sequence[re.Pattern[str]] = ()) -> None:
        self.text = text
        self._automata = _automata(tuple(patterns))
        self._literals = {folded: _literals(automaton) for folded, automaton in self._automata.items()}
        self._hits: dict[bool, dict[str, list[int]]] = {}
        self._folded: str | None = None
        self._stats: Stats | None = None
        self._values: dict[Width, int] = {}  # widths on this text, as the alternations ask for them
        self._windows_of: dict[int, tuple[Split, dict[int, tuple[list[tuple[int, int]], int]]]] = {}

    def finditer(
        self, pattern: re.Pattern[str], pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Exactly ``pattern.finditer(self.text, pos, endpos)``, trying it only where it may match."""
        text = self.text
        end = len(text) if endpos is None else min(endpos, len(text))
        how = plan(pattern)
        if how is None or (how.folded and self.folded() is None):
            yield from pattern.finditer(text, pos, end)
            return
        stats = self.stats()
        reach = _value(how.reach, stats)
        position = pos
        for low, high in self._candidates(how, stats):
            if high < position:
                continue
            start = max(low, position)
            if start >= end:
                return
            limit = min(end, high + reach)
            if (high - start + 1) * _MATCH_EACH < high - start + reach:
                found = _match_each(pattern, text, start, high, limit)
            else:
                found = _search(pattern, text, start, high, limit)
            for match in found:
                yield match
                position = match.end()

    def alternatives(
        self, alternation: Alternation, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of ``alternation.whole.finditer(self.text, pos, endpos)``, found part by part.

        Each match has the span the whole pattern's match has, and is the match of the first part
        that matches there (its groups are that part's). Each place a stem stands costs a run of the
        few parts that hold that stem over their own short windows, where the whole alternation
        would try every phrasing of every act at every position of the widest window.
        """
        text = self.text
        end = len(text) if endpos is None else min(endpos, len(text))
        split = alternation.split()
        parts = split.parts
        if not parts or (split.folded and self.folded() is None):
            yield from self.finditer(alternation.whole, pos, endpos)
            return
        windows = self._windows(split)
        # the next match of each part that may match at all, by (start, part): the first part wins a tie
        heap: list[tuple[int, int, re.Match[str]]] = []
        for index, (spans, reach) in windows.items():
            found = _first(parts[index], text, spans, reach, pos, end)
            if found is not None:
                heap.append((found.start(), index, found))
        heapq.heapify(heap)
        position = pos
        while heap:
            start, index, match = heap[0]
            if start < position:  # overlapped by a match already given: its next one, from here
                spans, reach = windows[index]
                found = _first(parts[index], text, spans, reach, position, end)
                if found is None:
                    heapq.heappop(heap)
                else:
                    heapq.heapreplace(heap, (found.start(), index, found))
                continue
            yield match
            position = match.end()

    def _windows(self, split: Split) -> dict[int, tuple[list[tuple[int, int]], int]]:
        """For each part that may match in the text: the sorted, merged ranges of the start positions
        from which it could reach one of its stems, and how far it may look ahead (read once per text)."""
        known = self._windows_of.get(id(split))
        if known is not None and known[0] is split:
            return known[1]
        stats = self.stats()
        folded = split.folded
        hits = self._all_hits(folded)
        literals = self._literals[folded]
        values = self._values
        raw: dict[int, list[tuple[int, int]]] = {}
        for literal, entries in split.by_stem.items():
            found = hits.get(literal)
            if found is None:
                if literal in literals:
                    continue  # the automaton looked for it and it is not there
                found = self._hits_of(literal, folded)
            if not found:
                continue
            for index, low, high in entries:
                most = values.get(high)
                if most is None:
                    most = values[high] = _value(high, stats)
                spans = [(at - most if at > most else 0, at - low) for at in found]
                known_spans = raw.get(index)
                if known_spans is None:
                    raw[index] = spans
                else:
                    known_spans += spans
        windows: dict[int, tuple[list[tuple[int, int]], int]] = {}
        reaches = split.reaches
        for index, spans in raw.items():
            reach = reaches[index]
            assert reach is not None  # a part with stems has a plan
            most = values.get(reach)
            if most is None:
                most = values[reach] = _value(reach, stats)
            windows[index] = (_merged(spans), most)
        for index in split.unplanned:
            windows[index] = ([(0, len(self.text))], len(self.text))  # no stems: it may start anywhere
        self._windows_of[id(split)] = (split, windows)
        return windows

    def _candidates(self, how: Plan, stats: Stats) -> list[tuple[int, int]]:
        """Sorted, merged ranges of the start positions from which a match could reach a stem."""
        spans: list[tuple[int, int]] = []
        hits = self._all_hits(how.folded)
        known = self._literals[how.folded]
        for low, high, literals in how.groups:
            most = -1
            for literal in literals:
                found = hits.get(literal)
                if found is None:
                    if literal in known:
                        continue  # the automaton looked for it and it is not there
                    found = self._hits_of(literal, how.folded)
                if found:
                    if most < 0:
                        most = _value(high, stats)
                    spans.extend([(at - most if at > most else 0, at - low) for at in found])
        return _merged(spans)

    def folded(self) -> str | None:
        """The text lower-cased, where its case-insensitive stems are looked for (None: not safely)."""
        if self._folded is None:
            self._folded = fold(self.text) or ""
        return self._folded if self._folded or not self.text else None

    def _all_hits(self, folded: bool) -> dict[str, list[int]]:
        hits = self._hits.get(folded)
        if hits is None:
            haystack = self.folded() if folded else self.text
            hits = self._hits[folded] = _all_hits(haystack or "", self._automata[folded])
        return hits

    def _hits_of(self, literal: str, folded: bool) -> list[int]:
        """Where a stem the automaton does not know stands (it knows all of its own, found or not)."""
        hits = self._all_hits(folded)
        automaton = self._automata[folded]
        if automaton is not None and literal in automaton:
            found: list[int] = []
        else:
            found = _find_all((self.folded() if folded else self.text) or "", literal)
        hits[literal] = found
        return found

    def stats(self) -> Stats:
        """The properties of the text that bound how far a pattern can reach (see ``Width``)."""
        if self._stats is None:
            self._stats = text_stats(self.text)
        return self._stats


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges sorted, with those that touch or overlap made one."""
    if len(spans) < 2:
        return spans
    spans.sort()
    merged = [spans[0]]
    last_low, last_high = spans[0]
    for first, last in spans:
        if first <= last_high + 1:
            if last > last_high:
                last_high = last
                merged[-1] = (last_low, last_high)
        else:
            last_low, last_high = first, last
            merged.append((first, last))
    return merged


def _first(
    pattern: re.Pattern[str], text: str, spans: list[tuple[int, int]], reach: int, pos: int, end: int
) -> re.Match[str] | None:
    """Exactly ``pattern.search(text, pos, end)``, given the ranges where a match may start and how
    far an attempt may look ahead (``end`` within the text)."""
    for low, high in spans:
        if high < pos:
            continue
        start = low if low > pos else pos
        if start >= end:
            return None
        limit = min(end, high + reach)
        if (high - start + 1) * _MATCH_EACH < high - start + reach:
            for at in range(start, high + 1):
                match = pattern.match(text, at, limit)
                if match is not None:
                    return match
        else:
            match = pattern.search(text, start, limit)
            if match is not None and match.start() <= high:
                return match
    return None


@functools.lru_cache(maxsize=4)
def text_stats(text: str) -> Stats:
    """The properties of a text that bound how far a pattern can reach (see ``Width``).

    Kept for the last few texts: the act and the date scans of one document each read them, and
    lower-casing (the text both scan) changes none of them, so the same text is asked for twice.
    """
    token_run = max(map(len, text.split()), default=0)
    space_run = max(map(len, _WIDE_SPACE.findall(text)), default=1)
    line = max(map(len, text.split("\n")), default=0)
    return (1, space_run, token_run, line, len(text))


def _match_each(
    pattern: re.Pattern[str], text: str, start: int, high: int, limit: int
) -> Iterator[re.Match[str]]:
    at = start
    while at <= high:
        match = pattern.match(text, at, limit)
        if match is None:
            at += 1
            continue
        yield match
        at = match.end() if match.end() > at else at + 1


def _search(
    pattern: re.Pattern[str], text: str, start: int, high: int, limit: int
) -> Iterator[re.Match[str]]:
    at = start
    while at <= high:
        match = pattern.search(text, at, limit)
        if match is None or match.start() > high:
            return  # a start past ``high`` is no candidate, and what is seen from there is not trusted
        yield match
        at = match.end() if match.end() > match.start() else match.end() + 1


def fold(text: str) -> str | None:
    """``text`` lower-cased, if that is where every case-insensitive match of an ASCII stem shows.

    Under ``re.IGNORECASE`` a character matches an ASCII letter exactly when it lower-cases to it,
    except the dotless "ı" and the long "ſ"; and "İ" lower-cases to two characters, which would shift
    every offset after it. A text with any of them is not folded (its patterns are scanned in full).
    """
    folded = text.lower()
    if len(folded) != len(text) or "\u0131" in folded or "\u017f" in folded:
        return None
    return folded


def may_match(pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """False only when ``pattern.search(text, pos, endpos)`` certainly finds nothing: that part of
    ``text`` holds none of the pattern's stems."""
    known = _OWN_AUTOMATON.get(id(pattern))
    if known is None or known[0] is not pattern:
        how = plan(pattern)
        known = (
            pattern,
            how is not None and how.folded,
            _automata((pattern,))[how is not None and how.folded],
        )
        _OWN_AUTOMATON[id(pattern)] = known
    _, folded, automaton = known
    if automaton is None:
        return True
    part = text[pos:endpos] if pos or endpos is not None else text
    haystack = fold(part) if folded else part
    return haystack is None or next(automaton.iter(haystack), None) is not None


def search(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """Exactly ``pattern.search(text, pos, endpos)``, at once None where the text holds none of its stems."""
    if not may_match(pattern, text, pos, endpos):
        return None
    return pattern.search(text, pos, len(text) if endpos is None else endpos)


def _automata(patterns: tuple[re.Pattern[str], ...]) -> _Automata:
    """One automaton for the case-sensitive stems of ``patterns`` and one for the folded ones."""
    key = tuple(map(id, patterns))
    known = _AUTOMATA.get(key)
    if known is not None and known[0] == patterns:  # the same patterns (ids are reused once freed)
        return known[1]
    automata = {folded: _automaton(patterns, folded) for folded in (False, True)}
    _AUTOMATA[key] = (patterns, automata)
    return automata


@functools.cache
def _literals(automaton: ahocorasick.Automaton | None) -> frozenset[str]:
    """The stems an automaton looks for (a stem it does not report is not in the text)."""
    return frozenset() if automaton is None else frozenset(automaton.keys())


def _automaton(patterns: tuple[re.Pattern[str], ...], folded: bool) -> ahocorasick.Automaton | None:
    literals = {
        literal
        for pattern in patterns
        if (how := plan(pattern)) and how.folded is folded
        for _, _, group in how.groups
        for literal in group
    }
    if not literals:
        return None
    automaton = ahocorasick.Automaton()
    for literal in sorted(literals):
        automaton.add_word(literal, literal)
    automaton.make_automaton()
    return automaton


def _all_hits(text: str, automaton: ahocorasick.Automaton | None) -> dict[str, list[int]]:
    hits: dict[str, list[int]] = {}
    if automaton is None:
        return hits
    for last, literal in automaton.iter(text):
        found = hits.get(literal)
        if found is None:
            hits[literal] = [last - len(literal) + 1]
        else:
            found.append(last - len(literal) + 1)
    if not all(text.startswith(literal, found[-1]) for literal, found in hits.items()):
        # offsets counted in other units (a build with 16-bit characters): look each stem up instead
        return {literal: _find_all(text, literal) for literal in hits}
    return hits


def _find_all(text: str, literal: str) -> list[int]:
    found = []
    at = text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


# -- long alternations, part by part ------------------------------------------------------------


class Alternation:
    """A long alternation, ``prefix(?:a|b|...)suffix``, and the same as its parts ``prefix(?:a)suffix``.

    The parts are tried in order at each position, as the whole pattern tries its alternatives, so a
    scan that takes at each place the first part matching there finds the whole pattern's matches
    (see ``Scanner.alternatives``). That holds because the prefix and the suffix are assertions
    that take no characters and match in one way only; where that cannot be said, there are no
    parts and the whole pattern is scanned as one. An alternative that is itself an alternation at
    its top level ("x|y") gives one part for each of its own alternatives.

    The whole pattern is compiled at once; the parts when a scan first asks for them (the case-
    insensitive twins of the engine's lists serve rare texts, and compiling them costs start-up time).
    """

    def __init__(
        self, alternatives: Sequence[str], prefix: str = "", suffix: str = "", flags: int = 0
    ) -> None:
        self.whole = re.compile(
            prefix + "(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")" + suffix, flags
        )
        self._source = (tuple(alternatives), prefix, suffix, flags)
        self._split: Split | None = None

    def split(self) -> Split:
        """The parts, with the index of their stems (built once)."""
        if self._split is None:
            self._split = _split(*self._source)
        return self._split


@dataclass(frozen=True, slots=True)
class Split:
    """An alternation's parts, in order, and where to try each."""

    parts: tuple[re.Pattern[str], ...]  # empty: scan the whole pattern
    # each stem of the parts, and where it stands in the matches of each part that has it:
    # (part, fewest characters before it, most characters before it)
    by_stem: dict[str, tuple[tuple[int, int, Width], ...]]
    reaches: tuple[Width | None, ...]  # how far each part may look ahead; None: it has no stems
    unplanned: tuple[int, ...]  # the parts without stems: they may match anywhere
    folded: bool  # the stems are looked for in the lower-cased text


def _split(alternatives: tuple[str, ...], prefix: str, suffix: str, flags: int) -> Split:
    empty = Split((), {}, (), (), folded=False)
    if not (_takes_nothing(prefix, flags) and _takes_nothing(suffix, flags)):
        return empty
    pieces = [piece for a in alternatives for piece in split_alternatives(a)]
    parts = tuple(re.compile(f"{prefix}(?:{piece}){suffix}", flags) for piece in pieces)
    plans = [plan(part) for part in parts]
    if any(how is None and _may_be_empty(part) for part, how in zip(parts, plans, strict=True)):
        return empty  # (a part with a plan takes at least one character)
    folded = {how.folded for how in plans if how is not None}
    if len(folded) > 1:
        return empty  # stems of both kinds: not worth a second index
    by_stem: dict[str, list[tuple[int, int, Width]]] = {}
    for index, how in enumerate(plans):
        if how is not None:
            for low, high, literals in how.groups:
                for literal in literals:
                    by_stem.setdefault(literal, []).append((index, low, high))
    reaches = tuple(None if how is None else how.reach for how in plans)
    unplanned = tuple(index for index, how in enumerate(plans) if how is None)
    stems = {literal: tuple(entries) for literal, entries in by_stem.items()}
    return Split(parts, stems, reaches, unplanned, folded=folded == {True})


def split_alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source, each split again when it is one group
    ``(?:x|y)`` that holds nothing else: ``a|(?:b|c)`` gives ``a``, ``b``, ``c``."""
    pieces: list[str] = []
    start = 0
    for at, char, depth in _structure(source):
        if char == "|" and depth == 0:
            pieces.append(source[start:at])
            start = at + 1
    pieces.append(source[start:])
    if len(pieces) == 1:
        inner = _lone_group(source)
        return [source] if inner is None or len(split_alternatives(inner)) == 1 else split_alternatives(inner)
    return [piece for whole in pieces for piece in split_alternatives(whole)]


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a pattern's source outside escapes and character classes, with the group
    depth after it: the one walk that both splitting and group matching need."""
    depth = 0
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at = _class_end(source, at)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        yield at, char, depth
        at += 1


def _class_end(source: str, at: int) -> int:
    """The index just after the character class that opens at ``source[at]``."""
    at += 1
    if at < len(source) and source[at] == "^":
        at += 1
    if at < len(source) and source[at] == "]":
        at += 1  # a "]" first in a class is itself a member
    while at < len(source) and source[at] != "]":
        at += 2 if source[at] == "\\" else 1
    return at + 1


def _lone_group(source: str) -> str | None:
    """The body of ``(?:body)`` when that group is the whole of ``source``."""
    if not source.startswith("(?:"):
        return None
    for at, char, depth in _structure(source):
        if char == ")" and depth == 0:
            return source[3:at] if at == len(source) - 1 else None
    return None


_ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})


def _takes_nothing(source: str, flags: int) -> bool:
    """Whether a pattern is only assertions (``\\b``, ``(?<!\\w)``): it takes no characters and can
    succeed in one way only, so trying a choice after it is trying it after each alternative."""
    try:
        tree = list(sre_parse.parse(source, flags))
    except re.error:
        return False
    return all(op in _ZERO_WIDTH for op, _ in tree)


def _may_be_empty(pattern: re.Pattern[str]) -> bool:
    return bool(sre_parse.parse(pattern.pattern, pattern.flags).getwidth()[0] == 0)

"""Paragraphs and sentences with character offsets into the extracted text.

Every later step works on offsets, never on copies, so an incident's evidence is always an exact
slice of the document (principle 4: every extracted fact points to the words it came from).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end with a period without ending a sentence. Lower-cased, without the period.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st gen col lt sgt capt maj cpl adm gov sen rep rev fr hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos art arts para paras p pp vol ch sec fig ed eds approx est dept univ assn
    inc ltd co corp jr sr vs etc e.g i.e cf al ca
    incl excl ref tel govt dist distr reg obl ul str vil pos nr mt ft hrs yrs mins attn viz ibid
    brig cmdr supt insp det pvt messrs mme
    u.s u.k u.n e.u u.s.a
    """.split()
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_BULLET = re.compile(r"\s*(?:[-*•–—]|\d+[.)])\s")
_DATED_LINE = re.compile(r"\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+)\b")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int

    def text(self, document: str) -> str:
        return document[self.start : self.end]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: runs of text separated by blank lines, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(text, position, match.start(), spans)
        position = match.end()
    _add_trimmed(text, position, len(text), spans)
    return spans


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences, each a trimmed ``[start, end)`` span within one paragraph."""
    result: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        start = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            if match.group() == "\n":
                if _line_continues(text, start, match.start(), match.end(), p_end):
                    continue
                end = match.start()
            else:
                end = match.end()
                if not _ends_sentence(text, match.start(), end, p_end):
                    continue
            _add_sentence(text, start, end, index, result)
            start = end
        _add_sentence(text, start, p_end, index, result)
    return result


def _ends_sentence(text: str, punct_start: int, end: int, limit: int) -> bool:
    if (text[punct_start] == "." and punct_start + 1 == end) or text[end - 1] == ".":
        word = _WORD_BEFORE.search(text, max(0, punct_start - 20), punct_start)
        if word:
            token = word.group(1).lower().rstrip(".")
            if token in ABBREVIATIONS:
                return False
            if len(token) == 1 and token.isalpha():
                return False  # an initial: "A. Ivanov"
    rest = text[end:limit].lstrip()
    if not rest:
        return True
    first = rest[0]
    return first.isupper() or first.isdigit() or first in "\"'“‘«([-–—•*"


def _line_continues(text: str, start: int, newline: int, after: int, limit: int) -> bool:
    """A single newline inside a paragraph: a wrapped line, or a new line item?"""
    line = text[start:newline].rstrip()
    following = text[after:limit]
    if not line or not following.strip():
        return False
    if line[-1] in '.!?:;…"”’)':
        return False
    if _BULLET.match(following) or _is_row(line.rsplit("\n", 1)[-1]) or _is_row(following.split("\n", 1)[0]):
        return False  # list items and table rows are units of their own
    if _DATED_LINE.match(following):
        return False
    last_line = line.rsplit("\n", 1)[-1]
    if len(last_line.split()) <= 6 and not last_line[-1].isalpha():
        return False
    nxt = following.lstrip()[0]
    # Headings and datelines are short lines followed by a capitalised line.
    return not (len(last_line.split()) <= 8 and nxt.isupper())


def _is_row(line: str) -> bool:
    """A table row written as text: cells set off by " | ", or by " / " at least twice."""
    return " | " in line or line.count(" / ") >= 2


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _add_sentence(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    spans: list[tuple[int, int]] = []
    _add_trimmed(text, start, end, spans)
    for s, e in spans:
        out.append(Sentence(s, e, paragraph))

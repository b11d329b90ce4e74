"""The FTS5 side of the SQLite view: what is indexed for an incident, and how a search is asked.

Why it is fast: an incident's row id, in its table and in the FTS5 index alike, is its *sort key*,
``(first day of its date span as an ordinal) << 32 | serial``, the serial being the order incidents
were created in (kept through every edit, so equal days list the same way live and after a
rebuild). "Newest first" is then the index's own row order: FTS5 walks its doclists backwards,
stops after the first page however many documents match, and applies date filters as row-id
bounds while walking. Status, acts and the response status are indexed as tag tokens in a column
of their own (``statusdraft``, ``actarbitrarydetention``, ``responsenone``), so every filter is part
of one MATCH expression, never a join. BM25 ranking scores every match, which for a frequent word is
most of the corpus, so it is only done when the match set is small (:data:`RANK_LIMIT`).

What a word search sees: the paragraph of the source around the evidence (so "petrol" finds the
arson that the sentence before describes), the names, the place, the acts' names, reviewer notes,
a retraction's reason and responses' sources and notes. Whole documents are indexed separately
(``source_fts``) for searching the sources themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chronika.vault.state import IncidentRecord
from chronika.vault.view import NO_RESPONSE, Filters, PageRequest, Query

__all__ = [
    "CONTEXT_CHARS",
    "RANK_LIMIT",
    "TOKENIZER",
    "incident_row",
    "match_expression",
    "page_keys",
    "serial_of",
    "sort_key",
]

#: Rank by relevance only up to this many matches; beyond it BM25 costs more than a page may take.
RANK_LIMIT = 2000
#: How much of the paragraph around an incident's evidence is indexed with it, each side.
CONTEXT_CHARS = 600
TOKENIZER = "unicode61 remove_diacritics 2"
_SERIAL_BITS = 32
_SERIAL_MASK = (1 << _SERIAL_BITS) - 1
_MIN_KEY, _MAX_KEY = -(2**63), 2**63 - 1
# Column weights for BM25: a name match counts most, then the place, then the text; tags never.
_BM25 = "bm25(incident_fts, 1.0, 4.0, 2.0, 0.0)"


def sort_key(record: IncidentRecord, serial: int) -> int:
    """An unknown date sorts after every known one (ordinal 0), newest first."""
    ordinal = record.date.start.toordinal() if record.date is not None else 0
    return (ordinal << _SERIAL_BITS) | serial


def serial_of(key: int) -> int:
    return key & _SERIAL_MASK


def incident_row(record: IncidentRecord, key: int, text: str | None) -> tuple[int, str, str, str, str]:
    """The FTS row (rowid, body, people, place, tags); ``text`` is the source document's text."""
    context = _paragraph(text, record.evidence_span) if text else ""
    parts = [context or record.evidence, *(note.text for note in record.notes), record.retraction or ""]
    parts += [act.replace("_", " ") for act in record.acts]
    parts += [f"{response.source} {response.note}" for response in record.responses]
    parts += [evidence.text for evidence in record.more_evidence]  # the words of drafts merged in
    body = "\n".join(part for part in parts if part)
    people = "\n".join(record.perpetrators + record.victims)
    return key, body, people, record.location or "", _tags(record)


def _tags(record: IncidentRecord) -> str:
    response = record.response_status
    tags = [
        f"status{record.status}",
        f"response{response or NO_RESPONSE}",
        *(f"act{act}" for act in record.acts),
    ]
    return " ".join(tags).replace("_", "")


def _paragraph(text: str, span: tuple[int, int]) -> str:
    start, end = span
    if not 0 <= start <= end <= len(text):
        return ""
    first = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    last = text.find("\n", end)
    last = min(len(text) if last < 0 else last, end + CONTEXT_CHARS)
    return text[first:last]


def _phrase(text: str) -> str:
    # FTS5 reads the expression as a C string: a NUL inside a phrase would end it unterminated.
    return '"' + text.replace("\x00", "").replace('"', '""') + '"'


def match_expression(query: Query) -> str:
    """The query in FTS5 syntax: every word or phrase quoted, so no input is a syntax error."""
    clauses = []
    for clause in query.clauses:
        options = [_phrase(" ".join(phrase.words)) + ("*" if phrase.prefix else "") for phrase in clause]
        clauses.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(clauses)


def _filter_expressions(
    filters: Filters,
    actor_names: Callable[[str], list[str]],
    place_names: Callable[[str], list[str]] | None = None,
) -> list[str]:
    tags = [
        [f"status{status}" for status in filters.statuses],
        [f"act{act}".replace("_", "") for act in filters.acts],
        [f"response{response}".replace("_", "") for response in filters.responses],
    ]
    parts = [f"tags : ({' OR '.join(group)})" for group in tags if group]
    if filters.actor:
        parts.append(f"people : ({' OR '.join(_phrase(name) for name in actor_names(filters.actor))})")
    if filters.place:
        places = place_names(filters.place) if place_names is not None else [filters.place]
        parts.append(f"place : ({' OR '.join(_phrase(name) for name in places)})")
    return parts


def _key_range(filters: Filters) -> tuple[int, int]:
    lo = filters.date_from.toordinal() << _SERIAL_BITS if filters.date_from else _MIN_KEY
    hi = ((filters.date_to.toordinal() + 1) << _SERIAL_BITS) - 1 if filters.date_to else _MAX_KEY
    return lo, hi


def page_keys(
    db: Any,
    query: Query | None,
    filters: Filters,
    page: PageRequest,
    actor_names: Callable[[str], list[str]],
    *,
    place_names: Callable[[str], list[str]] | None = None,
) -> tuple[list[int], bool, bool]:
    """The sort keys of one page of incidents, whether more follow, and whether they were ranked."""
    lo, hi = _key_range(filters)
    parts = [f"{{body people place}} : ({match_expression(query)})"] if query else []
    parts += _filter_expressions(filters, actor_names, place_names)
    window = (page.limit + 1, page.offset)
    ranked = False
    if not parts:
        sql = "SELECT key FROM incidents WHERE key BETWEEN ? AND ? ORDER BY key DESC LIMIT ? OFFSET ?"
        keys = [row[0] for row in db.execute(sql, (lo, hi, *window))]
    else:
        match = " AND ".join(parts)
        where = "incident_fts MATCH ? AND rowid BETWEEN ? AND ?"
        if page.rank and query:
            count = f"SELECT count(*) FROM (SELECT rowid FROM incident_fts WHERE {where} LIMIT ?)"
            ranked = db.execute(count, (match, lo, hi, RANK_LIMIT + 1)).fetchone()[0] <= RANK_LIMIT
        order = f"{_BM25}, rowid DESC" if ranked else "rowid DESC"
        sql = f"SELECT rowid FROM incident_fts WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?"
        keys = [row[0] for row in db.execute(sql, (match, lo, hi, *window))]
    return keys[: page.limit], len(keys) > page.limit, ranked

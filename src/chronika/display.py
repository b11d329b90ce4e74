"""How vault records look on a terminal, and as JSON for scripts.

Text output is for people: one incident per line in lists, labelled fields in ``show``, one line
per version in ``history``. JSON output is for programs: records exactly as the vault holds them
(every field, ids included), so ``--json`` output can be fed back into other tools. Date spans
are written in one short notation (``2014-12-13``, ``2014-12``, ``2014``, ``2014-12-10..2014-12-13``,
``2014-12-10..``) that ``edit --date`` also reads, so what ``show`` prints can be typed back.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import textwrap
from collections.abc import Sequence

import msgspec

from chronika.errors import UsageError
from chronika.model import DateSpan, Precision
from chronika.vault.record import Operation, op_name
from chronika.vault.state import IncidentRecord, LinkRecord, Record, SourceRecord
from chronika.vault.view import Version

__all__ = [
    "date_text",
    "history_json",
    "history_text",
    "incident_table",
    "parse_date_span",
    "parse_day",
    "record_text",
    "to_json",
]

_WIDTH = 110
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


def to_json(value: object) -> str:
    return msgspec.json.encode(value).decode()


def date_text(span: DateSpan | None) -> str:
    if span is None:
        return "?"
    if span.precision is Precision.YEAR:
        return f"{span.start.year}"
    if span.precision is Precision.MONTH:
        return f"{span.start:%Y-%m}"
    if span.end == span.start:
        return span.start.isoformat()
    return f"{span.start.isoformat()}..{span.end.isoformat() if span.end else ''}"


def parse_day(text: str, *, last: bool = False, option: str = "--from") -> dt.date:
    """A day, month or year; a month or year means its first day (or its last, with ``last``)."""
    span = parse_date_span(text, option=option)
    if last:
        return span.end or dt.date.max
    return span.start


def parse_date_span(text: str, *, option: str = "--date") -> DateSpan:
    """The notation :func:`date_text` writes, read back into a span."""
    value = text.strip()
    try:
        if ".." in value:
            first, _, last = value.partition("..")
            start = parse_date_span(first, option=option).start
            end = parse_date_span(last, option=option).end if last.strip() else None
            return DateSpan(start=start, end=end, precision=Precision.RANGE, text=value)
        if _YEAR.fullmatch(value):
            year = int(value)
            return DateSpan(
                start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision=Precision.YEAR, text=value
            )
        if month := _MONTH.fullmatch(value):
            year, number = int(month.group(1)), int(month.group(2))
            last_day = calendar.monthrange(year, number)[1]
            return DateSpan(
                start=dt.date(year, number, 1),
                end=dt.date(year, number, last_day),
                precision=Precision.MONTH,
                text=value,
            )
        return DateSpan.day(dt.date.fromisoformat(value), text=value)
    except ValueError as error:
        raise UsageError(
            f"{option} must be YYYY-MM-DD, YYYY-MM, YYYY or a range A..B ({value!r}: {error})"
        ) from None


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def incident_table(incidents: Sequence[IncidentRecord], *, more: bool) -> str:
    """One line per incident: id, date, status, acts, place, who did what to whom."""
    if not incidents:
        return "no incidents\n"
    lines = [f"{'ID':<13} {'DATE':<22} {'STATUS':<9} {'ACTS':<34} {'PLACE':<14} PEOPLE"]
    for incident in incidents:
        people = ", ".join(incident.perpetrators) or "?"
        if incident.victims:
            people += " → " + ", ".join(incident.victims)
        lines.append(
            f"{incident.id:<13} {_clip(date_text(incident.date), 22):<22} {incident.status.value:<9} "
            f"{_clip(', '.join(incident.acts) or '-', 34):<34} {_clip(incident.location or '-', 14):<14} "
            f"{_clip(people, 40)}"
        )
    count = len(incidents)
    lines.append(f"{count} incident{'s' if count != 1 else ''}" + (" (more: use --page)" if more else ""))
    return "\n".join(lines) + "\n"


def _field(label: str, value: str) -> str:
    wrapped = textwrap.wrap(value, _WIDTH - 14) or [""]
    return "\n".join(f"{label if i == 0 else '':<13} {line}" for i, line in enumerate(wrapped))


def record_text(
    record: Record, *, source: SourceRecord | None = None, links: Sequence[LinkRecord] = ()
) -> str:
    """``show``: every field of a record, labelled."""
    rows = [f"{record.id}  ({record.__struct_config__.tag}, version {record.version})"]
    if isinstance(record, IncidentRecord):
        rows += _incident_rows(record, source, links)
    elif isinstance(record, SourceRecord):
        rows += [
            _field("name", record.name),
            _field("title", record.title or "-"),
            _field("type", f"{record.media_type}, {record.language}, {len(record.text)} characters"),
            _field("dated", f"{record.anchor.date} (from {record.anchor.origin.value})"),
            _field("sha256", record.sha256),
            "",
            record.text,
        ]
    else:
        fields = msgspec.structs.asdict(record)
        for name in ("id", "version", "entry", "created_at", "updated_at"):
            fields.pop(name)
        rows += [_field(name, str(value)) for name, value in fields.items()]
    rows.append(_field("changed", f"{record.updated_at:%Y-%m-%d %H:%M} UTC (ledger entry #{record.entry})"))
    return "\n".join(rows) + "\n"


def _incident_rows(
    record: IncidentRecord, source: SourceRecord | None, links: Sequence[LinkRecord]
) -> list[str]:
    date = date_text(record.date)
    if record.date is not None and record.date.text:
        date += f' ("{record.date.text}")'
    start, end = record.evidence_span
    rows = [
        _field("status", record.status.value + (f": {record.retraction}" if record.retraction else "")),
        _field("date", date),
        _field("acts", ", ".join(record.acts) or "-"),
        _field("perpetrators", "; ".join(record.perpetrators) or "-"),
        _field("victims", "; ".join(record.victims) or "-"),
        _field("location", record.location or "-"),
        _field("evidence", f"“{record.evidence}”"),
        _field("source", f"{record.source_id or '-'}{f' {source.name}' if source else ''} [{start}-{end}]"),
        _field("confidence", f"{record.confidence:.2f}"),
    ]
    if record.sensitive:
        rows.append(_field("sensitive", ", ".join(record.sensitive)))
    for i, response in enumerate(sorted(record.responses, key=lambda r: r.date)):
        text = f"{response.date} {response.kind.value} (source: {response.source}) {response.note}"
        rows.append(_field("responses" if i == 0 else "", text.rstrip()))
    for i, note in enumerate(record.notes):
        rows.append(_field("notes" if i == 0 else "", f"{note.at:%Y-%m-%d}: {note.text}"))
    for i, link in enumerate(links):
        text = f"{link.kind.value}: {link.from_id} → {link.to_id} {link.note}"
        rows.append(_field("links" if i == 0 else "", text.rstrip()))
    return rows


def _summary(op: Operation) -> str:
    """What an operation did, in a few words."""
    fields = msgspec.structs.asdict(op)
    for name in ("id", "at", "text", "facts", "evidence", "evidence_span", "sha256", "anchor"):
        fields.pop(name, None)
    if "changes" in fields:
        fields.update(msgspec.to_builtins(fields.pop("changes")))
    parts = []
    for name, value in fields.items():
        if value in (None, "", [], ()):
            continue
        shown = date_text(value) if isinstance(value, DateSpan) else msgspec.to_builtins(value)
        if isinstance(shown, list):
            shown = ", ".join(str(item) for item in shown)
        parts.append(f"{name}={shown}")
    return _clip("; ".join(parts), _WIDTH - 50)


def history_text(history: Sequence[tuple[Version, Record]]) -> str:
    lines = []
    for version, _ in history:
        lines.append(
            f"v{version.version:<3} entry #{version.entry:<7} {version.op.at:%Y-%m-%d %H:%M}  "
            f"{op_name(version.op):<16} {_summary(version.op)}"
        )
    return "\n".join(lines) + "\n"


def history_json(history: Sequence[tuple[Version, Record]]) -> str:
    return to_json(
        [
            {"version": v.version, "entry": v.entry, "op": op_name(v.op), "change": v.op, "record": record}
            for v, record in history
        ]
    )

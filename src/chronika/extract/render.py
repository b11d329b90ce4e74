"""The output formats of ``chronika extract``: the JSON contract, a terminal table and Markdown."""

from __future__ import annotations

import shutil
import textwrap

import msgspec

from chronika.model import DateSpan, Extraction, Incident


def render(results: list[Extraction], fmt: str) -> str:
    if fmt == "json":
        return to_json(results)
    if fmt == "md":
        return "\n".join(to_markdown(result) for result in results)
    return "\n".join(to_table(result) for result in results)


def to_json(results: list[Extraction]) -> str:
    """One document object for one input, ``{"documents": [...]}`` for several (the contract)."""
    payload: object = results[0] if len(results) == 1 else {"documents": results}
    return msgspec.json.format(msgspec.json.encode(payload), indent=2).decode() + "\n"


def date_label(span: DateSpan | None) -> str:
    if span is None:
        return "undated"
    start = span.start.isoformat()
    if span.end is None:
        return f"{start} →"
    if span.end == span.start:
        return start
    if span.precision.value == "month":
        return start[:7]
    if span.precision.value == "year":
        return start[:4]
    return f"{start} – {span.end.isoformat()}"


def _parties(incident: Incident) -> str:
    victims = ", ".join(incident.victims) or "—"
    return f"{', '.join(incident.perpetrators)} → {victims}"


def to_table(result: Extraction) -> str:
    width = max(60, min(shutil.get_terminal_size((100, 24)).columns, 140))
    doc = result.document
    lines = [
        f"{doc.path}  ·  {doc.language}  ·  dated {doc.anchor.date.isoformat()} ({doc.anchor.origin.value})"
        f"  ·  {len(result.incidents)} incident{'s' if len(result.incidents) != 1 else ''}",
        "",
    ]
    if not result.incidents:
        lines.append("  No incidents found.")
    for incident in result.incidents:
        head = f"{incident.id:<4} {date_label(incident.date):<26} {', '.join(incident.acts)}"
        lines.append(head)
        detail = (
            f"     {_parties(incident)}  ·  {incident.location or 'place not stated'}  ·  "
            f"confidence {incident.confidence:.2f}"
        )
        lines.append(detail)
        quoted = textwrap.fill(
            f"“{incident.evidence}”",
            width=width - 5,
            initial_indent="     ",
            subsequent_indent="     ",
            max_lines=4,
            placeholder=" …”",
        )
        lines.append(quoted)
        lines.append("")
    return "\n".join(lines) + "\n"


def to_markdown(result: Extraction) -> str:
    doc = result.document
    lines = [
        f"# Incidents in {doc.path}",
        "",
        f"Language: {doc.language}. "
        f"Document date: {doc.anchor.date.isoformat()} (from {doc.anchor.origin.value}).",
        "",
        "| # | When | Acts | Perpetrators | Victims | Where | Confidence |",
        "|---|---|---|---|---|---|---|",
    ]
    for incident in result.incidents:
        cells = [
            incident.id,
            date_label(incident.date),
            ", ".join(incident.acts),
            ", ".join(incident.perpetrators),
            ", ".join(incident.victims) or "—",
            incident.location or "—",
            f"{incident.confidence:.2f}",
        ]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    lines.append("")
    for incident in result.incidents:
        lines += [
            f"**{incident.id}** (characters {incident.evidence_span[0]}–{incident.evidence_span[1]}):",
            "",
            f"> {_cell(incident.evidence)}",
            "",
        ]
    return "\n".join(lines)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")

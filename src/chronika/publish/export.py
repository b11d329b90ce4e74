"""Datasets: the redacted incidents as CSV, JSON Lines, ACLED-style rows, the HURIDOCS Events Standard
Formats tables or an Uwazi CSV import, with one documented mapping per format.

Every format is a named entry of :data:`FORMATS`, a function from redacted records to the files
it writes; the column mappings are documented in ``docs/publish.md`` and tested against it. A
withheld field is written as the empty value and named in the ``withheld`` column, so a dataset
never passes off a withheld value as unknown.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from chronika.model import Act
from chronika.model.actor import UNKNOWN_ACTOR
from chronika.publish.redaction import Redacted
from chronika.vault.state import ActorRecord, IncidentRecord

if TYPE_CHECKING:
    from chronika.vault.vault import Vault

__all__ = [
    "ACLED_COLUMNS",
    "CSV_COLUMNS",
    "ESF_TABLES",
    "FORMATS",
    "UWAZI_COLUMNS",
    "actor_kinds",
    "export_acled",
    "export_csv",
    "export_esf",
    "export_jsonl",
    "export_uwazi",
    "incident_row",
]

#: The CSV columns, in order (docs/publish.md says what each holds).
CSV_COLUMNS: Final = (
    "id",
    "status",
    "date_start",
    "date_end",
    "date_precision",
    "acts",
    "perpetrators",
    "victims",
    "location",
    "source_id",
    "evidence",
    "response_status",
    "responses",
    "withheld",
)
LIST_SEPARATOR: Final = "; "


def _response_status(record: IncidentRecord) -> str:
    latest = record.response_status
    return latest.value if latest is not None else "none"


def incident_row(redacted: Redacted) -> dict[str, object]:
    """One incident as the JSON Lines object; the CSV row is this with lists joined by ``; ``."""
    record = redacted.record
    span = record.date
    return {
        "id": record.id,
        "status": record.status.value,
        "date_start": span.start.isoformat() if span else None,
        "date_end": span.end.isoformat() if span and span.end else None,
        "date_precision": span.precision.value if span else None,
        "acts": [str(act) for act in record.acts],
        "perpetrators": list(record.perpetrators),
        "victims": list(record.victims),
        "location": record.location,
        "source_id": record.source_id,
        "evidence": record.evidence or None,
        "response_status": _response_status(record),
        "responses": [
            {"kind": r.kind.value, "date": r.date.isoformat(), "source": r.source, "note": r.note}
            for r in record.responses
        ],
        "withheld": list(redacted.withheld),
    }


def export_jsonl(records: Sequence[Redacted]) -> dict[str, bytes]:
    lines = [json.dumps(incident_row(r), ensure_ascii=False, sort_keys=True) for r in records]
    return {"incidents.jsonl": "".join(line + "\n" for line in lines).encode()}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return LIST_SEPARATOR.join(f"{r['date']} {r['kind']} ({r['source']})" for r in value)
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


_FORMULA_START: Final = ("=", "+", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """Report text is untrusted: a cell that a spreadsheet would run as a formula is quoted.

    A leading minus is a formula only when no number follows it, so coordinates stay numbers.
    """
    formula = value.startswith(_FORMULA_START) or (value.startswith("-") and not value[1:2].isdigit())
    return "'" + value if formula else value


def export_csv(records: Sequence[Redacted]) -> dict[str, bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for redacted in records:
        row = incident_row(redacted)
        writer.writerow([spreadsheet_safe(_cell(row[column])) for column in CSV_COLUMNS])
    return {"incidents.csv": buffer.getvalue().encode("utf-8")}


def _table(name: str, columns: Sequence[str], rows: Sequence[dict[str, str]]) -> dict[str, bytes]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
    return {name: buffer.getvalue().encode("utf-8")}


# -- ACLED-style event rows ------------------------------------------------------------------------

ACLED_COLUMNS: Final = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "civilian_targeting",
    "country",
    "location",
    "latitude",
    "longitude",
    "source",
    "notes",
    "fatalities",
    "tags",
)
_VIOLENCE: Final = ("Political violence", "Violence against civilians")
_STRATEGIC: Final = ("Strategic developments", "Strategic developments")
#: Each act's ACLED (disorder type, event type), sub-event type; acts not listed are "Other".
ACLED_ACTS: Final[dict[Act, tuple[tuple[str, str], str]]] = {
    Act.KILLING: (_VIOLENCE, "Attack"),
    Act.ENFORCED_DISAPPEARANCE: (_VIOLENCE, "Abduction/forced disappearance"),
    Act.TORTURE_ILL_TREATMENT: (_VIOLENCE, "Attack"),
    Act.PHYSICAL_ATTACK: (_VIOLENCE, "Attack"),
    Act.SEXUAL_VIOLENCE: (_VIOLENCE, "Sexual violence"),
    Act.ARMED_CLASH: (("Political violence", "Battles"), "Armed clash"),
    Act.ARBITRARY_DETENTION: (_STRATEGIC, "Arrests"),
    Act.RAID_SEARCH: (_STRATEGIC, "Looting/property destruction"),
    Act.SEIZURE: (_STRATEGIC, "Looting/property destruction"),
    Act.PROPERTY_DESTRUCTION: (_STRATEGIC, "Looting/property destruction"),
}
_ACLED_PRECISION: Final = {"day": "1", "range": "2", "month": "3", "year": "3"}


def _acled_row(redacted: Redacted, sources: dict[str, str]) -> dict[str, str]:
    record = redacted.record
    span = record.date
    first = record.acts[0] if record.acts else None  # stored in vocabulary order: the gravest first
    (disorder, event), sub_event = ACLED_ACTS.get(first, (_STRATEGIC, "Other")) if first else (("", ""), "")
    return {
        "event_id_cnty": record.id,
        "event_date": span.start.isoformat() if span else "",
        "year": str(span.start.year) if span else "",
        "time_precision": _ACLED_PRECISION[span.precision.value] if span else "",
        "disorder_type": disorder,
        "event_type": event,
        "sub_event_type": sub_event,
        "actor1": LIST_SEPARATOR.join(record.perpetrators),
        "actor2": LIST_SEPARATOR.join(record.victims),
        "civilian_targeting": "Civilian targeting" if event == "Violence against civilians" else "",
        "country": "",
        "location": record.location or "",
        "latitude": "",
        "longitude": "",
        "source": sources.get(record.source_id or "", ""),
        "notes": record.evidence,
        "fatalities": "",
        "tags": LIST_SEPARATOR.join(str(act) for act in record.acts),
    }


def export_acled(records: Sequence[Redacted], sources: dict[str, str]) -> dict[str, bytes]:
    return _table("acled.csv", ACLED_COLUMNS, [_acled_row(r, sources) for r in records])


# -- Uwazi CSV import ------------------------------------------------------------------------------

UWAZI_COLUMNS: Final = (
    "title",
    "chronika_id",
    "date",
    "date_end",
    "acts",
    "perpetrators",
    "victims",
    "location",
    "source",
    "evidence",
    "state_response",
    "withheld",
)
#: Uwazi's separator for the values of a multi-value property.
UWAZI_SEPARATOR: Final = "|"


def _uwazi_row(redacted: Redacted, sources: dict[str, str]) -> dict[str, str]:
    record = redacted.record
    span = record.date
    when = span.start.isoformat() if span else "undated"
    title = " ".join(part for part in (when, ", ".join(record.acts), "/".join(record.victims)) if part)
    return {
        "title": title,
        "chronika_id": record.id,
        "date": span.start.isoformat() if span else "",
        "date_end": span.end.isoformat() if span and span.end else "",
        "acts": UWAZI_SEPARATOR.join(str(act) for act in record.acts),
        "perpetrators": UWAZI_SEPARATOR.join(record.perpetrators),
        "victims": UWAZI_SEPARATOR.join(record.victims),
        "location": record.location or "",
        "source": sources.get(record.source_id or "", ""),
        "evidence": record.evidence,
        "state_response": _response_status(record),
        "withheld": UWAZI_SEPARATOR.join(redacted.withheld),
    }


def export_uwazi(records: Sequence[Redacted], sources: dict[str, str]) -> dict[str, bytes]:
    return _table("uwazi.csv", UWAZI_COLUMNS, [_uwazi_row(r, sources) for r in records])


# -- HURIDOCS Events Standard Formats --------------------------------------------------------------

#: The five linked ESF tables, each with its columns in order (docs/publish.md says what each holds).
ESF_TABLES: Final[dict[str, tuple[str, ...]]] = {
    "events.csv": (
        "event_record_number",
        "event_title",
        "initial_date",
        "initial_date_type",
        "final_date",
        "final_date_type",
        "date_precision",
        "local_geographical_area",
        "event_description",
        "withheld",
    ),
    "acts.csv": (
        "act_record_number",
        "event_record_number",
        "type_of_act",
        "victim_record_number",
        "initial_date",
        "initial_date_type",
    ),
    "involvements.csv": (
        "involvement_record_number",
        "event_record_number",
        "perpetrator_record_number",
        "degree_of_involvement",
    ),
    "persons.csv": (
        "person_record_number",
        "name",
        "person_type",
        "roles",
    ),
    "information.csv": (
        "information_record_number",
        "event_record_number",
        "source_record_number",
        "source_title",
        "source_date",
    ),
}
#: Chronika's actor kinds as ESF person types.
ESF_PERSON_TYPES: Final = {"person": "individual", "organisation": "organisation", "group": "group"}
_ESF_DATE_TYPE: Final = {"day": "exact", "range": "exact", "month": "approximate", "year": "approximate"}


def actor_kinds(vault: Vault) -> dict[str, str]:
    """Every name and alias of the vault's actors, and the actor's kind (``person``, ``group``, ...)."""
    kinds: dict[str, str] = {}
    for record in vault.view.records():
        if isinstance(record, ActorRecord):
            for name in record.names():
                kinds.setdefault(name, record.kind.value)
    return kinds


class _People:
    """Person records numbered in order of first mention; one record per distinct name."""

    def __init__(self, kinds: dict[str, str]) -> None:
        self.kinds = kinds
        self.numbers: dict[str, str] = {}
        self.roles: dict[str, set[str]] = {}

    def number(self, name: str, role: str) -> str:
        if name not in self.numbers:
            self.numbers[name] = f"P{len(self.numbers) + 1:04d}"
            self.roles[name] = set()
        self.roles[name].add(role)
        return self.numbers[name]

    def rows(self) -> list[dict[str, str]]:
        return [
            {
                "person_record_number": number,
                "name": name,
                "person_type": ESF_PERSON_TYPES.get(self.kinds.get(name, ""), "unknown"),
                "roles": UWAZI_SEPARATOR.join(sorted(self.roles[name])),
            }
            for name, number in self.numbers.items()
        ]


def export_esf(
    records: Sequence[Redacted], sources: dict[str, str], kinds: dict[str, str] | None = None
) -> dict[str, bytes]:
    """The ESF tables: an event per incident, linked acts, involvements, persons and information."""
    people = _People(kinds or {})
    events: list[dict[str, str]] = []
    acts: list[dict[str, str]] = []
    involvements: list[dict[str, str]] = []
    information: list[dict[str, str]] = []
    for redacted in records:
        record = redacted.record
        span = record.date
        event = record.id
        start_type = _ESF_DATE_TYPE[span.precision.value] if span else "unknown"
        end_type = ("unknown" if span.end is None else start_type) if span else "unknown"
        events.append(
            {
                "event_record_number": event,
                "event_title": _uwazi_row(redacted, sources)["title"],
                "initial_date": span.start.isoformat() if span else "",
                "initial_date_type": start_type,
                "final_date": span.end.isoformat() if span and span.end else "",
                "final_date_type": end_type,
                "date_precision": span.precision.value if span else "",
                "local_geographical_area": record.location or "",
                "event_description": record.evidence,
                "withheld": UWAZI_SEPARATOR.join(redacted.withheld),
            }
        )
        victims = [people.number(name, "victim") for name in record.victims] or [""]
        for act in record.acts:
            for victim in victims:
                acts.append(
                    {
                        "act_record_number": f"{event}-A{len(acts) + 1}",
                        "event_record_number": event,
                        "type_of_act": str(act),
                        "victim_record_number": victim,
                        "initial_date": span.start.isoformat() if span else "",
                        "initial_date_type": start_type,
                    }
                )
        for name in record.perpetrators:
            involvements.append(
                {
                    "involvement_record_number": f"{event}-I{len(involvements) + 1}",
                    "event_record_number": event,
                    "perpetrator_record_number": people.number(name, "perpetrator"),
                    "degree_of_involvement": "unknown" if name == UNKNOWN_ACTOR else "direct perpetrator",
                }
            )
        if record.source_id:
            information.append(
                {
                    "information_record_number": f"{event}-S1",
                    "event_record_number": event,
                    "source_record_number": record.source_id,
                    "source_title": sources.get(record.source_id, record.source_id),
                    "source_date": "",
                }
            )
    tables = {
        "events.csv": events,
        "acts.csv": acts,
        "involvements.csv": involvements,
        "persons.csv": people.rows(),
        "information.csv": information,
    }
    files: dict[str, bytes] = {}
    for name, rows in tables.items():
        files.update(_table(name, ESF_TABLES[name], rows))
    return files


Exporter = Callable[[Sequence[Redacted], dict[str, str]], dict[str, bytes]]

#: Every export format by its stable name: redacted records and source citations (by source id) in,
#: files (by name) out.
FORMATS: Final[dict[str, Exporter]] = {
    "csv": lambda records, _sources: export_csv(records),
    "jsonl": lambda records, _sources: export_jsonl(records),
    "acled": export_acled,
    "esf": export_esf,
    "uwazi-csv": export_uwazi,
}

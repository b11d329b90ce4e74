"""Who may see what: redaction by audience, defined here and nowhere else.

Everything that leaves the vault (a chronology in any format, a dataset, a bundle's
``records.jsonl``) is made from :func:`redact` output only, never from vault records directly, so
one table decides what each audience sees:

============================  ==========  ===========  ============
what                          public      partner      internal
============================  ==========  ===========  ============
drafts, retracted incidents   never       never        yes
field marked ``victims``,
``perpetrators`` (identities
of victims, witnesses,
sources), ``location`` (exact
addresses), ``evidence``
(quotes: contact details)     withheld    withheld     yes
field marked ``date``,
``acts``                      withheld    yes          yes
reviewer notes, response
notes, retraction reasons,
extraction confidence         never       never        yes
a source's file name          never       yes          yes
============================  ==========  ===========  ============

A source document is cited to the public by its own title (a published report has one) or else by
its id only: a file name is the team's own label and may name a witness ("interview-Zarema.docx").

The evidence (the quoted sentence) is also withheld whenever victims, perpetrators or location are,
since the sentence usually names them.

A withheld field is emptied in the record (so a renderer that forgets to check cannot print it)
and named in :attr:`Redacted.withheld` (so it can say "withheld" rather than pretend it is
unknown). Facts (quoted spans) of a withheld field go too, and all facts go with the evidence,
since each is a piece of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

import msgspec

from chronika.vault.record import Status
from chronika.vault.state import SENSITIVE_FIELDS, IncidentRecord, Response, SourceRecord

__all__ = ["QUOTED_FIELDS", "VISIBLE_MARKED", "Audience", "Redacted", "cite_source", "redact", "redact_all"]


class Audience(StrEnum):
    PUBLIC = "public"
    PARTNER = "partner"
    INTERNAL = "internal"


#: For each audience, the fields it may still see when a reviewer has marked them sensitive.
VISIBLE_MARKED: Final[dict[Audience, frozenset[str]]] = {
    Audience.PUBLIC: frozenset(),
    Audience.PARTNER: frozenset({"date", "acts"}),
    Audience.INTERNAL: SENSITIVE_FIELDS,
}

#: Fields the evidence sentence usually names: withholding one withholds the quote too.
QUOTED_FIELDS: Final = frozenset({"perpetrators", "victims", "location"})

#: The statuses each audience may see: only a person's accepted finding leaves the team.
VISIBLE_STATUSES: Final[dict[Audience, frozenset[Status]]] = {
    Audience.PUBLIC: frozenset({Status.ACCEPTED}),
    Audience.PARTNER: frozenset({Status.ACCEPTED}),
    Audience.INTERNAL: frozenset(Status),
}

# Which fact ``field`` values quote which record field (extraction writes singular roles).
_FACT_FIELDS: Final = {
    "date": "date",
    "act": "acts",
    "perpetrator": "perpetrators",
    "victim": "victims",
    "location": "location",
}


@dataclass(frozen=True, slots=True)
class Redacted:
    """An incident as one audience may see it, and the names of the fields withheld from it."""

    record: IncidentRecord
    withheld: tuple[str, ...]
    audience: Audience

    def shows(self, field: str) -> bool:
        return field not in self.withheld


def visible(record: IncidentRecord, audience: Audience) -> bool:
    return record.status in VISIBLE_STATUSES[audience]


def redact(record: IncidentRecord, audience: Audience) -> Redacted | None:
    """The record as ``audience`` may see it, or None if it may not see the record at all."""
    if not visible(record, audience):
        return None
    if audience is Audience.INTERNAL:
        return Redacted(record, (), audience)
    hidden = set(record.sensitive) - VISIBLE_MARKED[audience]
    if hidden & QUOTED_FIELDS:
        hidden.add("evidence")  # the quote would name whom or where the withheld field hides
    withheld = sorted(hidden)
    cleared: dict[str, object] = {
        "notes": [],
        "retraction": None,
        "confidence": 0.0,
        "extracted_as": None,
        "responses": [_public_response(response) for response in record.responses],
    }
    for field in withheld:
        cleared[field] = _EMPTY[field]
    if "evidence" in withheld:
        cleared["evidence_span"] = (0, 0)
        cleared["facts"] = []
        cleared["more_evidence"] = []  # the words of drafts merged into this one are quotes too
    else:
        cleared["facts"] = [
            fact for fact in record.facts if _FACT_FIELDS.get(fact.field, fact.field) not in withheld
        ]
    return Redacted(msgspec.structs.replace(record, **cleared), tuple(withheld), audience)


def redact_all(records: Iterable[IncidentRecord], audience: Audience) -> list[Redacted]:
    """The records the audience may see, redacted, in the order given."""
    return [redacted for record in records if (redacted := redact(record, audience)) is not None]


def _public_response(response: Response) -> Response:
    return msgspec.structs.replace(response, note="")


_EMPTY: Final[dict[str, object]] = {
    "date": None,
    "acts": [],
    "perpetrators": [],
    "victims": [],
    "location": None,
    "evidence": "",
    "notes": [],
}


def cite_source(source: SourceRecord, audience: Audience) -> str:
    """How a publication for ``audience`` names a source document."""
    if source.title:
        return f"{source.title} ({source.id})"
    if audience is Audience.PUBLIC:
        return f"document {source.id}"
    return f"{source.name} ({source.id})"

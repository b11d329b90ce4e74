"""A link group: every incident reachable from one through links (same campaign, follow-up, same event).

The chronology of a link group is the view a joint statement about a campaign is written from: the
arson, the threats before it and the search after it, linked by a reviewer one pair at a time.
The group is walked breadth-first over the view's link index, up to ``limit`` incidents.
"""

from __future__ import annotations

from collections import deque

from chronika.desk.selection import SCAN_LIMIT
from chronika.errors import RecordNotFound
from chronika.vault.state import IncidentRecord
from chronika.vault.vault import Vault

__all__ = ["link_group"]


def link_group(vault: Vault, incident_id: str, limit: int = SCAN_LIMIT) -> list[IncidentRecord]:
    """The incident and every incident linked to it, directly or through others (at most ``limit``)."""
    start = vault.incident(incident_id)
    found = {start.id: start}
    waiting = deque([start.id])
    while waiting and len(found) < limit:
        current = waiting.popleft()
        for link in vault.links(current):
            for other in (link.from_id, link.to_id):
                if other in found or len(found) >= limit:
                    continue
                try:
                    found[other] = vault.incident(other)
                except RecordNotFound:  # pragma: no cover - a link is refused unless both exist
                    continue
                waiting.append(other)
    return list(found.values())

"""Who did something, or had it done to them.

Reports name the same actor many ways ("Igor Kalyapin", "Kalyapin", "the head of the JMG"); an actor
keeps its canonical name and every alias it was seen under, so later chronologies join them.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    UNKNOWN = "unknown"


UNKNOWN_ACTOR = "unknown"


class Actor(msgspec.Struct, frozen=True, kw_only=True):
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()

    def known_as(self, name: str) -> bool:
        folded = name.casefold()
        return folded == self.name.casefold() or any(folded == a.casefold() for a in self.aliases)

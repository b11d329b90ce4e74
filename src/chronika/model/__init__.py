"""The domain: incidents, their dates, acts, actors, places and sources."""

from chronika.model.act import ACT_FAMILY, ACT_SCOPE, Act, ActFamily, act_family, sort_acts
from chronika.model.actor import UNKNOWN_ACTOR, Actor, ActorKind
from chronika.model.date_span import DateSpan, Precision
from chronika.model.incident import Extraction, Fact, Incident
from chronika.model.place import Place, PlaceKind
from chronika.model.source import Anchor, AnchorOrigin, SourceDocument

__all__ = [
    "ACT_FAMILY",
    "ACT_SCOPE",
    "UNKNOWN_ACTOR",
    "Act",
    "ActFamily",
    "Actor",
    "ActorKind",
    "Anchor",
    "AnchorOrigin",
    "DateSpan",
    "Extraction",
    "Fact",
    "Incident",
    "Place",
    "PlaceKind",
    "Precision",
    "SourceDocument",
    "act_family",
    "sort_acts",
]

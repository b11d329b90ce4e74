"""The act vocabulary: what kinds of violation an incident can carry.

The names are part of the public contract (``shared/contract/acts.md``): extend by adding a member
with a clear scope, never rename one, because stored ledgers and published datasets refer to them.
"""

from __future__ import annotations

from enum import StrEnum


class Act(StrEnum):
    KILLING = "killing"
    ENFORCED_DISAPPEARANCE = "enforced_disappearance"
    ARBITRARY_DETENTION = "arbitrary_detention"
    TORTURE_ILL_TREATMENT = "torture_ill_treatment"
    PHYSICAL_ATTACK = "physical_attack"
    SEXUAL_VIOLENCE = "sexual_violence"
    THREAT = "threat"
    SURVEILLANCE = "surveillance"
    RAID_SEARCH = "raid_search"
    SEIZURE = "seizure"
    PROPERTY_DESTRUCTION = "property_destruction"
    FORCED_DISPLACEMENT = "forced_displacement"
    SMEAR_CAMPAIGN = "smear_campaign"
    JUDICIAL_HARASSMENT = "judicial_harassment"
    RESTRICTION_OF_MOVEMENT = "restriction_of_movement"
    RESTRICTION_OF_EXPRESSION = "restriction_of_expression"
    CYBER_ATTACK = "cyber_attack"
    ARMED_CLASH = "armed_clash"
    OTHER = "other"


ACT_SCOPE: dict[Act, str] = {
    Act.KILLING: "killing, extrajudicial execution, death in custody",
    Act.ENFORCED_DISAPPEARANCE: "abduction, disappearance, whereabouts unknown after being taken",
    Act.ARBITRARY_DETENTION: "arrest, detention, being held by police or security forces, incl. short-term",
    Act.TORTURE_ILL_TREATMENT: "torture, beating in custody, cruel or degrading treatment",
    Act.PHYSICAL_ATTACK: "assault, beating, attack with objects, attempted killing outside custody",
    Act.SEXUAL_VIOLENCE: "rape, sexual assault or harassment",
    Act.THREAT: "threats in person, by phone, message or online; intimidation; death threats",
    Act.SURVEILLANCE: "being followed, watched, phone or online monitoring",
    Act.RAID_SEARCH: "search or raid of premises, vehicle or person; break-in",
    Act.SEIZURE: "confiscation or theft of property, equipment, documents",
    Act.PROPERTY_DESTRUCTION: "arson, demolition, vandalism, destruction of homes or offices",
    Act.FORCED_DISPLACEMENT: "expulsion, eviction, forced relocation, deportation",
    Act.SMEAR_CAMPAIGN: "defamation, public labelling as terrorists / traitors / foreign agents",
    Act.JUDICIAL_HARASSMENT: "criminal charges, prosecution, fines, lawsuits, administrative cases",
    Act.RESTRICTION_OF_MOVEMENT: "travel ban, denial of entry or exit, confiscation of passport",
    Act.RESTRICTION_OF_EXPRESSION: "dispersal of assemblies, censorship, blocking, closure of media or NGO",
    Act.CYBER_ATTACK: "hacking, account takeover, DDoS, malware",
    Act.ARMED_CLASH: "armed hostilities between parties (context events)",
    Act.OTHER: "an attack that fits none of the above",
}

# Acts ordered as a reader expects them listed within one incident: what was done to premises and
# property first, then to people, from least to most severe. Used only for display and stable output.
ACT_ORDER: tuple[Act, ...] = tuple(Act)


def sort_acts(acts: set[Act] | list[Act]) -> list[Act]:
    """Return acts in vocabulary order, so equal sets always serialise identically."""
    present = set(acts)
    return [act for act in ACT_ORDER if act in present]


class ActFamily(StrEnum):
    """Acts grouped for a reader: a chronology's timeline colours its marks by family and explains
    them in a legend. Each act is in exactly one family, so a colour always means one thing.

    Not the extractor's ``ACT_FAMILIES`` (acts that one operation tends to combine, which overlap).
    """

    KILLING = "killing"
    VIOLENCE = "violence"
    LIBERTY = "liberty"
    INTIMIDATION = "intimidation"
    PROPERTY = "property"
    RESTRICTION = "restriction"
    CONFLICT = "conflict"
    OTHER = "other"


ACT_FAMILY: dict[Act, ActFamily] = {
    Act.KILLING: ActFamily.KILLING,
    Act.TORTURE_ILL_TREATMENT: ActFamily.VIOLENCE,
    Act.PHYSICAL_ATTACK: ActFamily.VIOLENCE,
    Act.SEXUAL_VIOLENCE: ActFamily.VIOLENCE,
    Act.ENFORCED_DISAPPEARANCE: ActFamily.LIBERTY,
    Act.ARBITRARY_DETENTION: ActFamily.LIBERTY,
    Act.THREAT: ActFamily.INTIMIDATION,
    Act.SURVEILLANCE: ActFamily.INTIMIDATION,
    Act.SMEAR_CAMPAIGN: ActFamily.INTIMIDATION,
    Act.CYBER_ATTACK: ActFamily.INTIMIDATION,
    Act.RAID_SEARCH: ActFamily.PROPERTY,
    Act.SEIZURE: ActFamily.PROPERTY,
    Act.PROPERTY_DESTRUCTION: ActFamily.PROPERTY,
    Act.JUDICIAL_HARASSMENT: ActFamily.RESTRICTION,
    Act.RESTRICTION_OF_MOVEMENT: ActFamily.RESTRICTION,
    Act.RESTRICTION_OF_EXPRESSION: ActFamily.RESTRICTION,
    Act.FORCED_DISPLACEMENT: ActFamily.RESTRICTION,
    Act.ARMED_CLASH: ActFamily.CONFLICT,
    Act.OTHER: ActFamily.OTHER,
}


def act_family(acts: list[Act] | list[str]) -> ActFamily | None:
    """The family of an incident's gravest act (the first in vocabulary order), or None if it has none."""
    known = sort_acts([Act(act) for act in acts if act in Act.__members__.values()])
    return ACT_FAMILY[known[0]] if known else None

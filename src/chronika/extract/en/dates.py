"""English date expressions: where they are and what they mean, before any arithmetic.

Each pattern reads one way reports write dates and describes it as a ``Mention``; the timeline
(``chronika.extract.timeline``) does the arithmetic. Month and weekday names must be capitalised,
so "may" the verb and "march" the walk are never dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from chronika.extract import prefilter
from chronika.extract.timeline import CalendarRef, Kind, Mention, Part, Unit
from chronika.model import Act

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30,
}  # fmt: skip
UNITS = {"day": Unit.DAY, "week": Unit.WEEK, "month": Unit.MONTH, "year": Unit.YEAR}
# "a week after the arrest": the event noun names the act whose date the offset counts from.
EVENT_NOUNS = {
    "arrest": Act.ARBITRARY_DETENTION, "detention": Act.ARBITRARY_DETENTION,
    "raid": Act.RAID_SEARCH, "search": Act.RAID_SEARCH, "attack": Act.PHYSICAL_ATTACK,
    "assault": Act.PHYSICAL_ATTACK, "beating": Act.PHYSICAL_ATTACK, "abduction": Act.ENFORCED_DISAPPEARANCE,
    "kidnapping": Act.ENFORCED_DISAPPEARANCE, "disappearance": Act.ENFORCED_DISAPPEARANCE,
    "killing": Act.KILLING, "murder": Act.KILLING, "death": Act.KILLING, "fire": Act.PROPERTY_DESTRUCTION,
    "arson": Act.PROPERTY_DESTRUCTION, "threats": Act.THREAT, "threat": Act.THREAT,
    "conviction": Act.JUDICIAL_HARASSMENT, "sentence": Act.JUDICIAL_HARASSMENT,
    "trial": Act.JUDICIAL_HARASSMENT, "verdict": Act.JUDICIAL_HARASSMENT, "ruling": Act.JUDICIAL_HARASSMENT,
    "sentencing": Act.JUDICIAL_HARASSMENT,
    "hearing": Act.JUDICIAL_HARASSMENT, "eviction": Act.FORCED_DISPLACEMENT, "seizure": Act.SEIZURE,
    "arrests": Act.ARBITRARY_DETENTION, "detentions": Act.ARBITRARY_DETENTION, "raids": Act.RAID_SEARCH,
    "searches": Act.RAID_SEARCH, "abductions": Act.ENFORCED_DISAPPEARANCE, "killings": Act.KILLING,
    "demolition": Act.PROPERTY_DESTRUCTION, "demolitions": Act.PROPERTY_DESTRUCTION,
    "evictions": Act.FORCED_DISPLACEMENT, "deportation": Act.FORCED_DISPLACEMENT,
    "expulsion": Act.FORCED_DISPLACEMENT, "dispersal": Act.RESTRICTION_OF_EXPRESSION,
}  # fmt: skip
# "eight days before he was killed": the participle names the act the offset counts from.
EVENT_VERBS = {
    "arrested": Act.ARBITRARY_DETENTION, "detained": Act.ARBITRARY_DETENTION,
    "killed": Act.KILLING, "murdered": Act.KILLING, "shot": Act.KILLING,
    "abducted": Act.ENFORCED_DISAPPEARANCE, "kidnapped": Act.ENFORCED_DISAPPEARANCE,
    "sentenced": Act.JUDICIAL_HARASSMENT, "convicted": Act.JUDICIAL_HARASSMENT,
    "charged": Act.JUDICIAL_HARASSMENT, "attacked": Act.PHYSICAL_ATTACK, "beaten": Act.PHYSICAL_ATTACK,
    "evicted": Act.FORCED_DISPLACEMENT,
}  # fmt: skip
# "Two days after the verdict": a court step names the one the story told last (an appeal follows a
# sentence, a sentence follows a remand), unlike "a week after the arrest", which names the first.
LATEST_STEP = frozenset({"verdict", "sentence", "sentencing", "conviction", "ruling", "hearing", "trial"})

_M = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)"
)
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_TO = r"\s*(?:-|–|—|to|until|till|and|into)\s*"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|"
    r"thirty|\d{1,2})"
)
_ANCHOR_NOUN = r"(?:day|morning|afternoon|evening|night|week|month|year)"

Builder = Callable[[re.Match[str]], Mention | None]


def _month(token: str | None) -> int | None:
    return MONTHS[token.rstrip(".").lower()] if token else None


def _day(token: str | None) -> int | None:
    return int(re.sub(r"\D", "", token)) if token else None


def _year(token: str | None) -> int | None:
    return int(token) if token else None


def _part(token: str) -> Part:
    token = token.lower().removeprefix("the").strip()  # "the beginning of March" is early March
    if token.startswith(("early", "beginning", "start", "first")):
        return Part.EARLY
    if token.startswith(("mid", "middle")):
        return Part.MID
    return Part.LATE


def _mention(m: re.Match[str], kind: Kind, **fields: object) -> Mention:
    return Mention(start=m.start(), end=m.end(), kind=kind, **fields)  # type: ignore[arg-type]


def _calendar(m: re.Match[str], **parts: object) -> Mention:
    return _mention(m, Kind.CALENDAR, point=CalendarRef(**parts))  # type: ignore[arg-type]


def _range(m: re.Match[str], a: CalendarRef, b: CalendarRef) -> Mention:
    return _mention(m, Kind.RANGE, point=a, until=b)


PATTERNS: list[tuple[str, Builder]] = []


def pattern(regex: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        PATTERNS.append((regex, builder))
        return builder

    return register


# -- ranges -----------------------------------------------------------------------------------


@pattern(
    rf"\b(?:(?:on|in)\s+)?(?:the\s+)?night\s+of\s+(?P<d1>{_D}){_TO}(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?"
)
@pattern(rf"\b(?:between|from)\s+(?P<d1>{_D}){_TO}(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?")
@pattern(rf"\b(?P<d1>{_D})\s*[-–]\s*(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?")
def _day_day_month(m: re.Match[str]) -> Mention:
    month, year = _month(m["m"]), _year(m["y"])
    return _range(
        m,
        CalendarRef(year=year, month=month, day=_day(m["d1"])),
        CalendarRef(year=year, month=month, day=_day(m["d2"])),
    )


@pattern(
    rf"\b(?:(?:on|in)\s+)?(?:the\s+)?night\s+of\s+(?P<m>{_M})\s+(?P<d1>{_D}){_TO}(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})(?:,?\s+(?P<y>{_Y}))?"
)
@pattern(
    rf"\b(?:between|from)\s+(?P<m>{_M})\s+(?P<d1>{_D}){_TO}(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b(?:,?\s+(?P<y>{_Y}))?"
)
@pattern(rf"\b(?P<m>{_M})\s+(?P<d1>{_D})\s*[-–]\s*(?:(?P<m2>{_M})\s+)?(?P<d2>{_D})\b(?:,?\s+(?P<y>{_Y}))?")
def _month_day_day(m: re.Match[str]) -> Mention:
    year = _year(m["y"])
    return _range(
        m,
        CalendarRef(year=year, month=_month(m["m"]), day=_day(m["d1"])),
        CalendarRef(year=year, month=_month(m["m2"] or m["m"]), day=_day(m["d2"])),
    )


@pattern(
    rf"\b(?:between|from)\s+(?P<d1>{_D})\s+(?P<m1>{_M})(?:,?\s+(?P<y1>{_Y}))?{_TO}(?P<d2>{_D})\s+(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?"
)
@pattern(
    rf"\b(?:(?:on|in)\s+)?(?:the\s+)?night\s+of\s+(?P<d1>{_D})\s+(?P<m1>{_M})(?:,?\s+(?P<y1>{_Y}))?{_TO}(?P<d2>{_D})\s+(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?"
)
@pattern(
    rf"\bfrom\s+(?:his|her|their|the)\s+(?:arrest|detention|abduction|capture)\s+on\s+(?P<d1>{_D})\s+(?P<m1>{_M})(?:,?\s+(?P<y1>{_Y}))?\s+(?:until|till|to)\s+(?P<d2>{_D})\s+(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?"
)
def _day_month_day_month(m: re.Match[str]) -> Mention:
    return _range(
        m,
        CalendarRef(year=_year(m["y1"]), month=_month(m["m1"]), day=_day(m["d1"])),
        CalendarRef(year=_year(m["y2"]), month=_month(m["m2"]), day=_day(m["d2"])),
    )


# Days side by side are one occasion told over consecutive days ("on 22 and 23 May", "on 14, 15 and 16
# January", "overnight on 30 to 31 May"); days further apart ("on 3 and 17 May") are two occasions.
_NEXT_DAYS = 3


@pattern(rf"\b(?P<d1>{_D})(?:,\s*{_D}){{0,3}},?\s+and\s+(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?")
@pattern(rf"\bovernight\s+(?:on\s+|of\s+|from\s+)?(?P<d1>{_D}){_TO}(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?")
def _consecutive_days(m: re.Match[str]) -> Mention | None:
    first, last = _day(m["d1"]), _day(m["d2"])
    if first is None or last is None or not 0 < last - first <= _NEXT_DAYS:
        return None
    return _day_day_month(m)


@pattern(rf"\b(?P<m>{_M})\s+(?P<d1>{_D})(?:,\s*{_D}){{0,3}},?\s+and\s+(?P<d2>{_D})\b(?:,?\s+(?P<y>{_Y}))?")
def _consecutive_days_month_first(m: re.Match[str]) -> Mention | None:
    first, last = _day(m["d1"]), _day(m["d2"])
    if first is None or last is None or not 0 < last - first <= _NEXT_DAYS:
        return None
    month, year = _month(m["m"]), _year(m["y"])
    return _range(
        m, CalendarRef(year=year, month=month, day=first), CalendarRef(year=year, month=month, day=last)
    )


@pattern(rf"\b(?:between|from)\s+(?P<m1>{_M})(?:\s+(?P<y1>{_Y}))?{_TO}(?P<m2>{_M})(?:\s+(?P<y2>{_Y}))?\b")
def _month_month(m: re.Match[str]) -> Mention:
    return _range(
        m,
        CalendarRef(year=_year(m["y1"]), month=_month(m["m1"])),
        CalendarRef(year=_year(m["y2"]), month=_month(m["m2"])),
    )


# -- open ranges ----------------------------------------------------------------------------


@pattern(r"\bwithin\s+(?:a\s+few\s+|several\s+|\w+\s+)?(?:days|hours|weeks)(?:\s+of(?=\s))?")
@pattern(
    r"\bfor\s+(?:several|a\s+few|many|some|\w+)\s+(?:days|weeks|months)\s+(?:since|afterwards|after\s+that|thereafter)\b"
)
@pattern(r"\b(?:ever\s+since|since\s+then|since\s+that\s+(?:day|time|night))\b")
def _open_from_anchor(m: re.Match[str]) -> Mention:
    mention = _from_event(m, _mention(m, Kind.OPEN))
    # "within days of her arrest": the arrest the story has just told, not the first one it named
    return replace(mention, latest=True) if m.group().endswith(" of") else mention


_EVENT_AFTER = re.compile(
    r"\s+(?:(?:the|his|her|their|its|our|my)\s+(?:[\w-]+(?:'s|’s)\s+)?|[\w-]+(?:'s|’s)\s+)(?P<event>\w+)",
    re.IGNORECASE,
)


@pattern(r"\bsince(?=\s+\S)")
def _since_event(m: re.Match[str]) -> Mention | None:
    """'Since her arrest', 'since the demolition': an open range from that act's day; other 'since's
    are read by the patterns for dates."""
    mention = _from_event(m, _mention(m, Kind.OPEN))
    return mention if mention.after_act is not None else None


def _from_event(m: re.Match[str], mention: Mention) -> Mention:
    """'For several days since the attack', 'in the days that followed the arrest': from that act's day."""
    if not m.group().lower().endswith(("since", "followed", "after", "following", " of")):
        return mention
    event = _EVENT_AFTER.match(m.string, m.end())
    if event is not None and m.group().endswith(" of") and event.group().split()[0].lower() == "the":
        return mention  # "within days of the attack": which attack is the story's, left to the anchor
    after_act = EVENT_NOUNS.get(event["event"].lower()) if event else None
    if event is None or after_act is None:
        return mention
    return replace(mention, end=event.end(), after_act=after_act)


@pattern(
    r"\b(?:in|over|during)\s+the\s+(?:following|next|subsequent|ensuing)\s+(?:few\s+)?(?:days|weeks|months)\b"
)
@pattern(
    r"\bin\s+the\s+(?:days|weeks|months)\s+(?:that\s+followed|after(?:wards)?|since|following|that\s+came\s+after)\b"
)
def _open_from_next_day(m: re.Match[str]) -> Mention:
    return _from_event(m, _mention(m, Kind.OPEN, open_from_next_day=True))


@pattern(
    rf"\bsince\s+(?:(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+)?(?P<m>{_M})(?:\s+(?P<y>{_Y}))?\b(?!\s*\d)"
)
def _since_month(m: re.Match[str]) -> Mention:
    part = _part(m["part"]) if m["part"] else None
    return _mention(m, Kind.OPEN, point=CalendarRef(year=_year(m["y"]), month=_month(m["m"]), part=part))


@pattern(rf"\bsince\s+(?:(?P<d>{_D})\s+(?P<m>{_M})|(?P<m2>{_M})\s+(?P<d2>{_D}))(?:,?\s+(?P<y>{_Y}))?\b")
def _since_day(m: re.Match[str]) -> Mention:
    point = CalendarRef(year=_year(m["y"]), month=_month(m["m"] or m["m2"]), day=_day(m["d"] or m["d2"]))
    return _mention(m, Kind.OPEN, point=point)


@pattern(rf"\bsince\s+(?P<y>{_Y})\b")
def _since_year(m: re.Match[str]) -> Mention:
    return _mention(m, Kind.OPEN, point=CalendarRef(year=_year(m["y"])))


# -- calendar dates ---------------------------------------------------------------------------


_ISO = r"(?P<y{n}>{Y})-(?P<m{n}>0[1-9]|1[0-2])-(?P<d{n}>[0-2]\d|3[01])"


@pattern(
    rf"\b(?:from\s+|between\s+)?{_ISO.format(n=1, Y=_Y)}\s*(?:to|until|till|and|-|–|—)\s*"
    rf"{_ISO.format(n=2, Y=_Y)}\b"
)
def _iso_range(m: re.Match[str]) -> Mention:
    return _range(
        m,
        CalendarRef(year=int(m["y1"]), month=int(m["m1"]), day=int(m["d1"])),
        CalendarRef(year=int(m["y2"]), month=int(m["m2"]), day=int(m["d2"])),
    )


@pattern(rf"\b(?P<y>{_Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b")
def _iso(m: re.Match[str]) -> Mention:
    return _calendar(m, year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))


@pattern(rf"\b(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>{_Y})\b")
def _numeric(m: re.Match[str]) -> Mention | None:
    day, month = int(m["a"]), int(m["b"])
    if month > 12 >= day:  # a US-style 12/31/2014
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _calendar(m, year=int(m["y"]), month=month, day=day)


# A day and month at the head of a line, before a time or a separator: a feed's "03.06 | 09:40";
# after a weekday, alone on its line: a diary's "Wed. 20.03".
@pattern(r"(?<![^\n])[ \t]*(?P<d>[0-3]?\d)\.(?P<mm>[01]?\d)(?=[ \t]*(?:[|:–—-]|\d{1,2}:\d\d))")
@pattern(
    r"(?<![^\n])[ \t]*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+"
    r"(?P<d>[0-3]?\d)\.(?P<mm>[01]?\d)\.?(?=[ \t]*(?:\n|$))"
)
def _numeric_heading(m: re.Match[str]) -> Mention | None:
    day, month = int(m["d"]), int(m["mm"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    point = CalendarRef(month=month, day=day)
    return Mention(start=m.start("d"), end=m.end(), kind=Kind.CALENDAR, point=point)


@pattern(
    rf"\b(?:(?:in|on)\s+the\s+(?:early\s+)?(?:morning|afternoon|evening|night)\s+of\s+|(?:early|late)\s+on\s+)?(?:(?P<w>{_WD}),?\s+)?(?:the\s+)?(?P<d>{_D})(?:\s+of)?\s+(?P<m>{_M})(?!\w)(?:,?\s+(?P<y>{_Y})\b|\s+(?P<rel>last|this)\s+year\b)?"
)
def _day_month(m: re.Match[str]) -> Mention:
    return _evening(m, _calendar(
        m, year=_year(m["y"]), month=_month(m["m"]), day=_day(m["d"]), weekday=_weekday_of(m["w"]),
        relative_year=_relative_year(m["rel"]),
    ))


_EVENING_OF = re.compile(r"\b(?:evening|night)\s+of\b", re.IGNORECASE)


def _evening(m: re.Match[str], mention: Mention) -> Mention:
    """'On the evening of 19 June': an event 'after midnight' that follows is on the 20th."""
    return replace(mention, evening=True) if _EVENING_OF.search(m.group()) else mention


def _weekday_of(token: str | None) -> int | None:
    return WEEKDAYS[token.lower()] if token else None


def _relative_year(token: str | None) -> int | None:
    return None if token is None else (-1 if token.lower() == "last" else 0)


@pattern(
    rf"\b(?:(?:in|on)\s+the\s+(?:early\s+)?(?:morning|afternoon|evening|night)\s+of\s+|(?:early|late)\s+on\s+)?(?:(?P<w>{_WD}),?\s+)?\b(?P<m>{_M})\s+(?P<d>{_D})\b(?!\s*[-–]\s*\d)(?:,?\s+(?P<y>{_Y})\b|\s+(?P<rel>last|this)\s+year\b)?"
)
def _month_day(m: re.Match[str]) -> Mention:
    return _evening(m, _calendar(
        m, year=_year(m["y"]), month=_month(m["m"]), day=_day(m["d"]), weekday=_weekday_of(m["w"]),
        relative_year=_relative_year(m["rel"]),
    ))


_NOT_A_DAY_AFTER = (
    r"of\b|century|centuries|anniversary|birthday|floor|day|time|round|session|congress|street|avenue|"
    r"district|brigade|battalion|division|army|grade|hour|minute|week|month|year|place|"
)


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


# Spelled out ("12th", not "[12]\d(?:st|th)") so that the ordinals themselves are the prefilter's stems.
_ORDINAL_DAY = "|".join(_ordinal(day) for day in range(31, 0, -1))


@pattern(rf"\b(?:on|by|until)\s+the\s+(?P<d>{_ORDINAL_DAY})\b(?!\s*(?:{_NOT_A_DAY_AFTER}{_M}))")
def _day_of_month(m: re.Match[str]) -> Mention:
    """'Stopped at the checkpoint on the 12th': that day of the story's month."""
    return Mention(start=m.start(), end=m.end(), kind=Kind.CALENDAR, point=CalendarRef(day=_day(m["d"])))


@pattern(
    rf"\b(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+(?P<m>{_M})"
    rf"(?:\s+(?P<y>{_Y})\b|\s+(?P<rel>last|this)\s+year\b)?(?!\s*\d)"
)
def _part_of_month(m: re.Match[str]) -> Mention:
    """'In mid-January this year': the year is part of the date, not a second date beside it."""
    return _calendar(
        m, year=_year(m["y"]), month=_month(m["m"]), part=_part(m["part"]),
        relative_year=_relative_year(m["rel"]),
    )


@pattern(rf"\b(?P<m>{_M})(?:\s+of)?,?\s+(?P<y>{_Y})\b")
def _month_year(m: re.Match[str]) -> Mention:
    return _calendar(m, year=_year(m["y"]), month=_month(m["m"]))


@pattern(
    rf"\b(?:in|during|by|until|throughout|from|last|this|earlier\s+in|later\s+in)\s+(?P<m>{_M})\b"
    rf"(?:\s+(?P<rel>last|this)\s+year\b)?(?![\s.]*\d)"
)
@pattern(rf"\b(?<![^\n])(?P<m>{_M})\b(?=\s*[|:–—])")
def _bare_month(m: re.Match[str]) -> Mention:
    return _calendar(m, month=_month(m["m"]), relative_year=_relative_year(m.groupdict().get("rel")))


@pattern(
    rf"\b(?:in\s+|during\s+)?(?:the\s+)?(?:(?P<part>early|late|mid)[\s-]*)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>{_Y})\b"
)
@pattern(r"\b(?:in|during|last|this)\s+(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\b")
def _season(m: re.Match[str]) -> Mention:
    season = m["s"].lower().replace("fall", "autumn")
    return _calendar(m, year=_year(m.groupdict().get("y")), season=season)


@pattern(rf"\b(?:in\s+)?(?P<part>early|mid|late)[\s-]+(?P<y>{_Y})\b")
@pattern(rf"\b(?:in\s+|at\s+)?the\s+(?P<part>beginning|start|middle|end)\s+of\s+(?P<y>{_Y})\b")
def _part_of_year(m: re.Match[str]) -> Mention:
    return _calendar(m, year=_year(m["y"]), part=_part(m["part"]))


@pattern(rf"\b(?:in|during|throughout|until|by|from)\s+(?P<y>{_Y})\b(?![-/.]\d)")
def _year_only(m: re.Match[str]) -> Mention:
    return _calendar(m, year=_year(m["y"]))


# -- relative to the document's date ----------------------------------------------------------


@pattern(rf"\b(?:from|between)\s+(?P<w>{_WD}){_PART_OF_DAY}\s+(?:to|until|till|and)\s+(?P<w2>{_WD}){_PART_OF_DAY}\b")
def _weekday_range(m: re.Match[str]) -> Mention:
    """'From Friday evening until Sunday morning': the latest such days up to the document's date."""
    first, last = WEEKDAYS[m["w"].lower()], WEEKDAYS[m["w2"].lower()]
    return _mention(m, Kind.WEEKDAY, weekday=first, until_weekday=last)


@pattern(
    rf"\b(?:(?:on|last|this|early\s+on|late\s+on|early|late)\s+)?(?P<w>{_WD})(?:'s)?{_PART_OF_DAY}\b(?!,?\s+(?:the\s+)?(?:{_D}\s+(?:of\s+)?{_M}|{_M}\s+\d))"
)
def _weekday(m: re.Match[str]) -> Mention | None:
    if m.start() >= 5 and m.string[m.start() - 5 : m.start()].lower() == "next ":
        return None
    if m.start() == m.start("w") and _WEEKLY.match(m.string, m.end()):
        return None  # "their Friday gatherings", "after Friday prayers": a weekly habit, not a day
    return _mention(m, Kind.WEEKDAY, weekday=WEEKDAYS[m["w"].lower()])


_WEEKLY = re.compile(
    r"\s+(?:prayers|sermons|gatherings|meetings|markets|services|classes|lessons|protests|vigils|"
    r"demonstrations|rallies|marches|masses)\b",
    re.IGNORECASE,
)


@pattern(
    r"\b(?:the\s+day\s+before\s+yesterday|yesterday|last\s+night|earlier\s+today|today|tonight|this\s+(?:morning|afternoon|evening))\b"
)
def _near_day(m: re.Match[str]) -> Mention:
    words = m.group().lower()
    if words.startswith("the day before"):
        offset = -2
    elif words.startswith(("yesterday", "last night")):
        offset = -1
    else:
        offset = 0
    return _mention(m, Kind.DOC_RELATIVE, unit=Unit.DAY, offset=offset, night=words == "last night")


@pattern(rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?:ago(?P<today>\s+today)?|(?P<since>today)\b)")
def _ago(m: re.Match[str]) -> Mention | None:
    """'Three days ago', 'two years ago': back from the document's day. 'Two years today since he was
    taken', 'a year ago today': that very calendar day."""
    number = m["n"].lower()
    count = int(number) if number.isdigit() else NUMBERS.get(number, 0)
    if not count:
        return None
    unit = UNITS[m["unit"].lower()]
    same_day = bool(m["today"] or m["since"])
    if m["since"] and not re.match(r"\s+since\b", m.string[m.end() :], re.IGNORECASE):
        return None  # "two years today" must say since what
    if unit is Unit.WEEK:
        unit, count = Unit.DAY, 7 * count
    # a look back from the present: it dates its own sentence but does not move the story there
    return _mention(m, Kind.DOC_RELATIVE, unit=unit, offset=-count, same_day=same_day, sets_anchor=False)


@pattern(r"\b(?P<which>last|this|past|earlier\s+this|so\s+far\s+this)\s+(?P<unit>week|weekend|month|year)\b")
def _this_or_last(m: re.Match[str]) -> Mention:
    unit = Unit.WEEKEND if m["unit"].lower() == "weekend" else UNITS[m["unit"].lower()]
    which = m["which"].lower()
    if unit is Unit.WEEKEND:
        return _mention(m, Kind.DOC_RELATIVE, unit=unit, offset=0)
    if which in ("last", "past"):
        return _mention(m, Kind.DOC_RELATIVE, unit=unit, offset=-1)
    return _mention(m, Kind.DOC_RELATIVE, unit=unit, offset=0, to_document_date=True)


# -- relative to the narrative ----------------------------------------------------------------


@pattern(
    rf"\b(?:on\s+|by\s+)?the\s+(?P<which>following|next|previous|same|preceding)\s+(?P<noun>{_ANCHOR_NOUN})\b"
)
@pattern(r"\b(?:the\s+)?(?P<which>next)\s+(?P<noun>morning|day|evening|afternoon)\b")
def _neighbour(m: re.Match[str]) -> Mention:
    which, noun = m["which"].lower(), m["noun"].lower()
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(which, 0)
    unit = UNITS.get(noun, Unit.DAY)
    whole = unit in (Unit.WEEK, Unit.MONTH, Unit.YEAR)  # "the same month": that whole calendar month
    return _mention(m, Kind.ANCHOR_RELATIVE, unit=unit, offset=step, whole_unit=whole)


@pattern(
    r"\b(?:(?:on|during)\s+)?(?:that|the\s+same)\s+(?:day|evening|night)\s+and\s+(?:on\s+|during\s+)?the\s+"
    r"(?:following|next)\s+(?:day|morning)\b"
)
def _that_day_and_the_next(m: re.Match[str]) -> Mention:
    """'That night and the following day, officers beat him': the story's day and the one after."""
    return _mention(m, Kind.ANCHOR_RELATIVE, offset=0, through=1)


@pattern(
    r"\b(?:(?:later|earlier)\s+(?:on\s+)?(?:that|the\s+same)|(?:on\s+)?that(?:\s+same)?)\s+(?:day|morning|afternoon|evening|night)\b"
)
@pattern(r"\b(?:(?:a\s+few|several|two|\d+)\s+)?(?:hours|minutes|moments)\s+(?:later|earlier|afterwards)\b")
@pattern(r"\b(?:shortly|soon)\s+(?:after(?:wards)?|afterward|thereafter)\b(?!\s+(?:the|his|her|their)\b)")
def _same_day(m: re.Match[str]) -> Mention:
    return _mention(m, Kind.ANCHOR_RELATIVE, offset=0)


@pattern(
    r"\b(?:(?:a\s+few|several|two|three|\d+)\s+)?(?:hours|minutes)\s+(?:after|before)\s+(?:the|his|her|their)\s+(?P<event>\w+)"
)
def _hours_from_event(m: re.Match[str]) -> Mention | None:
    """'Hours after the arrest': the day of that act, whatever the story's last date."""
    after_act = EVENT_NOUNS.get(m["event"].lower())
    if after_act is None:
        return None
    return _mention(m, Kind.ANCHOR_RELATIVE, offset=0, after_act=after_act)


@pattern(
    r"\b(?:during|after|at|outside|following)\s+the\s+(?:verdict|hearing|sentencing|ruling)\b"
    r"(?![\s,]+(?:on|of|in)\b)"  # "at the hearing on 12 November" is dated by its day
)
def _at_court_step(m: re.Match[str]) -> Mention:
    """'During the verdict, police detained ...': the day of the court step just told."""
    return _mention(m, Kind.ANCHOR_RELATIVE, offset=0, after_act=Act.JUDICIAL_HARASSMENT, latest=True)


@pattern(
    rf"\b(?:during|in|over)\s+(?:his|her|their|the)\s+first\s+(?P<n>{_NUM})\s+days\s+"
    r"(?=(?:in|at|under)\s)"
)
def _first_days_held(m: re.Match[str]) -> Mention | None:
    """'During his first two days at the police premises': from the day he was taken, that many days."""
    number = m["n"].lower()
    count = int(number) if number.isdigit() else NUMBERS.get(number, 0)
    if not 1 < count <= 14:
        return None
    held = Act.ARBITRARY_DETENTION
    return _mention(m, Kind.ANCHOR_RELATIVE, offset=0, through=count - 1, after_act=held, sets_anchor=False)


@pattern(r"\b(?:(?:shortly|just|soon)\s+)?after\s+midnight\b")
def _after_midnight(m: re.Match[str]) -> Mention:
    return _mention(m, Kind.ANCHOR_RELATIVE, offset=0, past_midnight=True)


@pattern(rf"\b(?:on\s+)?the\s+(?:following|next)\s+(?P<w>{_WD})\b")
def _following_weekday(m: re.Match[str]) -> Mention:
    """'On the following Tuesday': the first such day after the story's day, not the document's."""
    return _mention(m, Kind.ANCHOR_RELATIVE, weekday=WEEKDAYS[m["w"].lower()], offset=1)


_EVENT = (
    r"(?:\s+(?:(?:the|his|her|their|this|that)\s+(?:[\w-]+(?:'s|’s)\s+)?(?P<event>\w+)|[\w-]+(?:'s|’s)\s+(?P<event2>\w+)"
    r"|(?:he|she|they)\s+(?:was|were)\s+(?P<verb>\w+)))?"
)


_NAMED_EVENT = re.compile(r"\s+(?P<event>[^\W\d_]+)\b")  # the act's noun after the word that names which


@pattern(rf"\bthe\s+day\s+(?P<dir>before|after){_EVENT}")
@pattern(rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|after(?:wards)?|earlier|before|on){_EVENT}")
def _offset(m: re.Match[str]) -> Mention | None:
    if re.search(
        r"\b(?:for|about|almost|nearly|over|than|the)\s+$", m.string[max(0, m.start() - 8) : m.start()], re.I
    ):
        return None  # "for 12 days before he was brought to court", "during the three days before": durations
    groups = m.groupdict()
    count = NUMBERS.get((groups.get("n") or "one").lower()) or int(groups.get("n") or 1)
    unit = UNITS[(groups.get("unit") or "day").lower()]
    direction = m["dir"].lower()
    if direction == "on" and not (groups.get("event") or groups.get("event2")):
        return None
    sign = -1 if direction in ("earlier", "before") else 1
    event = (groups.get("event") or groups.get("event2") or "").lower()
    after_act = EVENT_NOUNS.get(event) or EVENT_VERBS.get(
        (groups.get("verb") or "").lower()
    )
    end = m.end() if after_act is not None else m.end("dir")
    named = _NAMED_EVENT.match(m.string, m.end()) if groups.get("event") and after_act is None else None
    if named is not None and named["event"].lower() in EVENT_NOUNS:  # "three days after the market arrests"
        after_act, end = EVENT_NOUNS[named["event"].lower()], named.end()
    if after_act is None and direction in ("after", "before"):
        aside = _aside(m, unit, sign * count)
        if aside is not None:
            return aside
    return Mention(
        start=m.start(),
        end=end,
        kind=Kind.ANCHOR_RELATIVE,
        unit=unit,
        offset=sign * count,
        after_act=after_act,
        latest=event in LATEST_STEP,
    )


# "The arrest came a day after the channel aired ...": the arrest's day, counted back.
_CAME = re.compile(
    r"\b(?:the|his|her|their|its)\s+(?P<event>\w+)\s+(?:came|happened|took\s+place|occurred)\s+"
    r"(?:just\s+|only\s+|barely\s+)?$",
    re.IGNORECASE,
)
_AFTER_CLAUSE = re.compile(r",\s*(?:just\s+|only\s+|barely\s+)?$")


def _aside(m: re.Match[str], unit: Unit, offset: int) -> Mention | None:
    """'Police detained him on Thursday, a day after he spoke on the radio': the clause after the
    offset happened a day before the story's day, which stays where it was. 'The arrest came two days
    after the broadcast': the broadcast was two days before the arrest."""
    before = m.string[max(0, m.start() - 60) : m.start()]
    came = _CAME.search(before)
    if came is not None and came["event"].lower() in EVENT_NOUNS:
        start = m.start() - len(before) + came.start("event")
        after_act: Act | None = EVENT_NOUNS[came["event"].lower()]
    elif _AFTER_CLAUSE.search(before):
        start, after_act = m.start(), None
    else:
        return None
    return Mention(
        start=start, end=m.end("dir"), kind=Kind.ANCHOR_RELATIVE, unit=unit, offset=-offset,
        after_act=after_act, sets_anchor=False, aside=True,
    )


# Patterns are lower case and run over a lower-cased copy of the text (much faster than
# case-insensitive matching); names of months and weekdays must then be capitalised in the
# original, so "may" the verb and "march" the walk are never dates.
_COMPILED = [(re.compile(regex), builder) for regex, builder in PATTERNS]
_COMPILED_ANY_CASE = [(re.compile(regex, re.IGNORECASE), builder) for regex, builder in PATTERNS]
_NAME_GROUPS = ("m", "m1", "m2", "w", "w2")
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_WHEN = re.compile(r",?\s+when\b", re.IGNORECASE)
# "The centre today condemned ...", "the ministry on Monday said ...": the date of a statement.
_REPORTED_AFTER = re.compile(
    r"\s+(?:said|says|stated|announced|condemned|denounced|expressed|voiced|urged|called|welcomed|"
    r"deplored|demanded|warned|told|wrote|declared|published|issued)\b",
    re.IGNORECASE,
)
_REPORTING = re.compile(
    r"\b(?:said|says|stated|announced|told\s+\w+|reported|wrote|declared|added|warned|published|"
    r"urged|called\s+on\s+\w+(?:\s+\w+)?)"
    r"(?:\s+in\s+(?:a|an|its|their|his|her)\s+(?:\w+\s+)?(?:statement|interview|post|letter|release|briefing))?"
    r"\s+$",
    re.IGNORECASE,
)


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Every date mention in ``text[start:end]``, in order, none overlapping (longest wins)."""
    stop = len(text) if end is None else end
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    scanned, compiled = (lowered, _COMPILED) if same_length else (text, _COMPILED_ANY_CASE)
    found: list[Mention] = []
    scanner = prefilter.Scanner(scanned, [regex for regex, _ in compiled])
    for regex, builder in compiled:
        groups = [g for g in _NAME_GROUPS if g in regex.groupindex]
        for match in scanner.finditer(regex, start, stop):
            if any(match.start(g) >= 0 and text[match.start(g)].islower() for g in groups):
                continue
            mention = builder(match)
            if mention is not None and not _not_a_day(text, mention):
                found.append(mention)
    found.sort(key=lambda item: (item.start, -(item.end - item.start)))
    chosen: list[Mention] = []
    for mention in found:
        if chosen and mention.start < chosen[-1].end:
            continue
        if chosen and not mention.aside and _apposition(text, chosen[-1], mention):
            # "On 3 January, eleven days before the elections, ...": the same day told again
            chosen.append(replace(mention, reporting=True, sets_anchor=False))
            continue
        if chosen and _apposition(text, mention, chosen[-1], after=True):
            # "Two days later, on 3 May, ...": the day itself is the better telling
            chosen[-1] = replace(chosen[-1], reporting=True, sets_anchor=False)
        told = _title(text, _heading(text, _reporting(text, _open_if_since(text, mention))))
        chosen.append(_observed(text, _after_the_days_event(text, _telling(text, _scheduled(text, told)))))
    return chosen


# "A doctor who examined her on Monday", "his lawyer saw bruises on his legs the following day": the day
# harm was seen, after it was done.
_OBSERVED = re.compile(
    r"\b(?:examined|saw\s+(?:bruises|injuries|marks|wounds|scars|signs))\b[^.;!?\n]{0,50}$", re.IGNORECASE
)


def _observed(text: str, mention: Mention) -> Mention:
    if mention.kind not in (Kind.CALENDAR, Kind.WEEKDAY, Kind.DOC_RELATIVE, Kind.ANCHOR_RELATIVE):
        return mention
    if mention.heading or not _OBSERVED.search(text, max(0, mention.start - 70), mention.start):
        return mention
    return replace(mention, reporting=True, sets_anchor=False)


_AFTER_BEFORE = re.compile(r"\b(?:after|following)\s+$", re.IGNORECASE)


def _after_the_days_event(text: str, mention: Mention) -> Mention:
    """'Suspended after Sunday's call-in show': the day of what came before the act, not the act's."""
    if mention.kind is not Kind.WEEKDAY and mention.kind is not Kind.DOC_RELATIVE:
        return mention
    if not text[mention.start : mention.end].endswith(("'s", "’s")):
        return mention
    if not _AFTER_BEFORE.search(text, max(0, mention.start - 12), mention.start):
        return mention
    return replace(mention, sets_anchor=False, bound=True)


# "The following account was given to our researcher on 26 November", "Interviewed in Gulu on 3 May":
# the day a testimony was taken, which is after everything it recounts.
_TELLING = re.compile(
    r"(?:\b(?:accounts?|testimony|testimonies|statements?|interviews?)(?:\s+\w+)?\s+(?:was|were)\s+"
    r"(?:given|recorded|taken|collected|"
    r"conducted|made)|\binterviewed\b(?!\s+by\s+(?:the\s+)?(?:police|investigators?|officers?|security|agents?|"
    r"prosecutors?|detectives?|interrogators?)\b))[^.;:!?\n]{0,60}?\b(?:on|in)\s+$",
    re.IGNORECASE,
)


def _telling(text: str, mention: Mention) -> Mention:
    if mention.kind not in (Kind.CALENDAR, Kind.RANGE):
        return mention
    if not _TELLING.search(text, max(0, mention.start - 120), mention.start):
        return mention
    return replace(mention, reporting=True, sets_anchor=False, telling=True)


# "adjourned the case to 18 September", "a summons ordering her to appear before the court on 2 April",
# "the next hearing is set for 27 March": a day the court has fixed for later, not a day anything was done.
_SCHEDULED = re.compile(
    r"(?:\b(?:adjourned|postponed|deferred|rescheduled|put\s+off)\b[^.;:!?]{0,60}?\b(?:to|until|till|for)"
    r"|\bto\s+(?:appear|report|present\s+(?:himself|herself|themselves))\b[^.;:!?]{0,70}?\bon"
    r"|\bnext\s+(?:hearing|session|court\s+date)\b[^.;:!?]{0,40}?\b(?:on|for)"
    r"|\b(?:hearing|trial|verdict|sentencing|appeal|session)\s+(?:is|was|are|were)\s+(?:due|expected)\s+(?:on|for)"
    r"|\b(?:scheduled|set|fixed|listed)\s+for)"
    r"\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def _scheduled(text: str, mention: Mention) -> Mention:
    """A day fixed for a later step (a hearing, an appearance) dates no act and moves no story."""
    if mention.kind not in (Kind.CALENDAR, Kind.RANGE, Kind.WEEKDAY) or mention.heading or mention.title:
        return mention
    lead = _LEADING_ON.match(text, mention.start)  # a weekday's mention holds its "on"
    end = lead.end() if lead else mention.start
    if not _SCHEDULED.search(text, max(0, end - 110), end):
        return mention
    return replace(mention, sets_anchor=False, bound=True)


_LEADING_ON = re.compile(r"(?i:on|for)\s+")


# "every Monday", "each Friday": a habit, not a day. "Pa Sunday Okafor", "witness Monday Eze": a
# weekday between a word that cannot introduce a day and a capitalised word is a given name.
_HABIT_BEFORE = re.compile(r"\b(?:every|each|their|his|her|our|its|my|your)\s+$", re.IGNORECASE)
_WEEKDAY_FIRST = re.compile(r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_DAY_INTRODUCER = frozenset(
    "on last this next by since until till from to and or early late that the of between before after "
    "following through in at for said says".split()
)
_NAME_AFTER = re.compile(r"[ \t]+(?!(?:Morning|Evening|Night|Afternoon)\b)[A-Z][a-z]+\b")
_WORD_BEFORE = re.compile(r"(\S+)[ \t]+$")


def _not_a_day(text: str, mention: Mention) -> bool:
    """A weekday that names a habit or a person rather than a day of the story."""
    if mention.kind is not Kind.WEEKDAY or mention.until_weekday is not None:
        return False
    weekday_first = _WEEKDAY_FIRST.match(text, mention.start) is not None
    if weekday_first and _HABIT_BEFORE.search(text, max(0, mention.start - 6), mention.start):
        return True  # "every Monday", "their Friday gatherings"; not "examined her on Monday"
    words = text[mention.start : mention.end]
    if " " in words.strip() or not words[:1].isupper() or _NAME_AFTER.match(text, mention.end) is None:
        return False  # "on Sunday", "last Sunday", "Sunday evening", "Sunday's": a day
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = _WORD_BEFORE.search(text, max(line_start, mention.start - 30), mention.start)
    if before is None:
        return text[line_start : mention.start].strip() == ""  # "Sunday Okafor said ..." opening a line
    word = before[1]
    return word[-1].isalpha() and word.lower() not in _DAY_INTRODUCER


_TITLE_END = re.compile(r"[ \t]*(?:\n|$)")


def _title(text: str, mention: Mention) -> Mention:
    """A day that ends a short line with no sentence in it ("3. Hill village, 9 May") titles a section."""
    if mention.kind not in (Kind.CALENDAR, Kind.RANGE) or not _TITLE_END.match(text, mention.end):
        return mention
    line_start = text.rfind("\n", 0, mention.start) + 1
    line = text[line_start : mention.start]
    numbered = re.match(r"\s*\d{1,2}\.\s", line) is not None  # "3. " numbers the section
    if len(line) > 60 or (any(mark in line for mark in ".;!?") and not numbered):
        return mention
    return replace(mention, title=True)


_LINE_HEAD = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•–—]\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?$", re.IGNORECASE
)
_HEAD_TIME = re.compile(r"[ \t]*(?:[|–—-][ \t]*)?(?P<h>[01]?\d|2[0-3]):[0-5]\d\b")
_HEAD_FULL_STOP = re.compile(r"\.[ \t]+(?=[A-Z])")
_HEAD_SEPARATOR = re.compile(r"[ \t]*(?:[|:–—]|-\s|\(|\d{1,2}:\d\d|\n)")


def _heading(text: str, mention: Mention) -> Mention:
    """A day that opens a line and is set off from it ("03.06 | 09:40", "2018-09-15:", "• 6 Dec. —")
    dates a log entry: "today" and "on Saturday" in that entry count from it."""
    if mention.kind is not Kind.CALENDAR or mention.point is None or mention.point.day is None:
        return mention
    if not _LINE_HEAD.search(text, max(0, mention.start - 20), mention.start):
        return mention
    if not _HEAD_SEPARATOR.match(text, mention.end) and not (
        text[mention.end - 1 : mention.end + 1] in (". ", ".\n") or _HEAD_FULL_STOP.match(text, mention.end)
    ):
        return mention  # "Thu 10 Apr. Badmaeva called": a full stop sets a diary's day off as well
    time = _HEAD_TIME.match(text, mention.end)
    return replace(mention, heading=True, morning_post=time is not None and int(time["h"]) < 12)


def _apposition(text: str, calendar: Mention, relative: Mention, after: bool = False) -> bool:
    """A relative date and a calendar day side by side, set off by a comma, name one day."""
    first, second = (relative, calendar) if after else (calendar, relative)
    between = text[first.end : second.start].strip().lower()
    return (
        calendar.kind is Kind.CALENDAR
        and (relative.kind is Kind.ANCHOR_RELATIVE or (after and relative.kind is Kind.DOC_RELATIVE))
        and (between == "," or (after and between in (", on", ",on")))
        and (not after or (calendar.point is not None and calendar.point.day is not None))
    )


_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:\w+ly\s+|already\s+|been\s+)?\w+(?:ed|en|wn|nt|ld|ght|ung|ade)\b", re.IGNORECASE
)


# "A law adopted in 2021", "the network, formed in 2012 by fishers": a participle of founding or
# issuing, not after an auxiliary, with the date of that founding.
_FOUNDING = re.compile(
    r"(?:,|\b(?:law|decree|code|act|order|network|group|union|party|association|organi[sz]ation|"
    r"movement|committee|council|centre|center|outlet|channel|station|newspaper|website|programme|"
    r"program|segment|broadcast|film|video|article|report|statement|post|page))\s+"
    r"(?P<verb>issued|adopted|passed|enacted|signed|founded|formed|established|created|registered|"
    r"launched|introduced|amended|approved|ratified|aired|broadcast|published|posted|released|set\s+up)"
    r"(?:\s+by\s+[^,;.()]{1,40}?)?(?:\s+(?:on|in|since|at\s+the\s+end\s+of))?\s+$",
    re.IGNORECASE,
)


_PAST_PERFECT_AFTER = re.compile(
    r",?\s+(?:\w+\s+){1,3}?had\s+(?:\w+ly\s+|already\s+|been\s+)?\w+(?:ed|en|wn|nt|ld|ght|ung|ade)\b",
    re.IGNORECASE,
)


def _sentence_start(text: str, offset: int) -> int:
    return max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset), text.rfind("; ", 0, offset)) + 1


_BOUND = re.compile(r"\b(?:by|until|till|as\s+of|up\s+to)\s+$", re.IGNORECASE)
# "held there until his release at about 03:00 the following morning", "released two days later",
# "he reappeared twelve days later": when a state ended, not a new occasion of the story.
_RELEASED = re.compile(
    r"\b(?:(?:until|till)\s+(?:his|her|their)\s+release|released|freed|reappeared)\b[^,;.()]{0,30}$",
    re.IGNORECASE,
)


def _reporting(text: str, mention: Mention) -> Mention:
    """'... said today', 'announced on Monday': the date of a statement, not of an act.
    'By Thursday evening ...': a state at a time, which does not move the story's anchor."""
    released = mention.kind is Kind.ANCHOR_RELATIVE and _RELEASED.search(
        text, max(0, mention.start - 60), mention.start
    )
    if released or _BOUND.search(text, max(0, mention.start - 8), mention.start):
        return replace(mention, sets_anchor=False, bound=True)
    founding = _FOUNDING.search(text, max(0, mention.start - 60), mention.start)
    if founding is not None and mention.kind in (Kind.CALENDAR, Kind.RANGE):
        # "Decree 54, issued by the President on 13 September 2022, ...": when the decree came
        return replace(
            mention, sets_anchor=False, aside=True, background=True, clause_start=founding.start("verb")
        )
    flashbacks = list(_PAST_PERFECT.finditer(text, _sentence_start(text, mention.start), mention.start))
    if flashbacks:
        flashback = flashbacks[-1]
        # "he had received a message on 20 February": a flashback, and the clause's own date
        return replace(mention, sets_anchor=False, clause_start=flashback.start())
    if mention.kind in (Kind.CALENDAR, Kind.RANGE) and _PAST_PERFECT_AFTER.match(text, mention.end):
        return replace(mention, sets_anchor=False)  # "that from 2 to 4 May she had been denied food"
    if mention.kind not in (Kind.DOC_RELATIVE, Kind.WEEKDAY, Kind.CALENDAR):
        return mention
    if not _REPORTING.search(text, max(0, mention.start - 70), mention.start) and not (
        _REPORTED_AFTER.match(text, mention.end)
    ):
        return mention
    if _REPORTED_AFTER.match(text, mention.end) and not _REPORTING.search(
        text, max(0, mention.start - 70), mention.start
    ):
        return replace(mention, reporting=True)  # "today condemned": still the story's present day
    return replace(mention, reporting=True, sets_anchor=False)


def _open_if_since(text: str, mention: Mention) -> Mention:
    """'since 5 March', 'since Tuesday' read as open ranges even when the date pattern matched alone."""
    if mention.kind not in (Kind.CALENDAR, Kind.WEEKDAY, Kind.DOC_RELATIVE):
        return mention
    since = _SINCE.search(text, max(0, mention.start - 8), mention.start)
    if since is None or _WHEN.match(text, mention.end):
        return mention  # "not seen since Monday, when men forced him into a van": that day's events
    return replace(mention, start=since.start(), open_end=True)


def iter_years(text: str) -> Iterator[int]:
    """Four-digit years that stand in explicit dates, for a document with no date of its own."""
    for mention in find_mentions(text):
        if mention.kind in (Kind.CALENDAR, Kind.RANGE) and mention.point and mention.point.year:
            yield mention.point.year

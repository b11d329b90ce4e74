"""English: the first language module of the extraction engine."""

from __future__ import annotations

import datetime as dt
import re
from typing import cast as typing_cast

from chronika.extract import language
from chronika.extract.en import actors, dates, modality, places, triggers
from chronika.extract.gazetteer import default_gazetteer
from chronika.extract.language import Dateline, Language, Locus, Participant, Trigger
from chronika.extract.timeline import Kind, Mention
from chronika.model import Act

# "Mbabane / Johannesburg / Geneva, 18 February 2025": a joint statement's dateline names each city.
_DATELINE_PREFIX = re.compile(
    r"(?:^|\n)\s*(?:\(|\[)?\s*(?:[A-Z][\w'’.\- ]{1,40}(?:\s*/\s*[A-Z][\w'’.\- ]{1,30}){0,4}"
    r"(?:,\s*[A-Z][\w'’.\- ]{1,30})?\s*"
    r"(?:,|\(\w+\)\s*[-–—]?|[-–—]|\((?=[^()\n]*$)))?\s*$"
)
# A header line such as "Issue 47 | 29 June 2025" or "Bulletin No. 12 · 3 May 2024": a short label, then
# a separator that is never found between a sentence's words and its date.
_HEADER_PREFIX = re.compile(r"(?:^|\n)[^\n.]{1,40}?\s(?:\||·|•)\s*$")
_STATED_PREFIX = re.compile(
    r"(?:published|posted|updated|date|dated|issued|released|filed|compiled|written(?:\s+up)?|first\s+published|exported|"
    r"archived|as\s+of|as\s+at|submitted|sent|date\s+of\s+(?:report|issue|publication|submission|statement|"
    r"letter|release|this\s+\w+)|report\s+date)"
    r"(?:\s+on)?\s*[:\-–—]?\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?$",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|believed|suspected|rumou?red|unconfirmed|apparently)\b", re.I)
HEAD_CHARS = 600


def find_dateline(text: str, mentions: list[Mention]) -> Dateline | None:
    """The document's own date: a dateline or a 'Published ...' line near the top or the end."""
    regions = [(0, min(len(text), HEAD_CHARS)), (max(0, len(text) - HEAD_CHARS // 2), len(text))]
    for region_start, region_end in regions:
        for mention in (m for m in mentions if region_start <= m.start and m.end <= region_end):
            if mention.kind is not Kind.CALENDAR or mention.point is None:
                continue
            point = mention.point
            if point.year is None or point.month is None or point.day is None:
                continue
            before = text[max(0, mention.start - 80) : mention.start]
            stated = bool(_STATED_PREFIX.search(before))
            header = region_start == 0 and bool(
                _DATELINE_PREFIX.search(before) or _HEADER_PREFIX.search(before)
            )
            if stated or header:
                try:
                    day = dt.date(point.year, point.month, point.day)
                except ValueError:
                    continue
                dateline = Dateline(day, mention.start, mention.end, stated)
                return dateline if stated else _last_day_heading(text, mentions, dateline)
    return None


LIVE_DAYS = 31  # how far past its first day heading a live page or a log may still run


def _last_day_heading(text: str, mentions: list[Mention], first: Dateline) -> Dateline:
    """A live page or a log headed by a line per day ("SATURDAY 17 MAY 2025" ... "SUNDAY 18 MAY 2025")
    is as recent as its last such line, not its first."""
    if not _alone_on_line(text, first.start, first.end):
        return first
    latest = first
    for mention in mentions:
        point = mention.point
        if mention.start <= first.start or mention.kind is not Kind.CALENDAR or point is None:
            continue
        if point.year is None or point.month is None or point.day is None:
            continue
        if not _alone_on_line(text, mention.start, mention.end):
            continue
        try:
            day = dt.date(point.year, point.month, point.day)
        except ValueError:
            continue
        if latest.date < day <= first.date + dt.timedelta(days=LIVE_DAYS):
            latest = Dateline(day, mention.start, mention.end, False)
    return latest


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    return not text[line_start:start].strip() and not rest.strip()


def _read_cast(text: str) -> object:
    gazetteer = default_gazetteer()
    cast = actors.build_cast(text, gazetteer.lookup)
    cast.loci = places.find(text, cast, gazetteer)
    return cast


def _participants(
    text: str, cast: object, sentence: tuple[int, int], trigger: Trigger
) -> tuple[list[Participant], list[Participant]]:
    speech = trigger.act in (Act.THREAT, Act.SMEAR_CAMPAIGN)
    clash = trigger.act is Act.ARMED_CLASH
    found = actors.roles(
        text, typing_cast(actors.Cast, cast), sentence, (trigger.start, trigger.end), speech, clash
    )
    return (
        [Participant(n, s, e) for n, s, e in found.perpetrators],
        [Participant(n, s, e) for n, s, e in found.victims],
    )


def _places(text: str, cast: object, start: int, end: int) -> list[Locus]:
    return places.between(typing_cast(actors.Cast, cast).loci, start, end)


def _hedged(sentence: str) -> bool:
    return bool(_HEDGE.search(sentence))


def _find_dates(text: str) -> list[Mention]:
    return dates.find_mentions(text)


def load() -> Language:
    return Language(
        code="en",
        find_dates=_find_dates,
        find_dateline=find_dateline,
        find_triggers=triggers.find_triggers,
        read_cast=_read_cast,
        participants=_participants,
        places=_places,
        hedged=_hedged,
        official_account=modality.official_account,
        generic_agents=actors.GENERIC_AGENTS,
    )


language.register("en", load)

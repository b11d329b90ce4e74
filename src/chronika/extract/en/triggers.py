"""Finding the acts an English sentence reports, with what it merely mentions filtered out."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from chronika.extract import prefilter
from chronika.extract.en import modality
from chronika.extract.en.actors import verbal
from chronika.extract.en.acts import ACT_PATTERNS, CUSTODY_CONTEXT
from chronika.extract.language import Trigger
from chronika.model import Act

# Phrases that contain an act word without reporting the act; they win over the act by length.
NOT_ACTS = [
    r"(?:without|no)\s+(?:a\s+|any\s+)?(?:search|arrest)\s+warrants?|search(?:ed|ing)?\s+for|in\s+search\s+of|"
    r"search\s+engines?",
    r"(?:meeting|conference|rally|protest|elections?|talks|hearing|trial|event|vigil|session|"
    r"demonstration|picket|referendum|ceremony|festival|briefing|funeral|press\s+conference)s?\s+"
    r"(?:(?:was|were|is|are|had\s+been|has\s+been|will\s+be)\s+)?held",
    r"held\s+(?:a|an|the|their|its|his|her)\s+(?:\w+\s+){0,3}(?:conference|meeting|rally|protest|talks|"
    r"vigil|picket|session|event|briefing|position|post|office|seat|view|belief|responsible|accountable)",
    r"held\s+(?:responsible|accountable|talks)|(?:be|been|is|are)\s+held\s+(?:accountable|responsible)",
    r"detention\s+(?:cent(?:re|er)|facility|facilities|conditions)|pre-?trial\s+detention\s+cent(?:re|er)",
    r"threat\s+(?:assessment|level)|threatened\s+species|(?:proportion(?:ate)?|response|responding)\s+to\s+(?:the|a|any)\s+"
    r"threat|threats?\s+to\s+(?:national\s+security|public\s+(?:order|safety|health)|the\s+state|state\s+security|"
    r"the\s+constitutional\s+order)",
    # a danger assessed, not a menace made: "the scheme is a threat to the environment" (but "a threat to have
    # him confined" is one)
    r"(?:poses?|posed|posing|represents?|represented|representing|is|was|are|were|be|been|as)\s+(?:an?\s+)?(?:\w+\s+)?"
    r"threats?\s+to\s+(?:the|a|an|our|their|its|public|national|peace|health|stability|security|democracy|society|"
    r"children|life|lives|human|regional|world|global)\b",
    r"attacks?\s+on\s+(?:freedom|civil\s+society|human\s+rights|the\s+rule\s+of\s+law|democracy|the\s+press)",
    r"human\s+rights\s+defenders?\s+at\s+risk|at\s+risk\s+of",
    r"fire\s+(?:brigade|fighters?|department|service|safety)|firefighters",
    r"shut\s+down\s+(?:the\s+)?(?:engine|computer)",
    r"raised\s+the\s+alarm|damage\s+control|rule\s+of\s+law",
    r"the\s+(?-i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+th|\d+(?:st|nd|rd|th))\s+"
    r"(?:\S+\s+){0,3}(?:to\s+be\s+)?(?:killed|murdered|detained|arrested|attacked|abducted)\s+(?:this|since|in)",
    r"(?:was|were|is|are|remains?|remained)\s+(?:still\s+)?being\s+(?:held|detained)|"
    r"remain(?:s|ed)?\s+(?:\S+\s+)?in\s+(?:custody|detention|prison)|(?:has|have)\s+been\s+held|still\s+(?:held|detained)",
    r"during\s+(?:his|her|their)\s+(?:\S+\s+){0,5}(?:detention|imprisonment|custody)|held\s+far\s+from",
    r"(?:families|family|relatives|lawyers|friends|colleagues|volunteers|rescuers|parents|mother|father|wife|husband)\s+"
    r"(?:\S+\s+){0,4}search(?:ed|ing|es)?",
    r"(?:pressure|harassment|campaign|problems|fear|trouble)\s+(?:has\s+|have\s+|had\s+)?followed",
    r"orders?\s+(?:the\s+)?release|ordered\s+(?:\S+\s+){0,3}released",
    r"(?:has|have)\s+been\s+(?:held|detained|imprisoned|jailed)\s+(?:incommunicado|in\s+\S+|without\s+\S+|since|for)",
    r"(?:of|for)\s+the\s+disappeared|(?:published|named|released|disclosed)\s+neither",
    r"(?:examination|treatment|photographs?|photos?|images?|pictures?|videos?|footage|evidence|signs|traces)\s+of\s+"
    r"(?:his|her|their|the)?\s*(?:body|bodies|injuries|wounds|torture|beatings?|bruises)",
    # (unless the occasion is dated in passing: "relatives of the 10 people killed by soldiers on 5 May 2021")
    r"(?:families|relatives|mothers|widows|children|parents|wives|sons)\s+of\s+(?:\S+\s+){0,3}(?:killed|disappeared|"
    r"detained|abducted|executed|missing)(?!\s+(?:\S+\s+){0,6}?(?:on|in)\s+(?:\d{1,2}\s+)?(?:\w+\s+)?(?:19|20)\d\d\b)|whose\s+(?:\S+\s+){0,2}(?:were|was|had\s+been)\s+(?:killed|detained|arrested|"
    r"abducted|disappeared|executed)",
    r"den\w+\s+holding\s+any|pre-?arrest\s+bail|anticipatory\s+bail",
    r"(?:continued|continuing|ongoing|prolonged|lengthy|long)\s+(?:pre-?trial\s+)?(?:detention|imprisonment|incarceration)",
    # marks shown afterwards are evidence of a blow already told: "showed our team bruises on his back"
    r"(?:show(?:ed|s|ing)?|display(?:ed|s|ing)?|bore|bears|bearing)\s+(?:\S+\s+){0,3}?(?:bruises|injuries|wounds|scars|marks)",
    # harm done by weather or a game lost: "heavy rain destroyed the harvest", "beaten 3-0"
    r"(?:rains?|storms?|floods?|flooding|earthquakes?|winds?|cyclones?|hurricanes?|typhoons?|landslides?|hail)\s+"
    r"(?:\S+\s+){0,2}?(?:destroyed|damaged|razed|flattened)|(?:destroyed|damaged|flattened)\s+by\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:rains?|storms?|floods?|flooding|earthquakes?|winds?|cyclones?|hurricanes?|typhoons?|landslides?)|beat(?:en)?\s+"
    r"(?:\S+\s+)?\d+\s*[-–:]\s*\d+",
    # a complaint's subject names no occasion of its own: "dismissed his allegations of ill-treatment"
    r"(?:allegations?|claims?|complaints?)\s+(?:\S+\s+){0,2}?(?:of|about|over|concerning)\s+(?:\w+\s+)?(?:ill-?treatment|torture|"
    r"mistreatment|maltreatment|beatings?|abuse|rape)",
    # an inquiry's heading for a death already told: "the death was being investigated as a murder"
    r"(?:investigated|treated|classified|registered|opened)\s+as\s+(?:an?\s+)?(?:murder|homicide|killing|suicide|"
    r"abduction|kidnapping|disappearance|assault)",
]
_BOILERPLATE = re.compile(
    r"^\W*(?:related|read\s+more|see\s+also|more\s+on|tags?|share|follow\s+us|photo|image|caption|"
    r"subscribe|donate|contact|not\s+included|subject|re|fwd?|to|from|cc|note|upcoming|next\s+hearing)\s*:|^\W*(?:related|read\s+more|"
    r"see\s+also)\b|"
    # a bulletin's headline repeats the story told below it: "[08:30] HEADLINE 2 - Activists arrested"
    r"^\W*(?:\[?\d{1,2}[:.]\d{2}\]?\s*)?headlines?\b",
    re.IGNORECASE,
)
# Counts over a period are statistics, not occasions: "at least 600 people detained in the quarter".
# A sum of money counts no people: "fined 500,000 roubles" (checked after the digits, where it is cheap).
_MONEY = (
    r"(?!(?:,\d{3})*(?:\.\d+)?\s*(?:roubles?|rubles?|dollars?|euros?|pounds|lira|manats?|soms?|tenge|"
    r"hryvnias?|lari|drams?|somoni|rupees?|taka|kyats?|yuan|dinars?|riyals?|rials?|dirhams?|pesos?|quetzal(?:es)?|"
    r"lempiras?|rand|naira|shillings?|francs?|usd|eur|rub)\b)"
)
_COUNT = (
    r"(?:\b(?<!,\s)(?<![\d,.$€£¥₽/:])(?!(?:19|20)\d\d\b)\d{2,}(?!\d)(?![./:]\d)(?!,\s)(?!\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    # an age or a duration is not a count of victims: "a 45-year-old teacher", "held for 47 days"
    r"(?![-\s](?:years?|months?|weeks?|days?|hours?|minutes?|nights?)\b)"
    rf"{_MONEY}|(?<![$€£¥₽])\b\d{{1,3}},\d{{3}}{_MONEY}|\d(?:\.\d)?\s+million(?!\s+(?:roubles?|rubles?|dollars?|euros?|pounds|usd))|"
    r"\bdozens|\bhundreds|\bthousands|\bscores|\b(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b"
    r"(?![-\s](?:years?|months?|weeks?|days?|hours?|minutes?|nights?)\b)|\b(?:at\s+least|more\s+than|over|some)\s+"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty|a\s+hundred)|"
    r"\bthe\s+(?:second|third|fourth|fifth|sixth|\w+th)\b)"
)
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PERIOD = (
    r"\b(?:(?:in|during|over)\s+the\s+(?:quarter|period|year|month)|last\s+year|this\s+year|so\s+far|in\s+total|a\s+total\s+of|"
    r"cumulative|over\s+the\s+(?:past|last)\s+\w+\s+(?:days|weeks|months|years)|"
    rf"since\s+(?:\d{{4}}|(?:\d{{1,2}}\s+)?{_MONTH_NAMES}|the\s+start|the\s+beginning|\w+\s+(?:annexed|took\s+power|came\s+to)|"
    r"(?:\S+\s+){1,5}?(?:began|started|erupted|broke\s+out)\b))"
)
# A run-in heading that names the topic of the paragraph after it: "Second, intimidation by telephone."
_RUN_IN_HEADING = re.compile(
    r"^\W*(?:first|second|third|fourth|fifth|sixth|seventh|finally|lastly)(?:ly)?\s*,\s*(?!\s)"
    r"(?!(?:he|she|they|we|i|it|you|the|a|an|on|in|at|during|after|our|his|her|their|its|police|officers)\b)"
    r"[\w\s'’-]{1,60}[.:]?\s*$",
    re.IGNORECASE,
)
# Counts over a period are statistics, not occasions, whichever comes first in the sentence.
_AGGREGATE = re.compile(rf"{_COUNT}(?=.*{_PERIOD})|{_PERIOD}(?=.*{_COUNT})", re.IGNORECASE)
_COUNT_ONLY = re.compile(_COUNT, re.IGNORECASE)
# Both alternatives of ``_AGGREGATE`` hold a whole period, so a sentence without one is settled by this
# far cheaper scan (its stems are few and rare) before the long alternation runs.
_PERIOD_ONLY = re.compile(_PERIOD, re.IGNORECASE)
# A question, or a sentence that opens on a condition ("If the court upholds the sentence, ..."), asserts
# no act.
_NOT_ASSERTED = re.compile(
    r"\?[\"'”’»)]*\s*$|^\W*(?:if|unless|should|were|whoever|who|anyone\s+who|anybody\s+who)\s", re.IGNORECASE
)
_UNVERIFIED = re.compile(
    r"\b(?:unable\s+to|could\s+not|cannot|did\s+not)\s+(?:independently\s+)?(?:corroborate|verify|confirm)|"
    r"\bunconfirmed\b|\bunverified\b",
    re.IGNORECASE,
)


def _alternation(patterns: list[str], flags: int = 0) -> prefilter.Alternation:
    # "(?<!\w)" rather than "\b" in front: a pattern may open on a quotation mark after a space.
    return prefilter.Alternation(patterns, r"(?<!\w)", r"\b", flags)


# Patterns are written in lower case; scanning a lower-cased copy of the document once, case-
# sensitively, is several times faster than case-insensitive scans sentence by sentence. The
# case-insensitive twins serve the rare text whose lower-casing changes its length. Each list is
# scanned phrasing by phrasing (see ``prefilter.Alternation``), with the very result of one scan of
# the whole alternation.
_LOWER_PARTS = {act: _alternation(patterns) for act, patterns in ACT_PATTERNS.items()}
_ANY_CASE_PARTS = {act: _alternation(patterns, re.IGNORECASE) for act, patterns in ACT_PATTERNS.items()}
_NOT_ACTS_LOWER_PARTS = _alternation(NOT_ACTS)
_NOT_ACTS_ANY_CASE_PARTS = _alternation(NOT_ACTS, re.IGNORECASE)
_LOWER = {act: alternation.whole for act, alternation in _LOWER_PARTS.items()}
_ANY_CASE = {act: alternation.whole for act, alternation in _ANY_CASE_PARTS.items()}
_NOT_ACTS_LOWER = _NOT_ACTS_LOWER_PARTS.whole
_NOT_ACTS_ANY_CASE = _NOT_ACTS_ANY_CASE_PARTS.whole
_CUSTODY = re.compile(CUSTODY_CONTEXT, re.IGNORECASE)
_MAX_SENTENCE = 8_000  # longer "sentences" are tables or run-on lists, not statements
_FUTURE_LABEL = re.compile(r"\b(?:would|will|could|\'ll)\s+(?:\S+\s+)?be\s", re.IGNORECASE)
# The menace half of an order: in 'told us we should stop, otherwise "your son will ..."' the "should" is
# the order the menace backs, not a call on the authorities that would make the act a mere demand.
_SANCTION = re.compile(r"(?:otherwise|or\s+else|or)\b", re.IGNORECASE)
_IN_NAME = re.compile(r"(?-i:[A-Z][\w'’-]*)\s+(?:(?:against|of|for|on|and)\s+)?$")

Match = tuple[int, int, Act | None]


def find_triggers(text: str, spans: list[tuple[int, int]]) -> list[list[Trigger]]:
    """Acts stated in each sentence ``text[start:end]``, as asserted facts only."""
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    scanned = lowered if same_length else text
    acts = _LOWER_PARTS if same_length else _ANY_CASE_PARTS
    not_acts = _NOT_ACTS_LOWER_PARTS if same_length else _NOT_ACTS_ANY_CASE_PARTS
    scanner = prefilter.Scanner(scanned, _scanned_patterns(same_length))
    found = _scan(scanner, acts, not_acts, 0, len(scanned))
    found.sort(key=lambda item: (item[0], item[1]))
    starts = [item[0] for item in found]
    result = []
    for index, (start, end) in enumerate(spans):
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end)
        local = found[first:last]
        crossed = any(e > end for _, e, _ in local) or (
            first > 0 and index > 0 and found[first - 1][1] > start
        )
        if crossed:
            # a match ran over a sentence boundary and may hide one inside: scan this sentence alone
            local = _scan(scanner, acts, not_acts, start, end)
        inside = [(s - start, e - start, a) for s, e, a in local if e <= end]
        result.append(_sentence_triggers(text[start:end], start, inside))
    return _first_person_custody(text, spans, result)


# A testimony in the first person: once the narrator has been taken ("they took me away", "I was
# arrested"), blows to the narrator ("they beat me", "I was kicked") are ill-treatment in custody until
# the narrator is let go, even when the story moves on to another day or another paragraph.
_FIRST_PERSON_OBJECT = re.compile(r"\b(?:me|us)\b", re.IGNORECASE)
_FIRST_PERSON_SUBJECT = re.compile(
    r"\b(?:I|we)\s+(?:was|were|had\s+been|got)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_RELEASED = re.compile(
    r"\b(?:released|freed|let\s+(?:me|us)\s+go|(?:came|went|got|returned)\s+(?:back\s+)?home|"
    r"(?:I|we)\s+(?:escaped|fled|ran\s+away))\b",
    re.IGNORECASE,
)
_TAKING_ACTS = frozenset({Act.ARBITRARY_DETENTION, Act.ENFORCED_DISAPPEARANCE})


def _about_narrator(text: str, trigger: Trigger) -> bool:
    after = text[trigger.start : min(len(text), trigger.end + 12)]
    before = text[max(0, trigger.start - 30) : trigger.start]
    return bool(_FIRST_PERSON_OBJECT.search(after) or _FIRST_PERSON_SUBJECT.search(before))


def _first_person_custody(
    text: str, spans: list[tuple[int, int]], result: list[list[Trigger]]
) -> list[list[Trigger]]:
    held = False
    for index, (start, end) in enumerate(spans):
        if held:
            result[index] = [
                replace(t, act=Act.TORTURE_ILL_TREATMENT)
                if t.act is Act.PHYSICAL_ATTACK and _about_narrator(text, t)
                else t
                for t in result[index]
            ]
        if any(t.act in _TAKING_ACTS and not t.anaphoric and _about_narrator(text, t) for t in result[index]):
            held = True
        elif held and _RELEASED.search(text, start, end):
            held = False
    return result


def _scan(
    scanner: prefilter.Scanner,
    acts: dict[Act, prefilter.Alternation],
    not_acts: prefilter.Alternation,
    start: int,
    end: int,
) -> list[Match]:
    found: list[Match] = [
        (m.start(), m.end(), act)
        for act, alternation in acts.items()
        for m in scanner.alternatives(alternation, start, end)
    ]
    found += [(m.start(), m.end(), None) for m in scanner.alternatives(not_acts, start, end)]
    return found


@functools.cache
def _scanned_patterns(lower: bool) -> list[re.Pattern[str]]:
    """What one document's scan looks for: the parts, or the whole where it is scanned whole."""
    acts = _LOWER_PARTS if lower else _ANY_CASE_PARTS
    not_acts = _NOT_ACTS_LOWER_PARTS if lower else _NOT_ACTS_ANY_CASE_PARTS
    return [pattern for a in [*acts.values(), not_acts] for pattern in (a.split().parts or (a.whole,))]


def _sentence_triggers(sentence: str, start: int, found: list[Match]) -> list[Trigger]:
    if not any(act is not None for _, _, act in found):
        return []
    if (
        len(sentence) > _MAX_SENTENCE
        or _BOILERPLATE.search(sentence)
        or prefilter.search(_UNVERIFIED, sentence)
        or prefilter.search(_NOT_ASSERTED, sentence)
        or _RUN_IN_HEADING.match(sentence)
        or _LABEL_LINE.match(sentence)  # an item's label in notes: "Arrest of the editor."
        or (sentence.isupper() and len(sentence) < 200)
    ):
        return []
    found = sorted(found, key=lambda item: (-(item[1] - item[0]), item[0], item[2] is not None))
    kept: list[Match] = []
    for item in found:
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    kept.sort()
    in_custody: bool | None = None  # asked only of a blow, so looked up on the first one
    aggregate = _aggregate_parts(sentence)
    title = _is_title(sentence)
    lower = sentence.lower()
    exposed = "fac" in sentence or "risk" in sentence or any(hint in lower for hint in _EXPOSED_HINTS)
    dated_by_another = "before" in lower or "after" in lower
    triggers: list[Trigger] = []
    announcement: re.Match[str] | None = None
    for t_start, t_end, found_act in kept:
        if found_act is None:
            continue
        act = found_act
        if any(a <= t_start < b for a, b in aggregate):
            continue
        if t_start > 0 and sentence[t_start].isupper() and _IN_NAME.search(sentence, 0, t_start):
            continue  # part of a name: "the Committee against Torture"
        if announcement is not None and t_start >= announcement.end() and act is not Act.THREAT:
            continue  # "... would be expelled and their houses demolished": all part of one threat
        announced = modality.announced_harm(sentence, t_start)
        if announced is not None and act is not Act.THREAT:
            announcement = announced
            triggers.append(
                Trigger(Act.THREAT, start + announced.start("verb"), start + announced.end("verb"))
            )
            continue
        if (
            modality.is_negated(sentence, t_start)
            or modality.is_hypothetical(sentence, t_start)
            or (
                modality.is_called_for(sentence, t_start)
                and not (act is Act.THREAT and _SANCTION.match(sentence, t_start))
            )
            or modality.is_generic(sentence, t_start)
            or modality.is_denied(sentence, t_start)
            or modality.is_habitual(sentence, t_start)
            or modality.is_adjective(sentence, t_start, t_end)
        ):
            continue
        nominal = not verbal(sentence[t_start:t_end])
        if title and _NOUN_FORM.match(sentence, t_start, t_end):
            continue  # a heading names a topic: "3.3 Abductions of children", "Arbitrary detention"
        if (exposed and _exposed_to(sentence, t_start, act)) or (
            nominal and _general_truth(sentence, t_start, t_end)
        ):
            continue  # "defenders face arrest and torture", "Torture remains widespread": no occasion
        if nominal and modality.is_future(sentence, t_end):
            continue
        if act is Act.PHYSICAL_ATTACK:
            if in_custody is None:
                in_custody = bool(prefilter.search(_CUSTODY, sentence))
            if in_custody:
                act = Act.TORTURE_ILL_TREATMENT
        if act is Act.SMEAR_CAMPAIGN and _FUTURE_LABEL.search(sentence, t_start, t_end):
            act = Act.THREAT  # "warned that he would be 'treated as a spy'": a menace, not a public label
        anaphoric = (
            (nominal and modality.is_definite_reference(sentence, t_start, t_end))
            or modality.is_state(sentence, t_start, act, t_end)
            or (dated_by_another and bool(_TEMPORAL_ANCHOR.search(sentence, max(0, t_start - 40), t_start)))
        )
        triggers.append(Trigger(act, start + t_start, start + t_end, anaphoric))
    return _one_announcement(triggers)


# An act that dates another one points back to an occasion already told: "eight days before he was killed".
_TEMPORAL_ANCHOR = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?|shortly|soon|long)\s+(?:before|after)\s+(?:he|she|they|it|we|i)\s+"
    r"(?:(?:was|were|had\s+been|got)\s+)?(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# A risk or a power, not an act: "defenders face arrest, torture and even death", "the law allows police to
# detain suspects for 72 hours".
_EXPOSED_TO = re.compile(
    r"\b(?<!the\s)(?<!his\s)(?<!her\s)(?<!its\s)(?<!my\s)(?<!our\s)(?<!their\s)(?<!a\s)(?<!in\s)"
    r"(?-i:face|faces|facing|risk|risks|risking)\s+(?:(?:[\w-]+,?\s+){0,6}?(?:and|or)\s+)?(?:[\w-]+\s+)?$|"
    r"\b(?:allows?|allowing|permits?|permitting|empowers?|authori[sz]es?|enables?)\s+(?:\S+\s+){0,3}?to\s+(?:\w+ly\s+)?$|"
    r"\b(?<!the\s)(?<!his\s)(?<!her\s)(?<!its\s)(?<!my\s)(?<!our\s)(?<!their\s)(?<!a\s)(?<!in\s)"
    r"(?-i:face|faces|facing)\s+(?:[\w-]+,\s+){1,6}$",
    re.IGNORECASE,
)
# An act named as a bare noun that opens a statement about the world in the present:
# "Arbitrary detention remains widespread", "Attacks against journalists have increased".
_BARE_SUBJECT = re.compile(
    r"\W*(?:(?!(?:The|A|An|His|Her|Their|Its|This|That|These|Those|Our|My)\b)[A-Z][a-z-]*\s+)?"
)
_GENERAL_TRUTH = re.compile(
    r"(?:\s+(?:of|against|on|by|in)\s+(?:[\w-]+\s+){1,3}?)?\s*(?:is|are|remains?|has|have|continues?|persists?)\s+"
    r"(?!been\s+(?:\w+\s+)?(?:on|in|at)\b)",
    re.IGNORECASE,
)
def _exposed_to(sentence: str, start: int, act: Act) -> bool:
    # "face charges" tells of charges brought; a judicial act is not a mere risk
    if act is Act.JUDICIAL_HARASSMENT:
        return False
    return bool(_EXPOSED_TO.search(sentence, max(0, start - 80), start))


def _general_truth(sentence: str, start: int, end: int) -> bool:
    if start >= 40 or not _BARE_SUBJECT.fullmatch(sentence, 0, start):
        return False
    return bool(_GENERAL_TRUTH.match(sentence, end))


# cheap tests of a whole sentence before the per-act look-behinds above
_EXPOSED_HINTS = ("allow", "permit", "empower", "authori", "enabl")
# Where one statement of a sentence ends and another begins: "the blocking of the site in October is
# still in force, and our monitors have recorded 46 cases since January" reports the blocking.
_PART_BREAK = re.compile(r";|:\s|\s[–—-]\s|,\s+(?=(?:and|but|while|whereas)\s)")


_NUMBERED = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])")
_TERMINAL = re.compile(r"[.!?…:;,][\"'”’»)\]]*$")


def _is_title(sentence: str) -> bool:
    """A heading: a few words with no closing punctuation, or a numbered section title."""
    text = sentence.strip()
    words = text.split()
    if not words or len(words) > 12 or not (text[0].isupper() or text[0].isdigit()):
        return False
    numbered = _NUMBERED.match(text)
    rest = text[numbered.end() :] if numbered is not None else text
    if _ROW_MARKS.search(rest) or _MONTH_START.match(rest):
        return False  # a row or a dated line of a log: "Row 3: Detention of two students / 14 May"
    if numbered is not None:
        return len(words) <= 8
    return not _TERMINAL.search(text)


# A nominal label and nothing else: an act noun, "of", at most four words, a full stop.
_LABEL_LINE = re.compile(r"[A-Z][a-z]+\s+of\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+\.$")


_ROW_MARKS = re.compile(r"[\d/|:;]")


# the act named as a noun ("abductions", "detention", "eviction"), not told with a verb
_NOUN_FORM = re.compile(
    r"\w+(?:tion|sion|ment|ance|ence|ure)s?\b|\w*(?:disappearances?|killings|arrests|raids|searches)\b",
    re.IGNORECASE,
)
_MONTH_START = re.compile(rf"{_MONTH_NAMES}\b")


def _aggregate_parts(sentence: str) -> list[tuple[int, int]]:
    """The parts of a sentence that count victims over a period: the statistic, not an occasion.

    "At least 30 people died in custody during the year; among them was X, who died on 2 May": the
    first part is a statistic, the second reports an occasion. Parts end at a semicolon or at a
    comma before a conjunction; a part is a statistic when it holds the count and the sentence
    names the period ("Since 2024 we recorded 140 detentions, and at least 30 people still missing").
    """
    if not prefilter.search(_PERIOD_ONLY, sentence) or not prefilter.search(_AGGREGATE, sentence):
        return []
    parts = []
    start = 0
    for end in [*(m.start() for m in _PART_BREAK.finditer(sentence)), len(sentence)]:
        if _COUNT_ONLY.search(sentence, start, end):
            parts.append((start, end))
        start = end + 1
    return parts


def _one_announcement(triggers: list[Trigger]) -> list[Trigger]:
    """A speech announcing several harms is one threat, not one per harm."""
    seen: set[tuple[Act, int]] = set()
    unique = []
    for trigger in triggers:
        key = (trigger.act, trigger.start)
        if key not in seen:
            seen.add(key)
            unique.append(trigger)
    return unique

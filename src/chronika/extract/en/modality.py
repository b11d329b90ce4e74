"""Telling reported acts from everything else a sentence can say about an act.

Reports mention acts that did not happen ("no attempt to investigate"), might happen ("could face
ten years"), should happen ("called on the authorities to investigate the arson") or stand for many
("these acts of intimidation"). Only what the text reports as having happened is an incident.
"""

from __future__ import annotations

import functools
import re

from chronika.model import Act

_CLAUSE_BREAK = re.compile(r"[;:,()\u2014|]|\s[-–/]\s|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b")
_NEGATION = re.compile(
    # "a car without plates", "men with no insignia": a description of the agents, not a negation
    r"\b(?:not|no(?!\s+(?:\w+\s+)?(?:plates|insignia|uniforms?|badges?|markings|identification)\b)|never|"
    r"without(?!\s+(?:\w+\s+){0,2}?(?:plates|insignia|uniforms?|badges?|markings|identification|masks?|warrants?|"
    r"explanation|charges?|trial)\b)|neither|nor|nobody|none|denied|denies|deny|denying|refuted|rejected|"
    r"dismissed|avoided|escaped|prevented|averted|foiled|thwarted|instead\s+of|rather\s+than|free\s+from|"
    r"failed\s+to|no\s+one|n[o']t|cannot|can't|won't|didn't|wasn't|weren't|hasn't|haven't)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|(?-i:may)|might|will|shall|should|must|if|unless|whether|plans?\s+to|planned\s+to|"
    r"intends?\s+to|risks?|risking|likely|possible|possibly|potential|potentially|"
    r"due\s+to\s+be|expected\s+to|fears?\s+(?:of|that)|feared|in\s+case\s+of|to\s+prevent|protect\w*\s+from|"
    r"to\s+avoid|against\s+possible|in\s+the\s+event\s+of|any\s+future|call\s+for|calling\s+for|"
    r"threatened\s+(?:\w+\s+)?(?:to|with)|threatening\s+to|threats?\s+(?:to|of)|vowed\s+to|promised\s+to|"
    r"warned\s+(?:\w+\s+)?(?:of|that)|demanded\s+(?:that\s+)?)\b",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+(?:on|upon)\s+(?:\S+\s+){1,8}?to|call(?:ed|s|ing)?\s+for|urg(?:ed|es|e|ing)|demand(?:ed|s|ing)?|appeal(?:ed|s|ing)?\s+"
    r"(?:to|for|on)|should|must|needs?\s+to|ought\s+to|"
    # (an order given to someone, "told to stop", "ordered him to drop", is no call on the authorities)
    r"(?-i:to)(?<!told\sto)(?<!ordered\sto)(?<!warned\sto)(?<!forced\sto)(?<!\bhim\sto)(?<!\bher\sto)(?<!them\sto)"
    r"(?<!\bme\sto)(?<!\bus\sto)\s+(?:promptly\s+|thoroughly\s+|effectively\s+|"
    r"immediately\s+|impartially\s+|\w+ly\s+and\s+\w+ly\s+)?(?-i:investigate|release|stop|end|halt|drop|"
    r"quash|ensure|bring|hold|protect|cease|lift|guarantee|refrain)|investigation\s+into|"
    r"accountab\w+\s+for|to\s+account\s+for)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:these|those|such|similar|further|any|future|recurrent|systematic|ongoing|widespread|"
    r"everybody|everyone|anybody|anyone|whoever|"
    r"campaign\s+of|practice\s+of|pattern\s+of|wave\s+of|history\s+of|cases\s+of|acts\s+of|dozens\s+of|"
    # "a channel with tens of thousands of subscribers posted ...": a size, not a summary of acts
    r"(?:hundreds|thousands|scores)\s+of(?!\s+(?:\w+\s+)?(?:subscribers|followers|viewers|readers|listeners|users|"
    r"members|people|residents|protesters|supporters|demonstrators|marchers))|"
    r"a\s+number\s+of|numerous|series\s+of|spate\s+of|string\s+of|"
    r"documented|recorded|counted|tracked|registered|cases\s+for|confirm(?:ed|s)?|acknowledg(?:ed|es)|"
    r"admit(?:ted|s)?|protest(?:ed|s)?\s+(?:against\s+)?|"
    r"(?:a|one|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+of|condemn(?:ed|s|ing)?\s+(?:\S+\s+){0,6}|"
    r"one\s+of\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens|hundreds|many|several|numerous)|"
    r"(?:complaints?|appeals?|lawsuits?|reports?|investigations?|inquiry|inquiries|probe|case|hearing)\s+"
    r"(?:about|into|over|regarding|concerning|against|on|of)(?:\s+the\s+\w+\s+of)?)\s+(?:\S+\s+){0,3}$",
    re.IGNORECASE,
)
# A speaker announcing harm to come: "said the families would be expelled" is a threat by the speaker.
_SPEECH_FUTURE = re.compile(
    r"\b(?P<verb>said|says|announced|declared|stated|promised|vowed|warned|threatened|told|wrote|posted)\b"
    r"(?:[^.;]*?)\b(?:would|will|shall|are\s+going\s+to|were\s+going\s+to)\b",
    re.IGNORECASE,
)
_RELATIVE_REPORT = re.compile(r"\b(?:who|which|that|after|when|since|following|whose)\b", re.IGNORECASE)


def last_match(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    found = None
    for found in pattern.finditer(text, start, len(text) if end is None else end):  # noqa: B007
        pass
    return found


@functools.lru_cache(maxsize=512)
def clause_before(sentence: str, offset: int) -> str:
    """The words of the clause that lead up to ``offset`` within the sentence.

    Memoised: the negation, hypothesis and recurrence tests all ask for the same clause of each act.
    """
    head = sentence[:offset]
    last = last_match(_CLAUSE_BREAK, head)
    return head[last.end() :] if last is not None else head


# A negation that belongs to a relative clause describing the agents, not to the act that follows it:
# "officers who did not introduce themselves searched the flat".
_RELATIVE_NEGATION = re.compile(
    r"\b(?:who|that)\s+(?:did\s+not|didn't|had\s+no|wore\s+no|showed\s+no|gave\s+no|would\s+not|wouldn't|"
    r"refused\s+to)\s+(?!(?:get|got|be|been|being|have|ever|even|yet|actually|formally|officially)\b)\w+"
    r"(?:\s+(?!(?:get|got|be|been|being|was|were|is|are|have)\b)[\w'’-]+){0,3}\s+$",
    re.IGNORECASE,
)


# The same without "who": "an officer I did not know told me ...", "men we had never seen took him".
_CONTACT_NEGATION = re.compile(
    r"\w\s+(?:i|we|he|she|they)\s+(?:did\s+not|didn't|do\s+not|don't|had\s+never|have\s+never|never)\s+"
    r"(?:know|knew|recogni[sz]ed?|seen|saw|see|met)(?:\s+before)?\s+$",
    re.IGNORECASE,
)


def is_negated(sentence: str, offset: int) -> bool:
    """A negation in the few words before the act, within its clause."""
    if _SENTENCE_NEGATION.search(sentence):
        return True
    clause = clause_before(sentence, offset)
    words = clause.split()[-6:]
    if not _NEGATION.search(" ".join(words)):
        return False
    return not (_RELATIVE_NEGATION.search(clause[-80:]) or _CONTACT_NEGATION.search(clause[-60:]))


def is_hypothetical(sentence: str, offset: int) -> bool:
    words = clause_before(sentence, offset).split()[-7:]
    return bool(_HYPOTHETICAL.search(" ".join(words))) or is_provision(sentence, offset)


# What a law lets be done, told in the present: "a person can be held without charge for thirty days",
# "the decree allows the army to detain suspects". A past "allowed" is a decision ("the court allowed
# prosecutors to keep him in custody"), so only the present counts.
_LEGAL_INSTRUMENT = re.compile(
    r"\b(?:law|laws|decree|code|article|statute|legislation|ordinance|regulations?|provisions?)\b",
    re.IGNORECASE,
)
_PERMISSION = re.compile(
    r"\b(?:can|allows|permits|lets|authori[sz]es|empowers|enables|provides\s+for)\b", re.IGNORECASE
)


def is_provision(sentence: str, offset: int) -> bool:
    """A law's provision told as background, not an occasion: a legal instrument named in the sentence
    and a present-tense permission in the act's own clause."""
    words = clause_before(sentence, offset).split()[-8:]
    return bool(_PERMISSION.search(" ".join(words))) and bool(_LEGAL_INSTRUMENT.search(sentence))


_IMPERATIVE = re.compile(
    # a recommendation may name its addressee first: "- To the military prosecutor: investigate ..."
    r"^\W*(?:to\s+(?:the\s+)?[^:.;]{1,80}:\s*)?(?:release|drop|stop|end|ensure|investigate|guarantee|allow|refrain|lift|repeal|amend|abolish|"
    r"protect|bring|hold|respect|free|quash|cease|halt|provide|grant|return|restore|open|conduct|take)\b",
    re.IGNORECASE,
)


def is_called_for(sentence: str, offset: int) -> bool:
    """Whether the act stands inside a call, demand or recommendation made earlier in the sentence.

    A relative clause after the call ("urged the release of X, who was detained on 5 May") reports a
    real act, so a 'who/which/after' between the call and the act lifts the call's scope.
    """
    if _IMPERATIVE.search(sentence):
        return True  # a recommendation: "- release him immediately and drop the charges"
    head = sentence[:offset]
    last_call = last_match(_CALL, head)
    if last_call is None:
        return False
    return not _RELATIVE_REPORT.search(head, last_call.end())


def is_generic(sentence: str, offset: int) -> bool:
    """'these acts of intimidation', 'a campaign of harassment': a summary, not an occasion."""
    return bool(_GENERIC.search(sentence[max(0, offset - 40) : offset]))


def announced_harm(sentence: str, offset: int) -> re.Match[str] | None:
    """The speech act announcing this act as a future harm, if the sentence has one."""
    for match in _SPEECH_FUTURE.finditer(sentence, 0, offset + 1):
        if match.end() <= offset + 1 and _MODAL_TO_ACT.match(sentence, match.end(), offset):
            return match
    return None


# "would be expelled", "will be found", "would burn": the harm follows the modal directly.
_MODAL_TO_ACT = re.compile(r"\s+(?:\w+\s+)?(?:be\s+|get\s+|have\s+)?(?:\w+ly\s+)?$", re.IGNORECASE)


_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|refuted|rejected\s+(?:reports|claims|allegations)|dismissed\s+"
    r"(?:reports|claims|allegations)|insisted|claimed\s+that\s+no)\b",
    re.IGNORECASE,
)
_HABITUAL = re.compile(
    r"\b(?:for\s+(?:many\s+)?years|routinely|regularly|systematically|frequently|commonly|habitually|"
    r"has\s+long|have\s+long|in\s+general|generally|typically|often|"
    r"over\s+the\s+(?:past|last)\s+(?:few\s+|\w+\s+)?(?:days|weeks|months|years))\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"^\W*(?:\S+\s+){0,8}?(?:is|are)\s+(?:due|scheduled|expected|set|planned|likely)\s+to\b"
    r"|^\W*(?:\S+\s+){0,5}?(?:will|would|could|may|might)\s+(?:be|come|take)\b",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|these|those|his|her|their|its|our|other|fellow|of|with)\s+$", re.IGNORECASE
)
_PREPOSITION_DEFINITE = re.compile(
    r"\b(?:for|over|into|about|after|since|behind|following|before|during|despite)\s+(?:the|this|that|these|those|"
    r"its|his|her|their)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_NEGATION = re.compile(r"^\W*(?:no\s+one|nobody|none\s+of|neither)\b", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:the|this|that|these|those|its|his|her|their|such|same)\s+(?:(?:recent|latest|alleged|"
    r"reported|earlier|previous|last|first|second|suspected|\w+-\w+)\s+)?$",
    re.IGNORECASE,
)
_NOT_NOUN_AFTER = frozenset(
    "by in at on for with and from after during was were to as into near outside inside, . ; : "
    "him her them his their its the a an who which that".split()
)


def is_denied(sentence: str, offset: int) -> bool:
    """'police denied that the men had been detained': the sentence reports a denial."""
    return bool(_DENIAL.search(sentence, 0, offset))


def is_habitual(sentence: str, offset: int) -> bool:
    """'has for years used detention, travel bans and smears': a practice, not an occasion."""
    start = max(sentence.rfind(";", 0, offset), sentence.rfind(":", 0, offset)) + 1
    # "..., and prosecutors filed complaints": a new clause with its own subject leaves the habit behind
    for joined in _NEW_CLAUSE.finditer(sentence, start):
        if joined.start() >= offset:
            break
        start = joined.end()
    if any(
        not _DESCRIBES_SOMEONE.search(sentence, max(start, found.start() - 30), found.start())
        for found in _HABITUAL.finditer(sentence, start, offset)
    ):
        return True
    head = sentence[:offset]
    if "very " not in head and "ach " not in head:  # "every week", "each night"
        return False
    return bool(_EVERY.search(clause_before(sentence, offset)))


_NEW_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?=(?:(?:the|a|an|his|her|their|its|two|three|several)\s+)?\w+\s+"
    r"(?:\w+ed|had|has|have|was|were|is|are|brought|took|made|began|sent|gave|put|said|told|came|went)\b)",
    re.IGNORECASE,
)
# "a page that regularly supports the authorities", "a lawyer who for years has defended them": the
# habit belongs to the relative clause describing someone, not to the act the sentence reports.
_DESCRIBES_SOMEONE = re.compile(r"\b(?:who|which|that)\s+(?:\S+\s+)?$", re.IGNORECASE)


# "Every week someone else is arrested": a recurrence in the act's own clause.
_EVERY = re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:week|month|day|night|time)\b", re.IGNORECASE)


def is_future(sentence: str, end: int) -> bool:
    """An act named first and then said to be due: 'a lawsuit ... is due to be heard'."""
    return bool(_FUTURE_AFTER.search(sentence[end : end + 80]))


_DESCRIBING_VERB = re.compile(
    r"\b(?:interviewed|met|visited|spoke\s+to|assisted|helped|sheltered|hosting|hosted|housed|among|including|"
    r"previously|formerly|recently|already)\s+$",
    re.IGNORECASE,
)


def is_adjective(sentence: str, start: int, end: int) -> bool:
    """'the detained lawyers', 'interviewed displaced people': a participle describing people."""
    word = sentence[start:end]
    if " " in word or not word.lower().endswith(("ed", "en")):
        return False
    if _DESCRIBING_VERB.search(sentence[max(0, start - 20) : start]):
        return True
    if not _DETERMINER_BEFORE.search(sentence[max(0, start - 12) : start]):
        return False
    following = sentence[end:].split(maxsplit=1)
    return (
        bool(following)
        and following[0].lower().strip(",.;:") not in _NOT_NOUN_AFTER
        and following[0][:1].isalpha()
    )


_PREDICATE_AFTER = re.compile(
    r"^\s*(?:\S+\s+){0,4}?(?:came|comes|took\s+place|happened|occurred|followed|was|were|is|are|has|have|had|"
    r"began|started|lasted|prompted|sparked|drew|caused|appeared|seemed)\b",
    re.IGNORECASE,
)


def is_definite_reference(sentence: str, start: int, end: int) -> bool:
    """'The raids came two days after...': a definite noun as the subject, pointing back."""
    before = sentence[max(0, start - 30) : start]
    if _PREPOSITION_DEFINITE.search(before):
        return True  # "arrested for the attack", "an investigation into the killing"
    return bool(_DEFINITE_BEFORE.search(before)) and bool(_PREDICATE_AFTER.search(sentence[end : end + 40]))


_EVER_SINCE = re.compile(r"\s+(?:\S+\s+){0,3}?(?:ever\s+)?since\W*$", re.IGNORECASE)
_STATE_BEFORE = re.compile(
    r"\b(?:still|remains?|remained|continues?\s+to|continued\s+to|yet\s+to)\b", re.IGNORECASE
)


def is_state(sentence: str, start: int, act: Act, end: int | None = None) -> bool:
    """'his family still did not know where he was': how an act goes on, not a new act."""
    if end is not None and _EVER_SINCE.match(sentence, end):
        return True  # "The station has been off the air since.": the act told before goes on
    if act is not Act.ENFORCED_DISAPPEARANCE and act is not Act.ARBITRARY_DETENTION:
        return False
    return bool(_STATE_BEFORE.search(clause_before(sentence, start)))


# An authority giving its own account: "The police announced the next morning that ...", "The Public
# Ministry said in a statement on Monday that ...", "a police spokesperson told journalists that ...".
# The speaker opens the sentence (or the clause after a semicolon), after at most a short lead-in
# ("In a statement issued late on Saturday, the governor's office said").
_OFFICIAL_CLAIM = re.compile(
    r"(?:^|;)\W*(?:[^.;:\"“”]{0,60}?\s)?"
    r"(?:police|ministry|ministry's|spokes(?:person|man|woman)|authorities|army|army's|military|military's|"
    r"government|government's|prosecutor|prosecutor's|prosecution|officials?|governor|governor's|junta|"
    r"command|press\s+service|kremlin|commander|superintendent)\b"
    r"[^.;:\"“”]{0,60}?\b(?:said|says|announced|announces|stated|states|claimed|claims|insisted|insists|"
    r"maintained|maintains|alleged|told\s+(?:[^.;:\"“”]{0,40}?\s)?(?:that|it|the|a|an)\b)",
    re.IGNORECASE,
)
_SPOKEN = (" said", " says", "announce", " stated", " states", " claim", " insist", " maintain", " alleged",
           " told")


def official_account(sentence: str) -> int | None:
    """Where an authority's own account of events begins in the sentence, if it reports one.

    Such an account ("two persons died in an exchange of fire", "he was arrested in flagrante") is
    the authorities' version of an occasion, not a new one: the pipeline lets it add nothing to an
    occasion the report has already told.
    """
    lowered = sentence.lower()
    if not any(word in lowered for word in _SPOKEN):
        return None
    found = _OFFICIAL_CLAIM.search(sentence)
    return found.end() if found is not None else None

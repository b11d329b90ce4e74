"""Telling reported acts from everything else a sentence can say about an act.

Reports mention acts that did not happen ("no attempt to investigate"), might happen ("could face
ten years"), should happen ("called on the authorities to investigate the arson") or stand for many
("these acts of intimidation"). Only what the text reports as having happened is an incident.
"""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(r"[;:,()\u2014]|\s[-–]\s|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b")
_NEGATION = re.compile(
    r"\b(?:not|no|never|without|neither|nor|nobody|none|denied|denies|deny|denying|refuted|rejected|"
    r"dismissed|avoided|escaped|prevented|averted|foiled|thwarted|instead\s+of|rather\s+than|free\s+from|"
    r"failed\s+to|no\s+one|n[o']t|cannot|can't|won't|didn't|wasn't|weren't|hasn't|haven't)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|may|might|will|shall|should|must|if|unless|whether|plans?\s+to|planned\s+to|"
    r"intends?\s+to|risks?|risking|faces?|facing|likely|possible|possibly|potential|potentially|"
    r"due\s+to\s+be|expected\s+to|fears?\s+(?:of|that)|feared|in\s+case\s+of|to\s+prevent|protect\w*\s+from|"
    r"to\s+avoid|against\s+possible|in\s+the\s+event\s+of|any\s+future|call\s+for|calling\s+for|"
    r"threatened\s+(?:\w+\s+)?(?:to|with)|threatening\s+to|threats?\s+(?:to|of)|vowed\s+to|promised\s+to|"
    r"warned\s+(?:\w+\s+)?(?:of|that)|demanded\s+(?:that\s+)?|ordered\s+(?:\w+\s+)?to)\b",
    re.IGNORECASE,
)
_CALL = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+(?:on|upon|for)|urg(?:ed|es|e|ing)|demand(?:ed|s|ing)?|appeal(?:ed|s|ing)?\s+"
    r"(?:to|for|on)|should|must|needs?\s+to|ought\s+to|to\s+(?:promptly\s+|thoroughly\s+|effectively\s+|"
    r"immediately\s+|impartially\s+|\w+ly\s+and\s+\w+ly\s+)?(?:investigate|release|stop|end|halt|drop|"
    r"quash|ensure|bring|hold|protect|cease|lift|guarantee|refrain)|investigation\s+into|"
    r"accountab\w+\s+for|to\s+account\s+for)\b",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:these|those|such|similar|further|any|future|recurrent|systematic|ongoing|widespread|"
    r"campaign\s+of|practice\s+of|pattern\s+of|wave\s+of|history\s+of|cases\s+of|acts\s+of)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# A speaker announcing harm to come: "said the families would be expelled" is a threat by the speaker.
_SPEECH_FUTURE = re.compile(
    r"\b(?P<verb>said|says|announced|declared|stated|promised|vowed|warned|threatened|told|wrote|posted)\b"
    r"(?:[^.;]*?)\b(?:would|will|shall|are\s+going\s+to|were\s+going\s+to)\b",
    re.IGNORECASE,
)
_RELATIVE_REPORT = re.compile(r"\b(?:who|which|that|after|when|since|following|whose)\b", re.IGNORECASE)


def clause_before(sentence: str, offset: int) -> str:
    """The words of the clause that lead up to ``offset`` within the sentence."""
    head = sentence[:offset]
    last = None
    for last in _CLAUSE_BREAK.finditer(head):
        pass
    return head[last.end() :] if last is not None else head


def is_negated(sentence: str, offset: int) -> bool:
    """A negation in the few words before the act, within its clause."""
    words = clause_before(sentence, offset).split()[-6:]
    return bool(_NEGATION.search(" ".join(words)))


def is_hypothetical(sentence: str, offset: int) -> bool:
    words = clause_before(sentence, offset).split()[-7:]
    return bool(_HYPOTHETICAL.search(" ".join(words)))


def is_called_for(sentence: str, offset: int) -> bool:
    """Whether the act stands inside a call, demand or recommendation made earlier in the sentence.

    A relative clause after the call ("urged the release of X, who was detained on 5 May") reports a
    real act, so a 'who/which/after' between the call and the act lifts the call's scope.
    """
    head = sentence[:offset]
    last_call = None
    for last_call in _CALL.finditer(head):
        pass
    if last_call is None:
        return False
    return not _RELATIVE_REPORT.search(head, last_call.end())


def is_generic(sentence: str, offset: int) -> bool:
    """'these acts of intimidation', 'a campaign of harassment': a summary, not an occasion."""
    return bool(_GENERIC.search(sentence[max(0, offset - 40) : offset]))


def announced_harm(sentence: str, offset: int) -> re.Match[str] | None:
    """The speech act announcing this act as a future harm, if the sentence has one."""
    for match in _SPEECH_FUTURE.finditer(sentence, 0, offset + 1):
        if match.end() <= offset + 1 and offset - match.end() < 60:
            return match
    return None

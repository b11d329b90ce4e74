"""Markdown to prose: the markup goes, the words stay, so sentences read as the author meant them.

This is deliberately not a full CommonMark renderer. Extraction needs readable sentences and
stable paragraphs, not HTML; anything we do not recognise is left as it was, which is safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RULE_OR_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-{2,}|(?:[-*_][ \t]*){3,})[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+(?:\[[ xX]\][ \t]+)?")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|?)+[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_IMAGE = re.compile(r"!\[[^\]]*\](?:\((?:[^()\s]|\([^)]*\))*(?:[ \t]+\"[^\"]*\")?\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\((?:[^()\s]|\([^)]*\))*(?:[ \t]+\"[^\"]*\")?\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_STAR_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3})(?=\S)(?P<body>.+?)(?<=\S)\1(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])(_{1,3})(?=\S)(?P<body>.+?)(?<=\S)\1(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(?P<body>.+?)(?<=\S)~~")
_FRONT_MATTER_FIELD = re.compile(r"^(title|date|published):[ \t]*[\"']?(.*?)[\"']?[ \t]*$", re.I)
# Escaped punctuation is parked in a private-use plane so the emphasis rules cannot see it.
_PARKED = 0xF0000


def markdown_to_text(source: str) -> tuple[str, str | None, dt.date | None]:
    """Plain text plus the title (first level-1 heading or front matter) and front-matter date."""
    lines = source.splitlines()
    title, published, lines = _front_matter(lines)
    out: list[str] = []
    fence = ""
    for raw in lines:
        line = raw
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
                out.append("")
            else:
                out.append(line)  # code is kept verbatim: it may be a quoted statement or log
            continue
        if opening:
            fence = opening.group(1)
            out.append("")
            continue
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        heading = _HEADING.match(line)
        if heading:
            text = _inline(heading.group(2) or "")
            if title is None and len(heading.group(1)) == 1 and text:
                title = text
            out.append(text)
        elif _RULE_OR_UNDERLINE.match(line) or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            out.append("")
        else:
            out.append(_inline(_BULLET.sub(r"\1- ", line)))
    return "\n".join(out), title, published


def _inline(line: str) -> str:
    """Inline markup outside code spans; code spans lose their backticks but keep their text."""
    pieces: list[str] = []
    position = 0
    for code in _CODE_SPAN.finditer(line):
        pieces.append(_prose(line[position : code.start()]))
        pieces.append(code.group(2).strip() or code.group(2))
        position = code.end()
    pieces.append(_prose(line[position:]))
    return "".join(pieces)


def _prose(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_PARKED + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    for pattern in (_STAR_EMPHASIS, _UNDERSCORE_EMPHASIS, _STRIKE):
        previous = None
        while previous != text:  # nested emphasis such as **bold _and italic_**
            previous, text = text, pattern.sub(r"\g<body>", text)
    return re.sub(r"[\U000F0021-\U000F007E]", lambda m: chr(ord(m.group()) - _PARKED), text)


def _front_matter(lines: list[str]) -> tuple[str | None, dt.date | None, list[str]]:
    """YAML front matter (static-site reports) is metadata, not prose; keep its title and date."""
    if not lines or lines[0].strip() != "---":
        return None, None, lines
    for end in range(1, min(len(lines), 100)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return None, None, lines
    title: str | None = None
    published: dt.date | None = None
    for line in lines[1:end]:
        field = _FRONT_MATTER_FIELD.match(line.strip())
        if field is None:
            if line.strip() and ":" not in line and not line.startswith((" ", "\t", "-")):
                return None, None, lines  # not YAML after all: a rule above the first paragraph
            continue
        key, value = field.group(1).lower(), field.group(2)
        if key == "title" and value:
            title = value
        elif published is None and key in ("date", "published"):
            with contextlib.suppress(ValueError):
                published = dt.date.fromisoformat(value[:10])
    return title, published, lines[end + 1 :]

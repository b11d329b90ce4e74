"""Evidence highlighted in place: a document's text with ``<mark>`` around the words incidents cite.

Evidence spans are character offsets into the source text (the contract guarantees it), so the
text is cut at every span boundary and each piece is escaped and wrapped on the server: no script
finds the words in the browser, and the reviewer sees exactly the characters the record points to.
Spans can overlap (two incidents read from one sentence); a piece inside both carries both ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from markupsafe import Markup, escape

__all__ = ["context_bounds", "marked_text"]


def marked_text(
    text: str, spans: Sequence[tuple[str, tuple[int, int]]], current: str | None = None
) -> Markup:
    """``text`` escaped, with each ``(incident_id, (start, end))`` span in a ``<mark>``.

    The first piece of each incident's span gets ``id="ev-<incident id>"`` so a draft's card can
    link to its words; the marks of ``current`` get the class ``current``.
    """
    bounds = {0, len(text)}
    clean: list[tuple[str, int, int]] = []
    for incident_id, (given_start, given_end) in spans:
        start, end = max(0, min(given_start, len(text))), max(0, min(given_end, len(text)))
        if start < end:
            clean.append((incident_id, start, end))
            bounds |= {start, end}
    cuts = sorted(bounds)
    anchored: set[str] = set()
    out: list[str] = []
    for left, right in pairwise(cuts):
        piece = str(escape(text[left:right]))
        covering = [incident_id for incident_id, start, end in clean if start <= left and right <= end]
        if not covering:
            out.append(piece)
            continue
        attributes = []
        fresh = [incident_id for incident_id in covering if incident_id not in anchored]
        if fresh:
            attributes.append(f'id="ev-{escape(fresh[0])}"')
            anchored.update(fresh)
        classes = ["current"] if current is not None and current in covering else []
        if len(covering) > 1:
            classes.append("overlap")
        if classes:
            attributes.append(f'class="{" ".join(classes)}"')
        attributes.append(f'data-incidents="{escape(" ".join(covering))}"')
        out.append(f"<mark {' '.join(attributes)}>{piece}</mark>")
    return Markup("".join(out))


def context_bounds(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The paragraph (blank-line separated) around a span: the evidence "in its source context"."""
    start, end = span
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (0 if left < 0 else left + 2, len(text) if right < 0 else right)

"""Keep every heading on the same page as the first lines of what it heads.

reportlab's own ``keepWithNext`` is not enough here, for two reasons seen on real referrals:

- it skips a following container (a ``KeepTogether``), so the heading was left alone at the foot
  of a page while its text started on the next (QA walk, item 23);
- it keeps the heading with the *whole* next flowable, so a long "What the worry is" paragraph
  would be pushed to a new page, leaving most of a page blank.

:func:`keep_headings_with_text` groups each run of headings (any flowable whose style says
``keepWithNext``) with the flowable after it. The group moves to the next page only when the
headings and the first lines of the text (two lines of a paragraph, one row of a table) do not
fit in the space left; otherwise the text splits across the page as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, PageBreak
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak
from reportlab.platypus.flowables import _listWrapOn


class HeadingWithFirstLines(KeepTogether):  # type: ignore[misc]
    """Headings and the flowable they head: together only as far as its first lines."""

    def __init__(self, headings: Sequence[Flowable], text: Flowable) -> None:
        for heading in headings:
            # The group does the keeping now: stop reportlab from grouping them again.
            heading.__dict__["keepWithNext"] = 0
        super().__init__([*headings, text])
        self._headings = list(headings)
        self._text = text

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Move to the next page only if the headings and the text's first lines do not fit."""
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = [*self._headings, self._text]
        frame = getattr(self, "_frame", None)
        at_top = bool(frame is not None and getattr(frame, "_atTop", False))
        if aH >= self._H or at_top or self._text_starts_within(aW, aH):
            return content
        return [FrameBreak(), *content]

    def _text_starts_within(self, width: float, height: float) -> bool:
        """Whether the headings and the text's first lines fit in ``height``."""
        canv: Any = self.canv
        _, headings_height = _listWrapOn(self._headings, width, canv)
        gap = max(self._headings[-1].getSpaceAfter(), self._text.getSpaceBefore())
        room = height - headings_height - gap
        if room <= 0:
            return False
        _, text_height = self._text.wrapOn(canv, width, room)
        if text_height <= room:
            return True
        parts = self._text.splitOn(canv, width, room)
        if len(parts) < 2 or isinstance(parts[0], ActionFlowable):
            return False  # cannot start here (too few lines of a paragraph, no whole row)
        return bool(parts[0].wrapOn(canv, width, room)[1] <= room)


def _is_heading(flowable: Flowable) -> bool:
    return bool(flowable.getKeepWithNext()) and not isinstance(flowable, KeepTogether)


def _can_follow_in_group(flowable: Flowable) -> bool:
    # A table of contents must stay in the story itself: multiBuild looks for it there.
    return not isinstance(flowable, (ActionFlowable, PageBreak)) and not flowable.isIndexing()


def keep_headings_with_text(story: Sequence[Flowable]) -> list[Flowable]:
    """Return ``story`` with each run of headings grouped with the flowable that follows."""
    out: list[Flowable] = []
    headings: list[Flowable] = []
    for flowable in story:
        if _is_heading(flowable):
            headings.append(flowable)
            continue
        if headings and _can_follow_in_group(flowable):
            out.append(HeadingWithFirstLines(headings, flowable))
        else:
            out += [*headings, flowable]
        headings = []
    return out + headings

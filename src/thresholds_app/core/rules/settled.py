"""Whether enough is answered to rely on the level the guidance indicates, and what to answer next.

"Enough" is the pack's own declaration (``settings.enough_answered`` in ``pack.yaml``): the
mandatory questions have a yes or no, the listed questions each have an answer, and every domain
of the pack has at least ``answers_in_each_domain`` answered indicators (see below). Until then
the app says "not enough answered yet" and lists what to answer next, because a level reached
from a handful of answers (Level 1 after a single "No" to immediate danger) would reassure
falsely (issue 11).

The domains matter only while nothing of concern has been found (no level, or the pack's lowest
level, which means "no concern above the everyday"): a concern answered "yes" at a higher level
supports that level by itself, and further answers can only add to it. An emergency settles it
at once (999 comes first whatever else is answered).
"""

from __future__ import annotations

from collections.abc import Mapping

from thresholds_app.core.pack.model import ANSWERS, Pack


def still_to_answer(
    pack: Pack, answers: Mapping[str, str], level: int | None, emergency: bool
) -> tuple[str, ...]:
    """What must still be answered before the level can be relied on (empty: enough answered).

    Each item is one plain line: a question's own text, or "<domain>: answer at least one of
    its indicators".
    """
    if emergency:
        return ()
    rule = pack.manifest.enough_answered
    out: list[str] = []
    mandatory = pack.manifest.mandatory_questions
    for question_id in dict.fromkeys((*mandatory, *rule.questions)):
        # A mandatory question needs a yes or no; the others may also be "not known".
        accepted = ("yes", "no") if question_id in mandatory else ANSWERS
        if answers.get(question_id) not in accepted:
            question = pack.questions.get(question_id)
            out.append(question.text if question else question_id)
    if level is not None and level != min(pack.levels, default=level):
        return tuple(out)  # a concern at this level supports it; more answers can only add
    wanted = rule.answers_in_each_domain
    if wanted > 0:
        counts = dict.fromkeys((d.id for d in pack.domains), 0)
        for item_id, answer in answers.items():
            indicator = pack.indicators.get(item_id)
            if indicator is not None and answer in ANSWERS and indicator.domain in counts:
                counts[indicator.domain] += 1
        for domain in pack.domains:
            if counts[domain.id] < wanted:
                which = "one of its indicators" if wanted == 1 else f"{wanted} of its indicators"
                out.append(f"{domain.title}: answer at least {which}.")
    return tuple(out)

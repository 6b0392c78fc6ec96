"""The rules engine: what the guidance indicates for one child, and why.

``assess(pack, answers, context)`` is the single place where a level is worked out. It is pure
and deterministic: the same pack, answers and context always give the same :class:`Assessment`,
whatever order the answers were given in, and the clock is read from the context, never from the
system.

Policy ``highest-level`` (the pack's ``policy``): every rule whose condition holds *fires*; the
indicated level is the highest ``then.level`` among fired rules, or ``None`` ("insufficient
information") when no level rule fires. Every fired rule is a reason, ordered by level (highest
first) and then by its place in ``rules.yaml``.

At Level 4 the engine also picks the **statutory route** (:func:`Engine.route_of`): a child
already open to children's social care, possible significant harm (s47), or a child in need
(s17). The route's own next steps, consent advice and contacts replace the generic Level 4 ones,
so a privately fostered child is not told "do not confront the alleged abuser".

The pack is compiled once into an :class:`Engine` (conditions resolved against the indicators,
rules sorted for a short-circuit level check) and the engine is memoised on the pack object, so
re-assessing after one changed answer costs well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from thresholds_app.core.base.calendar import area_time
from thresholds_app.core.base.wording import level_label
from thresholds_app.core.pack.dates import PackDates, pack_dates
from thresholds_app.core.pack.model import (
    ANSWERS,
    DEFAULT_ROUTE,
    Answer,
    Indicator,
    Pack,
    Rule,
    StatutoryRoute,
)
from thresholds_app.core.rules.assessment import (
    AnswerRef,
    Assessment,
    ConsentAdvice,
    ContactAdvice,
    Context,
    Reason,
)
from thresholds_app.core.rules.changes import what_would_change
from thresholds_app.core.rules.conditions import Condition, ConditionError, compile_condition
from thresholds_app.core.rules.consent import consent_advice
from thresholds_app.core.rules.contacts import contacts_for, dedupe, route, who_to_call
from thresholds_app.core.rules.settled import still_to_answer

SUPPORTED_POLICIES = ("highest-level",)

# "Immediate danger: not known" is a possible danger, never a quiet gap (the same words in the
# gap, the next steps and the warnings, so the panel, the command line and the rationale agree).
DANGER_NOT_KNOWN_STEP = (
    "Find out now whether the child is safe. If there is any chance they are in immediate "
    "danger, call 999; if not, phone the MASH (or the Emergency Duty Team out of hours) today."
)
DANGER_NOT_KNOWN_WARNING = (
    "It is not known whether the child is in immediate danger: treat it as a possible danger "
    "until you have checked."
)
_CACHE_ATTRIBUTE = "_thresholds_engine"


class PackRulesError(ValueError):
    """The pack's rules cannot be run (unknown policy or a condition outside the vocabulary)."""


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its condition compiled."""

    rule: Rule
    condition: Condition

    @property
    def level(self) -> int | None:
        """The level this rule indicates, if any."""
        return self.rule.then.level


class Engine:
    """A pack compiled for fast, repeated assessment. Build with :func:`engine_for`."""

    def __init__(self, pack: Pack) -> None:
        if pack.policy not in SUPPORTED_POLICIES:
            raise PackRulesError(f"rules.yaml: policy {pack.policy!r} is not supported")
        self.pack = pack
        indicators = tuple(pack.indicators.values())
        overlaps = {item: group.id for group in pack.overlaps for item in group.indicators}
        compiled: list[CompiledRule] = []
        for rule in pack.rules:
            try:
                condition = compile_condition(
                    rule.when, indicators, f"rules[{rule.id}].when", overlaps
                )
            except ConditionError as error:
                raise PackRulesError(f"rules.yaml: {error}") from error
            compiled.append(CompiledRule(rule, condition))
        self.rules: tuple[CompiledRule, ...] = tuple(sorted(compiled, key=lambda c: c.rule.order))
        # Highest level first, so the level check can stop at the first rule that holds.
        self.level_rules: tuple[CompiledRule, ...] = tuple(
            sorted(
                (c for c in self.rules if c.level is not None),
                key=lambda c: (-(c.level or 0), c.rule.order),
            )
        )
        self.emergency_rules: tuple[CompiledRule, ...] = tuple(
            c for c in self.rules if c.rule.then.emergency
        )
        self.indicators: tuple[Indicator, ...] = indicators
        self.concerns: tuple[Indicator, ...] = tuple(i for i in indicators if i.kind == "concern")
        self.strengths: tuple[Indicator, ...] = tuple(i for i in indicators if i.kind == "strength")
        self.concern_ids = frozenset(i.id for i in self.concerns)
        self.strength_ids = frozenset(i.id for i in self.strengths)
        named: set[str] = set()
        for c in self.level_rules:
            named |= c.condition.referenced_ids()
        self.out_of_hours_ids: frozenset[str] = frozenset(
            c.out_of_hours for c in pack.contacts.values() if c.out_of_hours
        )
        # Pack order of every answerable id, and every possible AnswerRef, built once.
        self.position: dict[str, int] = {
            item: index for index, item in enumerate([*pack.questions, *pack.indicators])
        }
        self._refs: dict[tuple[str, str | None], AnswerRef] = {
            (item, answer): self._make_ref(item, answer)
            for item in self.position
            for answer in (*ANSWERS, None)
        }
        # Questions a level rule names: candidates for "what would change this".
        self.level_questions: tuple[str, ...] = tuple(q for q in pack.questions if q in named)
        level_4 = pack.levels.get(4)
        self.routes: dict[str, StatutoryRoute] = (
            {r.id: r for r in level_4.routes} if level_4 else {}
        )

    def route_of(self, fired: list[CompiledRule]) -> str | None:
        """The statutory route of the Level 4 rules that fired, the pack's first in precedence.

        A Level 4 rule that names no route means possible significant harm. ``None`` when the
        pack defines no routes or no Level 4 rule fired.
        """
        named = {c.rule.then.route or DEFAULT_ROUTE for c in fired if c.level == 4}
        return next((r for r in self.routes if r in named), None)

    def level_of(self, answers: Mapping[str, str], age_band: str | None) -> int | None:
        """Only the indicated level (the highest level among rules that hold)."""
        for compiled in self.level_rules:
            if compiled.condition.holds(answers, age_band):
                return compiled.level
        return None

    def level_and_enough(
        self, answers: Mapping[str, str], age_band: str | None
    ) -> tuple[int | None, bool]:
        """The indicated level and whether enough is answered to rely on it (as :meth:`assess`).

        What a screen would show after a trial change: "would lower it to Level 1" is true only
        when Level 1 would then be shown, not "Not enough answered yet".
        """
        level = self.level_of(answers, age_band)
        emergency = any(c.condition.holds(answers, age_band) for c in self.emergency_rules)
        return level, not still_to_answer(self.pack, answers, level, emergency)

    def answer_ref(self, item_id: str, answers: Mapping[str, str]) -> AnswerRef:
        """An answer with the text, level and source of its indicator or question."""
        answer = answers.get(item_id)
        ref = self._refs.get((item_id, answer))
        return ref if ref is not None else self._make_ref(item_id, answer)

    def _make_ref(self, item_id: str, answer: str | None) -> AnswerRef:
        value: Answer | None = answer if answer in ANSWERS else None
        indicator = self.pack.indicators.get(item_id)
        if indicator is not None:
            return AnswerRef(item_id, value, indicator.text, indicator.level, indicator.source)
        question = self.pack.questions.get(item_id)
        if question is not None:
            return AnswerRef(item_id, value, question.text, None, question.source)
        return AnswerRef(item_id, value, item_id, None, "")

    def _ordered(self, ids: Iterable[str]) -> list[str]:
        """Known ids in pack order (questions first, then indicators); unknown ids dropped."""
        position = self.position
        return sorted((i for i in ids if i in position), key=position.__getitem__)

    def assess(self, answers: Mapping[str, str], context: Context) -> Assessment:
        """Assess one child; see :func:`assess`."""
        _check_answers(answers)
        age = context.age_band
        fired = [c for c in self.rules if c.condition.holds(answers, age)]
        fired.sort(key=lambda c: (-(c.level or 0), c.rule.order))
        levels = [c.level for c in fired if c.level is not None]
        level = max(levels) if levels else None
        emergency = any(c.rule.then.emergency for c in fired)
        danger_not_known = answers.get(self.pack.roles.immediate_danger) == "not-known"
        dates = _dates(self.pack, context)
        withheld = dates is not None and not dates.suggestions_allowed
        if withheld:
            # Superseded guidance must not suggest a level (hazard H03): keep only what does not
            # depend on it (999 in an emergency, gaps, pathways).
            fired = [c for c in fired if c.level is None or c.rule.then.emergency]
            level = None
        topics = self._topics(fired, answers)
        route = self.route_of(fired) if level == 4 else None
        to_answer = () if withheld else still_to_answer(self.pack, answers, level, emergency)
        # The lowest level means "no concern found": until enough is answered it is no finding,
        # so it gives no steps or contacts of its own (issue 11: "Level 1, No gaps").
        advice_level = level
        if to_answer and level == min(self.pack.levels, default=None):
            advice_level = None
        reasons = tuple(self._reason(c, answers, age, withheld) for c in fired)
        consent = consent_advice(self.pack, level, answers, route)
        contacts = self._contacts(advice_level, emergency, topics, context, route, danger_not_known)
        urgent = (
            emergency or danger_not_known or (advice_level or 0) >= self.pack.roles.statutory_level
        )
        gaps = self._gaps(level, answers)
        statutory = self.pack.roles.statutory_level
        return Assessment(
            pack_id=self.pack.manifest.id,
            pack_version=self.pack.manifest.version,
            pack_hash=self.pack.content_hash,
            indicated_level=level,
            emergency=emergency,
            reasons=reasons,
            missing=self._missing(answers),
            gaps=gaps,
            warnings=self._warnings(fired, danger_not_known and not emergency),
            what_would_change=(
                ()
                if withheld
                else what_would_change(self, answers, age, level, fired, not to_answer)
            ),
            strengths=tuple(
                self.answer_ref(i, answers)
                for i in self._ordered(k for k, v in answers.items() if v == "yes")
                if i in self.strength_ids
            ),
            topics=topics,
            consent=consent,
            next_steps=self._next_steps(
                advice_level,
                emergency,
                topics,
                to_answer,
                dates.message if withheld and dates is not None else "",
                route,
                danger_not_known,
                _step_up_step(consent),
                _numbers_step(contacts) if urgent else (),
            ),
            contacts=contacts,
            pack_state=dates.state if dates else "",
            pack_notice=dates.message if dates else "",
            level_withheld=withheld,
            enough_answered=not to_answer,
            to_answer_next=to_answer,
            route=route,
            danger_not_known=danger_not_known and not emergency,
            statutory_not_known=tuple(
                g.id
                for g in gaps
                if g.id in self.concern_ids and (g.level or 0) >= statutory > (level or 0)
            ),
        )

    @staticmethod
    def _warnings(fired: list[CompiledRule], danger_not_known: bool) -> tuple[str, ...]:
        """The fired rules' warnings, after the possible-danger one when danger is not known."""
        first = [DANGER_NOT_KNOWN_WARNING] if danger_not_known else []
        rules = [c.rule.then.warning for c in fired if c.rule.then.warning]
        return tuple(dict.fromkeys([*first, *rules]))

    def _reason(
        self, compiled: CompiledRule, answers: Mapping[str, str], age: str | None, withheld: bool
    ) -> Reason:
        rule = compiled.rule
        support = compiled.condition.support(answers, age)
        return Reason(
            rule_id=rule.id,
            label=rule.label,
            explanation=rule.explanation,
            level=None if withheld else rule.then.level,
            source=rule.source,
            answers=tuple(self.answer_ref(i, answers) for i in support),
        )

    def _missing(self, answers: Mapping[str, str]) -> tuple[AnswerRef, ...]:
        """Mandatory questions without a yes or no: the case is incomplete until they have one."""
        return tuple(
            self.answer_ref(q, answers)
            for q in self.pack.manifest.mandatory_questions
            if answers.get(q) not in ("yes", "no")
        )

    def _gaps(self, level: int | None, answers: Mapping[str, str]) -> tuple[AnswerRef, ...]:
        """Answers "not known" on questions, and on concerns at or above the indicated level."""
        floor = level or 1
        unknown = self._ordered(k for k, v in answers.items() if v == "not-known")
        questions = [q for q in unknown if q in self.pack.questions]
        concerns = [
            i for i in unknown if i in self.concern_ids and self.pack.indicators[i].level >= floor
        ]
        concerns.sort(key=lambda i: -self.pack.indicators[i].level)  # stable: pack order kept
        return tuple(self._gap(i, answers) for i in questions + concerns)

    def _gap(self, item_id: str, answers: Mapping[str, str]) -> AnswerRef:
        """A "not known" answer, with what to do to find out when it could mean Level 4."""
        ref = self.answer_ref(item_id, answers)
        indicator = self.pack.indicators.get(item_id)
        step = indicator.if_not_known if indicator else ""
        if item_id == self.pack.roles.immediate_danger:
            step = DANGER_NOT_KNOWN_STEP
        if not step and indicator is not None and indicator.level == 4:
            step = self.pack.not_known_next_step
        return replace(ref, next_step=step) if step else ref

    def _topics(self, fired: list[CompiledRule], answers: Mapping[str, str]) -> tuple[str, ...]:
        ids: dict[str, None] = {}
        for compiled in fired:
            for topic in compiled.rule.then.topics:
                ids.setdefault(topic, None)
        indicators = self.pack.indicators
        for item in self._ordered(k for k, v in answers.items() if v == "yes"):
            indicator = indicators.get(item)
            if indicator is not None:
                for topic in indicator.topics:
                    ids.setdefault(topic, None)
        return tuple(t for t in ids if t in self.pack.topics)

    def _next_steps(
        self,
        level: int | None,
        emergency: bool,
        topics: tuple[str, ...],
        to_answer: tuple[str, ...],
        withheld_notice: str,
        route: str | None = None,
        danger_not_known: bool = False,
        step_up: tuple[str, ...] = (),
        numbers: tuple[str, ...] = (),
    ) -> tuple[str, ...]:
        steps: list[str] = []
        if emergency:
            steps.append(
                "Call 999 now: the child may be in immediate danger. Then contact the MASH, or the "
                "Emergency Duty Team out of hours."
            )
        elif danger_not_known:
            steps.append(DANGER_NOT_KNOWN_STEP)
        steps.extend(step_up)  # consent refused where a step-up decision is needed
        if withheld_notice:
            steps.append(withheld_notice)
        elif to_answer:
            steps.append(f"Not enough answered yet to rely on a level. Next: {to_answer[0]}")
        elif level is None:
            steps.append(
                "The guidance cannot indicate a level from these answers: talk to your "
                "safeguarding lead, or ask the front door for advice."
            )
        if route in self.routes and level is not None:
            steps.extend(self.routes[route].next_steps)
        elif level is not None and level in self.pack.levels:
            steps.extend(self.pack.levels[level].next_steps)
        steps.extend(numbers)  # the level's "phone the MASH now" needs the number beside it
        for topic_id in topics:
            topic = self.pack.topics[topic_id]
            steps.extend(f"{topic.title}: {step}" for step in topic.steps_now)
        return tuple(dict.fromkeys(steps))

    def steps_at(self, level: int, assessment: Assessment) -> tuple[str, ...]:
        """The next steps as :meth:`assess` gave them in ``assessment``, but for ``level``.

        For a practitioner's decision above what the guidance indicates, whose route and
        contacts follow the decision: that level's own steps replace the guidance's, while 999
        in an emergency, a danger not yet ruled out, a consent step-up, what to answer next and
        each pathway's steps are kept. No statutory route is chosen (no Level 4 rule fired), so
        a Level 4 decision gets the level's general steps.
        """
        danger_not_known = assessment.danger_not_known
        urgent = (
            assessment.emergency or danger_not_known or level >= self.pack.roles.statutory_level
        )
        contacts = self._contacts(
            level, assessment.emergency, assessment.topics, Context(), None, danger_not_known
        )
        return self._next_steps(
            level,
            assessment.emergency,
            assessment.topics,
            assessment.to_answer_next,
            assessment.pack_notice if assessment.level_withheld else "",
            None,
            danger_not_known,
            _step_up_step(assessment.consent),
            _numbers_step(contacts) if urgent else (),
        )

    def _contacts(
        self,
        level: int | None,
        emergency: bool,
        topics: tuple[str, ...],
        context: Context,
        statutory: str | None = None,
        danger_not_known: bool = False,
    ) -> tuple[ContactAdvice, ...]:
        now = context.now
        roles = self.pack.roles
        # The out-of-hours team is for urgent protection: an emergency, a danger not yet ruled
        # out, or the statutory level.
        urgent = (
            emergency or danger_not_known or (level is not None and level >= roles.statutory_level)
        )
        advice: list[ContactAdvice] = []
        if statutory in self.routes and not emergency:
            # e.g. the allocated social worker first, for a child already open to social care
            chosen = self.routes[statutory]
            advice += contacts_for(
                self.pack,
                self._routable(chosen.contacts, emergency),
                now,
                chosen.title,
                urgent=urgent,
            )
        if urgent:
            advice += who_to_call(self.pack, now, emergency)
        if level is not None and level in self.pack.levels:
            ids = self._routable(self.pack.levels[level].contacts, emergency)
            advice += contacts_for(
                self.pack, ids, now, f"Help at {level_label(level)}", urgent=urgent
            )
        elif not emergency:
            advice += route(
                self.pack,
                roles.front_door,
                now,
                "Ask the front door for advice if unsure",
                urgent=False,
            )
        for topic_id in topics:
            topic = self.pack.topics[topic_id]
            advice += contacts_for(
                self.pack,
                self._routable(topic.contacts, emergency),
                now,
                topic.title,
                urgent=urgent,
            )
        return dedupe(advice)

    def _routable(self, contact_ids: tuple[str, ...], emergency: bool) -> list[str]:
        """Drop 999 unless it is an emergency, and out-of-hours lines (routing adds them)."""
        return [
            c
            for c in contact_ids
            if (emergency or c != self.pack.roles.emergency_contact)
            and c not in self.out_of_hours_ids
        ]


def _step_up_step(consent: ConsentAdvice) -> tuple[str, ...]:
    """The first step when consent was refused at a level that asks for a step-up decision."""
    if not consent.consider_step_up:
        return ()
    return (
        f"Consent was refused at {level_label(consent.level)}: talk to your safeguarding lead "
        f"today about stepping up to {level_label(consent.step_up_to)}, and record the decision "
        "in the step-up review. Read the consent advice on what to do next.",
    )


def _numbers_step(contacts: tuple[ContactAdvice, ...]) -> tuple[str, ...]:
    """The numbers to call now, as one step, for screens that list only the steps."""
    lines = [f"{c.name} {c.phone_text}" for c in contacts if c.call_now][:3]
    return ("Numbers to call now: " + "; ".join(lines) + ".",) if lines else ()


def _dates(pack: Pack, context: Context) -> PackDates | None:
    """The pack's dates on the day of the context's clock (None when no clock was given)."""
    if context.now is None:
        return None
    return pack_dates(pack.manifest, area_time(context.now).date())


def _check_answers(answers: Mapping[str, str]) -> None:
    bad = sorted(k for k, v in answers.items() if v not in ANSWERS)
    if bad:
        raise ValueError("These answers are not yes, no or not-known: " + ", ".join(bad[:10]) + ".")


def engine_for(pack: Pack) -> Engine:
    """The pack's compiled engine, built on first use and kept on the pack object.

    The memo is derived only from the (immutable) pack, so it never changes an assessment.
    """
    cached = pack.__dict__.get(_CACHE_ATTRIBUTE)
    if isinstance(cached, Engine) and cached.pack is pack:
        return cached
    engine = Engine(pack)
    object.__setattr__(pack, _CACHE_ATTRIBUTE, engine)  # frozen dataclass: a memo, not state
    return engine


def assess(pack: Pack, answers: Mapping[str, str], context: Context | None = None) -> Assessment:
    """What the guidance indicates for one child, with every reason behind it.

    Args:
        pack: A loaded guidance pack.
        answers: Question and indicator id -> ``"yes"``, ``"no"`` or ``"not-known"``; anything not
            in the mapping is unanswered. Ids the pack does not know are ignored.
        context: The child's age band and the local time (for contacts); both may be unknown.

    Returns:
        The assessment: indicated level (``None`` = insufficient information), emergency, reasons,
        missing questions, gaps, warnings, what would change it, strengths, topics, consent,
        next steps and contacts.

    Raises:
        ValueError: An answer is not yes, no or not-known.
        PackRulesError: The pack's rules cannot be run.
    """
    return engine_for(pack).assess(answers, context or Context())

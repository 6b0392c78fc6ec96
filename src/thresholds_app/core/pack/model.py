"""The guidance pack as immutable Python objects.

A pack is loaded once (see :mod:`thresholds_app.core.pack.load`) and then only read. Every other
part of the app (engine, rationale, PDF, UI, CLI) works from these objects, never from YAML.
Conditions in rules stay as plain, schema-checked data (a closed vocabulary) and are interpreted
by :mod:`thresholds_app.core.rules.engine`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from thresholds_app.core.base.records import record
from thresholds_app.core.base.wording import level_title
from thresholds_app.core.pack.vocabulary import AGE_BANDS as AGE_BANDS
from thresholds_app.core.pack.vocabulary import ANSWERS as ANSWERS
from thresholds_app.core.pack.vocabulary import DEFAULT_ROUTE as DEFAULT_ROUTE
from thresholds_app.core.pack.vocabulary import PART_STATUSES as PART_STATUSES
from thresholds_app.core.pack.vocabulary import ROUTES as ROUTES
from thresholds_app.core.pack.vocabulary import Answer as Answer


@record
class Source:
    """A document that a piece of guidance comes from."""

    id: str
    title: str
    url: str
    status: str


@record
class PartStatus:
    """Whether one part of the pack is confirmed against the partnership's own document."""

    status: str
    note: str


@record
class Roles:
    """What the app's own rules need from a pack, by id (``roles:`` in ``pack.yaml``).

    The code never names a question, contact or level of one partnership's pack: it asks the
    pack's roles. ``thresholds validate`` refuses a pack that does not declare them all, so a
    pack from another partnership cannot silently lose the 999 route or the household check.
    """

    immediate_danger: str  # question: is the child in immediate danger? (answer before export)
    other_children: str  # question: every other child in the household considered?
    consent_sought: str  # question: was consent sought?
    consent_refused: str  # question: was consent refused?
    telling_parents_risk: str  # question: could telling the parents increase the risk?
    emergency_contact: str  # contact: 999
    front_door: str  # contact: the MASH (its out_of_hours contact covers nights and holidays)
    statutory_level: int  # level at which the front door is always given (a MASH referral)


@record
class EnoughAnswered:
    """When a level can be relied on (``settings.enough_answered`` in ``pack.yaml``).

    Until every one of ``questions`` has an answer (the mandatory questions always count) and,
    while no concern above the lowest level is found, each domain has at least
    ``answers_in_each_domain`` answered indicators, the app says "not enough answered yet" and
    what to answer next, rather than a level that no answer has yet supported.
    """

    questions: tuple[str, ...] = ()
    answers_in_each_domain: int = 1


@record
class Manifest:
    """Identity, dates and provenance of a pack (from ``pack.yaml``)."""

    id: str
    title: str
    area: str
    version: str
    effective_from: str
    review_by: str
    expires: str | None
    publisher: str
    provenance_note: str
    sources: Mapping[str, Source]
    parts: Mapping[str, PartStatus]
    mandatory_questions: tuple[str, ...]
    roles: Roles
    enough_answered: EnoughAnswered = EnoughAnswered()
    training_pass_mark: int | None = None  # percentage; None: the app's default


@record
class Timescale:
    """Something that should happen, and by when."""

    what: str
    when: str


@record
class Level:
    """One level of need."""

    number: int
    name: str
    summary: str
    who_responds: tuple[str, ...]
    how_to_get_help: str
    consent: str
    timescales: tuple[Timescale, ...]
    next_steps: tuple[str, ...]
    contacts: tuple[str, ...]
    source: str
    routes: tuple[StatutoryRoute, ...] = ()  # Level 4 only, in order of precedence


@record
class Question:
    """A question answered yes / no / not known that is not an indicator of need."""

    id: str
    text: str
    help: str
    group: str
    source: str


@record
class Area:
    """An area of an Assessment Framework domain (e.g. Health)."""

    id: str
    domain: str
    title: str
    description: str


@record
class Domain:
    """A side of the Assessment Framework triangle."""

    id: str
    title: str
    areas: tuple[Area, ...]


@record
class Indicator:
    """An observable sign of need (or a strength) that sits at a level."""

    id: str
    domain: str
    area: str
    level: int
    kind: Literal["concern", "strength"]
    theme: str | None
    text: str
    examples: tuple[str, ...]
    ages: tuple[str, ...]
    keywords: tuple[str, ...]
    topics: tuple[str, ...]
    source: str
    route: str | None = None  # Level 4 concerns only: child-protection (default) or child-in-need
    if_not_known: str = ""  # the next step when this is answered "not known"

    def applies_to(self, age_band: str | None) -> bool:
        """Whether this indicator applies to a child in ``age_band`` (unknown age: yes)."""
        return age_band is None or not self.ages or age_band in self.ages


@record
class Tool:
    """An assessment tool a pathway uses (e.g. DASH, GCP2)."""

    name: str
    use: str


@record
class Stage:
    """One point on a spectrum within a topic (e.g. parental conflict to domestic abuse)."""

    label: str
    level: int
    description: str
    examples: tuple[str, ...]


@record
class Topic:
    """A special pathway: when it applies, what to do and whom to contact."""

    id: str
    title: str
    summary: str
    applies_when: tuple[str, ...]
    what_to_do: tuple[str, ...]
    contacts: tuple[str, ...]
    tools: tuple[Tool, ...]
    stages: tuple[Stage, ...]
    keywords: tuple[str, ...]
    source: str
    # The steps that must be taken whenever the pathway applies (a legal duty, a same-day
    # medical check), first in ``what_to_do``. Every output lists them: the live panel, the
    # command line and the rationale.
    must_do: tuple[str, ...] = ()

    @property
    def steps_now(self) -> tuple[str, ...]:
        """The steps an assessment lists: the ``must_do`` ones, else the first step."""
        return self.must_do or self.what_to_do[:1]


@record
class RuleEffect:
    """What a rule does when it fires."""

    level: int | None
    emergency: bool
    warning: str | None
    topics: tuple[str, ...]
    route: str | None = None  # Level 4 rules: which statutory route (None: child-protection)


@record
class Rule:
    """A declarative rule: a condition (plain data) and its effect."""

    id: str
    label: str
    explanation: str
    when: Mapping[str, Any]
    then: RuleEffect
    source: str
    order: int


@record
class ConsentLevel:
    """Consent and information sharing at one level."""

    level: int
    consent_needed: str
    from_whom: str
    if_refused: str
    consider_step_up_if_refused: bool
    tell_parents: str
    lawful_basis: tuple[str, ...]
    record: tuple[str, ...]
    source: str


@record
class TitledText:
    """A titled paragraph (a golden rule, a meaning of consent)."""

    title: str
    text: str
    source: str | None = None


@record
class ConsentGuide:
    """The consent and information-sharing part of a pack."""

    levels: Mapping[int, ConsentLevel]
    golden_rules: tuple[TitledText, ...]
    meanings_of_consent: tuple[TitledText, ...]
    routes: Mapping[str, ConsentLevel] = {}  # Level 4 consent by statutory route


@record
class StatutoryRoute:
    """One way a Level 4 case goes forward (s47, s17, or already open), with its own steps."""

    id: str
    title: str
    summary: str
    next_steps: tuple[str, ...]
    contacts: tuple[str, ...]
    source: str


@record
class Overlap:
    """Indicators that describe one cause: counted once when rules count needs."""

    id: str
    label: str
    indicators: tuple[str, ...]


@record
class Criterion:
    """A step-up or step-down criterion the practitioner can tick."""

    id: str
    text: str
    ticked_by: str = ""  # a question whose "yes" ticks it (what the case already records)


@record
class SteppingProcedure:
    """Step-up or step-down: criteria, who decides, steps, handover and timescales."""

    summary: str
    criteria: tuple[Criterion, ...]
    who_decides: str
    steps: tuple[str, ...]
    handover_checklist: tuple[str, ...]
    timescales: tuple[Timescale, ...]
    source: str


@record
class OpeningHours:
    """Days (mon..sun) and times ("HH:MM") when a contact is open."""

    days: tuple[str, ...]
    open: str
    close: str


@record
class Contact:
    """A service to call; no hours means always open."""

    id: str
    name: str
    phone: str
    hours: tuple[OpeningHours, ...]
    use_for: str
    out_of_hours: str | None
    source: str
    # True when the organisation's settings replaced the pack's number (core/pack/local.py);
    # every screen and paper that shows the number then says so.
    set_by_organisation: bool = False

    @property
    def phone_text(self) -> str:
        """The number as shown, marked when the organisation set it."""
        return phone_text(self.phone, self.set_by_organisation)


ORGANISATION_NUMBER = "number set by your organisation"


def phone_text(phone: str, set_by_organisation: bool) -> str:
    """``"0121 788 4300 (number set by your organisation)"``, or the number alone."""
    return f"{phone} ({ORGANISATION_NUMBER})" if set_by_organisation else phone


@record
class Scenario:
    """An invented training case with its expected answer."""

    id: str
    title: str
    story: str
    age_band: str | None
    key_indicators: tuple[str, ...]
    other_answers: Mapping[str, Answer]
    expected_level: int | None
    expected_emergency: bool
    themes: tuple[str, ...]
    good_rationale_mentions: tuple[str, ...]
    discussion_points: tuple[str, ...]
    file: str

    def answers(self) -> dict[str, Answer]:
        """All answers of this scenario: the key indicators as "yes", then the others."""
        answers: dict[str, Answer] = dict.fromkeys(self.key_indicators, "yes")
        answers.update(self.other_answers)
        return answers


@record
class TestCase:
    """An engine test case written as data."""

    __test__ = False  # not a pytest class

    name: str
    age_band: str | None
    answers: Mapping[str, Answer]
    expected_level: int | None
    expected_emergency: bool | None
    rules_fired: tuple[str, ...] | None
    rules_include: tuple[str, ...]
    rules_exclude: tuple[str, ...]
    file: str
    line: int
    # What else a case may assert (pathways, warnings, route, consent, steps, gaps, changes).
    # Text expectations are fragments, matched without regard to case.
    topics_include: tuple[str, ...] = ()
    topics_exclude: tuple[str, ...] = ()
    warnings_include: tuple[str, ...] = ()
    warnings_exclude: tuple[str, ...] = ()
    route: str | None = None  # None: not checked; "none": no statutory route
    consent_step_up: bool | None = None
    consent_mentions: tuple[str, ...] = ()
    consent_excludes: tuple[str, ...] = ()
    steps_mention: tuple[str, ...] = ()
    steps_exclude: tuple[str, ...] = ()
    gaps_include: tuple[str, ...] = ()
    gap_steps_mention: tuple[str, ...] = ()
    changes_exclude: tuple[str, ...] = ()


@record
class Synonym:
    """Words a practitioner types and the words the pack uses for the same thing."""

    when_typed: tuple[str, ...]
    also_find: tuple[str, ...]


@record
class SearchWords:
    """The pack's search vocabulary (``synonyms.yaml``): synonyms and words that say nothing."""

    synonyms: tuple[Synonym, ...] = ()
    ignored: tuple[str, ...] = ()


@record
class SearchQuery:
    """A phrasing a practitioner would type, and what it must find near the top."""

    typed: str
    who: str
    finds: tuple[str, ...]
    age_band: str | None
    file: str
    line: int
    top: int | None = None  # this query's own, tighter limit ("first", "in the top 3")


@record
class SearchQuerySet:
    """The pack's search queries (``tests/search.yaml``) and the share that must pass."""

    queries: Sequence[SearchQuery] = ()  # built on first use (core/pack/build.py)
    top: int = 10
    goal_percent: float = 95.0


@record
class PackTrust:
    """Whether a pack's files were checked against a trusted signature before use.

    Set by :mod:`thresholds_app.core.pack.opening`, never read from the pack or the cache.
    ``note`` is the plain sentence shown on screen and, in authoring mode, on every page of a
    rationale.
    """

    verified: bool
    signed_by: str  # the minisign key id; empty when not verified
    note: str


@record
class Pack:
    """A whole guidance pack, loaded and validated."""

    manifest: Manifest
    levels: Mapping[int, Level]
    questions: Mapping[str, Question]
    domains: tuple[Domain, ...]
    indicators: Mapping[str, Indicator]
    topics: Mapping[str, Topic]
    policy: str
    rules: tuple[Rule, ...]
    consent: ConsentGuide
    step_up: SteppingProcedure
    step_down: SteppingProcedure
    contacts_note: str
    contacts: Mapping[str, Contact]
    # built on first use (core/pack/build.py): the start screen never reads them
    scenarios: Sequence[Scenario]
    tests: Sequence[TestCase]
    content_hash: str = ""
    overlaps: tuple[Overlap, ...] = ()
    # Retired id -> the ids that replaced it (empty: retired with no replacement); ids.yaml.
    replaced_by: Mapping[str, tuple[str, ...]] = {}
    published_ids: tuple[str, ...] = ()
    not_known_next_step: str = ""  # default next step for a Level 4 concern answered not known
    review: ReviewGuide | None = None  # None only for packs built by hand (tests)
    search_words: SearchWords = SearchWords()
    search_queries: SearchQuerySet = SearchQuerySet()
    trust: PackTrust | None = None  # None: loaded without the trust check (tests, tools)
    # The partnership's name as the organisation set it (partnership.name; core/pack/local.py);
    # empty: none set, and the pack's own title is all that is shown.
    partnership_name: str = ""

    @property
    def short_hash(self) -> str:
        """The first 12 hex digits of the content hash, for footers."""
        return self.content_hash[:12]

    @property
    def roles(self) -> Roles:
        """The ids the app's rules rely on (see :class:`Roles`)."""
        return self.manifest.roles

    def level_title(self, number: int) -> str:
        """``"Level 3: Targeted early help"``, with the pack's name for the level."""
        found = self.levels.get(number)
        return level_title(number, found.name if found else None)

    def answerable_ids(self) -> set[str]:
        """Ids that can carry an answer: every indicator and question."""
        return set(self.indicators) | set(self.questions)


@record
class RagRating:
    """A MASH RAG rating and its clock: clock hours (day and night) or MASH working days."""

    id: str
    label: str
    meaning: str
    within_hours: int | None  # counted day and night: the work goes on out of hours
    within_working_days: int | None  # counted in the MASH's opening hours, bank holidays off


@record
class Outcome:
    """One outcome a MASH decision can record, in a national data-set category."""

    id: str
    label: str
    category: str  # one of OUTCOME_CATEGORIES
    what_happens_next: str
    needs_words: bool  # "other": the reviewer must say what


@record
class AgencyType:
    """A kind of referring agency, recognised from the referrer's agency by keywords."""

    id: str
    label: str
    keywords: tuple[str, ...]


@record
class ReviewGuide:
    """What the MASH review uses: RAG clocks, outcomes, questions to ask, agency types."""

    note: str
    hours_from: str  # the contact whose opening hours the working-day clock counts
    rag: tuple[RagRating, ...]
    outcomes: tuple[Outcome, ...]
    ask_about: tuple[str, ...]  # question ids: anything but "yes" is a gap to go back about
    agency_types: tuple[AgencyType, ...]
    source: str
    from_pack: bool  # False: the pack has no review.yaml and the published defaults apply


# The categories of the national children-in-need and safeguarding data sets.
OUTCOME_CATEGORIES: tuple[str, ...] = (
    "no-further-action",
    "advice-signposting",
    "early-help",
    "s17-assessment",
    "s47-strategy",
    "existing-open-case",
    "other",
)
# Each category in words, for what people read (the counts PDF); data files keep the ids.
OUTCOME_CATEGORY_WORDS: dict[str, str] = {
    "no-further-action": "No further action",
    "advice-signposting": "Advice and signposting",
    "early-help": "Early help",
    "s17-assessment": "Child in need assessment (section 17)",
    "s47-strategy": "Strategy discussion (section 47)",
    "existing-open-case": "Already open to children's social care",
    "other": "Other",
}

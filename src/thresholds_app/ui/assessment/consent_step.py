"""Step 4: consent and information sharing, driven by the engine's :class:`ConsentAdvice`.

The advice (what consent is needed, what to do if it is refused, whether to tell parents, the
lawful basis) comes from the engine for the level the guidance indicates; this screen shows it and
records what actually happened. When consent is refused at Level 3 the engine says to consider a
step up, and the screen offers the step-up review.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.assemble import consent_record
from thresholds_app.core.case.record import SharedInfo
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.ui.assessment.question_row import QuestionRow
from thresholds_app.ui.assessment.radio_list import RadioList
from thresholds_app.ui.assessment.stacked_form import StackedForm
from thresholds_app.ui.assessment.widgets import (
    card_frame,
    focus_in,
    heading,
    muted_label,
    plain_label,
    required,
)
from thresholds_app.ui.case_state import CaseState
from thresholds_app.ui.danger_style import style_danger


class ConsentStep(QWidget):
    """Consent advice for the indicated level, the consent questions and the record.

    Signals:
        step_up_requested(): the user chose to open the step-up review.
    """

    step_up_requested = Signal()

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("Consent and information sharing"), 1))

        self.step_up = QFrame()
        self.step_up.setObjectName("stepUpPrompt")
        style_danger(self.step_up, "#stepUpPrompt { border: 2px solid {red}; border-radius: 8px; }")
        box = QVBoxLayout(self.step_up)
        box.setContentsMargins(18, 14, 18, 14)
        self.step_up_text = plain_label("")
        self.step_up_text.setProperty("role", "warning")
        box.addWidget(self.step_up_text)
        self.step_up_button = QPushButton(self.tr("Consider a step up…"))
        self.step_up_button.setObjectName("stepUpButton")
        self.step_up_button.setAccessibleName(self.tr("Open the step-up review"))
        self.step_up_button.clicked.connect(self.step_up_requested.emit)
        box.addWidget(self.step_up_button)
        self.step_up.hide()

        advice_card = card_frame("consentAdvice")
        advice_box = QVBoxLayout(advice_card)
        advice_box.setContentsMargins(20, 16, 20, 16)
        advice_box.addWidget(heading(self.tr("What the guidance says about consent"), 2))
        self.advice = QLabel()
        self.advice.setObjectName("consentAdviceText")
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(self.tr("Consent advice"))
        advice_box.addWidget(self.advice)

        layout.addWidget(heading(required(self.tr("What happened")), 2))
        for question in state.pack.questions.values():
            if question.group == "consent":
                layout.addWidget(QuestionRow(state, question))
        # Below the answer that brings it up, never above: shown above the questions it pushed
        # them down under the pointer, and the next click missed.
        layout.addWidget(self.step_up)

        record = state.case.consent
        form = StackedForm(spacing=10)  # each label over its field (GOV.UK)
        self.by_whom = self._line(record.by_whom, self.tr("Who gave or refused consent"))
        self.by_whom.setPlaceholderText(self.tr("e.g. mother; the young person (aged 15)"))
        form.add_row(self.tr("Given or refused &by"), self.by_whom)
        self.not_sought = self._line(
            record.not_sought_reason, self.tr("Why consent was not sought")
        )
        self.not_sought.setPlaceholderText(
            self.tr("e.g. asking would put the child at greater risk")
        )
        form.add_row(self.tr("If &not sought, why"), self.not_sought)
        self.lawful_basis = RadioList(
            self.tr("Lawful basis for sharing"), "", self.tr("Another basis (write it below)")
        )
        self._offer_lawful_bases(state.assessment.consent.lawful_basis)
        self.lawful_basis.set_value(record.lawful_basis)
        self.lawful_basis.changed.connect(self._save)
        form.add_row("", self.lawful_basis)  # the whole row: every option readable in full
        shared = record.shared[0] if record.shared else SharedInfo()
        self.shared_what = self._line(shared.what, self.tr("What information was shared"))
        self.shared_with = self._line(shared.with_whom, self.tr("Shared with whom"))
        self.shared_when = self._line(shared.when, self.tr("Shared when"))
        form.add_row(self.tr("Information &shared"), self.shared_what)
        form.add_row(self.tr("Shared &with"), self.shared_with)
        form.add_row(self.tr("Share&d when"), self.shared_when)
        self.manager = self._line(record.manager_advice, self.tr("Advice from your manager or DSL"))
        form.add_row(self.tr("Advice from your &manager or DSL"), self.manager)
        layout.addLayout(form)
        # the record first (what export needs, no scrolling past the advice to reach it), then
        # the guidance for the level
        layout.addWidget(advice_card)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Where you suspect significant harm, a lack of consent never stops a referral."
                )
            )
        )
        layout.addStretch(1)
        self._stale = True
        state.assessment_changed.connect(self.show_advice)
        state.answer_changed.connect(self._sync_answers)

    def focus_field(self, name: str) -> bool:
        """Focus a field by its case-record name, e.g. ``consent.by_whom``; False if unknown.

        ``consent.sought`` and ``consent.outcome`` are the two consent questions.
        """
        roles = self.state.pack.roles
        aliases = {
            "consent": f"answers.{roles.consent_sought}",
            "consent.sought": f"answers.{roles.consent_sought}",
            "consent.outcome": f"answers.{roles.consent_refused}",
        }
        fields: dict[str, QWidget] = {
            "consent.by_whom": self.by_whom,
            "consent.not_sought_reason": self.not_sought,
            "consent.lawful_basis": self.lawful_basis.heading,
            "consent.manager_advice": self.manager,
            "consent.shared": self.shared_what,
        }
        return focus_in(fields, aliases.get(name, name), self)

    def _line(self, text: str, name: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.textEdited.connect(self._save)
        return edit

    def catch_up(self) -> None:
        """Show the latest advice if answers changed while this step was hidden.

        The page calls this just before showing the step, so the layout sizes the new text.
        """
        if self._stale:
            self.show_advice(self.state.assessment, force=True)

    def show_advice(self, assessment: Assessment, *, force: bool = False) -> None:
        """Show the engine's consent pathway and, if it says so, the step-up prompt.

        While the step is hidden this only notes that it is out of date: re-laying hidden rich
        text after every answer would slow the live panel down.
        """
        if not force and not self.isVisible():
            self._stale = True
            return
        self._stale = False
        c = assessment.consent
        self.step_up.setVisible(c.consider_step_up)
        if c.consider_step_up and c.step_up_to is not None:
            target = level_label(c.step_up_to)
            self.step_up_text.setText(
                self.tr(
                    "Consent has been refused. The guidance says to consider stepping up to "
                    "{level}: talk to your safeguarding lead and contact the MASH."
                ).format(level=target)
            )
            self.step_up_button.setText(
                self.tr("Consider a step up to {level}…").format(level=target)
            )
        self._offer_lawful_bases(c.lawful_basis)
        if c.level is None:
            self.advice.setText(
                html.escape(
                    self.tr(
                        "The guidance cannot indicate a level yet, so it cannot say which consent "
                        "applies. Answer more questions, or talk to your safeguarding lead."
                    )
                )
            )
            return
        rows = [
            (self.tr("Consent needed"), c.consent_needed),
            (self.tr("From whom"), c.from_whom),
            (self.tr("If it is refused"), c.if_refused),
        ]
        if not c.do_not_tell_parents:
            rows.append((self.tr("Telling parents"), c.tell_parents))
        parts = [f"<p><b>{html.escape(t)}:</b> {html.escape(v)}</p>" for t, v in rows if v]
        if c.do_not_tell_parents:  # core's one wording, said once, first and in bold
            parts.insert(0, f"<p><b>{html.escape(c.tell_parents)}</b></p>")
        if c.record:
            items = "".join(f"<li>{html.escape(r)}</li>" for r in c.record)
            parts.append(f"<p><b>{html.escape(self.tr('Record'))}:</b></p><ul>{items}</ul>")
        self.advice.setText(
            f"<p>{html.escape(self.tr('At {level}:').format(level=level_label(c.level)))}</p>"
            + "".join(parts)
        )

    def _offer_lawful_bases(self, bases: tuple[str, ...]) -> None:
        """Offer the usual lawful bases for the indicated level, and say what they are."""
        self.lawful_basis.set_options(bases)
        self.lawful_basis.hint.setText(
            self.tr("The usual bases at this level. Leave it unchosen until you share anything.")
            if bases
            else self.tr(
                "The usual bases are listed once the guidance can indicate a level. Leave it "
                "unchosen until you share anything."
            )
        )

    def _sync_answers(self, answer_id: str) -> None:
        """Keep the consent record in step with the consent questions."""
        roles = self.state.pack.roles
        if answer_id in (roles.consent_sought, roles.consent_refused):
            self._save()

    def _save(self) -> None:
        """Record what happened: core assembles the record from the answers and the text."""
        self.state.case.consent = consent_record(
            self.state.pack,
            self.state.case.answers,
            by_whom=self.by_whom.text(),
            not_sought_reason=self.not_sought.text(),
            lawful_basis=self.lawful_basis.value(),
            manager_advice=self.manager.text(),
            shared_what=self.shared_what.text(),
            shared_with=self.shared_with.text(),
            shared_when=self.shared_when.text(),
        )
        self.state.touch()

"""The compensation calculator, on its public page and on each case's documents page."""

from datetime import date

import reflex as rx

from portal.services import calculator, calculator_form
from portal.services.complaints import today_in_shanghai
from portal.services.errors import ValidationFailed
from portal.state.base import SessionState


class CalculatorState(SessionState):
    """Calculator inputs to show, and the figures and deadlines computed."""

    defaults: dict[str, str] = {}
    form_revision: int = 0
    errors: dict[str, str] = {}
    calculated: bool = False
    claims: list[dict[str, str]] = []
    figures: list[dict[str, str]] = []
    return_window: dict[str, str] = {}
    limitation: dict[str, str] = {}

    def _clear_results(self) -> None:
        self.errors = {}
        self.calculated = False
        self.claims = []
        self.figures = []
        self.return_window = {}
        self.limitation = {}

    def _set_defaults(self, values: dict[str, str]) -> None:
        """Fill the form's starting values; the inputs remount to show them."""
        self._clear_results()
        self.defaults = values
        self.form_revision += 1

    @rx.event
    def open_public(self):
        self._actor()
        self._set_defaults({"channel": "online"})

    def _day(self, value: date) -> str:
        return value.isoformat()

    def _deadline(
        self, deadline: calculator.Deadline, sentence_key: str
    ) -> dict[str, str]:
        moved = (
            self._msg(
                "documents.calc.moved",
                nominal=self._day(deadline.nominal_last_day),
                last_day=self._day(deadline.last_day),
                article=self._msg(calculator.ARTICLE_PERIOD_END),
            )
            if deadline.moved
            else ""
        )
        return {
            "sentence": self._msg(
                sentence_key,
                start=self._day(deadline.start),
                last_day=self._day(deadline.last_day),
            ),
            "last_day": self._day(deadline.last_day),
            "article": self._msg(deadline.article),
            "moved": moved,
            "estimated": self._msg("documents.calc.estimated")
            if deadline.estimated
            else "",
        }

    def _show(self, result: calculator_form.CalculatorResult) -> None:
        self.calculated = True
        self.claims = [
            {
                "title": self._msg(f"documents.calc.rule.{claim.rule}"),
                "total": self._format_money(claim.total) if claim.applicable else "",
                "reason": self._msg(claim.reason) if claim.reason else "",
            }
            for claim in result.claims
        ]
        self.figures = [
            {
                "rule": self._msg(f"documents.calc.rule.{claim.rule}"),
                "label": self._msg(figure.label),
                "amount": self._format_money(figure.amount),
                "article": self._msg(figure.article),
            }
            for claim in result.claims
            for figure in claim.figures
        ]
        window = result.return_window
        if window is not None:
            verdict = "eligible" if window.eligible else "not_eligible"
            self.return_window = {
                **self._deadline(window.deadline, "documents.calc.return.period"),
                "verdict": self._msg(f"documents.calc.return.{verdict}"),
                "eligible": "1" if window.eligible else "",
                "reasons": "；".join(self._msg(key) for key in window.reasons),
            }
        if result.limitation is not None:
            self.limitation = self._deadline(
                result.limitation, "documents.calc.limitation.period"
            )

    @rx.event
    def calculate(self, form: dict):
        self._clear_results()
        try:
            data = calculator_form.parse_input(form, today_in_shanghai())
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self._show(calculator_form.calculate(data))
        return None

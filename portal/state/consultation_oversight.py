"""The admin list of consultations."""

import logging

import reflex as rx

from portal import routes
from portal.services import consultation_oversight
from portal.services.errors import FieldError
from portal.state.base import SessionState
from portal.state.consultations import question_preview

logger = logging.getLogger(__name__)


class ConsultationOversightState(SessionState):
    """One page of all consultations, with counts by status and the mean rating."""

    rows: list[dict[str, str]] = []
    counts: list[dict[str, str]] = []
    average_rating: str = ""
    rated: int = 0
    total: int = 0
    page: int = 1
    pages: int = 1
    status_filter: str = ""
    errors: dict[str, str] = {}

    def _load(self):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        self.errors = {}
        try:
            result = self._run(
                lambda db: consultation_oversight.overview(
                    db, actor, status=self.status_filter, page=self.page
                )
            )
        except FieldError as error:
            logger.info("consultation list: rejected status %r", self.status_filter)
            self.errors = {error.field: self._error_text(error)}
            return None
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)

        self.rows = [
            {
                "id": str(row.id),
                "href": routes.consultation_path(row.id),
                "question": question_preview(row.question),
                "topic": f"consultation.topic.{row.topic}",
                "status": row.status,
                "status_label": f"consultation.status.{row.status}",
                "consumer": row.consumer_name,
                "lawyer": row.lawyer_name,
                "messages": str(row.messages),
                "rating": str(row.rating) if row.rating else "",
                "created_at": self._format_time(row.created_at),
            }
            for row in result.rows
        ]
        self.counts = [
            {"status": status, "label": f"consultation.status.{status}", "n": str(n)}
            for status, n in result.counts.items()
        ]
        self.average_rating = (
            str(result.average_rating) if result.average_rating is not None else ""
        )
        self.rated = result.rated

        self.total = result.total
        self.page = result.page
        self.pages = result.pages
        return None

    @rx.event
    def open(self):
        self.page = 1
        self.status_filter = ""
        return self._load()

    @rx.event
    def filter(self, form: dict):
        self.status_filter = str(form.get("status", ""))[:20]
        self.page = 1
        return self._load()

    @rx.event
    def move(self, delta: int):
        try:
            step = int(delta)
        except (TypeError, ValueError):
            return None
        self.page = max(1, min(self.pages, self.page + step))
        return self._load()

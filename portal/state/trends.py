"""The admin trends page."""

import reflex as rx

from portal.services import trends
from portal.state.base import SessionState


class TrendsState(SessionState):
    """Complaint counts per category and top merchants for one time window."""

    days: int = 30
    total: int = 0
    by_category: list[dict[str, str]] = []
    top_merchants: list[dict[str, str]] = []

    def _load(self):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        result = self._run(lambda db: trends.complaint_trends(db, actor, self.days))
        self.days = result.days
        self.total = result.total
        peak = max(
            [row.total for row in result.by_category + result.top_merchants] + [1]
        )
        self.by_category = [
            self._row(self._msg(f"category.{row.label}"), row, peak)
            for row in result.by_category
        ]
        self.top_merchants = [
            self._row(row.label, row, peak) for row in result.top_merchants
        ]
        return None

    def _row(self, label: str, row: trends.TrendRow, peak: int) -> dict[str, str]:
        return {
            "label": label,
            "total": str(row.total),
            "open": str(row.still_open),
            "width": f"{max(2, round(100 * row.total / peak))}%",
        }

    @rx.event
    def open_page(self):
        return self._load()

    @rx.event
    def choose_window(self, days: str):
        try:
            self.days = int(days)
        except ValueError:
            self.days = trends.WINDOWS_DAYS[0]
        return self._load()

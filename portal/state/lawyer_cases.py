"""The approved lawyer's list of the cases they handle."""

import reflex as rx

from portal import routes
from portal.services import case_lawyers
from portal.services.errors import ServiceError
from portal.state.base import SessionState


class LawyerCasesState(SessionState):
    """The cases the signed-in approved lawyer handles."""

    rows: list[dict[str, str]] = []

    @rx.event
    def open_list(self):
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        try:
            handled = self._run(lambda db: case_lawyers.list_handled_cases(db, actor))
        except ServiceError as error:
            self.rows = []
            return rx.toast.error(self._error_text(error))
        self.rows = [
            {
                "number": row.number,
                "href": routes.case_path(row.case_id),
                "documents_href": routes.case_documents_path(row.case_id),
                "merchant": row.merchant_name,
                "status": row.status,
                "status_label": self._msg(f"status.{row.status}"),
                "assigned_at": self._format_time(row.assigned_at),
            }
            for row in handled
        ]
        return None

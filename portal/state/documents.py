"""The legal documents page of a case."""

import logging

import reflex as rx

from portal import routes
from portal.i18n import catalogue
from portal.models import Category, DocumentKind, Role
from portal.services import (
    case_lawyers,
    document_sending,
    document_views,
    documents,
)
from portal.services.document_forms import LAWYER_FIELDS, SPECS
from portal.services.document_pdf import FontMissing
from portal.services.errors import (
    FieldError,
    NotFound,
    ServiceError,
    ValidationFailed,
)
from portal.state.base import SessionState
from portal.state.calculator import CalculatorState

logger = logging.getLogger(__name__)


class DocumentsState(SessionState):
    """One case's documents: the selected kind's editor, versions and sends."""

    case_id: int = 0
    found: bool = False
    case_number: str = ""
    case_href: str = ""
    kind: str = DocumentKind.COMPLAINT_LETTER.value
    tabs: list[dict[str, str]] = []
    kind_hint: str = ""
    may_edit: bool = False
    may_send: bool = False
    editor: list[dict[str, str]] = []
    editor_revision: int = 0
    read_fields: list[dict[str, str]] = []
    signature: str = ""
    versions: list[dict[str, str]] = []
    sends: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    form_error: str = ""
    is_admin: bool = False
    merchant_email: str = ""
    lawyers: list[dict[str, str]] = []
    handlers: str = ""

    def _editor_rows(self, kind: DocumentKind, values: dict[str, str]) -> None:
        self.editor = [
            {
                "name": spec.name,
                "label": self._msg(f"documents.field.{spec.name}"),
                "value": values.get(spec.name, ""),
                "multiline": "1" if spec.multiline else "",
            }
            for spec in SPECS[kind]
        ]
        self.editor_revision += 1

    def _editor_signature(
        self, db, actor, kind: DocumentKind, values: dict[str, str]
    ) -> str:
        """Show the signer the next saved version will carry: the editing lawyer."""
        if self.may_edit and kind == DocumentKind.LAWYER_LETTER:
            values = {**values, **documents.signer_fields(db, actor)}
        return self._signature(kind, values)

    def _signature(self, kind: DocumentKind, values: dict[str, str]) -> str:
        if kind != DocumentKind.LAWYER_LETTER or not values.get("lawyer_name"):
            return ""
        return self._msg(
            "documents.signature",
            **{name: values.get(name, "") for name in LAWYER_FIELDS},
        )

    def _version_rows(self, view: document_views.DocumentView) -> list[dict[str, str]]:
        return [
            {
                "number": str(row.number),
                "label": self._msg("documents.version", number=row.number),
                "at": self._format_time(row.created_at),
                "author": row.author_name,
                "rendered": "1" if row.rendered else "",
                "href": routes.document_path(row.id),
            }
            for row in reversed(view.versions)
        ]

    def _send_rows(self, view: document_views.DocumentView) -> list[dict[str, str]]:
        return [
            {
                "number": str(send.version_number),
                "version": self._msg("documents.version", number=send.version_number),
                "recipient": send.recipient,
                "status": send.status,
                "status_label": self._msg(f"documents.send.status.{send.status}"),
                "error": self._send_error(send.error),
                "at": self._format_time(send.finished_at or send.requested_at),
            }
            for send in view.sends
        ]

    def _fill(self, db, actor, views: list[document_views.DocumentView]) -> None:
        kind = DocumentKind(self.kind)
        view = next(v for v in views if v.kind == kind.value)
        self.tabs = [
            {"kind": v.kind, "title": self._msg(f"documents.kind.{v.kind}")}
            for v in views
        ]
        self.kind_hint = self._msg(f"documents.kind_hint.{kind.value}")
        self.may_edit = view.may_edit
        self.may_send = view.may_send
        values = view.fields
        if view.may_edit and not view.versions:
            values = documents.draft_document(db, actor, self.case_id, kind.value)
        self._editor_rows(kind, values)
        self.read_fields = [
            row for row in self.editor if row["value"] and not view.may_edit
        ]
        self.signature = self._editor_signature(db, actor, kind, values)
        self.versions = self._version_rows(view)
        self.sends = self._send_rows(view)

    def _load(self, actor) -> document_views.DocumentCase | None:
        def load(db):
            header = document_views.document_case(db, actor, self.case_id)
            views = document_views.case_documents(db, actor, self.case_id)
            self._fill(db, actor, views)
            lawyers = case_lawyers.approved_lawyers(db, actor) if actor.is_admin else []
            handlers = case_lawyers.case_handlers(db, actor, self.case_id)
            return header, lawyers, handlers

        try:
            header, lawyers, handlers = self._run(load)
        except NotFound:
            self.found = False
            return None
        self.found = True
        self.case_number = header.number
        self.case_href = routes.case_path(header.case_id)
        self.is_admin = actor.is_admin
        self.merchant_email = header.merchant_email or ""
        self.handlers = (
            self._msg("documents.handlers", names="、".join(handlers))
            if handlers
            else ""
        )
        self.lawyers = [
            {
                "id": str(option.user_id),
                "name": f"{option.real_name} · {option.firm_name}",
            }
            for option in lawyers
        ]
        return header

    @rx.event
    async def open_page(self):
        self.errors = {}
        self.form_error = ""
        actor, redirect = self._require()
        if actor is None:
            return redirect
        try:
            self.case_id = int(self.router.page.params.get("case_id", "0"))
        except ValueError:
            self.case_id = 0
        self.kind = (
            DocumentKind.LAWYER_LETTER.value
            if actor.role == Role.LAWYER
            else DocumentKind.COMPLAINT_LETTER.value
        )
        header = self._load(actor)
        if header is not None:
            calculator = await self.get_state(CalculatorState)
            calculator._set_defaults(
                {
                    "price": str(header.amount_paid or ""),
                    "channel": "online",
                    "unsafe_food": "1" if header.category == Category.FOOD else "",
                }
            )
        return None

    @rx.event
    def choose_kind(self, kind: str):
        actor, redirect = self._require()
        if actor is None:
            return redirect
        if kind not in {k.value for k in DocumentKind}:
            return None
        self.kind = kind
        self.errors = {}
        self.form_error = ""
        self._load(actor)
        return None

    def _report(self, error: Exception):
        """Turn a service error into field errors or a toast."""
        if isinstance(error, ValidationFailed):
            self.errors = self._field_errors(error)
            labels = "、".join(
                self._msg(f"documents.field.{name}") for name in error.errors
            )
            self.form_error = self._msg("documents.fix_fields", fields=labels)
            return None
        if isinstance(error, FieldError):
            self.errors = {error.field: self._error_text(error)}
            return rx.toast.error(self._error_text(error))
        if isinstance(error, ServiceError):
            return rx.toast.error(self._error_text(error))
        if isinstance(error, FontMissing):
            logger.error("PDF font missing: %s", error)
            return rx.toast.error(self._msg("documents.error.font_missing"))
        return self._unexpected(error)

    @rx.event
    def draft(self, form: dict):
        actor, redirect = self._require()
        if actor is None:
            return redirect
        self.errors = {}
        self.form_error = ""
        rule = str(form.get("rule", ""))
        try:
            values = self._run(
                lambda db: documents.draft_document(
                    db, actor, self.case_id, self.kind, rule
                )
            )
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        kind = DocumentKind(self.kind)
        self._editor_rows(kind, values)
        self.signature = self._run(
            lambda db: self._editor_signature(db, actor, kind, values)
        )
        return rx.toast.info(self._msg("documents.draft.done"))

    @rx.event
    def save(self, form: dict):
        actor, redirect = self._require()
        if actor is None:
            return redirect
        self.errors = {}
        self.form_error = ""
        try:
            version = self._run(
                lambda db: documents.save_version(
                    db, actor, self.case_id, self.kind, form
                )
            )
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        self._load(actor)
        return rx.toast.success(self._msg("documents.saved", number=version.number))

    @rx.event
    def show_version(self, number: str):
        """Load a saved version into the editor, or into the read-only view."""
        actor, redirect = self._require()
        if actor is None:
            return redirect
        version = self._number(number)
        if version is None:
            return None
        try:
            values = self._run(
                lambda db: document_views.version_fields(
                    db, actor, self.case_id, self.kind, version
                )
            )
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        kind = DocumentKind(self.kind)
        self._editor_rows(kind, values)
        self.read_fields = [
            row for row in self.editor if row["value"] and not self.may_edit
        ]
        self.signature = self._run(
            lambda db: self._editor_signature(db, actor, kind, values)
        )
        return rx.toast.info(self._msg("documents.version_shown", number=version))

    def _number(self, number: str) -> int | None:
        try:
            return int(number)
        except (TypeError, ValueError):
            return None

    @rx.event
    def render(self, number: str):
        actor, redirect = self._require()
        if actor is None:
            return redirect
        self.errors = {}
        self.form_error = ""
        version = self._number(number)
        if version is None:
            return None
        try:
            self._run(
                lambda db: documents.render_version(
                    db, actor, self.case_id, self.kind, version
                )
            )
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        self._load(actor)
        return rx.toast.success(self._msg("documents.rendered", number=version))

    @rx.event
    def send(self, number: str):
        actor, redirect = self._require()
        if actor is None:
            return redirect
        self.errors = {}
        version = self._number(number)
        if version is None:
            return None
        try:
            outcome = self._run(
                lambda db: document_sending.send_version(
                    db, actor, self.case_id, self.kind, version
                )
            )
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        self._load(actor)
        return self._send_toast(outcome)

    def _send_error(self, code: str | None) -> str:
        """Translate a stored failure cause; rows from before causes had codes pass."""
        if not code:
            return ""
        key = f"documents.send_error.{code}"
        return self._msg(key) if key in catalogue(self.lang) else code

    def _send_toast(self, outcome: document_sending.SendOutcome):
        send = outcome.send
        if send.status == "failed":
            reason = self._send_error(send.error)
            return rx.toast.error(self._msg("documents.send_failed", reason=reason))
        if send.status == "sending":
            return rx.toast.info(self._msg("documents.in_progress"))
        if outcome.delivered_now:
            return rx.toast.success(
                self._msg("documents.sent", recipient=send.recipient)
            )
        return rx.toast.info(
            self._msg(
                "documents.already_sent",
                number=send.version_number,
                recipient=send.recipient,
            )
        )

    @rx.event
    def save_merchant_email(self, form: dict):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        self.errors = {}
        try:
            address = self._run(
                lambda db: document_sending.set_merchant_email(
                    db, actor, self.case_id, str(form.get("merchant_email", ""))
                )
            )
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        self._load(actor)
        return rx.toast.success(
            self._msg("documents.merchant_email.saved", email=address)
        )

    @rx.event
    def assign_lawyer(self, form: dict):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        self.errors = {}
        lawyer_id = self._number(str(form.get("lawyer", "")))
        if lawyer_id is None:
            self.errors = {"lawyer": self._msg("error.required")}
            return None
        try:
            self._run(
                lambda db: case_lawyers.assign_case_lawyer(
                    db, actor, self.case_id, lawyer_id
                )
            )
        except Exception as error:  # noqa: BLE001
            return self._report(error)
        self._load(actor)
        return rx.toast.success(self._msg("documents.assign.done"))

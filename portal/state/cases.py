"""Case lists (the consumer's and the admin queue) and the case page."""

import reflex as rx

from portal import routes
from portal.services import cases, complaints, evidence, workflow
from portal.services.errors import (
    FieldError,
    InvalidTransition,
    NotFound,
    ServiceError,
    ValidationFailed,
)
from portal.state.base import SessionState


class CaseListState(SessionState):
    """One page of the consumer's complaints or of the admin review queue."""

    rows: list[dict[str, str]] = []
    total: int = 0
    page: int = 1
    pages: int = 1
    status_filter: str = ""
    search: str = ""

    @rx.var
    def filtered(self) -> bool:
        return self.status_filter != "" or self.search != ""

    def _fill(self, result: cases.CasePage) -> None:
        self.rows = [
            {
                "case_id": str(row.case_id),
                "href": routes.case_path(row.case_id),
                "number": row.number,
                "merchant": row.merchant_name,
                "category": self._msg(f"category.{row.category}"),
                "status": row.status,
                "status_label": self._msg(f"status.{row.status}"),
                "created_at": self._format_time(row.created_at),
                "amount": self._format_money(row.amount_paid),
            }
            for row in result.rows
        ]
        self.total = result.total
        self.page = result.page
        self.pages = max(1, -(-result.total // result.page_size))

    def _load_mine(self):
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        result = self._run(
            lambda db: cases.list_my_cases(
                db, actor, status=self.status_filter, search=self.search, page=self.page
            )
        )
        self._fill(result)
        return None

    @rx.event
    def open_mine(self):
        self.page = 1
        self.status_filter = ""
        self.search = ""
        return self._load_mine()

    @rx.event
    def filter_mine(self, form: dict):
        self.status_filter = str(form.get("status", ""))
        self.search = str(form.get("search", ""))[:100]
        self.page = 1
        return self._load_mine()

    @rx.event
    def mine_page(self, delta: int):
        self.page = max(1, min(self.pages, self.page + int(delta)))
        return self._load_mine()

    def _load_queue(self):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        result = self._run(
            lambda db: cases.review_queue(
                db, actor, page=self.page, status=self.status_filter
            )
        )
        self._fill(result)
        return None

    @rx.event
    def open_queue(self):
        self.page = 1
        self.status_filter = ""
        return self._load_queue()

    @rx.event
    def filter_queue(self, form: dict):
        self.status_filter = str(form.get("status", ""))
        self.page = 1
        return self._load_queue()

    @rx.event
    def queue_page(self, delta: int):
        self.page = max(1, min(self.pages, self.page + int(delta)))
        return self._load_queue()


class CaseState(SessionState):
    """The case page: facts, evidence, timeline and the moves the user may make."""

    case_id: int = 0
    found: bool = False
    facts: dict[str, str] = {}
    timeline: list[dict[str, str]] = []
    evidence: list[dict[str, str]] = []
    moves: list[dict[str, str]] = []
    is_owner: bool = False
    open_for_information: bool = False
    errors: dict[str, str] = {}
    upload_errors: list[str] = []

    def _load(self, actor) -> None:
        try:
            detail = self._run(lambda db: cases.case_detail(db, actor, self.case_id))
        except NotFound:
            self.found = False
            return
        self.found = True
        self.is_owner = detail.is_owner
        self.open_for_information = (
            detail.status in workflow.STATUSES_OPEN_FOR_INFORMATION
        )
        self.facts = {
            "number": detail.number,
            "status": detail.status,
            "status_label": self._msg(f"status.{detail.status}"),
            "status_reason": detail.status_reason,
            "merchant": detail.merchant_name,
            "merchant_uscc": detail.merchant_uscc or "",
            "purchase_channel": detail.purchase_channel,
            "category": self._msg(f"category.{detail.category}"),
            "order_no": detail.order_no,
            "product": detail.product,
            "amount_paid": self._format_money(detail.amount_paid),
            "purchase_date": detail.purchase_date.isoformat()
            if detail.purchase_date
            else "",
            "description": detail.description,
            "demand": self._msg(f"demand.{detail.demand}"),
            "demand_amount": self._format_money(detail.demand_amount),
            "demand_detail": detail.demand_detail,
            "created_at": self._format_time(detail.created_at),
            "consumer": detail.consumer_name,
            "source": ""
            if detail.source == "web"
            else self._msg("case.source.partner", source=detail.source),
        }
        self.timeline = [
            {
                "at": self._format_time(entry.at),
                "title": self._msg(f"event.{entry.kind}"),
                "who": self._actor_label(entry.actor_role, entry.actor_name),
                "status": self._msg(f"status.{entry.to_status}")
                if entry.to_status
                else "",
                "note": entry.note,
                "internal": "1" if entry.internal else "",
            }
            for entry in reversed(detail.timeline)
        ]
        self.evidence = [
            {
                "name": item.name,
                "href": routes.evidence_path(item.id),
                "type": item.content_type,
            }
            for item in detail.evidence
        ]
        self.moves = [
            {
                "status": move,
                "label": self._msg(f"case.action.{move}"),
                "needs_note": "1" if move in workflow.NOTE_REQUIRED else "",
                "note_label": self._msg(
                    "case.reason_label"
                    if move == "rejected"
                    else "case.merchant_reply_label"
                ),
            }
            for move in detail.allowed_moves
        ]

    def _actor_label(self, role: str, name: str) -> str:
        return f"{self._msg('role.' + role)} {name}".strip()

    @rx.event
    def open_case(self):
        self.errors = {}
        self.upload_errors = []
        actor, redirect = self._require()
        if actor is None:
            return redirect
        try:
            self.case_id = int(self.router.page.params.get("case_id", "0"))
        except ValueError:
            self.case_id = 0
        self._load(actor)
        return None

    @rx.event
    def move(self, form: dict):
        self.errors = {}
        actor, redirect = self._require()
        if actor is None:
            return redirect
        target = str(form.get("status", ""))
        if target == "withdrawn" and not form.get("confirm"):
            self.errors = {
                "move_withdrawn": self._msg("case.withdraw.confirm_required")
            }
            return None
        try:
            self._run(
                lambda db: workflow.move_case(
                    db, actor, self.case_id, target, str(form.get("note", ""))
                )
            )
        except ValidationFailed as failure:
            self.errors = {
                f"move_{target}": self._error_text(e) for e in failure.errors.values()
            }
            return None
        except (InvalidTransition, NotFound) as error:
            self._load(actor)
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self._load(actor)
        return rx.toast.success(
            self._msg("case.updated", status=self._msg(f"status.{target}"))
        )

    @rx.event
    def add_note(self, form: dict):
        self.errors = {}
        actor, redirect = self._require()
        if actor is None:
            return redirect
        try:
            self._run(
                lambda db: workflow.add_note(
                    db, actor, self.case_id, str(form.get("note", ""))
                )
            )
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self._load(actor)
        return [
            rx.set_value("case-note", ""),
            rx.toast.success(self._msg("common.saved")),
        ]

    @rx.event
    async def add_evidence(self, files: list[rx.UploadFile]):
        self.upload_errors = []
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        for file in files:
            name = file.name or "file"
            data = await file.read(evidence.MAX_FILE_BYTES + 1)
            try:
                self._run(
                    lambda db, name=name, data=data: complaints.attach_evidence(
                        db, actor, self.case_id, name, data
                    )
                )
            except FieldError as error:
                self.upload_errors.append(self._error_text(error))
            except ServiceError as error:
                return rx.toast.error(self._error_text(error))
            except Exception as error:  # noqa: BLE001
                return self._unexpected(error)
        self._load(actor)
        return None

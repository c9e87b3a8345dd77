"""The complaint form: staged evidence uploads and submission."""

import logging

import reflex as rx

from portal import routes
from portal.services import complaints, evidence
from portal.services.errors import FieldError, NotFound, ValidationFailed
from portal.state.base import SessionState, format_size

logger = logging.getLogger(__name__)

UPLOAD_ID = "evidence"


class ComplaintFormState(SessionState):
    """Field errors, staged files and upload progress of the complaint form."""

    errors: dict[str, str] = {}
    form_error: str = ""
    staged: list[dict[str, str]] = []
    upload_errors: list[str] = []
    upload_progress: int = 0
    uploading: bool = False
    submitting: bool = False
    # The case this form already filed; a second click on submit only goes there.
    _filed_case_id: int = 0

    def _load_staged(self, db, actor) -> None:
        self.staged = [
            {
                "id": str(view.id),
                "name": view.name,
                "size": format_size(view.size_bytes),
            }
            for view in evidence.list_staged(db, actor)
        ]

    @rx.event
    def open_form(self):
        self.errors = {}
        self.form_error = ""
        self.upload_errors = []
        self.upload_progress = 0
        self.uploading = False
        self.submitting = False
        self._filed_case_id = 0
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        self._run(lambda db: self._load_staged(db, actor))
        return None

    @rx.event
    def upload_started(self, progress: dict):
        fraction = float(progress.get("progress", 0))
        # The last progress report can arrive after the upload handler has run.
        self.uploading = fraction < 1
        self.upload_progress = int(fraction * 100)

    @rx.event
    async def handle_upload(self, files: list[rx.UploadFile]):
        self.upload_errors = []
        self.uploading = False
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        for file in files:
            name = file.name or "file"
            data = await file.read(evidence.MAX_FILE_BYTES + 1)
            try:
                self._run(
                    lambda db, name=name, data=data: evidence.stage_upload(
                        db, actor, name, data
                    )
                )
            except FieldError as error:
                self.upload_errors.append(self._error_text(error))
            except Exception as error:  # noqa: BLE001
                return self._unexpected(error)
        self._run(lambda db: self._load_staged(db, actor))
        self.upload_progress = 100
        return None

    @rx.event
    def remove_staged(self, evidence_id: str):
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        try:
            self._run(lambda db: evidence.discard_staged(db, actor, int(evidence_id)))
        except (NotFound, ValueError):
            logger.warning(
                "account %s tried to remove evidence %r", actor.user_id, evidence_id
            )
        self._run(lambda db: self._load_staged(db, actor))
        return None

    @rx.event
    def submit(self, form: dict):
        self.errors = {}
        self.form_error = ""
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        if self._filed_case_id:
            return rx.redirect(routes.case_path(self._filed_case_id))
        evidence_ids = [int(item["id"]) for item in self.staged]
        try:
            filed = self._run(
                lambda db: complaints.file_complaint(
                    db, actor, form, evidence_ids, consent=bool(form.get("consent"))
                )
            )
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            self.form_error = self._msg("complaint.fix_errors", count=len(self.errors))
            if "evidence" in failure.errors:
                # Another tab may have removed a staged file; show what is left.
                self._run(lambda db: self._load_staged(db, actor))
            return None
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self.staged = []
        self._filed_case_id = filed.case_id
        return [
            rx.toast.success(self._msg("complaint.submitted", number=filed.number)),
            rx.redirect(routes.case_path(filed.case_id)),
        ]

"""The lawyer's application page: details, credential files and submission."""

import logging
from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from portal import routes
from portal.i18n import catalogue
from portal.models import ApplicationStatus, CredentialKind, PracticeArea
from portal.services import credential_files, lawyer_application
from portal.services.actors import Actor
from portal.services.errors import (
    NotFound,
    ServiceError,
    ValidationFailed,
)
from portal.services.evidence import MAX_FILE_BYTES
from portal.state.base import SessionState, format_size

logger = logging.getLogger(__name__)

MESSAGE_STATUSES = {
    ApplicationStatus.MORE_INFO_REQUESTED,
    ApplicationStatus.REJECTED,
    ApplicationStatus.SUSPENDED,
}
TEXT_FIELDS = (
    "real_name",
    "licence_no",
    "firm_name",
    "firm_uscc",
    "region",
    "years_in_practice",
    "statement",
)


def option_label(state: SessionState, group: str, code: str) -> str:
    """Return the label of a region or area code, or the code itself if unknown.

    Rows written by other tools may hold free text, which is shown as it is.
    """
    key = f"lawyer.{group}.{code}"
    return state._msg(key) if key in catalogue(state.lang) else code


def file_rows(state: SessionState, files) -> list[dict[str, str]]:
    """Turn credential file views into rows the pages show and link to."""
    return [
        {
            "id": str(item.id),
            "kind": item.kind,
            "kind_label": state._msg(f"lawyer.file.{item.kind}"),
            "name": item.name,
            "href": routes.credential_file_path(item.id),
            "is_pdf": "1" if item.content_type == "application/pdf" else "",
            "size": format_size(item.size_bytes),
        }
        for item in files
    ]


def _form_from(form: dict) -> lawyer_application.ApplicationForm:
    areas = tuple(area.value for area in PracticeArea if form.get(f"area_{area.value}"))
    values = {name: str(form.get(name) or "")[:2000] for name in TEXT_FIELDS}
    return lawyer_application.ApplicationForm(areas=areas, **values)


class ApplicationState(SessionState):
    """The applicant's details, files, status and the reviewer's message."""

    loaded: bool = False
    status: str = ApplicationStatus.DRAFT.value
    status_label: str = ""
    reviewer_message: str = ""
    submitted_at: str = ""
    values: dict[str, str] = {}
    areas: list[str] = []
    files: list[dict[str, str]] = []
    errors: dict[str, str] = {}
    form_error: str = ""
    upload_errors: list[str] = []

    @rx.var
    def editable(self) -> bool:
        return self.status in credential_files.EDITABLE

    def _load(self, actor) -> None:
        view = self._run(lambda db: lawyer_application.my_application(db, actor))
        self.status = view.status
        self.status_label = self._msg(f"lawyer.status.{view.status}")
        # The last decision's message matters only while that decision stands.
        shown = view.status in MESSAGE_STATUSES
        self.reviewer_message = view.reviewer_message if shown else ""
        self.submitted_at = self._format_time(view.submitted_at)
        saved = bool(view.real_name)
        self.values = {
            "real_name": view.real_name,
            "licence_no": view.licence_no,
            "firm_name": view.firm_name,
            "firm_uscc": view.firm_uscc,
            "region": view.region,
            "years_in_practice": str(view.years_in_practice) if saved else "",
            "statement": view.statement,
        }
        self.areas = list(view.areas)
        self.files = file_rows(self, view.files)
        self.loaded = True

    def _reset_messages(self) -> None:
        self.errors = {}
        self.form_error = ""
        self.upload_errors = []

    @rx.event
    def open_application(self):
        self._reset_messages()
        self.loaded = False
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        self._load(actor)
        return None

    def _change(self, action: Callable[[Session, Actor], str]):
        """Run a change of the application, then reload it and toast ``action``'s key.

        ``action`` returns the catalogue key of the success message.
        """
        self._reset_messages()
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        try:
            done_key = self._run(lambda db: action(db, actor))
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            self.form_error = self._msg("lawyer.fix_errors", count=len(self.errors))
            return None
        except ServiceError as error:
            self._load(actor)
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001  (logged; the user sees a plain message)
            return self._unexpected(error)
        self._load(actor)
        return rx.toast.success(self._msg(done_key))

    @rx.event
    def save(self, form: dict):
        def save(db: Session, actor: Actor) -> str:
            lawyer_application.save_application(db, actor, _form_from(form))
            return "lawyer.saved"

        return self._change(save)

    async def _store(self, files: list[rx.UploadFile], kind: str):
        self.upload_errors = []
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        for file in files:
            name = file.name or "file"
            data = await file.read(MAX_FILE_BYTES + 1)
            try:
                self._run(
                    lambda db, name=name, data=data: (
                        credential_files.add_credential_file(
                            db, actor, kind, name, data
                        )
                    )
                )
            except ServiceError as error:
                self.upload_errors.append(self._error_text(error))
            except Exception as error:  # noqa: BLE001
                return self._unexpected(error)
        self._load(actor)
        return None

    @rx.event
    async def upload_licence(self, files: list[rx.UploadFile]):
        return await self._store(files, CredentialKind.LICENCE.value)

    @rx.event
    async def upload_id_document(self, files: list[rx.UploadFile]):
        return await self._store(files, CredentialKind.ID_DOCUMENT.value)

    @rx.event
    def remove_file(self, file_id: str):
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        try:
            self._run(
                lambda db: credential_files.remove_credential_file(
                    db, actor, int(file_id)
                )
            )
        except (NotFound, ValueError):
            logger.warning(
                "account %s tried to remove credential file %r", actor.user_id, file_id
            )
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        self._load(actor)
        return None

    @rx.event
    def submit(self, form: dict):
        reply = str(form.get("reply") or "")[:2000]

        def submit(db: Session, actor: Actor) -> str:
            action = lawyer_application.submit_application(db, actor, reply)
            return f"lawyer.done.{action}"

        return self._change(submit)

"""The lawyer's side of credential review: fill in, submit, answer, resubmit."""

import logging
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from portal.models import (
    PRACTICE_REGIONS,
    ApplicationStatus,
    CredentialKind,
    LawFirm,
    LawyerProfile,
    PracticeArea,
)
from portal.models.types import utcnow
from portal.services import credential_files
from portal.services.actors import Actor
from portal.services.credential_transitions import apply_transition
from portal.services.errors import FieldError, NotFound, ValidationFailed
from portal.services.lawyer_checks import normalize_firm_code, normalize_licence_number
from portal.services.validators import validate_text

logger = logging.getLogger(__name__)

MAX_YEARS_IN_PRACTICE = 70
STATEMENT_MIN_CHARS = 10
STATEMENT_MAX_CHARS = 1000
SUBMIT_ACTIONS = {
    ApplicationStatus.DRAFT: "submit",
    ApplicationStatus.MORE_INFO_REQUESTED: "answer",
    ApplicationStatus.REJECTED: "resubmit",
}


@dataclass(frozen=True)
class ApplicationForm:
    """Raw input of the application form; ``areas`` are ``PracticeArea`` values."""

    real_name: str = ""
    licence_no: str = ""
    firm_name: str = ""
    firm_uscc: str = ""
    region: str = ""
    areas: tuple[str, ...] = ()
    years_in_practice: str = ""
    statement: str = ""


@dataclass(frozen=True)
class ApplicationView:
    """The applicant's own view of the application, files included."""

    profile_id: int | None
    status: str
    real_name: str
    licence_no: str
    firm_id: int | None
    firm_name: str
    firm_uscc: str
    region: str
    areas: tuple[str, ...]
    years_in_practice: int
    statement: str
    reviewer_message: str
    submitted_at: datetime | None
    files: list[credential_files.CredentialFileView]


def normalize_firm_name(name: str) -> str:
    """Return the name as compared between applications: NFKC, no spaces."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def split_areas(areas: str) -> tuple[str, ...]:
    """Split the comma-separated ``areas`` column into codes."""
    return tuple(code for code in areas.split(",") if code)


def _parse_years(raw: str) -> int:
    text = str(raw).strip()
    if not text:
        raise FieldError("years_in_practice", "error.required")
    if not text.isdigit() or int(text) > MAX_YEARS_IN_PRACTICE:
        raise FieldError(
            "years_in_practice", "error.lawyer.years", max=MAX_YEARS_IN_PRACTICE
        )
    return int(text)


def _parse_areas(areas: tuple[str, ...]) -> str:
    known = [area.value for area in PracticeArea]
    chosen = set(areas)
    if not chosen:
        raise FieldError("areas", "error.lawyer.areas_required")
    if unknown := chosen - set(known):
        raise FieldError("areas", "error.choice.invalid", value=sorted(unknown)[0])
    return ",".join(code for code in known if code in chosen)


def _parse_region(raw: str) -> str:
    region = raw.strip()
    if not region:
        raise FieldError("region", "error.required")
    if region not in PRACTICE_REGIONS:
        raise FieldError("region", "error.choice.invalid", value=region)
    return region


def _validate(form: ApplicationForm) -> dict:
    """Return the cleaned fields, or raise ValidationFailed naming each bad one."""
    checks = {
        "real_name": lambda: validate_text(
            form.real_name, "real_name", min_chars=2, max_chars=40
        ),
        "licence_no": lambda: normalize_licence_number(form.licence_no),
        "firm_name": lambda: validate_text(
            form.firm_name, "firm_name", min_chars=2, max_chars=100
        ),
        "firm_uscc": lambda: normalize_firm_code(form.firm_uscc),
        "region": lambda: _parse_region(form.region),
        "areas": lambda: _parse_areas(form.areas),
        "years_in_practice": lambda: _parse_years(form.years_in_practice),
        "statement": lambda: validate_text(
            form.statement,
            "statement",
            min_chars=STATEMENT_MIN_CHARS,
            max_chars=STATEMENT_MAX_CHARS,
        ),
    }
    cleaned, errors = {}, {}
    for name, check in checks.items():
        try:
            cleaned[name] = check()
        except FieldError as error:
            errors[name] = error
    if errors:
        raise ValidationFailed(errors)
    return cleaned


def find_or_create_firm(db: Session, name: str, uscc: str) -> LawFirm:
    """Return the firm recorded under this name and code, adding it if new.

    A code seen under another name becomes a separate record, which the
    review page reports as a finding.
    """
    # NOTE: a record left without applicants after a lawyer changes firm stays
    # in the table; its public page then lists no lawyers.
    normalized = normalize_firm_name(name)
    firm = db.exec(
        select(LawFirm).where(
            LawFirm.uscc == uscc, LawFirm.normalized_name == normalized
        )
    ).first()
    if firm is None:
        firm = LawFirm(name=name, normalized_name=normalized, uscc=uscc)
        db.add(firm)
        db.flush()
        logger.info("recorded law firm %s", firm.id)
    return firm


def save_application(db: Session, actor: Actor, form: ApplicationForm) -> None:
    """Validate and store the applicant's details; the status does not change.

    Raises:
        PermissionDenied: the actor is not a lawyer.
        ServiceError: the application is waiting for or past a decision.
        ValidationFailed: one or more fields are invalid; nothing is saved.
    """
    profile = credential_files.own_profile(db, actor, create=True)
    credential_files.require_editable(profile)
    cleaned = _validate(form)

    firm = find_or_create_firm(db, cleaned.pop("firm_name"), cleaned.pop("firm_uscc"))
    for name, value in cleaned.items():
        setattr(profile, name, value)
    profile.firm_id = firm.id
    profile.updated_at = utcnow()
    db.add(profile)
    db.flush()
    logger.info("account %s saved application %s", actor.user_id, profile.id)


def _missing_parts(db: Session, profile: LawyerProfile) -> dict[str, FieldError]:
    errors = {}
    if not (profile.real_name and profile.licence_no and profile.firm_id):
        errors["form"] = FieldError("form", "error.lawyer.save_first")
    for kind in CredentialKind:
        if credential_files.count_files(db, profile.id, kind) == 0:
            field = f"{kind.value}_files"
            errors[field] = FieldError(field, f"error.lawyer.{kind.value}_missing")
    return errors


def submit_application(db: Session, actor: Actor, reply: str = "") -> str:
    """Send the application for review; return the action taken.

    From draft this submits, after a request for information it answers
    (``reply`` required), after a rejection it resubmits.

    Raises:
        PermissionDenied: the actor is not a lawyer.
        ServiceError: the status allows no submission.
        ValidationFailed: nothing is saved yet, details or files are missing,
            or the reply is.
    """
    try:
        profile = credential_files.own_profile(db, actor)
    except NotFound:
        raise ValidationFailed(
            {"form": FieldError("form", "error.lawyer.save_first")}
        ) from None
    action = SUBMIT_ACTIONS.get(profile.status)
    if action is None:
        credential_files.require_editable(profile)
    if errors := _missing_parts(db, profile):
        raise ValidationFailed(errors)
    apply_transition(db, actor, profile, action, reply, field="reply")
    return action


def application_view(db: Session, profile: LawyerProfile) -> ApplicationView:
    """Build an application view with firm and files. Callers check access."""
    firm = db.get(LawFirm, profile.firm_id) if profile.firm_id else None
    return ApplicationView(
        profile_id=profile.id,
        status=profile.status,
        real_name=profile.real_name,
        licence_no=profile.licence_no,
        firm_id=profile.firm_id,
        firm_name=firm.name if firm else "",
        firm_uscc=firm.uscc if firm else "",
        region=profile.region,
        areas=split_areas(profile.areas),
        years_in_practice=profile.years_in_practice,
        statement=profile.statement,
        reviewer_message=profile.reviewer_message,
        submitted_at=profile.submitted_at,
        files=credential_files.list_files(db, profile.id) if profile.id else [],
    )


def my_application(db: Session, actor: Actor) -> ApplicationView:
    """Return the lawyer's own application; an empty draft if none is saved.

    Raises:
        PermissionDenied: the actor is not a lawyer.
    """
    try:
        profile = credential_files.own_profile(db, actor)
    except NotFound:
        profile = LawyerProfile(user_id=actor.user_id)
    return application_view(db, profile)

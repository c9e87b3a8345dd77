"""Every path of the portal, in one place."""

HOME = "/"
SIGN_IN = "/signin"
REGISTER = "/register"
ACCOUNT = "/account"
NEW_COMPLAINT = "/complaints/new"
MY_COMPLAINTS = "/complaints"
CASE = "/cases/[case_id]"
ADMIN_QUEUE = "/admin/queue"
ADMIN_TRENDS = "/admin/trends"
LAWYER_HOME = "/lawyer"
EVIDENCE_FILE = "/files/evidence/{evidence_id}"


def case_path(case_id: int | str) -> str:
    """Return the page of one case."""
    return f"/cases/{case_id}"


def evidence_path(evidence_id: int | str) -> str:
    """Return the access-checked download path of one evidence file."""
    return EVIDENCE_FILE.format(evidence_id=evidence_id)


def home_for(role: str) -> str:
    """Return where a user of ``role`` lands after signing in."""
    return {"admin": ADMIN_QUEUE, "lawyer": LAWYER_HOME}.get(role, MY_COMPLAINTS)


LAWYER_APPLICATION = "/lawyer/application"
LAWYER_PROFILE = "/lawyers/[profile_id]"
LAW_FIRM = "/firms/[firm_id]"
ADMIN_LAWYERS = "/admin/lawyers"
ADMIN_LAWYER_REVIEW = "/admin/lawyers/[profile_id]"
ADMIN_REVIEW_LOG = "/admin/review-log"
CREDENTIAL_FILE = "/files/credentials/{file_id}"


def lawyer_profile_path(profile_id: int | str) -> str:
    """Return the public profile page of an approved lawyer."""
    return f"/lawyers/{profile_id}"


def law_firm_path(firm_id: int | str) -> str:
    """Return the public page of a law firm."""
    return f"/firms/{firm_id}"


def lawyer_review_path(profile_id: int | str) -> str:
    """Return the admin review page of one lawyer application."""
    return f"/admin/lawyers/{profile_id}"


def credential_file_path(file_id: int | str) -> str:
    """Return the access-checked path of one credential file."""
    return CREDENTIAL_FILE.format(file_id=file_id)


AGENCY_REQUEST = "/cases/[case_id]/agency"
LITIGATION_REQUEST = "/litigation/[request_id]"
LAWYER_LITIGATION = "/lawyer/litigation"
ADMIN_COLLECTIVE = "/admin/collective"
COLLECTIVE_LIST = "/collective"
COLLECTIVE_ACTION = "/collective/[action_id]"
MERCHANT = "/merchants/[merchant_id]"


def agency_request_path(case_id: int | str) -> str:
    """Return the form that requests litigation agency on one case."""
    return f"/cases/{case_id}/agency"


def litigation_request_path(request_id: int | str) -> str:
    """Return the page of one request for litigation agency."""
    return f"/litigation/{request_id}"


def collective_action_path(action_id: int | str) -> str:
    """Return the page of one collective action."""
    return f"/collective/{action_id}"


def merchant_path(merchant_id: int | str) -> str:
    """Return the public page of one merchant."""
    return f"/merchants/{merchant_id}"


CALCULATOR = "/calculator"
CASE_DOCUMENTS = "/cases/[case_id]/documents"
LAWYER_CASES = "/lawyer/cases"
DOCUMENT_FILE = "/files/documents/{version_id}"


def case_documents_path(case_id: int | str) -> str:
    """Return the legal documents page of one case."""
    return f"/cases/{case_id}/documents"


def document_path(version_id: int | str) -> str:
    """Return the access-checked download path of a rendered document version."""
    return DOCUMENT_FILE.format(version_id=version_id)


CONSULTATIONS = "/consultations"
CONSULTATION = "/consultations/[consultation_id]"
LAWYER_CONSULTATIONS = "/lawyer/consultations"
ADMIN_CONSULTATIONS = "/admin/consultations"
CONSULTATION_FILE = "/files/consultation/{file_id}"


def consultation_path(consultation_id: int | str) -> str:
    """Return the chat page of one consultation."""
    return f"/consultations/{consultation_id}"


def consultation_file_path(file_id: int | str) -> str:
    """Return the access-checked download path of one consultation file."""
    return CONSULTATION_FILE.format(file_id=file_id)

"""Every path of the portal, in one place."""

HOME = "/"
SIGN_IN = "/signin"
REGISTER = "/register"
ACCOUNT = "/account"
NEW_COMPLAINT = "/complaints/new"
MY_COMPLAINTS = "/complaints"
CASE = "/cases/[case_id]"
ADMIN_QUEUE = "/admin/queue"
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

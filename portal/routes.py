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


CONSULTATIONS = "/consultations"
CONSULTATION = "/consultations/[consultation_id]"
LAWYER_CONSULTATIONS = "/lawyer/consultations"
CONSULTATION_FILE = "/files/consultation/{file_id}"


def consultation_path(consultation_id: int | str) -> str:
    """Return the chat page of one consultation."""
    return f"/consultations/{consultation_id}"


def consultation_file_path(file_id: int | str) -> str:
    """Return the access-checked download path of one consultation file."""
    return CONSULTATION_FILE.format(file_id=file_id)

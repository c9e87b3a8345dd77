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

"""Plain HTTP routes beside Reflex's websocket: access-checked file downloads.

Files never sit in a public folder. Each request resolves the session cookie
and lets the service that owns the file (evidence, credential files or
rendered documents) decide whether that user may read it.
"""

import logging
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from portal.db import session_scope
from portal.services.auth import resolve_session
from portal.services.consultation_messages import open_file as open_consultation_file
from portal.services.credential_files import open_credential_file
from portal.services.documents import open_document_pdf
from portal.services.errors import NotFound
from portal.services.evidence import (
    MAX_FILE_BYTES,
    MAX_FILES_PER_COMPLAINT,
    open_for_download,
)

logger = logging.getLogger(__name__)

SESSION_COOKIE = "fx_session"
FILE_CSP = "default-src 'none'; img-src 'self'; object-src 'self'; sandbox"
# Licence and ID scans are shown in frames of the review page, and no other site
# may frame them.
CREDENTIAL_CSP = f"{FILE_CSP}; frame-ancestors 'self'"
# One upload request may carry nine files of 10 MB plus form overhead.
MAX_UPLOAD_REQUEST_BYTES = MAX_FILES_PER_COMPLAINT * MAX_FILE_BYTES + 1024 * 1024


def _content_disposition(name: str, disposition: str = "inline") -> str:
    ascii_name = (
        name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    )
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def _send_checked_file(
    request: Request,
    opener,
    file_id: int,
    csp: str = FILE_CSP,
    disposition: str = "inline",
):
    """Resolve the session, ask ``opener`` for the file and send it, or 404."""
    token = request.cookies.get(SESSION_COOKIE, "")
    try:
        with session_scope() as db:
            actor = resolve_session(db, token)
            download = opener(db, actor, file_id)
    except NotFound:
        return PlainTextResponse("Not found", status_code=404)
    if not download.path.is_file():
        logger.error(
            "file %s of %s is missing from storage at %s",
            file_id,
            request.url.path,
            download.path,
        )
        return PlainTextResponse("Not found", status_code=404)
    return FileResponse(
        download.path,
        media_type=download.content_type,
        headers={
            "Content-Disposition": _content_disposition(download.name, disposition),
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": csp,
        },
    )


async def evidence_file(request: Request):
    """Send one evidence file to a user who may read it; 404 for anyone else."""
    evidence_id = request.path_params["evidence_id"]
    return _send_checked_file(request, open_for_download, evidence_id)


async def credential_file(request: Request):
    """Send a licence or ID scan to its applicant or an admin; 404 for anyone else."""
    file_id = request.path_params["file_id"]
    return _send_checked_file(request, open_credential_file, file_id, CREDENTIAL_CSP)


async def consultation_file(request: Request):
    """Send a consultation file to a participant or an admin; 404 for anyone else."""
    file_id = request.path_params["file_id"]
    return _send_checked_file(request, open_consultation_file, file_id)


async def document_file(request: Request):
    """Send a rendered document PDF to a user who may read its case; 404 otherwise."""
    version_id = request.path_params["version_id"]
    # Saved rather than shown inline, so the file keeps its name for sending on.
    return _send_checked_file(
        request, open_document_pdf, version_id, disposition="attachment"
    )


async def health(_request: Request):
    return JSONResponse({"status": "ok"})


def build_routes() -> Starlette:
    """Return the Starlette app that Reflex mounts itself under."""
    return Starlette(
        routes=[
            Route("/files/evidence/{evidence_id:int}", evidence_file),
            Route("/healthz", health),
            Route("/files/credentials/{file_id:int}", credential_file),
            Route("/files/documents/{version_id:int}", document_file),
            Route("/files/consultation/{file_id:int}", consultation_file),
        ]
    )


class UploadSizeLimit:
    """Reject an upload request whose declared body exceeds the per-complaint limit.

    Each file is checked again by the evidence service; this only stops a huge
    body before Starlette spools it to disk.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].endswith("/_upload"):
            length = dict(scope.get("headers") or []).get(b"content-length", b"0")
            if length.isdigit() and int(length) > MAX_UPLOAD_REQUEST_BYTES:
                logger.warning("rejected upload of %s bytes", int(length))
                response = PlainTextResponse("Upload too large", status_code=413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

"""Email delivery over SMTP, configured by the ``FANGXIN_SMTP_*`` settings."""

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from portal.settings import SmtpSettings, smtp_settings

logger = logging.getLogger(__name__)

MAX_REASON_CHARS = 500


class DeliveryFailed(Exception):
    """The message was not delivered.

    ``code`` names the cause for users: ``not_configured``, ``settings``,
    ``unreachable``, ``tls``, ``login``, ``rejected`` or ``pdf_missing``.
    ``reason`` is the technical text, for the server log only.
    """

    def __init__(self, reason: str, code: str = "rejected") -> None:
        super().__init__(reason)
        self.reason = reason[:MAX_REASON_CHARS]
        self.code = code


def _failure_code(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return "login"
    if isinstance(error, smtplib.SMTPNotSupportedError | ssl.SSLError):
        return "tls"
    if isinstance(error, smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused):
        return "rejected"
    return "unreachable"


def _settings() -> SmtpSettings:
    try:
        return smtp_settings()
    except ValueError as error:
        logger.error("invalid SMTP settings: %s", error)
        raise DeliveryFailed(f"invalid SMTP settings: {error}", "settings") from error


def build_message(
    recipient: str, subject: str, body: str, attachment: bytes, filename: str
) -> EmailMessage:
    """Build a plain-text email with one PDF attached.

    Raises:
        DeliveryFailed: the SMTP settings are invalid.
    """
    settings = _settings()
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=settings.sender.partition("@")[2] or None)
    message.set_content(body)
    message.add_attachment(
        attachment, maintype="application", subtype="pdf", filename=filename
    )
    return message


def deliver(message: EmailMessage) -> None:
    """Hand ``message`` to the configured SMTP server.

    Raises:
        DeliveryFailed: sending is not configured, the server cannot be
            reached in time, it rejected the sender or the recipient, or the
            settings are invalid.
    """
    settings = _settings()
    if settings.host is None:
        raise DeliveryFailed(
            "SMTP is not configured (FANGXIN_SMTP_HOST is unset)", "not_configured"
        )
    try:
        if settings.security == "ssl":
            client = smtplib.SMTP_SSL(
                settings.host,
                settings.port,
                timeout=settings.timeout_seconds,
                context=ssl.create_default_context(),
            )
        else:
            client = smtplib.SMTP(
                settings.host, settings.port, timeout=settings.timeout_seconds
            )
        with client:
            if settings.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if settings.username:
                client.login(settings.username, settings.password)
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        reason = f"{type(error).__name__}: {error}"
        logger.warning("SMTP delivery to %s failed: %s", message["To"], reason)
        raise DeliveryFailed(reason, _failure_code(error)) from error
    logger.info("SMTP delivered %s to %s", message["Message-ID"], message["To"])

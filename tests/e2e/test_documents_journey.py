"""Browser journey: a consumer computes a claim and sends a complaint letter,
and the lawyer handling the case issues a lawyer's letter."""

import os
import subprocess
import tempfile
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from portal.models import LawFirm, LawyerProfile, User
from portal.services import auth, case_lawyers, complaints
from tests.conftest import free_port
from tests.e2e.helpers import register

pytestmark = pytest.mark.browser

# The portal server copies this process's environment when it starts, which is
# after collection, so its document emails reach the loopback inbox below.
SMTP_PORT = free_port()
os.environ["FANGXIN_SMTP_HOST"] = "127.0.0.1"
os.environ["FANGXIN_SMTP_PORT"] = str(SMTP_PORT)
os.environ["FANGXIN_SMTP_SECURITY"] = "none"

MERCHANT_EMAIL = "service@merchant.test"
PASSWORD = "password-1"


class Inbox:
    """An aiosmtpd handler that keeps each accepted message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, _server, _session, envelope) -> str:
        self.messages.append(
            BytesParser(policy=policy.default).parsebytes(envelope.content)
        )
        return "250 Message accepted for delivery"


@pytest.fixture(scope="module")
def inbox():
    handler = Inbox()
    port = int(os.environ["FANGXIN_SMTP_PORT"])
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler
    controller.stop()


def _file_case(portal_server, phone: str) -> int:
    with portal_server.session() as db:
        user = db.exec(select(User).where(User.phone == phone)).one()
        filed = complaints.file_complaint(
            db,
            auth.to_actor(user),
            {
                "merchant_name": "旅程电器有限公司",
                "purchase_channel": "某电商平台",
                "category": "ecommerce",
                "order_no": "SN2026",
                "product": "空气净化器",
                "amount_paid": "1200.00",
                "purchase_date": "2026-11-01",
                "description": "商家宣称为全新正品，收到后发现是二手翻新机。",
                "demand": "refund",
            },
            [],
            True,
        )
        db.commit()
    return filed.case_id


def _approve_and_link(portal_server, phone: str, case_id: int) -> None:
    with portal_server.session() as db:
        user = db.exec(select(User).where(User.phone == phone)).one()
        firm = LawFirm(
            name="上海守正律师事务所",
            normalized_name="上海守正",
            uscc="91110000100000000R",
        )
        db.add(firm)
        db.flush()
        db.add(
            LawyerProfile(
                user_id=user.id,
                status="approved",
                real_name="周律师",
                licence_no="13101201910054321",
                firm_id=firm.id,
            )
        )
        case_lawyers.link_lawyer(db, case_id, user.id, "consultation")
        db.commit()


def _pdf_text(message: EmailMessage) -> str:
    attachment = next(
        part
        for part in message.iter_attachments()
        if part.get_content_type() == "application/pdf"
    )
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(attachment.get_content())
        file.flush()
        return subprocess.run(
            ["pdftotext", file.name, "-"], capture_output=True, text=True, check=True
        ).stdout


def _open_documents(page, base_url: str, case_id: int) -> None:
    page.goto(f"{base_url}/cases/{case_id}")
    page.wait_for_load_state("networkidle")
    page.click("#case-documents-link")
    page.wait_for_selector("#doc-field-facts")


def _consumer_sends_complaint_letter(page, base_url: str, case_id: int) -> None:
    _open_documents(page, base_url, case_id)
    page.check("#calc-fraud")
    page.click("#calc-submit")
    page.wait_for_selector("#calc-figures")
    assert "3,600.00" in page.inner_text("#calc-figures")

    page.select_option("#rule", "fraud")
    page.click("#doc-draft")
    page.wait_for_function(
        "document.querySelector('#doc-field-requests').value.includes('3600.00')"
    )
    page.fill("#doc-field-recipient_email", MERCHANT_EMAIL)
    page.click("#doc-save")
    page.click("#doc-render-1")
    page.dblclick("#doc-send-1")
    page.get_by_text("没有重复发送").wait_for()


def test_documents_journey(portal_server, new_page, inbox):
    base = portal_server.url
    consumer = new_page()
    register(consumer, base, "孙消费者", "13500135000", PASSWORD)
    case_id = _file_case(portal_server, "13500135000")

    _consumer_sends_complaint_letter(consumer, base, case_id)
    assert len(inbox.messages) == 1
    letter = inbox.messages[0]
    assert letter["To"] == MERCHANT_EMAIL
    assert "投诉书" in _pdf_text(letter)
    assert "3600.00" in _pdf_text(letter)

    consumer.goto(f"{base}/cases/{case_id}")
    consumer.get_by_text(f"投诉书 第 1 版 → {MERCHANT_EMAIL}").wait_for()

    lawyer = new_page()
    register(lawyer, base, "周律师", "13400134000", PASSWORD, role="lawyer")
    _approve_and_link(portal_server, "13400134000", case_id)
    lawyer.goto(f"{base}/lawyer/cases")
    lawyer.click(".documents-link")
    lawyer.wait_for_selector("#doc-signature")
    assert "13101201910054321" in lawyer.inner_text("#doc-signature")
    assert "周律师" in lawyer.inner_text("#doc-handlers")
    lawyer.fill("#doc-field-recipient_email", MERCHANT_EMAIL)
    lawyer.click("#doc-save")
    lawyer.click("#doc-render-1")
    lawyer.click("#doc-send-1")
    lawyer.locator(".doc-send-row").get_by_text("已发送").wait_for()

    assert len(inbox.messages) == 2
    text = _pdf_text(inbox.messages[1])
    assert "律师函" in text
    assert "周律师" in text
    assert "上海守正律师事务所" in text
    assert "13101201910054321" in text


def test_consumer_sees_lawyer_letter_read_only(portal_server, new_page):
    base = portal_server.url
    consumer = new_page()
    register(consumer, base, "钱消费者", "13500135001", PASSWORD)
    case_id = _file_case(portal_server, "13500135001")
    _open_documents(consumer, base, case_id)
    consumer.click("#doc-kind-lawyer_letter")
    consumer.get_by_text("您可以查看本文书，但不能编辑。").wait_for()
    assert consumer.locator("#doc-save").count() == 0


def test_public_calculator_warns_past_schedule(portal_server, new_page):
    page = new_page()
    page.goto(f"{portal_server.url}/calculator")
    page.wait_for_load_state("networkidle")
    page.fill("#price", "100")
    page.check("#calc-fraud")
    page.fill("#known_on", "2026-03-10")
    page.click("#calc-submit")
    page.wait_for_selector("#calc-figures")
    assert "500.00" in page.inner_text("#calc-figures")
    assert "2029-03-12" in page.inner_text("#calc-results")
    assert page.locator(".calc-estimated").count() == 1


def test_public_calculator_names_missing_price(portal_server, new_page):
    page = new_page()
    page.goto(f"{portal_server.url}/calculator")
    page.wait_for_load_state("networkidle")
    page.check("#calc-unsafe_food")
    page.click("#calc-submit")
    page.wait_for_selector("#error-price")
    assert "支付金额" in page.inner_text("#error-price")


def test_civil_complaint_names_empty_fields(portal_server, new_page):
    base = portal_server.url
    consumer = new_page()
    register(consumer, base, "李消费者", "13500135002", PASSWORD)
    case_id = _file_case(portal_server, "13500135002")
    _open_documents(consumer, base, case_id)
    consumer.click("#doc-kind-civil_complaint")
    consumer.wait_for_selector("#doc-field-court")
    consumer.click("#doc-save")
    consumer.click("#doc-render-1")
    consumer.wait_for_selector("#form-error")
    message = consumer.inner_text("#form-error")
    assert "受诉人民法院" in message
    assert "原告住址" in message
    assert consumer.locator("#doc-download-1").count() == 0

    consumer.fill("#doc-field-court", "北京市朝阳区人民法院")
    consumer.fill("#doc-field-plaintiff_address", "北京市朝阳区建国路 1 号")
    consumer.fill("#doc-field-defendant_uscc", "91110000100000000R")
    consumer.fill("#doc-field-defendant_address", "上海市浦东新区世纪大道 100 号")
    consumer.click("#doc-save")
    consumer.click("#doc-render-2")
    consumer.wait_for_selector("#doc-download-2")
    assert consumer.locator("#doc-send-2").count() == 0

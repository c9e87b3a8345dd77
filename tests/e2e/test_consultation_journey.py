"""A consumer and a lawyer in two browser contexts: ask, reply, close, rate."""

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from portal.models import LawyerProfile, Role, User
from portal.services.auth import to_actor
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.e2e.helpers import register, sign_in
from tests.unit.services.consultation_fixtures import filed_case

pytestmark = pytest.mark.browser

PASSWORD = "password-1"
CHAT_URL = re.compile(r"/consultations/\d+$")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _approve(server, email: str) -> None:
    with server.session() as db:
        user = db.exec(select(User).where(User.email == email)).one()
        db.add(
            LawyerProfile(
                user_id=user.id,
                status="approved",
                real_name="王律师",
                areas="consumer_disputes",
            )
        )
        db.commit()


def _case_of(server, email: str) -> int:
    with server.session() as db:
        user = db.exec(select(User).where(User.email == email)).one()
        return filed_case(db, to_actor(user))


def test_consultation_journey(portal_server, new_page):
    base = portal_server.url
    consumer = new_page()
    lawyer = new_page()
    register(consumer, base, "张三", "journey-c@x.test", PASSWORD)
    register(lawyer, base, "王律师", "journey-l@x.test", PASSWORD, role="lawyer")
    _approve(portal_server, "journey-l@x.test")
    case_id = _case_of(portal_server, "journey-c@x.test")

    consumer.goto(f"{base}/cases/{case_id}")
    consumer.click("#ask-lawyer")
    consumer.wait_for_url(f"**/consultations?case={case_id}")
    consumer.wait_for_selector(f"#case_id option[value='{case_id}']", state="attached")
    assert consumer.input_value("#case_id") == str(case_id)
    consumer.select_option("#topic", "ecommerce")
    consumer.fill("#question", "电饭煲坏了，<b>商家</b>拒绝退款怎么办？")
    consumer.click("#ask")
    consumer.wait_for_url(CHAT_URL)
    assert consumer.inner_text("#queue-position") == "1"
    assert "<b>商家</b>" in consumer.inner_text("#consultation-question")

    lawyer.goto(f"{base}/lawyer/consultations")
    lawyer.click("#go-on-duty")
    row = lawyer.locator(".queue-row", has_text="电饭煲坏了")
    expect(row).to_contain_text("分钟")
    lawyer.click("#language-toggle")
    expect(row).to_contain_text(" min (")
    lawyer.click("#language-toggle")
    row.locator(".pick-up").click()
    lawyer.wait_for_url(CHAT_URL)
    consumer.wait_for_selector("#consultation-lawyer")

    lawyer.type("#message-body", "您好，请问保留了订单截图吗？")
    consumer.wait_for_selector("#typing")
    lawyer.click("#send")
    consumer.wait_for_selector(".message.theirs")
    consumer.fill("#message-body", "有的 <img src=x onerror=alert(1)> **粗体**")
    consumer.click("#send")
    lawyer.wait_for_selector(".message.theirs")
    consumer.wait_for_selector(".message.mine .read-mark")
    displayed = lawyer.inner_text(".message.theirs .body")
    assert displayed == "有的 <img src=x onerror=alert(1)> **粗体**"
    assert lawyer.locator(".message img").count() == 0

    consumer.set_input_files(
        "#chat_file input[type=file]",
        files=[{"name": "截图.png", "mimeType": "image/png", "buffer": PNG}],
    )
    lawyer.wait_for_selector(".message.theirs .message-file")
    assert "截图.png" in lawyer.inner_text(".message.theirs .message-file")

    lawyer.goto(f"{base}/cases/{case_id}")
    lawyer.wait_for_selector("#case-number")
    lawyer.go_back()
    lawyer.wait_for_selector("#summary")
    lawyer.fill("#summary", "建议向平台投诉，并保留全部证据。")
    lawyer.select_option("#recommendation", "file_complaint")
    lawyer.click("#close-consultation")

    consumer.wait_for_selector("#summary-text")
    assert "建议向平台投诉" in consumer.inner_text("#summary-text")
    consumer.select_option("#rating", "4")
    consumer.fill("#rating_comment", "很及时")
    consumer.click("#rate")
    consumer.wait_for_selector("#rating-shown")
    assert "4 / 5" in consumer.inner_text("#rating-shown")

    consumer.goto(f"{base}/cases/{case_id}")
    consumer.wait_for_selector("#timeline")
    assert "律师咨询：建议提起投诉" in consumer.inner_text("#timeline")

    admin = new_page()
    sign_in(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.goto(f"{base}/admin/consultations")
    admin.wait_for_selector("#oversight-table")
    admin.select_option("#status", "closed")
    admin.click("#oversight-filter")
    row = admin.locator(".oversight-row", has_text="电饭煲坏了")
    row.wait_for()
    assert "王律师" in row.inner_text()
    assert row.locator("td").nth(6).inner_text() == "4"
    statuses = admin.locator(".oversight-row .consultation-status").all_inner_texts()
    assert set(statuses) == {"已结束"}
    row.locator(".consultation-link").click()
    admin.wait_for_url(CHAT_URL)
    admin.get_by_text("您好，请问保留了订单截图吗？").wait_for()


def test_consultation_hidden_from_others(portal_server, new_page):
    base = portal_server.url
    owner = new_page()
    register(owner, base, "李四", "hidden-owner@x.test", PASSWORD)
    owner.goto(f"{base}/consultations")
    owner.select_option("#topic", "other")
    owner.fill("#question", "只给律师看的问题")
    owner.click("#ask")
    owner.wait_for_url(CHAT_URL)
    path = owner.url.removeprefix(base)

    stranger = new_page()
    register(stranger, base, "路人", "hidden-stranger@x.test", PASSWORD)
    stranger.goto(base + path)
    stranger.wait_for_selector("#consultation-not-found")
    assert "只给律师看的问题" not in stranger.content()

    applicant = new_page()
    register(applicant, base, "申请人", "hidden-l@x.test", PASSWORD, role="lawyer")
    applicant.goto(f"{base}/lawyer/consultations")
    applicant.wait_for_selector("#desk-not-approved")
    applicant.goto(base + path)
    applicant.wait_for_selector("#consultation-not-found")

    signed_out = new_page()
    signed_out.goto(base + path)
    signed_out.wait_for_url("**/signin**")


def test_older_messages_load_on_scroll(portal_server, new_page):
    from portal.services import auth
    from portal.services import consultation_messages as messages
    from tests.unit.services.consultation_fixtures import active, on_duty_lawyer

    with portal_server.session() as db:
        asker = auth.register(db, "scroll-c@x.test", PASSWORD, "翻页", Role.CONSUMER)
        db.commit()
        answerer = on_duty_lawyer(db, "scroll-l@x.test")
        consultation_id = active(db, asker, answerer)
        for index in range(45):
            messages.send(db, asker, consultation_id, f"m{index}", f"第{index}条")
        db.commit()

    page = new_page()
    sign_in(page, portal_server.url, "scroll-c@x.test", PASSWORD)
    page.goto(f"{portal_server.url}/consultations/{consultation_id}")
    page.wait_for_function("document.querySelectorAll('.message').length === 30")
    assert page.locator(".message .body").last.inner_text() == "第44条"
    page.wait_for_function("document.getElementById('chat-log').scrollTop > 0")
    page.evaluate("document.getElementById('chat-log').scrollTop = 0")
    page.wait_for_function("document.querySelectorAll('.message').length === 45")
    assert page.locator(".message .body").first.inner_text() == "第0条"
    # The message that was at the top stays in view instead of the oldest.
    page.wait_for_function("document.getElementById('chat-log').scrollTop > 0")
    expect(page.locator(".message .body", has_text="第15条")).to_be_in_viewport()


def test_cancel_while_waiting(portal_server, new_page):
    page = new_page()
    register(page, portal_server.url, "王五", "cancel-c@x.test", PASSWORD)
    page.goto(f"{portal_server.url}/consultations")
    page.select_option("#topic", "contracts")
    page.fill("#question", "合同还没签，定金能退吗？")
    page.click("#ask")
    page.wait_for_url(CHAT_URL)
    page.click("#cancel-consultation")
    page.wait_for_selector(".consultation-status >> text=已取消")
    assert page.locator("#queue-panel").count() == 0


def _open_chat(server, new_page, tag: str):
    """Sign a consumer and a lawyer in on an active consultation; return pages."""
    from portal.services import auth
    from tests.unit.services.consultation_fixtures import active, on_duty_lawyer

    with server.session() as db:
        asker = auth.register(db, f"{tag}-c@x.test", PASSWORD, "提问人", Role.CONSUMER)
        db.commit()
        answerer = on_duty_lawyer(db, f"{tag}-l@x.test")
        consultation_id = active(db, asker, answerer)
    pages = []
    for side in ("c", "l"):
        page = new_page()
        sign_in(page, server.url, f"{tag}-{side}@x.test", PASSWORD)
        page.goto(f"{server.url}/consultations/{consultation_id}")
        page.wait_for_selector("#message-body")
        pages.append(page)
    return pages


def test_refused_message_and_file_keep_the_rest(portal_server, new_page):
    consumer, lawyer = _open_chat(portal_server, new_page, "refused")
    too_long = "长" * 4001
    consumer.fill("#message-body", too_long)
    consumer.click("#send")
    consumer.wait_for_selector("#error-body")
    expect(consumer.locator("#message-body")).to_have_value(too_long)
    assert consumer.locator(".message").count() == 0

    consumer.set_input_files(
        "#chat_file input[type=file]",
        files=[
            {"name": "好图.png", "mimeType": "image/png", "buffer": PNG},
            {"name": "假图.png", "mimeType": "image/png", "buffer": b"plain text"},
        ],
    )
    consumer.wait_for_selector("#error-file")
    lawyer.wait_for_selector(".message.theirs .message-file")
    assert "好图.png" in lawyer.inner_text(".message.theirs .message-file")
    assert "好图.png" in consumer.inner_text(".message.mine .message-file")
    assert lawyer.locator(".message").count() == 1


def test_suspension_puts_chat_back_in_queue(portal_server, new_page):
    consumer, _lawyer = _open_chat(portal_server, new_page, "requeue")
    with portal_server.session() as db:
        user = db.exec(select(User).where(User.email == "requeue-l@x.test")).one()
        profile = db.exec(
            select(LawyerProfile).where(LawyerProfile.user_id == user.id)
        ).one()

    admin = new_page()
    sign_in(admin, portal_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.goto(f"{portal_server.url}/admin/lawyers/{profile.id}")
    admin.fill("#reason-suspend", "核实期间暂停")
    admin.click("#action-suspend")
    expect(admin.locator("#review-status")).to_contain_text("已暂停")

    consumer.wait_for_selector("#queue-position")
    assert consumer.locator("#message-body").count() == 0

"""Browser journeys: full-risk agency to a closed case, and a collective action."""

import os
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from portal.models import LawyerProfile, Role, User
from portal.services import auth, collective, workflow
from portal.services.complaints import ComplaintInput, save_complaint
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.e2e.helpers import register, sign_in, sign_out

pytestmark = pytest.mark.browser

PASSWORD = "journey-pass-1"
ACTION_URL = re.compile(r".*/collective/\d+$")
# Set FANGXIN_SCREENSHOTS to a folder to keep a picture of each main step.
SHOTS = os.environ.get("FANGXIN_SCREENSHOTS", "")


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _file(server, email: str, merchant: str, purchased: date) -> int:
    """Save a complaint for the account ``email`` and return its case id."""
    with server.session() as db:
        user = db.exec(select(User).where(User.email == email)).one()
        data = ComplaintInput(
            merchant_name=merchant,
            merchant_uscc=None,
            purchase_channel="网店",
            category="ecommerce",
            order_no="",
            product="空调",
            amount_paid=Decimal("3000.00"),
            purchase_date=purchased,
            description="空调安装一个月后压缩机损坏，商家拒绝退换。",
            demand="refund",
            demand_amount=Decimal("3000.00"),
            demand_detail="",
        )
        filed = save_complaint(db, user.id, data)
        db.commit()
        return filed.case_id


def _approve_lawyer(server, email: str) -> None:
    with server.session() as db:
        user = db.exec(select(User).where(User.email == email)).one()
        db.add(
            LawyerProfile(
                user_id=user.id,
                status="approved",
                real_name="王律师",
                areas="consumer_disputes,contracts",
            )
        )
        db.commit()


def test_agency_request_to_closed_case(portal_server, new_page):
    base = portal_server.url
    consumer = new_page()
    register(consumer, base, "李消费", "agency-consumer@x.test", PASSWORD)
    case_id = _file(
        portal_server, "agency-consumer@x.test", "快修家电有限公司", date(2026, 3, 1)
    )

    consumer.goto(f"{base}/cases/{case_id}")
    consumer.click("#agency-link")
    consumer.wait_for_url(f"**/cases/{case_id}/agency")
    consumer.select_option("#litigation_type", "criminal")
    consumer.select_option("#area", "consumer_disputes")
    consumer.fill("#claimed_amount", "2000000")
    consumer.fill("#summary", "请求商家退还货款并按法律规定赔偿损失。")
    consumer.click("#agency-submit")
    expect(consumer.locator("#error-litigation_type")).to_contain_text("刑事")
    consumer.select_option("#litigation_type", "civil_consumer")
    consumer.click("#agency-submit")
    consumer.wait_for_url("**/litigation/*")
    request_url = consumer.url

    lawyer = new_page()
    register(lawyer, base, "王律师", "agency-lawyer@x.test", PASSWORD, role="lawyer")
    _approve_lawyer(portal_server, "agency-lawyer@x.test")
    lawyer.goto(f"{base}/lawyer/litigation")
    lawyer.click(".request-link")
    expect(lawyer.locator("#offer-cap")).to_contain_text("330,000.00")
    lawyer.fill("#fee_percent", "18")
    lawyer.fill("#expenses", "800")
    lawyer.fill("#expenses_detail", "诉讼费、差旅费")
    lawyer.fill("#message", "十年消费纠纷诉讼经验。")
    lawyer.click("#offer-submit")
    expect(lawyer.locator("#error-fee_percent")).to_contain_text("330,000.00")
    lawyer.fill("#fee_percent", "15")
    lawyer.click("#offer-submit")
    expect(lawyer.locator(".offer-card")).to_contain_text("15.00%")
    _shot(lawyer, "agency-offer")

    consumer.goto(request_url)
    consumer.click(".accept-offer")
    expect(consumer.locator("#agreement-text")).to_contain_text("不支付律师费")
    consumer.click("#confirm-agreement")
    expect(consumer.locator("#confirm-agreement")).to_have_count(0)

    lawyer.goto(request_url)
    lawyer.click("#confirm-agreement")
    expect(lawyer.locator("#engagement-status")).to_contain_text("代理中")
    lawyer.select_option("#kind", "filed")
    lawyer.fill("#court", "杭州互联网法院")
    lawyer.fill("#court_case_no", "(2026)浙0192民初100号")
    lawyer.click("#milestone-submit")
    expect(lawyer.locator("#milestones")).to_contain_text("浙0192民初100号")
    lawyer.fill("#recovered_amount", "2000000")
    lawyer.click("#close")
    expect(lawyer.locator("#fee-due")).to_contain_text("300,000.00")

    consumer.goto(request_url)
    expect(consumer.locator("#fee-due")).to_contain_text("300,000.00")
    consumer.click("#settle")
    expect(consumer.locator("#engagement-status")).to_contain_text("已结算")
    _shot(consumer, "agency-settled")
    consumer.goto(f"{base}/cases/{case_id}")
    expect(consumer.locator("#timeline")).to_contain_text("应付律师费 ¥300,000.00")


def _member_email(index: int) -> str:
    return f"member{index}@x.test"


def test_candidate_group_to_ten_members(portal_server, new_page):
    base = portal_server.url
    case_ids = []
    with portal_server.session() as db:
        for index in range(10):
            auth.register(
                db, _member_email(index), PASSWORD, f"成员{index}号", Role.CONSUMER
            )
        db.commit()
    for index in range(10):
        purchased = date(2026, 2, 1) + timedelta(days=index * 15)
        name = "优品空调有限公司" if index % 2 else "优品空调 官方旗舰店"
        case_ids.append(_file(portal_server, _member_email(index), name, purchased))

    admin = new_page()
    sign_in(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.goto(f"{base}/admin/collective")
    group = admin.locator(".candidate-group", has_text="优品空调")
    expect(group).to_contain_text("10")
    group.locator("input[name=title]").fill("优品空调压缩机故障")
    group.locator("textarea[name=description]").fill(
        "多名消费者的空调在一个月内压缩机损坏。"
    )
    group.locator("button[type=submit]").click()
    admin.wait_for_url(ACTION_URL)
    action_url = admin.url

    member = new_page()
    for index, case_id in enumerate(case_ids):
        sign_in(member, base, _member_email(index), PASSWORD)
        member.goto(f"{base}/cases/{case_id}")
        member.click("#merchant-link")
        member.wait_for_url("**/merchants/*")
        member.click(".action-link")
        member.wait_for_url(ACTION_URL)
        member.click("#join")
        expect(member.locator("#my-status")).to_contain_text("已加入")
        if index == 9:
            expect(member.locator("#member-count")).to_have_text("10")
            expect(member.locator("body")).not_to_contain_text("成员0号")
            _shot(member, "collective-member")
        sign_out(member)

    admin.goto(action_url)
    expect(admin.locator("#member-count")).to_have_text("10")
    expect(admin.locator(".member-row")).to_have_count(10)
    expect(admin.locator("#claimed-total")).to_contain_text("30,000.00")
    _shot(admin, "collective-admin")
    member.goto(f"{base}/signin")
    sign_in(member, base, _member_email(0), PASSWORD)
    member.goto(f"{base}/cases/{case_ids[0]}")
    expect(member.locator("#timeline")).to_contain_text("加入集体维权")


def _register_and_file(server, email: str, name: str, merchant: str) -> int:
    with server.session() as db:
        auth.register(db, email, PASSWORD, name, Role.CONSUMER)
        db.commit()
    return _file(server, email, merchant, date(2026, 4, 1))


def _open_action_with_members(server, prefix: str, members: int) -> int:
    """Open an action for a group of ten; the first ``members`` join. Return its id."""
    merchant = "联合家具有限公司"
    emails = [f"{prefix}{index}@x.test" for index in range(10)]
    case_ids = [
        _register_and_file(server, email, f"{prefix}{index}", merchant)
        for index, email in enumerate(emails)
    ]
    with server.session() as db:
        admin = auth.to_actor(
            db.exec(select(User).where(User.role == Role.ADMIN)).first()
        )
        merchant_id = workflow.load_case(db, admin, case_ids[0])[1].merchant_id
        opening = {
            "category": "ecommerce",
            "title": "联合家具甲醛超标",
            "description": "多名消费者购买的衣柜甲醛检测超标。",
        }
        action = collective.open_action(db, admin, merchant_id, opening)
        for email, case_id in list(zip(emails, case_ids, strict=True))[:members]:
            member = auth.to_actor(
                db.exec(select(User).where(User.email == email)).one()
            )
            complaint = workflow.load_case(db, member, case_id)[1]
            collective.join_action(db, member, action.id, complaint.id)
        db.commit()
        return action.id


def test_lead_lawyer_updates_and_representatives(portal_server, new_page):
    base = portal_server.url
    action_id = _open_action_with_members(portal_server, "rep", 3)
    action_url = f"{base}/collective/{action_id}"

    lawyer = new_page()
    register(lawyer, base, "赵律师", "lead-lawyer@x.test", PASSWORD, role="lawyer")
    _approve_lawyer(portal_server, "lead-lawyer@x.test")
    lawyer.goto(action_url)
    lawyer.fill("#fee_per_member", "200")
    lawyer.fill("#fee_terms", "每位成员固定律师费 200 元，不按追回金额收费。")
    lawyer.click("#take-lead")
    expect(lawyer.locator("#lead-lawyer")).to_contain_text("赵律师")
    lawyer.fill("#body", "已完成证据整理，下周提交起诉状。")
    lawyer.click("#post-update")
    expect(lawyer.locator(".collective-update")).to_contain_text("下周提交起诉状")

    member = new_page()
    for index in range(2):
        sign_in(member, base, f"rep{index}@x.test", PASSWORD)
        member.goto(action_url)
        member.click("#stand")
        expect(member.locator("#unstand")).to_be_visible()
        sign_out(member)
    sign_in(member, base, "rep2@x.test", PASSWORD)
    member.goto(action_url)
    expect(member.locator(".collective-update")).to_contain_text("下周提交起诉状")
    for checkbox in member.locator(".candidate input[type=checkbox]").all():
        checkbox.check()
    member.click("#vote")
    expect(member.locator(".candidate").first).to_contain_text("1 票")

    lawyer.goto(action_url)
    lawyer.fill("#seats", "2")
    lawyer.click("#elect")
    expect(lawyer.locator(".candidate", has_text="代表人")).to_have_count(2)
    member.goto(action_url)
    expect(member.locator("body")).not_to_contain_text("rep0")
    _shot(member, "collective-representatives")

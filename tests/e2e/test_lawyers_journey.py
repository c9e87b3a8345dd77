"""Lawyer onboarding in Chromium: apply, review, approve, workspace, profile."""

import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from portal.models import LawyerProfile, User
from portal.services.validators import uscc_check_character
from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.e2e.helpers import register, sign_in

pytestmark = pytest.mark.browser

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%fangxin test\n"
LICENCE_NO = "13101201510123456"
MASKED_LICENCE_NO = "1310***********56"
FIRM_FIRST17 = "31310000400001234"
PASSWORD = "lawyer-pass-2026"


def _apply(page: Page, base_url: str, identifier: str, real_name: str) -> None:
    register(page, base_url, "王律师", identifier, PASSWORD, role="lawyer")
    page.wait_for_url("**/lawyer/application")
    page.fill("#real_name", real_name)
    page.fill("#licence_no", LICENCE_NO)
    page.fill("#firm_name", "上海放心律师事务所")
    page.fill("#firm_uscc", FIRM_FIRST17 + uscc_check_character(FIRM_FIRST17))
    page.select_option("#region", "shanghai")
    page.check("#area_consumer_disputes")
    page.check("#area_food_safety")
    page.fill("#years_in_practice", "8")
    page.fill("#statement", "专注消费者权益保护八年，办理多起食品安全纠纷。")
    page.click("#application-save")
    expect(page.get_by_text("申请信息已保存")).to_be_visible()
    page.set_input_files(
        "#licence_files input[type=file]",
        files=[{"name": "licence.png", "mimeType": "image/png", "buffer": PNG}],
    )
    expect(page.locator(".credential-file")).to_have_count(1)
    page.set_input_files(
        "#id_document_files input[type=file]",
        files=[{"name": "id.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    expect(page.locator(".credential-file")).to_have_count(2)
    page.click("#application-submit")
    expect(page.locator("#application-status")).to_contain_text("已提交")


def _open_review(page: Page, base_url: str, real_name: str) -> None:
    page.goto(f"{base_url}/admin/lawyers")
    page.locator(".application-link", has_text=real_name).click()
    page.wait_for_url(re.compile(r".*/admin/lawyers/\d+"))
    expect(page.locator("#review-real-name")).to_have_text(real_name)


def test_lawyer_onboarding_journey(portal_server, new_page):
    base = portal_server.url
    lawyer = new_page()
    _apply(lawyer, base, "lawyer-journey@example.test", "王明")

    admin = new_page()
    sign_in(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    _open_review(admin, base, "王明")
    expect(admin.locator(".credential-image")).to_have_count(1)
    expect(admin.locator(".credential-pdf")).to_have_count(1)
    expect(admin.locator("#findings")).to_contain_text("执业证号结构正常")
    admin.fill("#reason-request_info", "请上传身份证背面")
    admin.click("#action-request_info")
    expect(admin.locator("#review-status")).to_contain_text("需补充材料")

    lawyer.goto(f"{base}/lawyer/application")
    expect(lawyer.locator("#reviewer-message")).to_contain_text("请上传身份证背面")
    lawyer.set_input_files(
        "#id_document_files input[type=file]",
        files=[{"name": "id-back.png", "mimeType": "image/png", "buffer": PNG}],
    )
    expect(lawyer.locator(".credential-file")).to_have_count(3)
    lawyer.fill("#reply", "已上传身份证背面")
    lawyer.click("#application-submit")
    expect(lawyer.locator("#application-status")).to_contain_text("已提交")

    admin.reload()
    expect(admin.locator("#review-history")).to_contain_text("已上传身份证背面")
    admin.click("#action-approve")
    expect(admin.locator("#review-status")).to_contain_text("已通过")

    lawyer.goto(f"{base}/lawyer")
    expect(lawyer.locator("#lawyer-workspace")).to_be_visible()
    expect(lawyer.locator("#workspace-consultations")).to_be_visible()
    lawyer.click("#public-profile-link")
    lawyer.wait_for_url(re.compile(r".*/lawyers/\d+"))
    expect(lawyer.locator("#profile-name")).to_have_text("王明")
    expect(lawyer.locator(".profile-licence")).to_have_text(MASKED_LICENCE_NO)

    visitor = new_page()
    visitor.goto(lawyer.url)
    expect(visitor.locator(".profile-firm")).to_have_text("上海放心律师事务所")
    assert LICENCE_NO not in visitor.content()
    assert "lawyer-journey@example.test" not in visitor.content()


def _profile_of(portal_server, identifier: str) -> LawyerProfile:
    with portal_server.session() as db:
        user = db.exec(select(User).where(User.email == identifier)).one()
        return db.exec(
            select(LawyerProfile).where(LawyerProfile.user_id == user.id)
        ).one()


def test_suspension_ends_open_session(portal_server, new_page):
    base = portal_server.url
    lawyer = new_page()
    _apply(lawyer, base, "lawyer-suspend@example.test", "孙明")
    admin = new_page()
    sign_in(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    profile = _profile_of(portal_server, "lawyer-suspend@example.test")
    admin.goto(f"{base}/admin/lawyers/{profile.id}")
    admin.click("#action-approve")
    expect(admin.locator("#review-status")).to_contain_text("已通过")
    lawyer.goto(f"{base}/lawyer")
    expect(lawyer.locator("#lawyer-workspace")).to_be_visible()

    admin.fill("#reason-suspend", "收到多起投诉，核实期间暂停")
    admin.click("#action-suspend")
    expect(admin.locator("#review-status")).to_contain_text("已暂停")

    lawyer.goto(f"{base}/lawyer")
    lawyer.wait_for_url("**/signin**")
    visitor = new_page()
    visitor.goto(f"{base}/lawyers/{profile.id}")
    expect(visitor.locator("#profile-not-found")).to_be_visible()


def test_credential_file_access(portal_server, new_page):
    base = portal_server.url
    applicant = new_page()
    _apply(applicant, base, "lawyer-files@example.test", "周明")
    href = applicant.locator(".credential-link").first.get_attribute("href")
    url = f"{base}{href}"
    response = applicant.request.get(url)
    assert response.status == 200
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "private, no-store"

    admin = new_page()
    sign_in(admin, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    assert admin.request.get(url).status == 200

    other = new_page()
    register(other, base, "李律师", "lawyer-other@example.test", PASSWORD, "lawyer")
    assert other.request.get(url).status == 404

    consumer = new_page()
    register(consumer, base, "张三", "consumer-files@example.test", PASSWORD)
    assert consumer.request.get(url).status == 404

    signed_out = new_page()
    assert signed_out.request.get(url).status == 404


def test_review_pages_refused_to_consumer(portal_server, new_page):
    base = portal_server.url
    consumer = new_page()
    register(consumer, base, "赵六", "consumer-review@example.test", PASSWORD)
    consumer.goto(f"{base}/admin/lawyers/1")
    consumer.wait_for_url("**/complaints")
    expect(consumer.locator("#review-actions")).to_have_count(0)

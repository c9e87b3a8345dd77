"""A consumer files a real complaint with evidence; an admin accepts it."""

import json
import re

import httpx
from playwright.sync_api import expect

from tests.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, SHARED_DATA
from tests.e2e.helpers import register, sign_in

# A 1x1 PNG, the smallest real image the type check accepts.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def _real_complaint() -> dict:
    with (SHARED_DATA / "complaints_zh.jsonl").open(encoding="utf-8") as handle:
        return json.loads(handle.readline())


def test_file_track_and_admin_accept(portal_server, new_page, tmp_path):
    record = _real_complaint()
    receipt = tmp_path / "购车发票.png"
    receipt.write_bytes(TINY_PNG)
    url = portal_server.url

    consumer = new_page()
    register(consumer, url, "王女士", "13912345678", "一个足够长的中文密码")
    sign_in(consumer, url, "13912345678", "一个足够长的中文密码")
    consumer.goto(f"{url}/complaints/new")
    consumer.set_input_files("input[type=file]", str(receipt))
    expect(consumer.locator(".staged-file")).to_contain_text("购车发票.png")

    consumer.fill("#merchant_name", record["merchant"])
    consumer.select_option("#category", "automobile")
    consumer.fill("#product", record["product"])
    consumer.fill("#purchase_date", record["date"])
    consumer.fill("#amount_paid", "1,0")
    consumer.fill("#description", record["text"])
    consumer.select_option("#demand", "repair")
    consumer.click("#complaint-submit")
    expect(consumer.locator("#error-amount_paid")).to_be_visible()
    expect(consumer.locator("#error-consent")).to_be_visible()
    expect(consumer.locator("#description")).to_have_value(record["text"])

    consumer.fill("#amount_paid", "129800.00")
    consumer.check("#consent")
    consumer.click("#complaint-submit")
    consumer.wait_for_url(re.compile(r"/cases/\d+$"))
    number = consumer.locator("#case-number").inner_text()
    assert re.fullmatch(r"FX-20\d\d-\d{6}", number)
    case_url = consumer.url
    expect(consumer.locator(".evidence-link")).to_contain_text("购车发票.png")

    evidence_href = consumer.locator(".evidence-link").get_attribute("href")
    download = consumer.request.get(f"{url}{evidence_href}")
    assert download.status == 200
    assert download.body() == TINY_PNG
    assert httpx.get(f"{url}{evidence_href}").status_code == 404

    consumer.goto(f"{url}/complaints")
    consumer.fill("#search", number)
    consumer.click("#search-submit")
    expect(consumer.locator(".case-row")).to_have_count(1)
    expect(consumer.locator(".case-row")).to_contain_text(record["merchant"])

    admin = new_page()
    sign_in(admin, url, ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.wait_for_url("**/admin/queue")
    expect(admin.locator(".case-row").filter(has_text=number)).to_have_count(1)
    admin.locator(".case-link", has_text=number).click()
    admin.wait_for_url(case_url)
    admin.click("#move-forwarded")
    expect(admin.locator(".status-badge").first).to_have_text("已转交商家")

    consumer.goto(case_url)
    expect(consumer.locator(".status-badge").first).to_have_text("已转交商家")
    expect(consumer.locator(".timeline-entry").first).to_contain_text("转交商家")


def test_other_consumer_sees_no_case(portal_server, new_page):
    url = portal_server.url
    owner = new_page()
    register(owner, url, "甲", "13812340001", "password-owner")
    owner.goto(f"{url}/complaints/new")
    owner.fill("#merchant_name", "某电商平台")
    owner.select_option("#category", "ecommerce")
    owner.fill("#description", "收到的商品与描述不符，要求退款")
    owner.select_option("#demand", "refund")
    owner.check("#consent")
    owner.click("#complaint-submit")
    owner.wait_for_url(re.compile(r"/cases/\d+$"))
    case_url = owner.url

    intruder = new_page()
    register(intruder, url, "乙", "13812340002", "password-intruder")
    intruder.goto(case_url)
    expect(intruder.locator("#case-not-found")).to_be_visible()
    expect(intruder.locator("#case-number")).to_have_count(0)


def test_signed_out_browser_redirected_to_sign_in(portal_server, new_page):
    page = new_page()
    page.goto(f"{portal_server.url}/complaints")
    page.wait_for_url(re.compile(r"/signin\?next=/complaints/?$"))


def test_wrong_password_message_and_english(portal_server, new_page):
    page = new_page()
    page.goto(f"{portal_server.url}/signin")
    page.fill("#identifier", "13800000000")
    page.fill("#password", "not-the-password")
    page.click("#sign-in-submit")
    expect(page.locator("#form-error")).to_have_text("账号或密码不正确。")
    expect(page).to_have_title("登录 · 放心")
    page.click("#language-toggle")
    page.click("#sign-in-submit")
    expect(page.locator("#form-error")).to_have_text("Wrong account or password.")
    expect(page).to_have_title("Sign in · Fangxin")


def test_admin_sees_trends(portal_server, new_page):
    from tests.factories import file_sample, make_user

    with portal_server.session() as db:
        consumer = make_user(db, name="趋势")
        file_sample(db, consumer, merchant_name="趋势测试商家")
    admin = new_page()
    sign_in(admin, portal_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    admin.goto(f"{portal_server.url}/admin/trends")
    expect(admin.locator("#trends-merchants")).to_contain_text("趋势测试商家")
    admin.click("#window-365")
    expect(admin.locator("#trends-categories")).to_contain_text("汽车")


def _fill_minimal_complaint(page, merchant: str) -> None:
    page.fill("#merchant_name", merchant)
    page.select_option("#category", "ecommerce")
    page.fill("#description", "收到的商品与描述不符，要求退款")
    page.select_option("#demand", "refund")
    page.check("#consent")


def test_double_click_files_once(portal_server, new_page):
    url = portal_server.url
    page = new_page()
    register(page, url, "双击", "13812340011", "password-double")
    page.goto(f"{url}/complaints/new")
    _fill_minimal_complaint(page, "双击测试商户")
    page.dblclick("#complaint-submit")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    page.goto(f"{url}/complaints")
    expect(page.locator(".case-row")).to_have_count(1)


def test_list_filters_reset_on_return(portal_server, new_page):
    url = portal_server.url
    page = new_page()
    register(page, url, "筛选", "13812340012", "password-filter")
    page.goto(f"{url}/complaints/new")
    _fill_minimal_complaint(page, "筛选测试商户")
    page.click("#complaint-submit")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    page.goto(f"{url}/complaints")
    page.select_option("#status", "withdrawn")
    page.click("#search-submit")
    expect(page.locator("#list-empty")).to_have_text(
        "没有符合条件的投诉，请更换筛选条件。"
    )
    page.click("text=我要投诉")
    page.wait_for_url("**/complaints/new")
    page.click("text=我的投诉")
    expect(page.locator(".case-row")).to_have_count(1)


def test_withdraw_needs_confirmation(portal_server, new_page):
    url = portal_server.url
    page = new_page()
    register(page, url, "撤回", "13812340013", "password-withdraw")
    page.goto(f"{url}/complaints/new")
    _fill_minimal_complaint(page, "撤回测试商户")
    page.click("#complaint-submit")
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    page.click("#move-withdrawn")
    expect(page.locator("#error-move_withdrawn")).to_be_visible()
    expect(page.locator(".status-badge").first).to_have_text("已提交")
    page.check("#confirm-withdraw")
    page.click("#move-withdrawn")
    expect(page.locator(".status-badge").first).to_have_text("已撤回")
    expect(page.locator("#case-note")).to_have_count(0)


def test_registration_after_sign_in_lock(portal_server, new_page):
    url = portal_server.url
    page = new_page()
    page.goto(f"{url}/signin")
    for _ in range(5):
        page.fill("#identifier", "locked-newcomer@example.com")
        page.fill("#password", "wrong-password")
        page.click("#sign-in-submit")
        expect(page.locator("#form-error")).to_be_visible()
    expect(page.locator("#form-error")).to_contain_text("锁定")
    register(page, url, "新来的", "locked-newcomer@example.com", "password-newcomer")
    assert page.url.endswith("/complaints")

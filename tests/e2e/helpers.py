"""Browser steps that many journeys share."""

from playwright.sync_api import Page


def register(
    page: Page,
    base_url: str,
    name: str,
    identifier: str,
    password: str,
    role: str = "consumer",
) -> None:
    """Register through the form and wait for the landing page of the role."""
    page.goto(f"{base_url}/register")
    page.fill("#display_name", name)
    page.fill("#identifier", identifier)
    page.fill("#password", password)
    page.check(f"#role-{role}")
    page.click("#register-submit")
    page.wait_for_url(lambda url: "/register" not in url)


def sign_in(page: Page, base_url: str, identifier: str, password: str) -> None:
    """Sign in through the form and wait to leave the sign-in page."""
    page.goto(f"{base_url}/signin")
    page.fill("#identifier", identifier)
    page.fill("#password", password)
    page.click("#sign-in-submit")
    page.wait_for_url(lambda url: "/signin" not in url)


def sign_out(page: Page) -> None:
    page.click("#sign-out")
    page.wait_for_url("**/signin")

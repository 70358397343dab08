"""Getting around LineOfSight as a person would: signing in, and where the browser is."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect

DEMO_PASSWORD = "demo-password"  # exists only in the generated demo data


def path_of(page) -> str:
    return urlparse(page.url).path


def sign_in(page, visits, username: str, password: str, after_step: str):
    """Fill in and submit the sign-in form; `after_step` names the page that follows."""
    visits.goto("/sign-in", "sign-in")
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    expect(page.locator("#password")).to_have_attribute("type", "password")
    return visits.click(page.get_by_role("button", name="Sign in", exact=True), after_step)

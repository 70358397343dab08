"""Fixtures for the browser tests: the server under test, one Chromium per session, a fresh
browser context per test, and the page-visit helper.

Environment:
  E2E_BASE_URL         test an already-running server instead of starting one (started with
                       LINEOFSIGHT_TODAY the same as E2E_TODAY)
  E2E_TODAY            the server's date, YYYY-MM-DD (default 2026-12-03, see server.py)
  LINEOFSIGHT_BINARY   the server executable (default .build/debug/lineofsight)
  LOS_CHROMIUM         the browser (default /usr/bin/chromium, Debian's package)
  E2E_STARTUP_TIMEOUT  seconds to wait for /healthz (default 120)
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from server import Server
from visits import SCREENSHOT_DIR, PageVisits

CHROMIUM = os.environ.get("LOS_CHROMIUM", "/usr/bin/chromium")

_server: Server | None = None


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    external = os.environ.get("E2E_BASE_URL")
    if external:
        yield external.rstrip("/")
        return
    global _server
    _server = Server(tmp_path_factory.mktemp("server"))
    failure = None
    try:
        _server.start()
    except RuntimeError as error:
        failure = str(error)
    if failure:  # failed outside the except block, so pytest shows no chained traceback
        pytest.fail(failure, pytrace=False)
    yield _server.base_url
    _server.stop()


@pytest.fixture(scope="session", autouse=True)
def _clean_screenshots():
    # Screenshots of an earlier run would mislead whoever looks at this run's.
    if SCREENSHOT_DIR.is_dir():
        for old in SCREENSHOT_DIR.glob("*.png"):
            old.unlink()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        # Debian's Chromium: Playwright's own browser download is not reachable from here.
        # --no-sandbox because tests run as root in CI; --disable-dev-shm-usage because a small
        # /dev/shm (common in containers) makes Chromium's tabs crash.
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # A new context per test: no cookies (so no session) carried from one test to the next.
    # bypass_csp lets axe be injected whatever Content-Security-Policy the server sends.
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", timezone_id="Europe/London", bypass_csp=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def visits(page, server_url, request):
    helper = PageVisits(page, server_url, request.node.name)
    yield helper
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.passed:
        helper.assert_every_page_checked()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep the test's own outcome on the item so the visits fixture can tell pass from fail.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter, exitstatus):
    # A server that never became healthy already has its output in the error itself.
    if exitstatus != 0 and _server is not None and _server.healthy:
        terminalreporter.section("lineofsight server output (last lines)")
        terminalreporter.write_line(_server.output(80))

"""Supervision in a real browser: a team manager records a session with the worker they supervise
(a date in the future refused first), then a case discussion with an action; the discussion is on
the child's record as management oversight and the action is in the worker's My work. Every state
is axe-scanned by the `visits` helper."""

from __future__ import annotations

import datetime
from urllib.parse import urlparse

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, sign_in
from server import TODAY
from test_journey import choose, fill_date, long_date


def signed_in_name(page) -> str:
    """The signed-in person's name, as the header shows it before their role."""
    return page.locator(".app-header__user").inner_text().split(" (")[0].strip()


def test_a_supervisor_records_a_case_discussion_whose_action_reaches_the_worker_and_the_childs_record(page, visits):
    sign_in(page, visits, "social.worker", DEMO_PASSWORD, "home")
    worker = signed_in_name(page)
    visits.click(page.get_by_role("button", name="Sign out"), "signed-out")

    sign_in(page, visits, "team.manager", DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/supervision"]'), "supervision")
    expect(page.locator("h1")).to_have_text("Supervision")
    visits.click(page.get_by_role("link", name="Record a supervision session"), "supervision-new")
    page.get_by_label("Who was supervised").select_option(label=worker)
    today = TODAY
    fill_date(page, "date", today + datetime.timedelta(days=1))
    choose(page, "Kind of session", "Individual supervision")
    visits.click(page.get_by_role("button", name="Save session"), "supervision-new-errors")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Date of the session must be today or in the past")
    fill_date(page, "date", today)
    visits.click(page.get_by_role("button", name="Save session"), "supervision-session")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Session recorded")
    session_path = urlparse(page.url).path

    visits.click(page.get_by_role("link", name="Record a case discussion"), "case-discussion-form")
    child = page.get_by_label("Child discussed")
    child.select_option(index=1)
    child_name = child.locator("option:checked").inner_text().rsplit(" (", 1)[0]
    page.get_by_label("Reflection").fill("Attendance has fallen since the move; the child says they are being bullied.")
    page.get_by_label("Decision").fill("Meet the school this week and agree a plan for the bullying.")
    page.get_by_label("What needs to be done").fill("Meet the school's safeguarding lead about the bullying")
    page.get_by_label("Who will do it").select_option(label=worker)
    fill_date(page, "due", today + datetime.timedelta(days=7))
    visits.click(page.get_by_role("button", name="Save case discussion"), "supervision-session-with-discussion")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"Case discussion recorded for {child_name}")
    discussion = page.locator(".govuk-summary-card").filter(has_text=child_name)
    expect(discussion).to_contain_text("Meet the school's safeguarding lead about the bullying")

    # On the child's record: the discussion as management oversight, and the action it set.
    visits.click(discussion.get_by_role("link", name=child_name), "case-discussion")
    expect(page.locator("h1")).to_contain_text("Management oversight: case discussion")
    expect(page.locator("table").filter(has_text="Meet the school's safeguarding lead")).to_be_visible()
    child_path = "/".join(urlparse(page.url).path.split("/")[:3])
    visits.goto(f"{child_path}/chronology", "chronology-with-discussion")
    expect(page.locator("main")).to_contain_text("Management oversight: case discussion")
    visits.click(page.get_by_role("button", name="Sign out"), "signed-out-manager")

    # In the worker's My work, and the session is theirs to read.
    sign_in(page, visits, "social.worker", DEMO_PASSWORD, "home")
    visits.goto("/my-work", "my-work-with-supervision-action")
    # My work lists the worker's open actions by child and due date.
    actions = page.locator("#actions ~ table").first
    due = long_date(today + datetime.timedelta(days=7))
    expect(actions.locator("tr").filter(has_text=child_name).filter(has_text=due).first).to_be_visible()
    visits.goto(session_path, "supervision-session-as-worker")
    expect(page.locator("main")).to_contain_text("Attendance has fallen since the move")

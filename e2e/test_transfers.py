"""A case transfer in a real browser: the head of service over the duty teams requests one for a
child waiting in duty, the receiving team's manager accepts it and allocates a worker, and the
tracker's row shows both steps with their working days. Every page is axe-scanned by `visits`."""

from __future__ import annotations

import datetime

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, path_of, sign_in
from server import TODAY
from test_journey import choose, fill_date, long_date

RECEIVING_TEAM = "Safeguarding Team 1"  # the demo team manager's team


def test_a_transfer_is_requested_accepted_with_a_worker_and_tracked(page, visits):
    # The demo social worker belongs to the receiving team: the manager will allocate them.
    sign_in(page, visits, "social.worker", DEMO_PASSWORD, "home-worker")
    worker = page.locator(".app-header__user").evaluate("element => element.firstChild.textContent").strip()
    visits.click(page.get_by_role("button", name="Sign out"), "signed-out-worker")

    sign_in(page, visits, "head.of.service", DEMO_PASSWORD, "home-head-of-service")
    visits.click(page.locator('nav a[href="/transfers"]'), "tracker")
    waiting = page.locator("table").filter(has_text="Should have moved since").locator("tbody tr").filter(has_text="Duty and Assessment")
    expect(waiting.first).to_be_visible()
    name = waiting.first.get_by_role("link").inner_text().strip()
    team = waiting.first.locator("td").nth(1).inner_text().strip()
    visits.click(waiting.first.get_by_role("link"), "child")
    child_path = path_of(page)

    visits.click(page.get_by_role("link", name="Record a transfer"), "transfer-form")
    today = TODAY
    fill_date(page, "requested", today)
    page.get_by_label("Team the case moves from").select_option(label=team)
    page.get_by_label("Team the case moves to").select_option(label=team)
    page.get_by_label("Why the case is moving").fill("Assessment authorised with a child in need plan")
    response = visits.click(page.get_by_role("button", name="Save"), "transfer-form-errors")
    assert response.status == 422
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Select a team other than the one the case moves from")).to_have_attribute("href", "#toTeam")
    page.get_by_label("Team the case moves to").select_option(label=RECEIVING_TEAM)
    visits.click(page.get_by_role("button", name="Save"), "transfer-requested")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Transfer to another team recorded")
    visits.click(page.get_by_role("button", name="Sign out"), "signed-out-head-of-service")

    # The receiving manager finds it on the tracker, accepts it and allocates the worker.
    sign_in(page, visits, "team.manager", DEMO_PASSWORD, "home-team-manager")
    visits.goto("/transfers?state=awaitingDecision", "tracker-awaiting")
    row = page.locator("table tbody tr").filter(has_text=name).first
    visits.click(row.get_by_role("link", name="Awaiting decision"), "transfer")
    visits.click(page.get_by_role("link", name="Accept or reject this transfer"), "decision-form")
    choose(page, "Decision", "Accept the transfer")
    fill_date(page, "decided", today)
    page.get_by_label("Worker in your team").select_option(label=worker)
    visits.click(page.get_by_role("button", name="Save"), "transfer-accepted")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Decision on the transfer recorded")

    visits.goto("/transfers", "tracker-after")
    row = page.locator("table tbody tr").filter(has_text=name).first
    expect(row).to_contain_text(f"Accepted on {long_date(today)}")
    expect(row).to_contain_text("Accepted, awaiting first visit")
    cells = row.locator("td")
    # Requested and accepted today, the worker allocated the same day: 0 working days at each step.
    expect(cells.nth(7)).to_have_text("0 working days")
    expect(cells.nth(8)).to_have_text("Within standard")
    expect(cells.nth(9)).to_have_text(long_date(today))
    expect(cells.nth(10)).to_have_text("0 working days")

    visits.goto(child_path, "child-after")
    expect(page.locator("main")).to_contain_text(RECEIVING_TEAM)
    expect(page.locator("main")).to_contain_text(worker)

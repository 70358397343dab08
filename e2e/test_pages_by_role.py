"""Every kind of page, as the roles that use it see it, including forms showing their errors.

Each page is screenshotted and axe-scanned by the `visits` helper, so the whole service, not only
the team manager's path, is held to WCAG 2.2 AA.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, path_of, sign_in


def first_link(page, pattern: str):
    link = page.locator(f'main table a[href^="{pattern}"]').first
    expect(link).to_be_visible()
    return link


def test_team_manager_sees_teams_staff_and_allocation(page, visits):
    sign_in(page, visits, "team.manager", DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/teams"]'), "teams")
    visits.click(first_link(page, "/teams/"), "team")
    expect(page.locator("table.govuk-table caption")).to_contain_text("Members")
    visits.click(page.locator('nav a[href="/staff"]'), "staff")
    visits.click(first_link(page, "/staff/"), "staff-member")
    expect(page.locator("dl.govuk-summary-list")).to_contain_text("Full-time equivalent")

    visits.goto("/children?unallocated=yes", "unallocated-children")
    visits.click(first_link(page, "/children/"), "child")
    visits.click(page.get_by_role("link", name="Change allocation"), "allocate")
    page.locator("#start-date-day").fill("31")
    page.locator("#start-date-month").fill("2")
    page.locator("#start-date-year").fill("2026")
    response = visits.click(page.get_by_role("button", name="Save allocation"), "allocate-errors")
    assert response.status == 422
    expect(page.locator(".govuk-error-summary")).to_contain_text("Start date must be a real date")


def test_social_worker_sees_their_own_work(page, visits):
    sign_in(page, visits, "social.worker", DEMO_PASSWORD, "my-work")
    expect(page.locator("h1")).to_have_text("My work")
    caption = page.locator("table.govuk-table caption").first
    expect(caption).to_contain_text("Children allocated to you")
    count = int(re.search(r"\((\d+)\)", caption.inner_text()).group(1))
    assert 10 <= count <= 30, f"the demo social worker holds {count} children"
    visits.goto("/children/new", "add-child")
    response = visits.click(page.get_by_role("button", name="Save"), "add-child-errors")
    assert response.status == 422
    expect(page.locator(".govuk-error-summary a")).to_have_count(6)


def test_administrator_manages_users_grants_teams_and_reads_access_history(page, visits):
    sign_in(page, visits, "admin", DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/admin/users"]'), "users")
    visits.click(page.get_by_role("link", name="Add a user"), "add-user")
    page.locator("#username").fill("new user!")
    page.locator("#role").select_option("social_worker")
    response = visits.click(page.get_by_role("button", name="Create user"), "add-user-errors")
    assert response.status == 422
    expect(page.locator("#staff-error")).to_be_visible()

    visits.goto("/admin/users", "users-again")
    visits.click(page.get_by_role("link", name="analyst", exact=True), "user")
    expect(page.locator("main")).to_contain_text("People issue their own tokens")

    visits.click(page.locator('nav a[href="/admin/grants"]'), "grants")
    response = visits.click(page.get_by_role("button", name="Give access"), "grants-errors")
    assert response.status == 422

    visits.click(page.locator('nav a[href="/admin/access-history"]'), "access-history")
    page.locator("#child").fill("C100001")
    visits.click(page.get_by_role("button", name="Show history"), "access-history-child")
    expect(page.locator("dl.govuk-summary-list")).to_contain_text("C100001")

    visits.goto("/teams", "teams")
    visits.click(page.get_by_role("link", name="Add a team"), "add-team")
    response = visits.click(page.get_by_role("button", name="Save team"), "add-team-errors")
    assert response.status == 422
    assert path_of(page) == "/admin/teams/new"


def test_analyst_issues_their_own_api_token_shown_once(page, visits):
    sign_in(page, visits, "analyst", DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/account/tokens"]'), "tokens")
    response = visits.click(page.get_by_role("button", name="Issue token"), "tokens-errors")
    assert response.status == 422
    page.locator("#token-name").fill("Power BI")
    visits.click(page.get_by_role("button", name="Issue token"), "token-issued")
    expect(page.locator("#new-token")).to_have_text(re.compile(r"^los_"))
    visits.goto("/account/tokens", "tokens-after-reload")
    expect(page.locator("#new-token")).to_have_count(0)
    expect(page.locator("main table")).to_contain_text("Power BI")


def test_board_member_sees_numbers_and_no_child(page, visits):
    sign_in(page, visits, "board", DEMO_PASSWORD, "home")
    expect(page.locator(".app-card").first).to_be_visible()
    expect(page.locator('a[href^="/children"]')).to_have_count(0)
    response = visits.goto("/children", "children-refused")
    assert response.status == 403

"""The permanence tracker in a real browser: a director filters it to a team, opens the child
most at risk of drift, records a permanence panel's decision and the action it sets, and sees the
tracker row and the action follow. Every state is axe-scanned by the `visits` helper."""

from __future__ import annotations

import datetime
from urllib.parse import urlparse

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, sign_in
from server import TODAY
from test_journey import choose, fill_date, long_date


def test_a_director_records_a_panel_decision_with_an_action_from_the_tracker(page, visits):
    sign_in(page, visits, "director", DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/children-in-care"]'), "children-in-care")
    visits.click(page.get_by_role("link", name="Permanence"), "permanence")
    expect(page.locator("h1")).to_have_text("Permanence")
    page.get_by_label("Team").select_option(label="Children in Care Team")
    visits.click(page.get_by_role("button", name="Show"), "permanence-team")
    tracker = urlparse(page.url)
    first = page.locator("table tbody tr").first
    expect(first).to_be_visible()
    name = first.locator("td").first.inner_text()
    visits.click(first.get_by_role("link", name=name), "permanence-child")
    child_path = urlparse(page.url).path

    visits.click(page.get_by_role("link", name="Record a permanence decision"), "permanence-decision-form")
    decided = TODAY
    fill_date(page, "date", decided)
    choose(page, "Who made it", "Permanence panel")
    page.get_by_label("The decision").fill("Long-term fostering with the current carers; match to the fostering panel next month.")
    visits.click(page.get_by_role("button", name="Save"), "permanence-decision-recorded")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Permanence decision recorded")
    decision_path = urlparse(page.url).path

    visits.click(page.get_by_role("link", name="Record an action it sets"), "action-form")
    page.get_by_label("What needs to be done").fill("Prepare the match report for the fostering panel")
    page.get_by_label("Who will do it").select_option(index=1)
    fill_date(page, "raised", decided)
    fill_date(page, "due", decided + datetime.timedelta(days=21))
    visits.click(page.get_by_role("button", name="Save"), "action-recorded")

    visits.goto(decision_path, "permanence-decision-with-action")
    actions = page.locator("table").filter(has_text="Prepare the match report for the fostering panel")
    expect(actions).to_contain_text(long_date(decided + datetime.timedelta(days=21)))

    visits.goto(f"{tracker.path}?{tracker.query}", "permanence-after")
    row = page.locator("table tbody tr").filter(has=page.locator(f'a[href="{child_path}"]'))
    expect(row).to_contain_text(f"Permanence panel, {long_date(decided)}")


def test_a_director_prepares_a_panel_pack_and_records_the_panels_decisions_in_one_form(page, visits):
    sign_in(page, visits, "director", DEMO_PASSWORD, "home")
    visits.goto("/permanence", "permanence")
    page.get_by_label("Team").select_option(label="Children in Care Team")
    visits.click(page.get_by_role("button", name="Show"), "permanence-team")
    tracker = urlparse(page.url)
    visits.click(page.get_by_role("link", name="Prepare a panel pack from these children"), "panel-pack-choose")
    expect(page.locator("p").filter(has_text="From the permanence tracker")).to_contain_text("team Children in Care Team")

    visits.click(page.get_by_role("button", name="Prepare the pack"), "panel-pack-choose-errors")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the meeting")
    choose(page, "Which meeting is it for?", "Permanence panel")
    held = TODAY
    fill_date(page, "date", held)
    choose(page, "Which children?", "The children I select")
    first = page.get_by_role("group", name="Select the children").locator("input[type=checkbox]").first
    label = page.locator(f'label[for="{first.get_attribute("id")}"]').inner_text()
    name = label.rsplit(" (", 1)[0]
    first.check()
    visits.click(page.get_by_role("button", name="Prepare the pack"), "panel-pack")
    expect(page.locator("h1")).to_contain_text("Permanence panel")
    expect(page.locator("section h2")).to_have_text([name])
    expect(page.locator("section")).to_contain_text("Decisions needed")

    visits.click(page.get_by_role("link", name="Record the meeting’s decisions for these children"), "panel-decisions-form")
    expect(page.locator("legend h2")).to_have_text([name])
    page.get_by_label("The decision").fill("Long-term fostering with the current carers; match at the fostering panel.")
    page.get_by_label("What needs to be done").fill("Prepare the match report for the fostering panel")
    page.get_by_label("Who will do it").select_option(index=1)
    due = held + datetime.timedelta(days=21)
    page.locator("[id$='-due-day']").fill(str(due.day))
    page.locator("[id$='-due-month']").fill(str(due.month))
    page.locator("[id$='-due-year']").fill(str(due.year))
    visits.click(page.get_by_role("button", name="Save the decisions"), "panel-decisions-recorded")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The permanence panel’s decisions are recorded for 1 child")

    visits.goto(f"{tracker.path}?{tracker.query}", "permanence-after-panel")
    row = page.locator("table tbody tr").filter(has=page.get_by_role("link", name=name, exact=True))
    expect(row).to_contain_text(f"Permanence panel, {long_date(held)}")

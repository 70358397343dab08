"""Recording a child's journey in a real browser: the obligations each event starts or meets
appear at once on the child's page and in My work. Every page and form state is axe-scanned by
the `visits` helper."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlparse

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, sign_in
from server import TODAY

SOCIAL_WORKER = "social.worker"


def fill_date(page, field: str, day: datetime.date) -> None:
    page.locator(f"#{field}-day").fill(str(day.day))
    page.locator(f"#{field}-month").fill(str(day.month))
    page.locator(f"#{field}-year").fill(str(day.year))


def choose(page, question: str, answer: str) -> None:
    """Answer a radios question; its own answers only, not those of a question revealed inside it."""
    group = page.get_by_role("group", name=question, exact=True)
    group.locator(":scope > .govuk-radios > .govuk-radios__item").get_by_label(answer, exact=True).check()


def open_child_with(page, visits, rule_title: str) -> None:
    """From My work, open a child with `rule_title` open."""
    visits.goto("/my-work", "my-work")
    row = page.locator("table tbody tr").filter(has_text=rule_title).first
    expect(row).to_be_visible()
    visits.click(row.get_by_role("link"), "child")


def test_a_visit_with_the_child_seen_alone_meets_the_visit_that_was_due(page, visits):
    sign_in(page, visits, SOCIAL_WORKER, DEMO_PASSWORD, "home")
    open_child_with(page, visits, "Child protection visit")
    due = page.locator("table").filter(has_text="Due and overdue").locator("tr").filter(has_text="Child protection visit")
    expect(due).to_have_count(1)
    visits.click(page.get_by_role("link", name="Record a visit"), "visit-form")

    # Submitted empty: every problem in the error summary, each linked to its field.
    response = visits.click(page.get_by_role("button", name="Save"), "visit-form-errors")
    assert response.status == 422
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the date of the visit")
    expect(summary.get_by_role("link", name="Select yes if the child was seen")).to_have_attribute("href", "#seen")

    fill_date(page, "date", TODAY)
    choose(page, "Was the visit planned?", "Unannounced")
    choose(page, "Where the visit took place", "At home")
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    page.get_by_label("The child’s views, wishes and feelings").fill("I feel safer now Dad has moved out.")
    visits.click(page.get_by_role("button", name="Save"), "visit-recorded")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Visit recorded")
    met = page.locator("table").filter(has_text="Timescales this met")
    expect(met.locator("tr").filter(has_text="Child protection visit").locator(".govuk-tag")).to_have_text(re.compile(r"^Met( late)?$"))
    started = page.locator("table").filter(has_text="Timescales this started")
    expect(started).to_contain_text("Child protection visit")

    # What the child said is on their page and, with every other view, on the voice of the child page.
    visits.click(page.get_by_role("link", name="Back"), "child-after-visit")
    expect(page.locator(".govuk-inset-text").first).to_contain_text("I feel safer now Dad has moved out.")
    visits.click(page.get_by_role("link", name=re.compile(r"^(All \d+ views, wishes and feelings|The voice of the child on one page)")), "voice-of-the-child")
    expect(page.locator("h1")).to_have_text("Voice of the child")
    expect(page.locator(".govuk-inset-text").first).to_contain_text("I feel safer now Dad has moved out.")


def test_a_strategy_discussion_that_starts_enquiries_puts_the_conference_on_the_childs_page_and_in_my_work(page, visits):
    sign_in(page, visits, SOCIAL_WORKER, DEMO_PASSWORD, "home")
    open_child_with(page, visits, "Child in need visit")
    child_path = page.url
    child_name = page.locator("h1").inner_text()
    visits.click(page.get_by_role("link", name="Record a strategy discussion"), "strategy-form")
    # Ten days ago, so the conference falls due within the next ten working days that My work shows.
    fill_date(page, "date", TODAY - datetime.timedelta(days=10))
    page.get_by_label("Police", exact=True).check()
    page.get_by_label("Health", exact=True).check()
    choose(page, "Were section 47 enquiries started?", "Yes")
    page.get_by_label("Why this was decided").fill("Disclosure of physical harm at school.")
    visits.click(page.get_by_role("button", name="Save"), "strategy-recorded")
    expect(page.locator("table").filter(has_text="Timescales this started")).to_contain_text("Initial child protection conference")

    visits.goto(urlparse(child_path).path, "child-after")
    row = page.locator("table").filter(has_text="Due and overdue").locator("tr").filter(has_text="Initial child protection conference")
    expect(row).to_have_count(1)
    due = row.locator("td").nth(1).inner_text().strip()
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", due), due
    row.locator("summary").click()
    expect(row).to_contain_text("15 working days after the strategy discussion on")

    visits.goto("/my-work", "my-work-after")
    mine = page.locator("table tbody tr").filter(has_text=child_name).filter(has_text="Initial child protection conference")
    expect(mine).to_have_count(1)
    expect(mine).to_contain_text(due)


def test_the_chronology_prints_without_navigation(page, visits):
    sign_in(page, visits, SOCIAL_WORKER, DEMO_PASSWORD, "home")
    # Every child on a child protection plan came through a referral, so its chronology has one
    # (a visit it may not have: a case just transferred awaits the new team's first).
    open_child_with(page, visits, "Child protection visit")
    visits.click(page.get_by_role("link", name="The child’s full chronology"), "chronology")
    expect(page.locator("table")).to_contain_text("Referral")
    page.get_by_label("Only significant events").check()
    visits.click(page.get_by_role("button", name="Show"), "chronology-significant")
    visits.click(page.get_by_role("link", name="Print view"), "chronology-print")
    expect(page.locator("nav")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    expect(page.locator("h1")).to_have_text("Chronology")


def test_a_team_manager_authorises_a_contact_decision(page, visits):
    sign_in(page, visits, "team.manager", DEMO_PASSWORD, "home")
    visits.goto("/my-work", "my-work-manager")
    step = page.get_by_role("link", name="Authorise the next step (contact)").first
    expect(step).to_be_visible()
    visits.click(step, "contact-decision")
    expect(page.locator("h1")).to_contain_text("Authorise the next step")
    # What the worker recorded is shown above the manager's questions.
    expect(page.locator(".govuk-summary-list")).to_contain_text("Who made the contact")

    response = visits.click(page.get_by_role("button", name="Save"), "contact-decision-errors")
    assert response.status == 422
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Select the next step you authorised")).to_have_attribute("href", "#outcome")

    fill_date(page, "decided", TODAY)
    choose(page, "Next step authorised", "Advice and information")
    page.get_by_label("Why this next step").fill("Parents accepted advice; the school will keep monitoring attendance.")
    visits.click(page.get_by_role("button", name="Save"), "contact-decided")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Next step for the contact authorised")
    met = page.locator("table").filter(has_text="Timescales this met")
    expect(met.locator("tr").filter(has_text="Contact decision").locator(".govuk-tag")).to_have_text(re.compile(r"^Met( late)?$"))
    # The person who made the contact is told next (unless it was anonymous).
    started = page.locator("table").filter(has_text="Timescales this started")
    told = page.get_by_role("link", name="Record that they were told the outcome")
    assert told.count() == 1 or page.get_by_text("Anonymous").count() == 1
    if told.count() == 1:
        expect(started).to_contain_text("Person who made the contact told the outcome")


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def test_a_worker_records_a_child_becoming_looked_after_then_a_move(page, visits):
    sign_in(page, visits, SOCIAL_WORKER, DEMO_PASSWORD, "home")
    open_child_with(page, visits, "Child in need visit")
    child_path = urlparse(page.url).path
    visits.click(page.get_by_role("link", name="Record a child becoming looked after"), "looked-after-form")
    entered = TODAY - datetime.timedelta(days=3)
    fill_date(page, "start", entered)
    page.get_by_label("Legal status").select_option("C1")
    choose(page, "Category of need", "Abuse or neglect")
    page.get_by_label("Type of placement").select_option("U6")
    choose(page, "Who provides the placement", "The council’s own provision")
    page.get_by_label("Who the child lives with").fill("Mr and Mrs Lane")
    visits.click(page.get_by_role("button", name="Save"), "looked-after-recorded")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Became looked after recorded")
    started = page.locator("table").filter(has_text="Timescales this started")
    for title in ["First looked-after review", "Initial health assessment", "Visit within a week of a placement starting"]:
        expect(started).to_contain_text(title)

    visits.goto(child_path, "child-looked-after")
    due = page.locator("table").filter(has_text="Due and overdue")
    for title in ["First looked-after review", "Initial health assessment", "Personal education plan initiated",
                  "Visit within a week of a placement starting"]:
        expect(due.locator("tr").filter(has_text=title).first).to_be_visible()
    first_week = due.locator("tr").filter(has_text="Visit within a week of a placement starting")
    expect(first_week).to_contain_text(long_date(entered + datetime.timedelta(days=7)))

    # A move two days later: the new placement has its own first-week visit.
    visits.click(page.get_by_role("link", name="Record a change of placement"), "placement-form")
    moved = entered + datetime.timedelta(days=2)
    fill_date(page, "start", moved)
    page.get_by_label("Why the previous placement ended").select_option("CREQO")
    page.get_by_label("Type of placement").select_option("U4")
    visits.click(page.get_by_role("button", name="Save"), "placement-recorded")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Change of placement recorded")
    expect(page.locator("table").filter(has_text="Timescales this started")).to_contain_text("Visit within a week of a placement starting")
    visits.goto(child_path, "child-after-move")
    first_week = page.locator("table").filter(has_text="Due and overdue").locator("tr").filter(has_text="Visit within a week of a placement starting")
    expect(first_week.filter(has_text=long_date(moved + datetime.timedelta(days=7)))).to_have_count(1)

"""The lists of children in care, reviews due, missing episodes and care leavers in a real browser:
filters narrow them without JavaScript, and every state is axe-scanned by the `visits` helper."""

from __future__ import annotations

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, sign_in


def test_a_reviewing_officer_sees_the_reviews_they_chair_and_the_children_in_care(page, visits):
    sign_in(page, visits, "iro", DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/children-in-care"]'), "children-in-care")
    expect(page.locator("h1")).to_have_text("Children in care")
    rows = page.locator("table tbody tr")
    expect(rows.first).to_be_visible()

    page.get_by_label("Legal status").select_option("C2")
    page.get_by_label("Where placed").select_option("out")
    visits.click(page.get_by_role("button", name="Show"), "children-in-care-filtered")
    for cell in page.locator("table tbody tr td:nth-child(3)").all():
        expect(cell).to_have_text("Full care order")

    visits.click(page.get_by_role("link", name="Reviews due"), "reviews-due")
    chair = page.get_by_label("Chaired by")
    expect(chair.locator("option:checked")).not_to_have_text("Any reviewing officer")
    expect(rows.first).to_be_visible()

    visits.click(page.get_by_role("link", name="Missing and away"), "missing")
    page.get_by_label("Went missing in the").select_option("12")
    visits.click(page.get_by_role("button", name="Show"), "missing-12-months")
    expect(page.locator("table")).to_contain_text("Return home interview")

    visits.click(page.get_by_role("link", name="Care leavers"), "care-leavers")
    expect(page.locator("table")).to_contain_text("Latest pathway plan")

"""A team manager's everyday path through LineOfSight, in a real browser.

Written against the HTML contract of the foundation issue (GOV.UK Design System patterns, no
JavaScript). Every page visited is screenshotted and axe-scanned by the `visits` helper.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, path_of, sign_in

TEAM_MANAGER = "team.manager"
UPN_KEY = "Unique pupil number (UPN)"

# DfE Unique Pupil Number: 13 characters, a check letter then 3-digit LA number, 4-digit DfE
# establishment number, 2-digit year of allocation and 3-digit serial. The check letter is
# sum(value of character i * i for i in positions 2..13) mod 23, indexed into this alphabet
# (A–Z without I, O and S). A digit's value is the digit; a letter (allowed only in position 13,
# for temporary UPNs) is worth its index in the same alphabet.
UPN_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ"
UPN_PATTERN = re.compile(r"[A-Z]\d{11}[0-9A-Z]")


def upn_check_letter(last_twelve: str) -> str:
    total = 0
    for position, char in enumerate(last_twelve, start=2):
        value = int(char) if char.isdigit() else UPN_ALPHABET.index(char)
        total += value * position
    return UPN_ALPHABET[total % 23]


def make_upn(la: str, establishment: str, year: str, serial: str) -> str:
    rest = f"{la}{establishment}{year}{serial}"
    assert len(rest) == 12 and rest.isdigit()
    return upn_check_letter(rest) + rest


def test_upn_check_letter():
    # Pins the algorithm above independently of the server's implementation.
    assert make_upn("801", "2000", "05", "001") == "B801200005001"  # a published valid example
    assert upn_check_letter("000000000000") == "A"
    assert upn_check_letter("000000000001") == "P"  # 1 * 13 = 13 -> P
    # Temporary UPN: letter 'A' (worth 0) replaces the final '1' (worth 1 * 13): 1 - 13 = 11 mod 23 -> M
    assert upn_check_letter("80120000500A") == "M"


def summary_value(page, key: str) -> str:
    """The value cell of the summary-list row whose key is `key`."""
    row = page.locator("dl.govuk-summary-list div").filter(
        has=page.locator("dt", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$"))
    )
    expect(row).to_have_count(1)
    return row.locator("dd").first.inner_text().strip()


def new_upn_for(current: str) -> str:
    """A valid UPN different from `current`, in the child's own local authority when known.

    Establishment 9990 is not a real school's number, so it should not collide with another
    demo child's UPN.
    """
    la = current[1:4] if UPN_PATTERN.fullmatch(current) else "800"
    for serial in ("001", "002"):
        upn = make_upn(la, "9990", "24", serial)
        if upn != current:
            return upn
    raise AssertionError("unreachable")


def test_team_manager_finds_and_edits_a_child(page, visits):
    # Sign in: home page with the user in the header and a way out.
    sign_in(page, visits, TEAM_MANAGER, DEMO_PASSWORD, "home")
    assert path_of(page) == "/"
    expect(page.locator("header").get_by_role("button", name="Sign out")).to_be_visible()

    # Children list, through the primary navigation.
    visits.click(page.locator('a[href="/children"]', has_text="Children").first, "children")
    assert path_of(page) == "/children"
    first_child = page.locator('table.govuk-table a[href*="/children/"]').first
    expect(first_child).to_be_visible()
    child_href = first_child.get_attribute("href")
    child_path = urlparse(child_href).path
    assert re.fullmatch(r"/children/[^/]+", child_path), child_href
    listed_name = first_child.inner_text().strip()
    # The list may show "Surname, First"; search by one word of the name as a person would.
    name_words = [w for w in re.split(r"[\s,]+", listed_name) if w]
    assert name_words, "a child in the list has an empty name"
    search_term = name_words[-1]

    # Search finds the child.
    page.locator("#q").fill(search_term)
    visits.click(page.get_by_role("button", name="Search", exact=True), "search-results")
    assert path_of(page) == "/children"
    assert re.search(r"[?&]q=", page.url), page.url
    result = page.locator(f'table.govuk-table a[href="{child_href}"]')
    expect(result).to_have_count(1)

    # The child's page.
    visits.click(result, "child")
    assert path_of(page) == child_path
    heading = page.locator("h1").inner_text()
    for word in name_words:
        assert word in heading, f"h1 {heading!r} does not name {listed_name!r}"
    original_upn = summary_value(page, UPN_KEY)

    # Edit with a malformed UPN: a well-formed UPN with the wrong check letter.
    visits.click(page.get_by_role("link", name="Change details", exact=True), "edit")
    assert path_of(page) == f"{child_path}/edit"
    for field in ("first-name", "last-name", "upn", "nhs-number",
                  "date-of-birth-day", "date-of-birth-month", "date-of-birth-year"):
        expect(page.locator(f"#{field}")).to_be_visible()
    # The form starts from the saved UPN; a child without one shows "Not recorded" and an empty field.
    expect(page.locator("#upn")).to_have_value(original_upn if UPN_PATTERN.fullmatch(original_upn) else "")
    good_upn = new_upn_for(original_upn)
    wrong_letter = UPN_ALPHABET[(UPN_ALPHABET.index(good_upn[0]) + 1) % 23]
    bad_upn = wrong_letter + good_upn[1:]
    page.locator("#upn").fill(bad_upn)
    response = visits.click(page.get_by_role("button", name="Save", exact=True), "edit-error")
    assert response is not None and response.status == 422, f"invalid UPN answered {response and response.status}, not 422"

    error_summary = page.locator(".govuk-error-summary")
    expect(error_summary).to_be_visible()
    summary_link = error_summary.locator('a[href="#upn"]')
    expect(summary_link).to_have_count(1)
    error_message = page.locator("p#upn-error.govuk-error-message")
    expect(error_message).to_be_visible()
    expect(error_message).not_to_have_text("")
    # "Next to the field": the message and the input share a parent (the form group).
    expect(error_message.locator("xpath=..").locator("#upn")).to_have_count(1)
    # ... and a screen reader announces it with the field.
    expect(page.locator("#upn")).to_have_attribute("aria-describedby", re.compile(r"(^|\s)upn-error(\s|$)"))
    # What the user typed is kept, so they can correct it rather than retype it.
    expect(page.locator("#upn")).to_have_value(bad_upn)
    # The summary's link takes the user to the field.
    summary_link.click()
    assert page.url.endswith("#upn"), page.url

    # Nothing was saved.
    visits.goto(child_path, "child-unchanged")
    assert summary_value(page, UPN_KEY) == original_upn

    # Fix it: saved, confirmed, shown.
    visits.click(page.get_by_role("link", name="Change details", exact=True), "edit-again")
    page.locator("#upn").fill(good_upn)
    visits.click(page.get_by_role("button", name="Save", exact=True), "child-saved")
    assert path_of(page) == child_path
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Child\u2019s details saved")
    assert summary_value(page, UPN_KEY) == good_upn

    # Sign out: back at sign-in, and the session is really gone.
    visits.click(page.get_by_role("button", name="Sign out"), "signed-out")
    assert path_of(page) == "/sign-in"
    expect(page.locator("main")).to_contain_text("You have signed out")
    visits.goto("/children", "children-after-sign-out")
    assert path_of(page) == "/sign-in"


def test_wrong_password_shows_an_error(page, visits):
    sign_in(page, visits, TEAM_MANAGER, "not-the-password", "sign-in-error")
    assert path_of(page) == "/sign-in"
    error_summary = page.locator(".govuk-error-summary")
    expect(error_summary).to_be_visible()
    expect(error_summary).to_contain_text("Enter a correct username and password")


def test_children_needs_sign_in(page, visits):
    visits.goto("/children", "redirected")
    assert path_of(page) == "/sign-in"
    expect(page.locator("#username")).to_be_visible()

"""An SSDA903 return checked and imported in a real browser: the performance analyst finds the
page from the menu, is told what is missing, uploads a return with a fault, reads the finding
under its rule, downloads the findings and imports the return. Every page is axe-scanned by
`visits`."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from navigation import DEMO_PASSWORD, sign_in
from test_journey import choose

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
# axe rules a page may break while an import runs (see accessibility.assert_accessible).
RUNNING = ("meta-refresh",)


def test_an_analyst_checks_a_return_downloads_its_findings_and_imports_it(page, visits, tmp_path):
    sign_in(page, visits, "analyst", DEMO_PASSWORD, "home-analyst")
    visits.click(page.locator('nav a[href="/returns/ssda903"]'), "check-form")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check an SSDA903 return")

    # Sent with nothing chosen: each problem next to its field, linked from the summary.
    response = visits.click(page.get_by_role("button", name="Check the return"), "check-form-errors")
    assert response.status == 422
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name=re.compile("^Select the return"))).to_have_attribute("href", "#files")
    expect(summary.get_by_role("link", name="Select the year the return is for")).to_have_attribute("href", "#year")

    # A file that is not a return is named at the field.
    notes = tmp_path / "notes.csv"
    notes.write_text("name,colour\nsam,blue\n", encoding="utf-8")
    page.set_input_files("#files", [str(notes)])
    choose(page, "Which year is the return for?", "2025 to 2026 (1 April 2025 to 31 March 2026)")
    response = visits.click(page.get_by_role("button", name="Check the return"), "check-form-not-a-return")
    assert response.status == 422
    expect(page.locator("#files-error")).to_contain_text("notes.csv")

    # A Header table whose second child has a sex no year allows.
    header = tmp_path / "header.csv"
    header.write_text(HEADER + "900001,M,01/01/2015,WBRI,UN1,,\n900002,Q,02/02/2016,WBRI,UN1,,\n", encoding="utf-8")
    page.set_input_files("#files", [str(header)])
    choose(page, "Which year is the return for?", "2025 to 2026 (1 April 2025 to 31 March 2026)")
    visits.click(page.get_by_role("button", name="Check the return"), "report")
    expect(page.get_by_role("heading", level=1)).to_contain_text("SSDA903 return for 2025 to 2026")
    group = page.locator("details.govuk-details").filter(has_text="900002").first
    group.locator("summary").click()
    row = group.locator("tbody tr").filter(has_text="900002")
    expect(row).to_contain_text("header.csv")
    expect(row.locator("td").nth(2)).to_have_text("3")  # the header row is line 1
    visits.check("report-rule-open")

    # The findings as CSV, every row with the rule's message and the DfE tool's row index.
    href = page.get_by_role("link", name="Download the findings as CSV").get_attribute("href")
    csv = page.request.get(visits.base_url + href)
    assert csv.ok
    lines = csv.text().splitlines()
    assert lines[0] == "rule_code,message,child_id,table,row_index"
    assert any(line.endswith(",900002,Header,1") for line in lines[1:]), lines

    # The import runs as a job: the browser is sent to its page, which says how far it has got
    # and reloads itself until it has finished. While it runs the page says it reloads and links
    # to stopping it, which axe's meta-refresh rule cannot see (see accessibility.py).
    visits.click(page.get_by_role("button", name="Import the return"), "import-started", excused=RUNNING)
    assert re.search(r"/returns/ssda903/[0-9A-Fa-f-]+/import$", page.url), page.url
    for _ in range(60):
        if page.locator(".govuk-panel, .govuk-notification-banner").count() > 0:
            break
        with page.expect_navigation(timeout=15_000):
            pass  # the page's own reload
        visits.check("import-progress", excused=RUNNING)
    visits.check("imported")  # finished: no reload, nothing excused
    expect(page.get_by_role("status")).to_contain_text("Return imported")
    expect(page.locator('meta[http-equiv="refresh"]')).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Children: 2 added")

    # The report says it was imported and offers to import it again.
    visits.click(page.get_by_role("link", name="Back to the return’s findings"), "report-imported")
    expect(page.locator("main")).to_contain_text("Imported by")

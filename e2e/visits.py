"""The page-visit helper every browser test goes through.

After each navigation it saves a full-page screenshot to e2e/screenshots/<test>-<NN>-<step>.png
and runs the axe scan, so no page a test visits escapes either. As a safety net it counts the
documents the page loaded and, at the end of a passing test, fails if any of them was never
checked (a navigation that bypassed this helper).
"""

from __future__ import annotations

import re
from pathlib import Path

from accessibility import assert_accessible

SCREENSHOT_DIR = Path(__file__).resolve().parent / "screenshots"


class PageVisits:
    def __init__(self, page, base_url: str, test_name: str):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.test_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
        self.step_number = 0
        self.documents_loaded = 0
        self.documents_checked = 0
        page.on("load", self._on_load)

    def _on_load(self, page) -> None:
        if not page.url.startswith("about:"):
            self.documents_loaded += 1

    def goto(self, path: str, step: str):
        """Open a path of the server under test, then check the page. Returns the Response."""
        response = self.page.goto(self.base_url + path)
        self.check(step)
        return response

    def click(self, locator, step: str, excused: tuple[str, ...] = ()):
        """Click something that loads a new page (a link, a form's button), then check the page.

        Returns the Response of the final document, so a test can assert e.g. a 422 status.
        """
        with self.page.expect_navigation() as navigation:
            locator.click()
        self.check(step, excused)
        return navigation.value

    def check(self, step: str, excused: tuple[str, ...] = ()) -> None:
        """Screenshot and axe-scan the page as it is now. `excused` names axe rules a page may
        break for a reason its test states (see accessibility.assert_accessible)."""
        self.page.wait_for_load_state("load")
        self.step_number += 1
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        name = f"{self.test_name}-{self.step_number:02d}-{step}.png"
        self.page.screenshot(path=str(SCREENSHOT_DIR / name), full_page=True)
        # axe injects a global `axe` into the document; its absence marks a document not yet
        # checked, which keeps the count right when one document is checked twice.
        first_check = not self.page.evaluate("() => typeof window.axe !== 'undefined'")
        assert_accessible(self.page, f"step '{step}'", excused)
        if first_check:
            self.documents_checked += 1

    def assert_every_page_checked(self) -> None:
        assert self.documents_loaded <= self.documents_checked, (
            f"{self.documents_loaded - self.documents_checked} page(s) were loaded but never "
            "screenshotted and scanned: navigate with visits.goto/click, or call visits.check"
        )

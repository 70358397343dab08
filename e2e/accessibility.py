"""axe-core scans for the browser tests.

Every page a test visits must have zero violations at WCAG 2.2 A/AA (issue 2, item 9).
axe-core comes bundled in axe-playwright-python (pinned in requirements.txt), so no network is
needed; the version check below stops an old bundle (without the WCAG 2.2 rules) from passing
quietly.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added only AA-level rules to axe's tags).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# 4.10 is the first axe-core with the WCAG 2.2 rules this project relies on.
MIN_AXE_VERSION = (4, 10)

_axe = Axe()


def check_axe_version(version: str) -> None:
    parts = version.split(".")
    if parts[0] != "4" or len(parts) < 2 or not parts[1].isdigit():
        pytest.fail(f"axe-core {version} is not a 4.x release")
    if (4, int(parts[1])) < MIN_AXE_VERSION:
        pytest.fail(f"axe-core {version} is older than {MIN_AXE_VERSION[0]}.{MIN_AXE_VERSION[1]}")


def axe_violations(page) -> list[dict]:
    """Run axe on the page as it is now; return its violations after checking its version."""
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    check_axe_version(results.response["testEngine"]["version"])
    return results.response["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}")
        for node in v["nodes"]:
            # A target is a list of selectors (more than one when inside iframes or shadow DOM).
            lines.append("    at " + " >> ".join(str(t) for t in node["target"]))
    return "\n".join(lines)


def assert_accessible(page, label: str, excused: tuple[str, ...] = ()) -> None:
    """Fails on any violation but those of the rules `excused`. The one excuse so far:
    `meta-refresh` on a status page that reloads itself while its work runs, says so and offers
    a link to stop it (WCAG 2.2.1's "turn off"), which axe cannot see: it flags any reload
    sooner than 20 hours."""
    violations = [v for v in axe_violations(page) if v["id"] not in excused]
    if violations:
        pytest.fail(
            f"axe found {len(violations)} WCAG 2.2 A/AA violation(s) on {label} ({page.url}):\n"
            + format_violations(violations),
            pytrace=False,
        )

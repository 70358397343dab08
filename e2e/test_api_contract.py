"""API v1 against its own document: every response that openapi.json documents is produced by the
real server and validated (status, content type, headers and body) against the document the server
serves.

The document's object schemas forbid unknown properties, so a field renamed or added in the Swift
models but not in the document fails here, as does a required field that is dropped. Bearer calls carry a token issued through the
browser, as a person would; the role that may not read children is a browser session.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
from openapi_core import OpenAPI
from openapi_core.exceptions import OpenAPIError
from openapi_core.testing import MockRequest, MockResponse

from navigation import DEMO_PASSWORD, sign_in

SOURCE_DOCUMENT = Path(__file__).resolve().parent.parent / "Sources/LineOfSightServer/Resources/openapi.json"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


class Contract:
    """The API document, and which of its responses (method, path, status) have been seen."""

    def __init__(self, document: dict, base_url: str):
        self.document = document
        self.base_url = base_url
        # from_dict also checks the document itself against the OpenAPI 3.0 schema.
        self.api = OpenAPI.from_dict(document)
        self.seen: set[tuple[str, str, str]] = set()

    def documented(self) -> set[tuple[str, str, str]]:
        return {
            (method.upper(), path, status)
            for path, item in self.document["paths"].items()
            for method, operation in item.items()
            if method in HTTP_METHODS
            for status in operation["responses"]
        }

    def validate(self, path: str, status: int, headers: dict, body: bytes, query: dict | None = None, method: str = "GET") -> None:
        """Raises OpenAPIError when the response is not one the document allows for `method` `path`."""
        request = MockRequest(self.base_url, method, path, args=query)
        headers = {name.lower(): value for name, value in headers.items()}
        response = MockResponse(body, status, headers, content_type=headers.get("content-type", ""))
        self.api.validate_response(request, response)

    def check(self, send, template: str, expected_status: int, query: dict | None = None, method: str = "GET",
              body: dict | None = None, **ids):
        """Send `method` `template` (filled in with `ids`, with `body` as JSON) through `send`,
        validate the answer, return its JSON (None when it has no body)."""
        path = template.format(**ids)
        url = path + (f"?{urlencode(query)}" if query else "")
        status, headers, answer = send(url, method, body)
        assert status == expected_status, f"{method} {url} answered {status}, not {expected_status}: {answer[:300]!r}"
        try:
            self.validate(path, status, headers, answer, query, method)
        except OpenAPIError as error:
            # Name each broken rule and where in the body; the error's own text repeats the whole body.
            schema_errors = getattr(error.__cause__, "schema_errors", [])
            reasons = "; ".join(f"at /{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema_errors)
            pytest.fail(f"{method} {url} ({status}) disagrees with openapi.json: {reasons or error}", pytrace=False)
        self.seen.add((method, template, str(status)))
        return json.loads(answer) if answer else None


def bearer(base_url: str, token: str | None):
    """Sends with urllib, so no browser cookie can sign the request in instead of the token."""

    def send(url: str, method: str = "GET", body: dict | None = None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        try:
            request = urllib.request.Request(base_url + url, headers=headers, data=data, method=method)
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    return send


def session(page, base_url: str):
    """Sends with the browser context's cookies: the signed-in person's session."""

    def send(url: str, method: str = "GET", body: dict | None = None):
        response = page.request.fetch(base_url + url, method=method, data=json.dumps(body) if body is not None else None,
                                      headers={"Content-Type": "application/json"} if body is not None else None)
        return response.status, response.headers, response.body()

    return send


def issue_token(page, visits, username: str, scope: str = "read") -> str:
    sign_in(page, visits, username, DEMO_PASSWORD, "home")
    visits.click(page.locator('nav a[href="/account/tokens"]'), "tokens")
    page.locator("#token-name").fill("API contract test")
    page.locator("#token-scope").select_option(scope)
    visits.click(page.get_by_role("button", name="Issue token"), "token-issued")
    token = page.locator("#new-token").inner_text().strip()
    visits.click(page.get_by_role("button", name="Sign out"), "signed-out")
    return token


AWAY = {"kind": "away", "start": "2026-01-03", "end": "2026-01-04", "reportedToPolice": False}
VISIT = {"date": "2026-01-05", "kind": "planned", "location": "home", "seen": True, "seenAlone": True, "childsViews": "Happy at school"}


def exercise_the_journey(contract: Contract, worker, child_id: str) -> str:
    """Every documented answer of the journey routes, as a case system would meet them; returns a
    withdrawn event's id."""
    contract.check(worker, "/api/v1/me/work", 200)
    contract.check(worker, "/api/v1/children/{childID}/journey", 200, childID=child_id)
    contract.check(worker, "/api/v1/children/{childID}/obligations", 200, childID=child_id)
    contract.check(worker, "/api/v1/children/{childID}/obligations", 400, {"asOf": "2026-02-30"}, childID=child_id)
    lists = "/api/v1/children/{childID}/journey/{list}"
    one = lists + "/{eventID}"
    ids = {"childID": child_id, "list": "visits"}
    contract.check(worker, lists, 422, method="POST", body={**VISIT, "date": "2026-02-30"}, **ids)
    event = contract.check(worker, lists, 201, method="POST", body=VISIT, **ids)
    ids["eventID"] = event["id"]
    contract.check(worker, one, 422, method="PUT", body=VISIT, **ids)
    contract.check(worker, one, 409, method="PUT", body={**VISIT, "reason": "typo", "version": 99}, **ids)
    contract.check(worker, one, 200, method="PUT", body={**VISIT, "seenAlone": False, "reason": "typo", "version": event["version"]}, **ids)
    contract.check(worker, one, 422, method="DELETE", **ids)
    contract.check(worker, one, 409, method="DELETE", body={"reason": "wrong child", "version": 99}, **ids)
    contract.check(worker, one, 204, method="DELETE", query={"reason": "wrong child"}, **ids)

    # A record nested in another: a return interview offer under its missing episode.
    episode = contract.check(worker, lists, 201, method="POST", body=AWAY, childID=child_id, list="missingEpisodes")
    nested = one + "/{nested}"
    ids = {"childID": child_id, "list": "missingEpisodes", "eventID": episode["id"], "nested": "returnInterviews"}
    contract.check(worker, nested, 422, method="POST", body={"offered": "2026-02-30"}, **ids)
    offer = contract.check(worker, nested, 201, method="POST", body={"offered": "2026-01-05", "response": "declined"}, **ids)
    assert offer["missingEpisodeID"] == episode["id"]
    return event["id"]


def test_every_documented_api_response_matches_the_document(page, visits, server_url):
    anyone = bearer(server_url, None)
    status, _, body = anyone("/api/v1/openapi.json")
    assert status == 200
    contract = Contract(json.loads(body), server_url)
    contract.check(anyone, "/api/v1/openapi.json", 200)

    analyst = bearer(server_url, issue_token(page, visits, "analyst"))
    teams = contract.check(analyst, "/api/v1/teams", 200)
    team = teams[0]
    contract.check(analyst, "/api/v1/teams/{teamID}", 200, teamID=team["id"])
    staff = contract.check(analyst, "/api/v1/staff", 200)
    contract.check(analyst, "/api/v1/staff/{staffID}", 200, staffID=staff[0]["id"])
    children = contract.check(analyst, "/api/v1/children", 200)["items"]
    filters = [
        {"q": children[0]["lastName"]},
        {"team": team["id"], "page": "2"},
        {"service": team["service"], "unallocated": "yes"},
    ]
    for query in filters:
        contract.check(analyst, "/api/v1/children", 200, query)
    # Every record on the page, so that optional fields (NHS number, ended allocations) are validated too.
    records = [contract.check(analyst, "/api/v1/children/{childID}", 200, childID=listed["id"]) for listed in children]
    assert any(record["allocations"] for record in records), "no record with an allocation was validated"

    worker = bearer(server_url, issue_token(page, visits, "social.worker", "read_write"))
    own_child = contract.check(worker, "/api/v1/children", 200)["items"][0]["id"]
    withdrawn = exercise_the_journey(contract, worker, own_child)
    director = bearer(server_url, issue_token(page, visits, "director", "read_write"))

    real_ids = {"childID": records[0]["id"], "teamID": team["id"], "staffID": staff[0]["id"], "list": "visits", "eventID": withdrawn,
                "nested": "returnInterviews"}
    unknown_ids = {**{name: str(uuid.uuid4()).upper() for name in real_ids}, "list": "visits", "nested": "returnInterviews"}
    wrong_token = bearer(server_url, "los_not-a-token")
    sign_in(page, visits, "board", DEMO_PASSWORD, "home-board")
    session_cookie = contract.document["components"]["securitySchemes"]["session"]["name"]
    assert session_cookie in {cookie["name"] for cookie in page.context.cookies()}
    board = session(page, server_url)
    # Every error response the document names, called for real (a change with a valid body, so
    # that only what is being tested is wrong).
    for method, template, status in sorted(contract.documented()):
        body = VISIT if method in {"POST", "PUT"} else None
        if status == "401":
            contract.check(anyone, template, 401, method=method, body=body, **real_ids)
            contract.check(wrong_token, template, 401, method=method, body=body, **real_ids)
        elif status == "403":
            contract.check(board, template, 403, method=method, body=body, **real_ids)
        elif status == "404":
            contract.check(director, template, 404, method=method, body=body, **unknown_ids)

    untested = contract.documented() - contract.seen
    assert not untested, f"documented in openapi.json but never exercised: {sorted(untested)}"


JSON = {"Content-Type": "application/json"}
TEAM = {
    "id": "6F9619FF-8B86-D011-B42D-00C04FC964FF",
    "name": "Assessment team 1",
    "service": "duty_assessment",
    "headOfServiceId": "0F9619FF-8B86-D011-B42D-00C04FC964FF",
    "children": 80,
    "unallocated": 3,
    "caseHolders": 5,
    "caseHoldingFte": 4.5,
}


def renamed(old: str, new: str) -> dict:
    return {(new if key == old else key): value for key, value in TEAM.items()}


@pytest.mark.parametrize(
    "status, headers, body",
    [
        pytest.param(200, JSON, renamed("headOfServiceId", "headOfServiceID"), id="renamed-optional-field"),
        pytest.param(200, JSON, renamed("name", "teamName"), id="renamed-required-field"),
        pytest.param(200, JSON, {k: v for k, v in TEAM.items() if k != "name"}, id="missing-required-field"),
        pytest.param(200, JSON, {**TEAM, "headOfServiceId": None}, id="null-not-omitted"),
        pytest.param(200, JSON, {**TEAM, "service": "Duty and assessment"}, id="undocumented-value"),
        pytest.param(200, {"Content-Type": "text/html"}, TEAM, id="wrong-content-type"),
        pytest.param(500, JSON, {"error": "Internal Server Error", "message": "x"}, id="undocumented-status"),
        pytest.param(401, JSON, {"error": "Unauthorized", "message": "x"}, id="401-without-www-authenticate"),
    ],
)
def test_the_contract_check_fails_a_response_that_differs_from_the_document(status, headers, body):
    # Runs without a server, on the document in the source tree, to prove the check can fail.
    contract = Contract(json.loads(SOURCE_DOCUMENT.read_text()), "http://127.0.0.1")
    path = f"/api/v1/teams/{TEAM['id']}"
    # The unaltered response passes, so the failure below is the alteration's.
    contract.validate(path, 200, {"Content-Type": "application/json; charset=utf-8"}, json.dumps(TEAM).encode())
    with pytest.raises(OpenAPIError):
        contract.validate(path, status, headers, json.dumps(body).encode())

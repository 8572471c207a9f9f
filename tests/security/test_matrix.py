"""Permissions as a matrix: every URL of the project × ten roles, held to the policy declared in
`maillage/policies.py`, on one realistic world. A page answered to someone the policy does not name, a private
field (planted markers) shown to someone it does not name, or a refused write that changed the database
fails; so does a URL without a policy."""

import pytest
from django.db import transaction

from maillage.policies import ORGANISER, POLICIES

from .conftest import body_of as _body
from .conftest import drain
from .conftest import login as _login
from .matrix import audiences, changed, snapshot
from .walk import address, routes
from .world import ROLES

ROUTES = routes()
LOGIN_PATH = "/comptes/connexion/"
# Bodies for actions whose form is not on any page the harvest reads (or is drawn by script).
FALLBACK_BODIES = {
    "matchmaking:request_answer": [{"answer": "accept"}, {"answer": "decline"}, {"answer": "cancel"}],
    "matchmaking:session_status": [{"status": "closed"}],
    "matchmaking:check_in_mark": [{"status": "held"}],
    "matchmaking:outcome_record": [{"outcome": "deal", "notes": "Changé"}],
    "matchmaking:run_publish": [{"confirm": "1"}],
    "proposals:star": [{"star": "1"}],
    "proposals:withdraw": [{"confirm": "1"}],
    "missions:item_delete": [{"notify": ""}],
    "missions:testimonial_publish": [{"published": "1"}],
    "missions:photo_publish": [{"published": "1"}],
    "missions:lead_status": [{"status": "won"}],
    "missions:decide": [{"decision": "rejected"}],
    "privacy:erasure_ask": [{}],
    "privacy:erasure_withdraw": [{}],
    "accounts:logout": [{}],
}


def _outcome(response) -> str:
    """200, "login", "redirect", or the status code as text."""
    code = response.status_code
    drain(response)  # files are streamed
    if code in (301, 302, 303):
        return "login" if response["Location"].startswith(LOGIN_PATH) else "redirect"
    return str(code)


def test_every_url_has_a_policy():
    missing = sorted(r.name for r in ROUTES if r.name not in POLICIES)
    stale = sorted(set(POLICIES) - {r.name for r in ROUTES})
    assert (missing, stale) == ([], [])


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in POLICIES], ids=lambda r: r.name)
def test_pages_follow_the_policy(client, world, route):
    policy = POLICIES[route.name]
    url = address(route, world)
    wrong, leaks = {}, []
    for role in ROLES:
        _login(client, world, role)
        response = client.get(url)
        allowed = bool(policy.see & audiences(role, route.name))
        body = _body(response) if response.status_code == 200 else ""
        seen = _outcome(response)
        if seen == "500" or (seen == "200" and not allowed) or (allowed and seen in ("login", "403", "404")):
            wrong[role] = seen
        if not body:
            continue
        names = audiences(role, route.name)
        if ORGANISER in names or policy.private & names:
            continue
        for owner, fields in world.markers.items():
            if owner == role:
                continue
            leaks += [f"{owner}'s {what} shown to {role}" for what, mark in fields.items() if mark in body]
    assert (url, wrong, leaks) == (url, {}, [])


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.name in POLICIES], ids=lambda r: r.name)
def test_refused_writes_change_nothing(client, world, harvest, route):
    """Everyone the policy does not let change things posts what the page's own form would send (with the
    ids of other people's things in the address and the body): nothing in the database changes."""
    policy = POLICIES[route.name]
    url = address(route, world)
    bodies = (
        [form.body() for _role, form in harvest.get(url, [])][:2] or FALLBACK_BODIES.get(route.name) or [{}]
    )
    refused = [role for role in ROLES if not policy.change & audiences(role, route.name)]
    for role in refused:  # log-ins first: they write their own bookkeeping, never watched
        _login(client, world, role)
    before = snapshot()
    failures = {}
    for role in refused:
        _login(client, world, role)
        for body in bodies:
            seen = _outcome(client.post(url, body))
            if seen == "500":
                failures[role] = (seen, body)
    if changed(before, snapshot()):  # find who wrote: each role alone, in a savepoint rolled back
        for role in refused:
            _login(client, world, role)
            for body in bodies:
                with transaction.atomic():
                    start = snapshot()
                    seen = _outcome(client.post(url, body))
                    tables = changed(start, snapshot())
                    transaction.set_rollback(True)
                if tables:
                    failures[role] = (seen, tables, body)
    assert (url, failures) == (url, {})


# The detector sees what it must: each marker shows where its owner (or an organiser) reads it, so that the
# matrix passing means the markers were looked for where they could have leaked.
WHERE_MARKERS_SHOW = [
    ("participant", "matchmaking:requests", "participant", "request"),
    ("other_participant", "matchmaking:requests", "other_participant", "request"),
    ("delegate", "missions:needs", "delegate", "diet"),
    ("organiser", "privacy:erasure_list", "other_member", "email"),
    ("member", "directory:person_edit", "member", "phone"),
    ("organiser", "directory:person_list", "member", "email"),
    ("speaker", "proposals:proposal", "speaker", "notes"),
    ("organiser", "proposals:proposal", "speaker", "notes"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "name", "owner", "what"), WHERE_MARKERS_SHOW, ids=lambda v: str(v))
def test_markers_show_where_they_belong(client, world, role, name, owner, what):
    route = next(r for r in ROUTES if r.name == name)
    _login(client, world, role)
    response = client.get(address(route, world))
    assert (response.status_code, world.markers[owner][what] in _body(response)) == (200, True)

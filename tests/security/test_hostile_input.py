"""Bad input everywhere: random and hostile values posted to every form the pages show (as the people
allowed to send it), and typed into every query string the pages read. Never a 500; a script posted never
comes back unescaped, on the answer nor on the page it leads to."""

import re

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.policies import POLICIES

from .conftest import body_of, login
from .walk import address, routes

SCRIPT = '<script>alert("xss-{n}")</script>'
HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f",
    "\u202eevil\u200b",
    "A" * 100_000,
    "9" * 400,
    "-1",
    "0",
    "1e309",
    "NaN",
    "' OR 1=1 --",
    "'; DROP TABLE directory_person; --",
    '"quoted" AND NOT NEAR(a b) *',
    "a OR b NOT c^2 {col}:x",
    "%_\\",
    "../../etc/passwd",
    "0001-01-01",
    "9999-12-31",
    "2027-02-30",
    "9999-12-31T23:59",
    "1970-01-01T00:00",
    "25:61",
    "javascript:alert(1)",
    "<img src=x onerror=alert(1)>",
    "{{ settings.SECRET_KEY }}",
    "😀" * 50,
]
script_ids = iter(range(10**9))


@pytest.fixture(scope="package")
def targets(harvest):
    """(address, role, form) for every form, with the role that was shown it."""
    found = [(action, role, form) for action, shown in harvest.items() for role, form in shown]
    return sorted(found, key=lambda t: (t[0], t[1]))


def _hostile(other_ids):
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from([str(i) for i in other_ids]),
        st.text(max_size=40),
        st.integers(min_value=-(2**63), max_value=2**64).map(str),
        st.builds(lambda: SCRIPT.format(n=next(script_ids))),
    )


def _check_no_script(text: str, posted: list[str], where: str) -> None:
    for value in posted:
        if "<script>" in value:
            assert value not in text, f"stored script comes back unescaped on {where}: {value}"


def _get_follow(client, response):
    """The page a successful post leads to (where a stored value would show)."""
    if response.status_code in (301, 302, 303) and response["Location"].startswith("/"):
        return client.get(response["Location"])
    return None


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=st.data())
@pytest.mark.django_db
def test_hostile_posts_never_break_a_page(client, world, targets, data):
    action, role, form = data.draw(st.sampled_from(targets), label="form")
    body = form.body()
    names = [f.name for f in form.fields if f.kind not in ("submit", "button", "file") and f.name]
    names = [n for n in dict.fromkeys(names) if n != "csrfmiddlewaretoken"]
    hostile = _hostile(world.objects["other_ids"])
    if names:
        chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=len(names), unique=True))
        for name in chosen:
            body[name] = data.draw(hostile, label=name)
    posted = [v for v in body.values() if isinstance(v, str)]
    login(client, world, role)
    with transaction.atomic():
        response = client.post(action, body)
        assert response.status_code < 500, (action, role, body)
        _check_no_script(body_of(response), posted, action)
        follow = _get_follow(client, response)
        if follow is not None:
            assert follow.status_code < 500, (action, role, body)
            _check_no_script(body_of(follow), posted, response["Location"])
        transaction.set_rollback(True)


QUERY_NAMES = [
    "q",
    "page",
    "sort",
    "order",
    "kind",
    "region",
    "sector",
    "country",
    "track",
    "day",
    "next",
    "lang",
]
PAGES = [r for r in routes() if r.name in POLICIES and POLICIES[r.name].see]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=st.data())
@pytest.mark.django_db
def test_hostile_query_strings_never_break_a_page(client, world, data):
    route = data.draw(st.sampled_from(PAGES), label="page")
    role = data.draw(st.sampled_from(["visitor", "member", "participant", "organiser"]), label="role")
    params = data.draw(
        st.dictionaries(
            st.sampled_from(QUERY_NAMES), _hostile(world.objects["other_ids"]), min_size=1, max_size=3
        )
    )
    params = {k: v[:3000] for k, v in params.items()}  # an address is short; a body may be long
    login(client, world, role)
    response = client.get(address(route, world), params)
    assert response.status_code < 500, (route.name, role, params)
    text = body_of(response)
    for value in params.values():
        if "<script>" in value:
            assert value not in text, (route.name, value)
    assert not re.search(r"Traceback \(most recent call last\)", text)

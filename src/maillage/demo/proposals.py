"""The demo call for proposals, read from `data/proposals.toml` and written through the services, every date
computed from today: a call open on the coming demo week (the programme demo's edition, or one created four
months ahead), its formats and questions, speakers and their proposals at every stage (submitted, reviewed,
on the waiting list, accepted, confirmed into the programme), two reviewers (one in conflict with a speaker),
people to invite, and the preview's stars. Loading twice changes nothing.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from maillage.accounts.models import User
from maillage.directory import services as directory_services
from maillage.directory.models import Organisation, Person
from maillage.programme import services as programme_services
from maillage.programme.forms import day_part_interval
from maillage.programme.models import Edition, Track
from maillage.proposals import services
from maillage.proposals.models import Call, Proposal

from .accounts import DEMO_ORGANISER, DEMO_PASSWORD
from .files import demo_toml

DAYS_AHEAD = 120


@dataclass
class ProposalsDemoResult:
    call: Call
    created: bool
    proposals: int


def _edition(today: dt.date) -> Edition:
    """The coming edition (the programme demo's), or a new one four months ahead."""
    edition = Edition.objects.filter(start_date__gt=today).order_by("start_date").first()
    if edition is not None:
        return edition
    start = today + dt.timedelta(days=DAYS_AHEAD)
    return programme_services.edition_create(
        name=f"Semaine numérique {start.year}",
        slug=f"semaine-numerique-cfp-{start.year}",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        published=False,
        today=today,
    )


def _track(edition: Edition, spec: dict) -> Track:
    found = edition.tracks.filter(slug=spec["slug"]).first()
    return found or programme_services.track_create(
        edition=edition, slug=spec["slug"], name_fr=spec["name_fr"], name_en=spec["name_en"]
    )


def _account(email: str, name: str, language: str, organisation: str) -> User:
    user, _needs_password = services.account_for(email=email, name=name, language=language)
    if not user.has_usable_password():
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    person = Person.objects.get(user=user)
    if organisation and person.organisation_id is None:
        found = Organisation.objects.filter(name=organisation).first()
        found = found or directory_services.organisation_create(name=organisation)
        directory_services.person_update(person=person, organisation=found)
    return user


def _moment(edition: Edition, today: dt.date, days: int) -> dt.datetime:
    return dt.datetime.combine(today + dt.timedelta(days=days), dt.time(23, 59), tzinfo=edition.tzinfo)


# The demo's placeholder addresses must not receive the e-mails the services send.
@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
@transaction.atomic
def proposals_demo_load(*, today: dt.date | None = None) -> ProposalsDemoResult:
    today = today or timezone.localdate()
    data = demo_toml("proposals.toml")
    edition = _edition(today)
    existing = Call.objects.filter(edition=edition).first()
    if existing is not None:
        return ProposalsDemoResult(existing, False, existing.proposals.count())
    spec = data["call"]
    call = services.call_create(
        edition=edition,
        opens=_moment(edition, today, spec["opens"]),
        deadline=_moment(edition, today, spec["deadline"]),
        intro_fr=spec["intro_fr"],
        intro_en=spec["intro_en"],
        reviews_wanted=spec["reviews_wanted"],
        anonymous_review=spec["anonymous_review"],
    )
    for item in data["session_types"]:
        services.session_type_add(call=call, **item)
    questions = [services.question_add(call=call, **item) for item in data["questions"]]
    tracks = {item["slug"]: _track(edition, item) for item in data["tracks"]}
    speakers = {
        s["email"]: _account(s["email"], s["name"], s["language"], s["organisation"])
        for s in data["speakers"]
    }
    for r in data["reviewers"]:
        user = _account(r["email"], r["name"], "fr", r["organisation"])
        services.reviewer_set(call=call, user=user, tracks=[tracks[slug] for slug in r["tracks"]])
    organiser = User.objects.filter(email=DEMO_ORGANISER).first()
    for p in data["prospects"]:
        prospect = services.prospect_add(
            call=call,
            added_by=organiser,
            person=Person.objects.filter(email=p["email"]).first(),
            name=p["name"],
            email=p["email"],
            language=p["language"],
            where_met=p["where_met"],
            why=p["why"],
        )
        if p["invite"] and organiser:
            services.prospect_invite(prospect=prospect, by=organiser)
    types = {t.name_fr: t for t in call.session_types.all()}
    fans = [
        _account(f"public{n}@demo.maillage.org", f"Public {n}", "fr", "")
        for n in range(max((p.get("stars", 0) for p in data["proposals"]), default=0))
    ]
    call = services.call_update(call=call, preview_open=spec["preview_open"])
    for p in data["proposals"]:
        user = speakers[p["speaker"]]
        proposal = services.proposal_submit(
            call=call,
            user=user,
            title=p["title"],
            abstract=p["abstract"],
            description="",
            session_type=types[p["type"]],
            track=tracks[p["track"]],
            audience="both",
            language=p["language"],
            notes="",
            answers={str(questions[0].pk): p["level"]},
        )
        for email, score, comment in p["reviews"]:
            reviewer = User.objects.get(email=email)
            if services.selectors.may_review(proposal, reviewer):
                services.review_save(proposal=proposal, reviewer=reviewer, score=score, comment=comment)
        state = p["state"]
        if state != Proposal.State.SUBMITTED:
            decision = Proposal.State.ACCEPTED if state == Proposal.State.CONFIRMED else state
            services.proposals_decide(call=call, proposal_ids=[proposal.pk], state=decision)
            proposal.refresh_from_db()
        for fan in fans[: p.get("stars", 0)]:
            services.star_set(user=fan, proposal=proposal, starred=True)
        if state == Proposal.State.CONFIRMED:
            away = [
                day_part_interval(edition, f"{edition.days[day].isoformat()}|{part}")
                for day, part in p.get("unavailable", [])
                if day < len(edition.days)
            ]
            services.proposal_confirm(proposal=proposal, user=user, unavailable=away)
    return ProposalsDemoResult(call, True, call.proposals.count())

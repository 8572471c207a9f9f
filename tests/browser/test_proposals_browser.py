"""A call for proposals end to end in a real browser: a scouted speaker is invited (and chooses a password
from the e-mail), submits; two reviewers score; the organiser accepts and opens the preview; the speaker
confirms with their availability; a member stars the talk in the preview; the optimiser places it where the
speaker is available. Pages are also looked at on a phone (390×844)."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from maillage.programme import services as programme_services
from maillage.programme.models import Favourite, ProgrammeRun
from maillage.proposals import services
from maillage.proposals.models import Proposal
from tests.factories import PASSWORD, OrganiserFactory, PersonFactory, UserFactory
from tests.proposals.factories import call_make, proposal_make, room_make, speaker_make, track

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path("var/screenshots")


def _log_in(page, email, password=PASSWORD):
    page.context.clear_cookies()
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("form[action$='/deconnexion/']")).to_have_count(1)


def _review(page, slug, proposal, score, comment):
    page.goto(f"/propositions/{slug}/evaluation/")
    page.get_by_role("link", name=proposal.title).click()
    page.locator(f"#review-form input[name=score][value='{score}']").check()
    page.locator("#review-form [name=comment]").fill(comment)
    page.locator("#review-form button[type=submit]").first.click()
    expect(page.locator(".messages")).to_be_visible()


def test_from_scouting_to_a_placed_talk(page, settings):
    settings.MAILLAGE_JOBS = "eager"
    call = call_make()
    slug = call.edition.slug
    _event, room = room_make(call.edition)
    organiser = OrganiserFactory(name="Claire Organisatrice")
    first, second = speaker_make(name="Rita"), speaker_make(name="Théo")
    for reviewer in (first, second):
        services.reviewer_set(call=call, user=reviewer, tracks=[track(call)])
    member = UserFactory()
    PersonFactory(user=member, email=member.email)

    # The organiser adds someone met at a festival and invites them.
    _log_in(page, organiser.email)
    page.goto(f"/propositions/{slug}/gestion/reperage/")
    form = page.locator("#prospect-form")
    form.locator("[name=name]").fill("Kenji Watanabe")
    form.locator("[name=email]").fill("kenji@example.org")
    form.locator("[name=language]").select_option("en")
    form.locator("[name=where_met]").fill("Tokyo Game Show")
    form.locator("[name=why]").fill("Accessible game design")
    form.locator("button[type=submit]").click()
    row = page.locator("#prospects tbody tr", has_text="Kenji Watanabe")
    mail.outbox.clear()
    row.locator("textarea[name=message]").fill("We loved your talk in Tokyo.")
    row.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    [invitation] = mail.outbox
    assert invitation.subject == f"Would you speak at {call.edition.name}?"
    password_url = re.search(r"https?://\S+/comptes/mot-de-passe/\S+/", invitation.body).group(0)

    # Kenji chooses a password from the e-mail, logs in and submits.
    page.context.clear_cookies()
    page.goto("/comptes/" + password_url.split("/comptes/", 1)[1])
    page.locator("input[name=new_password1]").fill("Un-festival-a-Tokyo-7")
    page.locator("input[name=new_password2]").fill("Un-festival-a-Tokyo-7")
    page.locator("main form button[type=submit]").click()
    _log_in(page, "kenji@example.org", "Un-festival-a-Tokyo-7")
    page.goto(f"/propositions/{slug}/")
    page.locator("#call-status a.button").click()
    page.set_viewport_size({"width": 390, "height": 844})
    form = page.locator("#proposal-form")
    form.locator("[name=title]").fill("Accessible games for everyone")
    form.locator("[name=abstract]").fill("What we learnt making games playable with one hand.")
    form.locator("[name=session_type]").select_option(label="Conférence (30 min)")
    form.locator("[name=track]").select_option(str(track(call).pk))
    form.locator("[name=language]").select_option("en")
    form.locator(f"[name=question_{call.questions.first().pk}]").select_option("Expert")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "proposals-submit-390.png"), full_page=True)
    form.locator("button[type=submit]").click()
    expect(page.locator("#next-step")).to_be_visible()
    proposal = Proposal.objects.get(title="Accessible games for everyone")
    assert proposal.submitter.email == "kenji@example.org"
    page.set_viewport_size({"width": 1280, "height": 900})

    # The organiser sees that Kenji answered.
    _log_in(page, organiser.email)
    page.goto(f"/propositions/{slug}/gestion/reperage/")
    expect(page.locator("#prospects tbody tr", has_text="Kenji Watanabe").locator(".badge")).to_have_count(1)

    # Two reviewers score it.
    _log_in(page, first.email)
    _review(page, slug, proposal, 2, "A must")
    _log_in(page, second.email)
    _review(page, slug, proposal, 1, "Good")
    assert sorted(proposal.reviews.values_list("score", flat=True)) == [1, 2]

    # The organiser accepts it (the speaker is told by e-mail) and opens the preview.
    _log_in(page, organiser.email)
    page.goto(f"/propositions/{slug}/gestion/")
    expect(page.locator(f"#row-{proposal.pk}")).to_contain_text("+1.50")
    page.locator(f"#tick-{proposal.pk}").check()
    page.locator("#decision-form select[name=decision]").select_option("accepted")
    mail.outbox.clear()
    page.locator("#decision-form button[type=submit]").click()
    expect(page.locator(f"#row-{proposal.pk} .badge")).to_have_class(re.compile("state-accepted"))
    assert [m.subject for m in mail.outbox] == ["Accepted: Accessible games for everyone"]
    page.goto(f"/propositions/{slug}/gestion/appel/")
    page.locator("#call-form [name=preview_open]").check()
    page.locator("#call-form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()

    # Kenji confirms: he cannot speak on the first two days.
    _log_in(page, "kenji@example.org", "Un-festival-a-Tokyo-7")
    page.goto(proposal.get_absolute_url())
    page.locator("#next-step a.button").click()
    days = call.edition.days
    for day in days[:-1]:
        for part in ("morning", "afternoon", "evening"):
            page.locator(f"input[name=unavailable][value='{day.isoformat()}|{part}']").check()
    page.locator("#confirm-form button[type=submit]").click()
    expect(page.locator(".page-head .badge")).to_have_class(re.compile("state-confirmed"))
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.CONFIRMED

    # A member stars it in the preview (htmx swaps the button).
    _log_in(page, member.email)
    page.goto(f"/propositions/{slug}/apercu/")
    card = page.locator(f"#proposal-{proposal.pk}")
    expect(card).to_contain_text("Accessible games for everyone")
    page.set_viewport_size({"width": 390, "height": 844})
    card.locator("button[aria-pressed=false]").click()
    expect(card.locator("button[aria-pressed=true]")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "proposals-preview-390.png"), full_page=True)
    assert list(Favourite.objects.filter(activity=proposal.activity).values_list("user", flat=True)) == [
        member.pk
    ]

    # The optimiser places it on the last day, the only one Kenji is free.
    run = programme_services.programme_run_start(edition=call.edition, user=organiser, time_limit=0.5, seed=1)
    run.refresh_from_db()
    assert (run.status, run.error) == (ProgrammeRun.Status.DONE, "")
    programme_services.programme_run_apply(run=run)
    activity = proposal.activity
    activity.refresh_from_db()
    assert activity.room == room
    assert activity.start.astimezone(call.edition.tzinfo).date() == days[-1]


def test_a_visitor_stars_a_session_and_it_counts_once_they_log_in(page):
    call = call_make()
    accepted = proposal_make(call, speaker_make(), title="Des capteurs dans les rizières")
    services.proposals_decide(call=call, proposal_ids=[accepted.pk], state="accepted", notify=False)
    services.call_update(call=call, preview_open=True)
    member = UserFactory()
    PersonFactory(user=member, email=member.email)

    # A visitor, not logged in, stars it: the page says the star waits in this browser.
    page.goto(f"/propositions/{call.edition.slug}/apercu/")
    expect(page.locator("#visitor-stars")).to_be_visible()
    card = page.locator(f"#proposal-{accepted.pk}")
    card.locator("button[aria-pressed=false]").click()
    expect(card.locator("button[aria-pressed=true]")).to_be_visible()
    expect(card.locator(".star-pending")).to_be_visible()
    assert accepted.stars.count() == 0

    # They log in from the card and come back to the same session, their star now counted.
    card.locator(".star-pending a").click()
    page.get_by_label("Adresse électronique").fill(member.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(re.compile(rf"/apercu/#proposal-{accepted.pk}$"))
    expect(page.locator(".messages")).to_be_visible()
    card = page.locator(f"#proposal-{accepted.pk}")
    expect(card.locator("button[aria-pressed=true]")).to_be_visible()
    expect(card.locator(".star-count")).to_have_text("1 favori")
    expect(card.locator(".star-pending")).to_have_count(0)
    assert list(accepted.stars.values_list("user", flat=True)) == [member.pk]

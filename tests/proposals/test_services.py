"""The call for proposals' services: submitting and editing until the deadline (and an extension), answers,
uploads, co-speakers, scouting, decisions told in each language, confirmation into the programme."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation

from maillage.accounts.models import User
from maillage.directory.models import Person
from maillage.programme import selectors as programme_selectors
from maillage.programme.models import Activity, Favourite, Speaker, SpeakerUnavailability
from maillage.proposals import selectors, services
from maillage.proposals.models import Proposal, ProposalSpeaker, Star
from tests.factories import OrganiserFactory, PersonFactory, UserFactory

from .factories import (
    accept_and_confirm,
    call_make,
    pdf_file,
    png_file,
    proposal_fields,
    proposal_make,
    room_make,
    speaker_make,
    track,
)

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails leave after commit


def in_language(language: str, message: str, **params) -> str:
    """A sentence as its catalogue says it in this language (the source until it is translated)."""
    with translation.override(language):
        return translation.gettext(message) % params


def test_a_proposal_is_submitted_with_its_speaker_and_a_receipt_in_their_language():
    call = call_make()
    user = speaker_make(language="en")
    proposal = proposal_make(call, user)
    assert proposal.state == Proposal.State.SUBMITTED
    assert [(s.user, s.email, s.accepted is not None) for s in proposal.speakers.all()] == [
        (user, user.email, True)
    ]
    assert [m.subject for m in mail.outbox] == ["Proposal received: L'IA au service des PME"]
    assert proposal.get_absolute_url() in mail.outbox[0].body


def test_submitting_before_the_opening_or_after_the_deadline_is_refused():
    now = timezone.now()
    call = call_make(opens=now + dt.timedelta(days=1), deadline=now + dt.timedelta(days=5))
    user = speaker_make()
    with pytest.raises(ValidationError) as error:
        proposal_make(call, user)
    assert error.value.code == "call_closed"
    services.call_update(call=call, opens=now - dt.timedelta(days=5), deadline=now - dt.timedelta(seconds=1))
    with pytest.raises(ValidationError):
        proposal_make(call, user)
    assert Proposal.objects.count() == 0


def test_an_extension_lets_one_speaker_submit_and_edit_after_the_deadline(clock):
    now = timezone.now()
    call = call_make(deadline=now + dt.timedelta(hours=1))
    late, other = speaker_make(), speaker_make()
    proposal = proposal_make(call, late)
    services.extension_grant(call=call, user=late, until=now + dt.timedelta(days=2), by=OrganiserFactory())
    clock(now + dt.timedelta(days=1))
    assert (selectors.may_submit(call, late), selectors.may_submit(call, other)) == (True, False)
    services.proposal_update(proposal=proposal, user=late, **proposal_fields(call, title="Titre revu"))
    second = proposal_make(call, late, title="Une deuxième")
    with pytest.raises(ValidationError):
        proposal_make(call, other)
    clock(now + dt.timedelta(days=3))
    with pytest.raises(ValidationError) as error:
        services.proposal_update(proposal=second, user=late, **proposal_fields(call, title="Trop tard"))
    assert error.value.code == "proposal_locked"
    assert sorted(Proposal.objects.values_list("title", flat=True)) == ["Titre revu", "Une deuxième"]


def test_an_extension_must_end_after_the_deadline():
    call = call_make()
    with pytest.raises(ValidationError):
        services.extension_grant(call=call, user=speaker_make(), until=call.deadline, by=None)


def test_only_its_speakers_edit_a_proposal_and_only_while_undecided():
    call = call_make()
    owner, stranger = speaker_make(), speaker_make()
    proposal = proposal_make(call, owner)
    with pytest.raises(ValidationError):
        services.proposal_update(proposal=proposal, user=stranger, **proposal_fields(call, title="Volé"))
    services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    with pytest.raises(ValidationError):
        services.proposal_update(proposal=proposal, user=owner, **proposal_fields(call, title="Après coup"))
    proposal.refresh_from_db()
    assert proposal.title == "L'IA au service des PME"


def test_answers_are_checked_against_the_questions():
    call = call_make()
    question = call.questions.get()
    services.question_add(call=call, text_fr="Pourquoi vous ?", required=True)
    user = speaker_make()
    with pytest.raises(ValidationError) as error:
        proposal_make(call, user, answers={str(question.pk): "Champion du monde"})
    assert set(error.value.error_dict) == {f"question_{question.pk}", f"question_{question.pk + 1}"}
    assert Proposal.objects.count() == 0


def test_a_choice_question_needs_two_choices():
    with pytest.raises(ValidationError):
        services.question_add(call=call_make(), text_fr="Oui ?", kind="choice", choices="Oui")


def test_a_format_or_track_of_another_call_is_refused():
    call, other = call_make(), call_make()
    user = speaker_make()
    with pytest.raises(ValidationError):
        proposal_make(call, user, session_type=other.session_types.first())
    with pytest.raises(ValidationError):
        proposal_make(call, user, track=track(other))


def test_uploads_are_checked_by_their_bytes_and_size():
    call = call_make()
    user = speaker_make()
    proposal = proposal_make(call, user, slides=pdf_file(), picture=png_file())
    assert (proposal.slides.name[-4:], proposal.picture.name[-4:]) == (".pdf", ".png")
    fake = pdf_file("photo.png")
    with pytest.raises(ValidationError) as error:
        proposal_make(call, user, picture=fake)
    assert list(error.value.error_dict) == ["picture"]
    with pytest.raises(ValidationError):
        proposal_make(call, user, slides=pdf_file(size=services.SLIDES_MAX_BYTES))
    assert Proposal.objects.count() == 1


def test_a_co_speaker_is_invited_by_email_and_accepts_with_an_account():
    call = call_make()
    owner = speaker_make()
    proposal = proposal_make(call, owner)
    mail.outbox.clear()
    invited = services.cospeaker_invite(
        proposal=proposal, by=owner, name="Ana Silva", email="Ana@Example.org", language="en"
    )
    assert (invited.accepted, invited.email) == (None, "ana@example.org")
    account = User.objects.get(email="ana@example.org")
    assert not account.has_usable_password()
    assert Person.objects.get(user=account).full_name == "Ana Silva"
    [message] = mail.outbox
    assert message.subject == f"Invitation to co-speak at {call.edition.name}"
    assert f"/propositions/invitation/{invited.token}/" in message.body
    assert "/comptes/mot-de-passe/" in message.body  # choose a password first
    assert not selectors.is_speaker(proposal, account)
    services.cospeaker_accept(token=invited.token, user=account)
    assert selectors.is_speaker(proposal, account)
    with pytest.raises(ValidationError) as error:
        services.cospeaker_accept(token=invited.token, user=UserFactory())
    assert error.value.code == "used"
    with pytest.raises(ValidationError):
        services.cospeaker_invite(proposal=proposal, by=owner, name="Ana", email="ana@example.org")


def test_a_stranger_cannot_invite_co_speakers():
    call = call_make()
    proposal = proposal_make(call, speaker_make())
    with pytest.raises(ValidationError):
        services.cospeaker_invite(proposal=proposal, by=speaker_make(), name="X", email="x@example.org")
    assert proposal.speakers.count() == 1


def test_a_withdrawn_proposal_is_withdrawn_for_good():
    call = call_make()
    user = speaker_make()
    proposal = proposal_make(call, user)
    services.proposal_withdraw(proposal=proposal, user=user)
    assert services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted") == 0
    with pytest.raises(ValidationError):
        services.proposal_withdraw(proposal=proposal, user=user)
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.WITHDRAWN


# Scouting


def test_scouted_people_are_invited_and_their_answer_is_seen(django_capture_on_commit_callbacks):
    call = call_make()
    organiser = OrganiserFactory(name="Claire")
    known = PersonFactory(email="expert@example.org", first_name="Marc", last_name="Roy")
    from_directory = services.prospect_add(
        call=call, added_by=organiser, person=known, where_met="Forum Montréal"
    )
    met = services.prospect_add(
        call=call, added_by=organiser, name="Jo Lee", email="jo@example.org", language="en",
        where_met="Web Summit Lisbon", why="A striking talk on open data",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        services.prospect_add(call=call, added_by=organiser, name="Jo", email="JO@example.org")
    mail.outbox.clear()
    services.prospect_invite(prospect=met, by=organiser, message="We loved your talk in Lisbon.")
    services.prospect_invite(prospect=from_directory, by=organiser)
    assert [m.to for m in mail.outbox] == [["jo@example.org"], ["expert@example.org"]]
    assert [m.subject for m in mail.outbox] == [
        f"Would you speak at {call.edition.name}?",
        in_language("fr", "Would you speak at %(edition)s?", edition=call.edition.name),
    ]
    assert "We loved your talk in Lisbon." in mail.outbox[0].body
    assert call.get_absolute_url() in mail.outbox[0].body
    jo = User.objects.get(email="jo@example.org")
    known.refresh_from_db()
    assert known.user is not None
    proposal_make(call, jo)
    answered = {row.prospect.name: row.proposals for row in selectors.prospects_with_answers(call)}
    assert answered == {"Jo Lee": 1, "Marc Roy": 0}


# Decisions and confirmation


def test_decisions_in_bulk_are_told_in_each_speakers_language():
    call = call_make()
    french, english = speaker_make(language="fr"), speaker_make(language="en")
    a = proposal_make(call, french, title="Données ouvertes")
    b = proposal_make(call, english, title="Open data", language="en")
    c = proposal_make(call, french, title="Refusée")
    mail.outbox.clear()
    assert services.proposals_decide(call=call, proposal_ids=[a.pk, b.pk], state="accepted") == 2
    assert services.proposals_decide(call=call, proposal_ids=[c.pk], state="rejected") == 1
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == sorted(
        [
            in_language("fr", "Accepted: %(title)s", title="Données ouvertes"),
            "Accepted: Open data",
            in_language("fr", "Your proposal: %(title)s", title="Refusée"),
        ]
    )
    english_mail = next(m for m in mail.outbox if m.to == [english.email])
    french_mail = next(m for m in mail.outbox if m.to == [french.email] and "Données" in m.subject)
    # Each in its reader's language: the edition's dates too.
    with translation.override("fr"):
        assert formats.date_format(call.edition.start_date, "DATE_FORMAT") in french_mail.body
    with translation.override("en"):
        assert formats.date_format(call.edition.start_date, "DATE_FORMAT") in english_mail.body
    assert f"/propositions/{call.edition.slug}/{b.pk}/confirmer/" in english_mail.body
    assert "Please confirm your session" in english_mail.body
    # Deciding the same again changes nothing and sends nothing.
    mail.outbox.clear()
    assert services.proposals_decide(call=call, proposal_ids=[a.pk], state="accepted") == 0
    assert mail.outbox == []


def test_waiting_list_email_in_both_languages():
    call = call_make()
    fr_user, en_user = speaker_make(language="fr"), speaker_make(language="en")
    a, b = proposal_make(call, fr_user, title="Attente"), proposal_make(call, en_user, title="Waiting")
    mail.outbox.clear()
    services.proposals_decide(call=call, proposal_ids=[a.pk, b.pk], state="waitlisted")
    assert sorted(m.subject for m in mail.outbox) == sorted(
        [in_language("fr", "Waiting list: %(title)s", title="Attente"), "Waiting list: Waiting"]
    )


def test_confirming_makes_an_unplaced_draft_activity_with_speakers_availability_and_stars():
    call = call_make()
    event, _room = room_make(call.edition)
    organisation_speaker, co = speaker_make(), speaker_make()
    proposal = proposal_make(
        call, organisation_speaker, session_type=call.session_types.get(name_fr="Atelier")
    )
    invited = services.cospeaker_invite(
        proposal=proposal, by=organisation_speaker, name="Co Speaker", email=co.email
    )
    services.cospeaker_accept(token=invited.token, user=co)
    services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    services.call_update(call=call, preview_open=True)
    fans = [UserFactory() for _n in range(3)]
    proposal.refresh_from_db()
    for fan in fans:
        services.star_set(user=fan, proposal=proposal, starred=True)
    tz = call.edition.tzinfo
    day = call.edition.start_date
    away = (dt.datetime.combine(day, dt.time(8), tz), dt.datetime.combine(day, dt.time(12), tz))
    activity = services.proposal_confirm(proposal=proposal, user=organisation_speaker, unavailable=[away])
    proposal.refresh_from_db()
    assert (proposal.state, proposal.activity) == (Proposal.State.CONFIRMED, activity)
    assert (activity.status, activity.room, activity.start, activity.event) == ("draft", None, None, event)
    assert (activity.kind, activity.duration, activity.title_fr, activity.track) == (
        "workshop", 90, proposal.title, proposal.track
    )  # fmt: skip
    assert activity.expected_attendance == 3
    speakers = list(activity.speakers.order_by("activity_speakers__order"))
    assert [s.person.user for s in speakers] == [organisation_speaker, co]
    assert list(SpeakerUnavailability.objects.filter(speaker=speakers[0]).values_list("start", "end")) == [
        away
    ]
    assert set(Favourite.objects.filter(activity=activity).values_list("user", flat=True)) == {
        f.pk for f in fans
    }
    # The optimiser's instance carries the speaker's unavailability and the stars as favourites.
    state = programme_selectors.edition_state(call.edition)
    instance = programme_selectors.engine_instance(state, activities=state.activities, fixed=True)
    speaker_entry = next(s for s in instance["speakers"] if s["id"] == f"s{speakers[0].pk}")
    assert len(speaker_entry["unavailable"]) == 1
    # A star given after confirmation reaches the programme too, and leaves with the unstar.
    late = UserFactory()
    services.star_set(user=late, proposal=proposal, starred=True)
    assert Favourite.objects.filter(user=late, activity=activity).exists()
    services.star_set(user=late, proposal=proposal, starred=False)
    assert not Favourite.objects.filter(user=late, activity=activity).exists()
    with pytest.raises(ValidationError):
        services.proposal_confirm(proposal=proposal, user=organisation_speaker)


def test_a_speaker_already_in_the_programme_is_reused():
    call = call_make()
    room_make(call.edition)
    user = speaker_make()
    first = proposal_make(call, user, title="Un")
    second = proposal_make(call, user, title="Deux")
    accept_and_confirm(first, user)
    accept_and_confirm(second, user)
    assert Speaker.objects.filter(edition=call.edition).count() == 1
    assert Activity.objects.filter(event__edition=call.edition).count() == 2


def test_without_an_event_the_first_one_is_used_or_one_is_created():
    call = call_make()
    user = speaker_make()
    activity = accept_and_confirm(proposal_make(call, user), user)
    assert activity.event.name == call.edition.name


def test_only_an_accepted_proposal_can_be_confirmed_and_only_by_its_speakers():
    call = call_make()
    user = speaker_make()
    proposal = proposal_make(call, user)
    with pytest.raises(ValidationError):
        services.proposal_confirm(proposal=proposal, user=user)
    services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    with pytest.raises(ValidationError):
        services.proposal_confirm(proposal=proposal, user=speaker_make())
    assert Activity.objects.count() == 0


def test_stars_only_on_the_open_preview():
    call = call_make()
    user = speaker_make()
    proposal = proposal_make(call, user)
    fan = UserFactory()
    with pytest.raises(ValidationError):  # not accepted
        services.star_set(user=fan, proposal=proposal, starred=True)
    services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    proposal.refresh_from_db()
    with pytest.raises(ValidationError):  # preview closed
        services.star_set(user=fan, proposal=proposal, starred=True)
    call = services.call_update(call=call, preview_open=True)
    proposal.refresh_from_db()
    services.star_set(user=fan, proposal=proposal, starred=True)
    services.star_set(user=fan, proposal=proposal, starred=True)
    assert Star.objects.count() == 1
    assert list(selectors.preview(call)) == [proposal]


def test_the_call_deadline_must_follow_the_opening():
    call = call_make()
    with pytest.raises(ValidationError):
        services.call_update(call=call, deadline=call.opens)
    with pytest.raises(ValueError, match="aware"):
        services.call_update(call=call, deadline=dt.datetime(2027, 1, 1))  # naive


def test_a_speaker_who_joined_is_listed_once():
    call = call_make()
    user = speaker_make()
    proposal = proposal_make(call, user)
    assert list(selectors.proposals_of(user)) == [proposal]
    assert ProposalSpeaker.objects.filter(proposal=proposal).count() == 1


def test_a_co_speaker_known_by_one_name_joins_the_directory():
    call = call_make()
    owner = speaker_make()
    proposal = proposal_make(call, owner)
    services.cospeaker_invite(proposal=proposal, by=owner, name="Madonna", email="m@example.org")
    person = Person.objects.get(email="m@example.org")
    assert (person.first_name, person.last_name) == ("Madonna", "—")

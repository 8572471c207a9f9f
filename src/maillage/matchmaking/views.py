import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import organiser_required
from maillage.common.audit import audit_record
from maillage.common.tabular import TableError, read_table, write_csv
from maillage.directory.imports import ImportRejected
from maillage.directory.models import Person

from . import presenters, selectors, services
from . import recommendations as recommending
from .forms import (
    HistoryImportForm,
    OrganiserParticipantForm,
    OrganiserRequestForm,
    OutcomeForm,
    ParticipantForm,
    RequestForm,
    SessionForm,
)
from .history import HISTORY_COLUMNS, b2b_session_history_import
from .ical import agenda_calendar
from .models import B2BSession, Meeting, MeetingRequest, Participant, SchedulingRun, Slot, Table

FEED_SALT = "maillage.matchmaking.agenda-feed"


def _session(request, slug: str) -> B2BSession:
    try:
        return selectors.session_get(slug, user=request.user)
    except B2BSession.DoesNotExist:
        raise Http404 from None


def _participant(request, session: B2BSession) -> Participant:
    """The logged-in user's participation (404 for anyone else, organisers included: they use their pages)."""
    participant = selectors.participant_for_user(session, request.user)
    if participant is None:
        raise Http404
    return participant


def _participation(request, slug: str) -> tuple[B2BSession, Participant]:
    """The session and the logged-in user's participation in it, in one query (404 as `_participant`)."""
    try:
        participant = selectors.participation_get(slug, user=request.user)
    except Participant.DoesNotExist:
        raise Http404 from None
    return participant.session, participant


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def feed_token(participant: Participant) -> str:
    """The secret part of a participant's private iCalendar address (calendar apps cannot log in). It names
    the participation and the account it belongs to: linking the person to another account, or
    deactivating the account, turns the address off."""
    return signing.Signer(salt=FEED_SALT).sign(f"{participant.pk}-{participant.person.user_id}")


def _feed_participant(token: str, slug: str) -> Participant:
    value = signing.Signer(salt=FEED_SALT).unsign(token)
    participant_pk, user_pk = (int(part) for part in value.split("-"))
    return Participant.objects.select_related("session", "person").get(
        pk=participant_pk, session__slug=slug, person__user_id=user_pk, person__user__is_active=True
    )


def session_list(request):
    sessions = selectors.sessions_visible(request.user)
    return render(request, "matchmaking/session_list.html", {"sessions": sessions})


def session_detail(request, slug):
    session = _session(request, slug)
    participant = selectors.participant_for_user(session, request.user)
    context = {"session": session, "participant": participant, "days": selectors.session_days(session)}
    return render(request, "matchmaking/session_detail.html", context)


@organiser_required
def session_create(request):
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parts = []
        if data["morning"]:
            parts.append(services.DayPartSpec("am", data["morning_start"], data["morning_end"]))
        if data["afternoon"]:
            parts.append(services.DayPartSpec("pm", data["afternoon_start"], data["afternoon_end"]))
        days = [
            data["first_day"] + dt.timedelta(days=n)
            for n in range((data["last_day"] - data["first_day"]).days + 1)
        ]
        deadline = data["request_deadline"]
        if deadline is not None:
            deadline = deadline.replace(tzinfo=None).replace(
                tzinfo=B2BSession(timezone=data["timezone"]).tzinfo
            )
        try:
            session = services.b2b_session_create(
                organiser=request.user,
                name=data["name"],
                place=data["place"],
                days=days,
                parts=parts,
                tables=data["tables"],
                timezone_name=data["timezone"],
                slot_minutes=data["slot_minutes"],
                break_minutes=data["break_minutes"],
                max_meetings=data["max_meetings"],
                request_deadline=deadline,
                status=B2BSession.Status.CLOSED if data["already_held"] else B2BSession.Status.DRAFT,
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("B2B session created."))
            if data["already_held"]:
                return redirect("matchmaking:history_import", session.slug)
            return redirect("matchmaking:manage", session.slug)
    return render(request, "matchmaking/session_form.html", {"form": form})


@login_required
def register(request, slug):
    """A member registers themselves, or edits their profile for the session."""
    session = _session(request, slug)
    person = Person.objects.filter(user=request.user).select_related("organisation").first()
    if person is None:
        messages.error(request, _("Your account is not linked to a person of the directory."))
        return redirect(session)
    participant = selectors.participant_for_user(session, request.user)
    form = ParticipantForm(request.POST or None, instance=participant, session=session)
    if participant is None and request.method != "POST" and person.organisation:
        form.initial.update(
            offers=person.organisation.offers,
            needs=person.organisation.needs,
            sectors=list(person.organisation.sectors.values_list("pk", flat=True)),
            languages=person.languages,
        )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if participant is None:
                services.participant_register(session=session, person=person, **data)
                messages.success(request, _("You are registered."))
            else:
                sectors, unavailable = data.pop("sectors"), data.pop("unavailable")
                services.participant_update(
                    participant=participant, sectors=sectors, unavailable=unavailable, **data
                )
                messages.success(request, _("Changes saved."))
        except ValidationError as error:
            _errors(request, error)
        else:
            return redirect(session)
    context = {"session": session, "form": form, "participant": participant}
    return render(request, "matchmaking/participant_form.html", context)


@login_required
def recommendations(request, slug):
    session = _session(request, slug)
    participant = _participant(request, session)
    updating = False
    if not recommending.recommendations_current(session):
        if session.participants.count() <= recommending.RECOMMEND_NOW_MAX:
            recommending.recommendations_refresh(session=session)
        else:  # a forum of thousands: seconds of work, in the background; the last ranking meanwhile
            recommending.recommendations_refresh_later(session=session, once_within=60)
            updating = True
    people = recommending.recommendations_for(participant)
    context = {
        "session": session,
        "participant": participant,
        "people": people,
        "form": RequestForm(session=session),
        "updating": updating,
    }
    return render(request, "matchmaking/recommendations.html", context)


@login_required
def participant_list(request, slug):
    """Everyone taking part, with their public profile (contact details never shown here)."""
    session = _session(request, slug)
    participant = _participant(request, session)
    people = list(selectors.participants_shown_to(participant))
    requests = selectors.requests_between(participant)
    rows = [(p, requests.get(p.pk)) for p in people]
    context = {
        "session": session,
        "participant": participant,
        "rows": rows,
        "form": RequestForm(session=session),
    }
    return render(request, "matchmaking/participant_list.html", context)


@require_POST
@login_required
def request_send(request, slug, pk):
    session, participant = _participation(request, slug)
    try:
        recipient = selectors.recipient_get(pk)
    except Participant.DoesNotExist:
        raise Http404 from None
    form = RequestForm(request.POST, session=session)
    error = ""
    sent = None
    if form.is_valid():
        try:
            sent = services.meeting_request_send(
                sender=participant,
                recipient=recipient,
                message=form.cleaned_data["message"],
                priority=form.cleaned_data["priority"],
                window=form.cleaned_data["window"],
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = _("Check the message and the priority.")
    if request.htmx:
        context = {"session": session, "other": recipient, "request_obj": sent, "error": error, "form": form}
        return render(request, "matchmaking/_request_button.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("Request sent."))
    return redirect("matchmaking:requests", session.slug)


@login_required
def requests_page(request, slug):
    session, participant = _participation(request, slug)
    mine = selectors.requests_of(participant)
    context = {
        "session": session,
        "participant": participant,
        "received": mine.received,
        "sent": mine.sent,
        "contacts": mine.contacts,
    }
    return render(request, "matchmaking/requests.html", context)


@require_POST
@login_required
def request_answer(request, slug, pk):
    session, participant = _participation(request, slug)
    try:
        meeting_request = selectors.request_for_participant(participant, pk)
    except MeetingRequest.DoesNotExist:
        raise Http404 from None
    answer = request.POST.get("answer")
    try:
        if answer == "accept" and meeting_request.recipient_id == participant.pk:
            services.meeting_request_accept(request=meeting_request)
        elif answer == "decline" and meeting_request.recipient_id == participant.pk:
            services.meeting_request_decline(request=meeting_request)
        elif answer == "cancel" and meeting_request.sender_id == participant.pk:
            services.meeting_request_cancel(request=meeting_request)
        else:
            raise ValidationError(_("You cannot do that with this request."))
    except ValidationError as error:
        _errors(request, error)
        # The row shows the request as it is now (answered meanwhile?); only the answer's fields: a full
        # refresh would drop the people read with the request. Done, the service has set them already.
        meeting_request.refresh_from_db(fields=["status", "answered", "mutual", "priority"])
    if request.htmx:
        context = {
            "session": session,
            "participant": participant,
            "r": meeting_request,
            # An accepted request shows the other side's contact details without asking the database again.
            "contacts": (
                selectors.contacts_among(participant.pk, [meeting_request])
                if meeting_request.status == MeetingRequest.Status.ACCEPTED
                else selectors.contacts_visible_ids(participant)
            ),
            "received": meeting_request.recipient_id == participant.pk,
        }
        return render(request, "matchmaking/_request_row.html", context)
    return redirect("matchmaking:requests", session.slug)


@login_required
def agenda(request, slug):
    session = _session(request, slug)
    participant = _participant(request, session)
    items = selectors.agenda_for(participant)
    feed = reverse("matchmaking:agenda_ical", args=[session.slug, feed_token(participant)])
    context = {
        "session": session,
        "participant": participant,
        "days": selectors.by_local_day(session, items),
        "contacts": selectors.contacts_visible_ids(participant),
        "feed_url": request.build_absolute_uri(feed),
        "outcome_form": OutcomeForm(),
        "now": timezone.now(),
    }
    return render(request, "matchmaking/agenda.html", context)


def agenda_ical(request, slug, token):
    try:
        participant = _feed_participant(token, slug)
    except (signing.BadSignature, Participant.DoesNotExist, ValueError):
        raise Http404 from None
    session = participant.session
    items = selectors.agenda_for(participant)
    url = request.build_absolute_uri(reverse("matchmaking:agenda", args=[session.slug]))
    content = agenda_calendar(session, items, name=f"{session.name} · {participant.name}", url=url)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{session.slug}-b2b.ics"'
    return response


@require_POST
@login_required
def outcome_record(request, slug, pk):
    session = _session(request, slug)
    participant = _participant(request, session)
    try:
        meeting = selectors.meeting_get(session, pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            services.meeting_outcome_record(meeting=meeting, participant=participant, **form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Outcome recorded."))
    return redirect("matchmaking:agenda", session.slug)


# Organisers


@organiser_required
def manage(request, slug):
    session = _session(request, slug)
    participants = list(selectors.participants_of(session))
    context = {
        "session": session,
        "participants": participants,
        "requests": list(selectors.requests_of_session(session).order_by("-created")[:200]),
        "runs": list(selectors.runs_of(session)[:10]),
        "person_form": OrganiserParticipantForm(),
        "request_form": OrganiserRequestForm(session=session),
        "statuses": B2BSession.Status.choices,
    }
    audit_record(action="matchmaking.participants.viewed", request=request, obj=session)
    return render(request, "matchmaking/manage.html", context)


@require_POST
@organiser_required
def session_status(request, slug):
    session = _session(request, slug)
    try:
        services.b2b_session_set_status(session=session, status=request.POST.get("status", ""))
    except ValueError:
        messages.error(request, _("Unknown status."))
    return redirect("matchmaking:manage", session.slug)


@require_POST
@organiser_required
def organiser_register(request, slug):
    session = _session(request, slug)
    form = OrganiserParticipantForm(request.POST)
    if form.is_valid():
        try:
            services.participant_register(
                session=session, person=form.cleaned_data["person"], by_organiser=True
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Participant added."))
    return redirect("matchmaking:manage", session.slug)


@require_POST
@organiser_required
def organiser_request_add(request, slug):
    session = _session(request, slug)
    form = OrganiserRequestForm(request.POST, session=session)
    if form.is_valid():
        try:
            services.meeting_request_organiser_add(**form.cleaned_data)
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("Request added."))
    else:
        messages.error(request, _("Choose two participants."))
    return redirect("matchmaking:manage", session.slug)


@require_POST
@organiser_required
def organiser_request_remove(request, slug, pk):
    session = _session(request, slug)
    try:
        meeting_request = selectors.requests_of_session(session).get(pk=pk)
    except MeetingRequest.DoesNotExist:
        raise Http404 from None
    services.meeting_request_cancel(request=meeting_request)
    audit_record(action="matchmaking.deleted", request=request, obj=session, params={"request": pk})
    messages.success(request, _("Request cancelled."))
    return redirect("matchmaking:manage", session.slug)


@require_POST
@organiser_required
def run_start(request, slug):
    session = _session(request, slug)
    try:
        run = services.scheduling_run_start(session=session, user=request.user)
    except ValidationError as error:
        _errors(request, error)
        return redirect("matchmaking:manage", session.slug)
    return redirect("matchmaking:run_detail", session.slug, run.pk)


def _run(session: B2BSession, pk: int) -> SchedulingRun:
    try:
        return selectors.runs_of(session).get(pk=pk)
    except SchedulingRun.DoesNotExist:
        raise Http404 from None


@organiser_required
def run_detail(request, slug, pk):
    """The run's progress (the status part polls itself with htmx while the run is going) and its result."""
    session = _session(request, slug)
    run = _run(session, pk)
    context = {"session": session, "run": run}
    if run.status == SchedulingRun.Status.DONE:
        context["report"] = selectors.run_report(run)
        context["plan"] = selectors.table_plan(session, run=run)
    if request.htmx:
        if run.is_active:
            return render(request, "matchmaking/_run_status.html", context)
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # finished: load the whole page with its result
        return response
    return render(request, "matchmaking/run_detail.html", context)


@require_POST
@organiser_required
def run_publish(request, slug, pk):
    session = _session(request, slug)
    run = _run(session, pk)
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm: publishing e-mails every participant concerned."))
        return redirect("matchmaking:run_detail", session.slug, run.pk)
    try:
        told = services.scheduling_run_publish(run=run)
    except ValidationError as error:
        _errors(request, error)
    else:
        params = {"run": run.pk, "notified": len(told)}
        audit_record(action="matchmaking.published", request=request, obj=session, params=params)
        messages.success(request, _("Agendas published; %(count)s people notified.") % {"count": len(told)})
    return redirect("matchmaking:run_detail", session.slug, run.pk)


@organiser_required
def history_import(request, slug):
    """Record a session that already took place: its meetings, check-ins and outcomes from a file."""
    session = _session(request, slug)
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    context = {
        "session": session,
        "form": form,
        "columns": HISTORY_COLUMNS,
        "days": selectors.session_days(session),
    }
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = b2b_session_history_import(
                session=session, sheet=read_table(upload.read(), upload.name), user=request.user
            )
        except TableError as error:
            form.add_error("file", str(error))
        except ImportRejected as rejected:
            context["errors"] = rejected.errors
        except ValidationError as error:
            _errors(request, error)
        else:
            params = {"meetings": result.meetings, "held": result.held, "outcomes": result.outcomes}
            audit_record(action="matchmaking.history_imported", request=request, obj=session, params=params)
            messages.success(
                request,
                _("History recorded: %(meetings)d meetings, %(held)d held, %(outcomes)d outcomes.")
                % {"meetings": result.meetings, "held": result.held, "outcomes": result.outcomes},
            )
            return redirect("matchmaking:report", session.slug)
    return render(request, "matchmaking/history_import.html", context)


@organiser_required
def table_plan(request, slug):
    session = _session(request, slug)
    rows = selectors.table_plan(session)
    return render(request, "matchmaking/table_plan.html", {"session": session, "rows": rows})


@organiser_required
def check_in(request, slug):
    session = _session(request, slug)
    context = {
        "session": session,
        "rows": [row for row in selectors.table_plan(session) if row.meetings],
        "counts": selectors.check_in_counts(session),
        "now": timezone.now(),
    }
    return render(request, "matchmaking/check_in.html", context)


@require_POST
@organiser_required
def check_in_mark(request, slug, pk):
    session = _session(request, slug)
    try:
        meeting = selectors.meeting_get(session, pk)
    except Meeting.DoesNotExist:
        raise Http404 from None
    try:
        services.meeting_check_in(meeting=meeting, status=request.POST.get("status", ""))
    except ValidationError as error:
        _errors(request, error)
    if request.htmx:
        context = {
            "session": session,
            "meeting": meeting,
            "counts": selectors.check_in_counts(session),
            "now": timezone.now(),
        }
        return render(request, "matchmaking/_check_in_row.html", context)
    return redirect("matchmaking:check_in", session.slug)


@organiser_required
def freed_slots(request, slug):
    """Tables freed on the day (cancellations, no-shows), with the requests that could use them."""
    session = _session(request, slug)
    context = {"session": session, "freed": selectors.freed_slots(session, now=timezone.now())}
    return render(request, "matchmaking/freed_slots.html", context)


@require_POST
@organiser_required
def meeting_place(request, slug):
    session = _session(request, slug)
    try:
        meeting_request = selectors.requests_of_session(session).get(pk=request.POST.get("request"))
        slot = session.slots.get(pk=request.POST.get("slot"))
        table = session.tables.get(pk=request.POST.get("table"))
    except (MeetingRequest.DoesNotExist, Slot.DoesNotExist, Table.DoesNotExist, ValueError):
        raise Http404 from None
    try:
        services.meeting_place(request=meeting_request, slot=slot, table=table)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("Meeting placed; both people were told."))
    return redirect("matchmaking:freed_slots", session.slug)


@organiser_required
def check_in_counts(request, slug):
    session = _session(request, slug)
    context = {"session": session, "counts": selectors.check_in_counts(session)}
    return render(request, "matchmaking/_counts.html", context)


@organiser_required
def report(request, slug):
    session = _session(request, slug)
    report = selectors.session_report(session)
    context = {"session": session, "report": report, "charts": presenters.report_charts(report)}
    audit_record(action="matchmaking.participants.viewed", request=request, obj=session)
    return render(request, "matchmaking/report.html", context)


CSV_COLUMNS = [
    "start",
    "table",
    "a",
    "a_organisation",
    "b",
    "b_organisation",
    "countries",
    "status",
    "outcome",
]


@organiser_required
def report_csv(request, slug):
    session = _session(request, slug)
    data = selectors.session_report(session)
    header = [
        _("Start"),
        _("Table"),
        _("Participant"),
        _("Organisation"),
        _("Participant"),
        _("Organisation"),
        _("Countries"),
        _("Status"),
        _("Outcome"),
    ]
    rows = (
        [row[c] if c != "start" else row[c].strftime("%Y-%m-%d %H:%M") for c in CSV_COLUMNS]
        for row in data.rows
    )
    audit_record(action="matchmaking.exported", request=request, obj=session, params={"format": "csv"})
    response = HttpResponse(write_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{session.slug}-b2b.csv"'
    return response

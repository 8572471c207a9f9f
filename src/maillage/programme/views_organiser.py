"""Organisers' pages: editions, events, venues and rooms, tracks, speakers, activities, the grid, the optimiser."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import organiser_required

from . import presenters, selectors, services
from .forms import (
    ActivityForm,
    EditionForm,
    EventForm,
    IntervalForm,
    PlaceForm,
    RoomForm,
    RunForm,
    SpeakerForm,
    TrackForm,
    TravelForm,
    VenueForm,
)
from .models import (
    Activity,
    Edition,
    Event,
    ProgrammeRun,
    Room,
    RoomUnavailability,
    Speaker,
    SpeakerUnavailability,
    Track,
    Venue,
    VenueTravel,
)


def _edition(slug: str) -> Edition:
    return get_object_or_404(Edition, slug=slug)


def _manage_url(edition: Edition) -> str:
    return reverse("programme:manage_edition", args=[edition.slug])


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _form_page(request, *, form, title: str, save, back: str, edition: Edition | None = None, extra=None):
    """Validate, hand the cleaned data to `save` (a service call), then back to `back` or the saved object's
    page (`save` may return a URL)."""
    if request.method == "POST" and form.is_valid():
        try:
            target = save(form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(target if isinstance(target, str) else back)
    context = {"form": form, "title": title, "back": back, "edition": edition, **(extra or {})}
    return render(request, "programme/manage/form.html", context)


# Editions


@organiser_required
def manage_home(request):
    return render(request, "programme/manage/home.html", {"editions": selectors.editions_all()})


@organiser_required
def edition_new(request):
    form = EditionForm(request.POST or None)
    form.fields["slug"].required = False

    def save(data):
        return _manage_url(services.edition_create(**data))

    return _form_page(
        request, form=form, title=_("New edition"), save=save, back=reverse("programme:manage_home")
    )


@organiser_required
def edition_edit(request, edition):
    edition = _edition(edition)
    form = EditionForm(request.POST or None, instance=edition)

    def save(data):
        return _manage_url(services.edition_update(edition=Edition.objects.get(pk=edition.pk), **data))

    return _form_page(
        request, form=form, title=_("Edit the edition"), save=save, back=_manage_url(edition), edition=edition
    )


@organiser_required
def edition_manage(request, edition):
    edition = _edition(edition)
    context = {
        "edition": edition,
        "events": edition.events.all(),
        "venues": edition.venues.prefetch_related("rooms"),
        "tracks": edition.tracks.all(),
        "speakers": edition.speakers.select_related("person"),
        "activities": selectors.activities_for_organisers(edition),
        "runs": selectors.runs_for_edition(edition)[:5],
        "run_form": RunForm(),
    }
    return render(request, "programme/manage/edition.html", context)


# Events, venues, rooms, tracks, speakers, activities: one page to create, the same to edit.


@organiser_required
def event_form(request, edition, pk=None):
    edition = _edition(edition)
    event = get_object_or_404(Event, edition=edition, pk=pk) if pk else None
    form = EventForm(request.POST or None, instance=event)

    def save(data):
        if event:
            services.event_update(event=Event.objects.get(pk=event.pk), **data)
        else:
            services.event_create(edition=edition, **data)

    title = _("Edit the event") if event else _("New event")
    return _form_page(request, form=form, title=title, save=save, back=_manage_url(edition), edition=edition)


@organiser_required
def venue_form(request, edition, pk=None):
    edition = _edition(edition)
    venue = get_object_or_404(Venue, edition=edition, pk=pk) if pk else None
    form = VenueForm(request.POST or None, instance=venue)
    form.fields["slug"].required = False

    def save(data):
        if venue:
            saved = services.venue_update(venue=Venue.objects.get(pk=venue.pk), **data)
        else:
            saved = services.venue_create(edition=edition, **data)
        return reverse("programme:manage_venue", args=[edition.slug, saved.pk])

    extra = {}
    if venue:
        others = list(edition.venues.exclude(pk=venue.pk))
        current = dict(VenueTravel.objects.filter(origin=venue).values_list("destination", "minutes"))
        extra = {
            "venue": venue,
            "rooms": venue.rooms.all(),
            "travel_form": TravelForm(venue=venue, others=others, current=current) if others else None,
        }
    title = _("Edit the venue") if venue else _("New venue")
    return _form_page(
        request, form=form, title=title, save=save, back=_manage_url(edition), edition=edition, extra=extra
    )


@organiser_required
@require_POST
def venue_travel(request, edition, pk):
    edition = _edition(edition)
    venue = get_object_or_404(Venue, edition=edition, pk=pk)
    form = TravelForm(request.POST, venue=venue, others=list(edition.venues.exclude(pk=pk)), current={})
    if form.is_valid():
        for other, minutes in form.minutes():
            services.venue_travel_set(origin=venue, destination=other, minutes=minutes)
        messages.success(request, _("Travel times saved."))
    else:
        messages.error(request, _("Travel times are whole minutes, from 0 to 600."))
    return redirect("programme:manage_venue", edition.slug, pk)


@organiser_required
def room_form(request, edition, venue, pk=None):
    edition = _edition(edition)
    venue = get_object_or_404(Venue, edition=edition, pk=venue)
    room = get_object_or_404(Room, venue=venue, pk=pk) if pk else None
    form = RoomForm(request.POST or None, instance=room or Room(venue=venue))

    def save(data):
        if room:
            saved = services.room_update(room=Room.objects.get(pk=room.pk), **data)
        else:
            saved = services.room_create(venue=venue, **data)
        return reverse("programme:manage_room", args=[edition.slug, venue.pk, saved.pk])

    extra = {}
    if room:
        extra = {
            "room": room,
            "unavailabilities": room.unavailabilities.all(),
            "interval_form": IntervalForm(edition=edition, with_reason=True),
            "interval_url": reverse(
                "programme:manage_room_unavailable", args=[edition.slug, venue.pk, room.pk]
            ),
        }
    title = _("Edit the room") if room else _("New room")
    back = reverse("programme:manage_venue", args=[edition.slug, venue.pk])
    return _form_page(request, form=form, title=title, save=save, back=back, edition=edition, extra=extra)


@organiser_required
@require_POST
def room_unavailable(request, edition, venue, pk):
    edition = _edition(edition)
    room = get_object_or_404(Room, venue__edition=edition, venue=venue, pk=pk)
    back = reverse("programme:manage_room", args=[edition.slug, venue, pk])
    if "remove" in request.POST:
        gap = get_object_or_404(RoomUnavailability, room=room, pk=_pk_or_404(request.POST["remove"]))
        services.room_unavailability_remove(unavailability=gap)
        return redirect(back)
    form = IntervalForm(request.POST, edition=edition, with_reason=True)
    if form.is_valid():
        services.room_unavailability_add(room=room, **form.cleaned_data)
        messages.success(request, _("Unavailability added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(back)


@organiser_required
def track_form(request, edition, pk=None):
    edition = _edition(edition)
    track = get_object_or_404(Track, edition=edition, pk=pk) if pk else None
    form = TrackForm(request.POST or None, instance=track)
    form.fields["slug"].required = False
    form.fields["name_en"].required = False

    def save(data):
        if track:
            services.track_update(track=Track.objects.get(pk=track.pk), **data)
        else:
            services.track_create(edition=edition, **data)

    title = _("Edit the track") if track else _("New track")
    return _form_page(request, form=form, title=title, save=save, back=_manage_url(edition), edition=edition)


@organiser_required
def speaker_form(request, edition, pk=None):
    edition = _edition(edition)
    speaker = get_object_or_404(Speaker, edition=edition, pk=pk) if pk else None
    form = SpeakerForm(request.POST or None, instance=speaker or Speaker(edition=edition))

    def save(data):
        if speaker:
            saved = services.speaker_update(speaker=Speaker.objects.get(pk=speaker.pk), **data)
        else:
            saved = services.speaker_create(edition=edition, **data)
        return reverse("programme:manage_speaker", args=[edition.slug, saved.pk])

    extra = {}
    if speaker:
        extra = {
            "unavailabilities": speaker.unavailabilities.all(),
            "interval_form": IntervalForm(edition=edition),
            "interval_url": reverse("programme:manage_speaker_unavailable", args=[edition.slug, speaker.pk]),
        }
    title = _("Edit the speaker") if speaker else _("New speaker")
    return _form_page(
        request, form=form, title=title, save=save, back=_manage_url(edition), edition=edition, extra=extra
    )


@organiser_required
@require_POST
def speaker_unavailable(request, edition, pk):
    edition = _edition(edition)
    speaker = get_object_or_404(Speaker, edition=edition, pk=pk)
    back = reverse("programme:manage_speaker", args=[edition.slug, pk])
    if "remove" in request.POST:
        gap = get_object_or_404(SpeakerUnavailability, speaker=speaker, pk=_pk_or_404(request.POST["remove"]))
        services.speaker_unavailability_remove(unavailability=gap)
        return redirect(back)
    form = IntervalForm(request.POST, edition=edition)
    if form.is_valid():
        services.speaker_unavailability_add(speaker=speaker, **form.cleaned_data)
        messages.success(request, _("Unavailability added."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(back)


@organiser_required
def activity_form(request, edition, pk=None):
    edition = _edition(edition)
    activity = None
    if pk:
        activity = get_object_or_404(selectors.activities_for_organisers(edition), pk=pk)
    form = ActivityForm(request.POST or None, instance=activity, edition=edition)

    def save(data):
        data = dict(data)
        speakers = data.pop("speakers")
        if activity:
            services.activity_update(activity=Activity.objects.get(pk=activity.pk), speakers=speakers, **data)
        else:
            services.activity_create(speakers=speakers, **data)

    title = _("Edit the activity") if activity else _("New activity")
    return _form_page(request, form=form, title=title, save=save, back=_manage_url(edition), edition=edition)


# The grid: rooms × time for one day, every conflict explained.


def _day(edition: Edition, value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise Http404 from None
    if day not in edition.days:
        raise Http404
    return day


def _grid_context(edition: Edition, day: dt.date, *, acted: Activity | None = None, refused=None) -> dict:
    """The grid's page; after a move, `acted` is the activity moved and `refused` its form when the move was
    refused (its error and the values typed are shown beside it, where the organiser is looking)."""
    grid = presenters.organiser_grid(edition, day)
    day_start = dt.datetime.combine(day, edition.day_start, tzinfo=edition.tzinfo)

    def place_form(activity, prefix):
        initial = {"room": activity.room_id, "start": activity.start or day_start, "fixed": activity.fixed}
        return PlaceForm(edition=edition, rooms=grid.rooms, initial=initial, prefix=prefix)

    forms = {item.activity.pk: place_form(item.activity, f"a{item.activity.pk}") for item in grid.items}
    for activity in [*grid.outside, *grid.unplaced]:
        forms[activity.pk] = place_form(activity, f"a{activity.pk}")
    context = {"edition": edition, "grid": grid, "place_forms": forms}
    if acted is not None and refused is not None:
        forms[acted.pk] = refused
        context["place_error_pk"] = acted.pk
        context["place_error"] = " ".join(str(e) for errors in refused.errors.values() for e in errors)
    elif acted is not None:
        context["place_done_pk"] = acted.pk
    return context


@organiser_required
def grid(request, edition, day):
    edition = _edition(edition)
    day = _day(edition, day)
    template = "programme/manage/_grid.html" if request.htmx else "programme/manage/grid.html"
    return render(request, template, _grid_context(edition, day))


@organiser_required
@require_POST
def activity_place(request, edition, day, pk):
    """Place (or, with `unplace`, take out) an activity from the grid; answers htmx with the new grid, the
    error of a refused move beside the activity."""
    edition = _edition(edition)
    day = _day(edition, day)
    activity = get_object_or_404(
        Activity.objects.select_related("event__edition"), event__edition=edition, pk=pk
    )
    refused = None
    if "unplace" in request.POST:
        services.activity_unplace(activity=activity)
    else:
        form = PlaceForm(request.POST, edition=edition, prefix=f"a{pk}")
        if form.is_valid():
            try:
                services.activity_place(activity=activity, **form.cleaned_data)
            except ValidationError as exc:
                _add_errors(form, exc)
                refused = form
        else:
            refused = form
    if request.htmx:
        context = _grid_context(edition, day, acted=activity, refused=refused)
        return render(request, "programme/manage/_grid.html", context)
    if refused is not None:
        messages.error(request, " ".join(str(e) for errors in refused.errors.values() for e in errors))
    return redirect("programme:manage_grid", edition.slug, day.isoformat())


# The optimiser


@organiser_required
@require_POST
def run_start(request, edition):
    edition = _edition(edition)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The time limit is a number of seconds from 1 to 600."))
        return redirect(_manage_url(edition))
    run = services.programme_run_start(
        edition=edition,
        user=request.user,
        time_limit=form.cleaned_data["time_limit"],
        seed=form.cleaned_data["seed"] or 0,
    )
    return redirect("programme:manage_run", edition.slug, run.pk)


def _run_context(edition: Edition, run: ProgrammeRun) -> dict:
    activities = selectors.run_activities(run)
    unplaced = [(activities.get(item["activity"]), item["reason"]) for item in run.unplaced]
    report = presenters.run_report(edition, run, activities) if run.stats else None
    return {"edition": edition, "run": run, "unplaced": unplaced, "report": report}


@organiser_required
def run_detail(request, edition, pk):
    edition = _edition(edition)
    run = get_object_or_404(ProgrammeRun, edition=edition, pk=pk)
    template = "programme/manage/_run.html" if request.htmx else "programme/manage/run.html"
    return render(request, template, _run_context(edition, run))


@organiser_required
@require_POST
def run_decide(request, edition, pk):
    edition = _edition(edition)
    run = get_object_or_404(ProgrammeRun, edition=edition, pk=pk)
    try:
        if request.POST.get("decision") == "apply":
            changed = services.programme_run_apply(run=run)
            text = ngettext(
                "Proposal applied: %(count)s activity moved.",
                "Proposal applied: %(count)s activities moved.",
                changed,
            )
            messages.success(request, text % {"count": changed})
        else:
            services.programme_run_discard(run=run)
            messages.success(request, _("Proposal discarded."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("programme:manage_run", edition.slug, run.pk)


def _pk_or_404(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise Http404 from None

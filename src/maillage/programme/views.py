import functools
import hashlib
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import User

from . import selectors, services
from .exports.c3voc import schedule_json
from .exports.csv import programme_csv
from .exports.frab import schedule_xml
from .exports.ical import calendar_for
from .forms import AgendaFilterForm, SpeakerProfileForm, day_part_interval, parse_ids
from .models import Activity, Edition, Speaker, Track

FEED_SALT = "maillage.programme.agenda-feed"
AGENDA_CACHE_SECONDS = 60


def _edition(request, slug: str) -> Edition:
    try:
        return selectors.edition_get(slug, user=request.user)
    except Edition.DoesNotExist:
        raise Http404 from None


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def agenda_feed_token(user: User) -> str:
    """The secret part of a user's personal iCalendar address (calendar apps cannot log in)."""
    return signing.Signer(salt=FEED_SALT).sign(str(user.pk))


def edition_list(request):
    editions = list(selectors.editions_public())
    if len(editions) == 1:
        return redirect(editions[0])
    return render(request, "programme/edition_list.html", {"editions": editions})


def agenda(request, edition):
    edition = _edition(request, edition)

    @functools.cache
    def form() -> AgendaFilterForm:  # built only when the page is not in the cache: it costs two queries
        return AgendaFilterForm(request.GET, edition=edition)

    @functools.cache
    def activities() -> list[Activity]:
        return selectors.programme_for_edition(edition, form().filters())

    def results() -> str:
        context = {
            "edition": edition,
            "days": selectors.by_local_day(edition, activities()),
            "count": len(activities()),
            "starred": selectors.starred_ids(request.user, edition),
        }
        return render_to_string("programme/_agenda_results.html", context, request)

    def body() -> str:
        selection = form().filters().ids is not None
        context = {
            "edition": edition,
            "form": form(),
            "results": mark_safe(results()),  # noqa: S308 - our own template, rendered (and escaped) above
            "selection": selection,
            # a visitor's selection (kept in their browser) shows its clashes as a member's agenda does
            "clashes": selectors.favourite_clashes(edition, activities()) if selection else [],
        }
        return render_to_string("programme/_agenda_body.html", context, request)

    render_part = results if request.htmx else body
    if request.user.is_authenticated:  # their stars are in the page
        html = render_part()
    elif not request.htmx and not messages.get_messages(request):
        return HttpResponse(_visitors_page(request, edition, body))
    else:
        html = _cached_for_visitors(request, edition, render_part)
    if request.htmx:
        return HttpResponse(html)
    return render(request, "programme/agenda.html", {"edition": edition, "body": mark_safe(html)})  # noqa: S308


# Stands for the visitor's own CSRF token in the page kept for every visitor (letters and dashes only: HTML
# escaping leaves it as it is); each answer gets its visitor's token in its place.
CSRF_PLACEHOLDER = "maillage-agenda-csrf-token-of-this-visitor"
RETURN_PLACEHOLDER = "maillage-agenda-address-of-this-visitor"


def _visitors_key(request, edition, part: str, version: tuple, *, path: str = "") -> str:
    """The cache key of a part of the agenda that every visitor sees alike: out of date at once when an
    activity of the edition changes (its version is in the key), per language and filters."""
    return (
        f"programme:agenda:{part}:"
        + hashlib.sha256(
            repr(
                (
                    edition.pk,
                    edition.updated,
                    version,
                    get_language(),
                    sorted((k, v) for k, v in request.GET.lists() if k in AgendaFilterForm.base_fields),
                    path,
                )
            ).encode()
        ).hexdigest()
    )


def _cached_for_visitors(request, edition, render_part, version: tuple | None = None) -> str:
    """Visitors all see the same agenda for the same address: kept for a minute, and out of date at once
    when an activity of the edition changes (its version is in the key). Renamed rooms or speakers show
    within the minute."""
    if version is None:
        version = selectors.programme_version(edition)
    key = _visitors_key(request, edition, "results" if request.htmx else "body", version)
    html = cache.get(key)
    if html is None:
        html = render_part()
        cache.set(key, html, AGENDA_CACHE_SECONDS)
    return html


def _visitors_page(request, edition, body) -> str:
    """The whole page for a visitor, kept as the agenda's body is: under load, laying out the site's frame
    around the body cost as much as the rest of the answer. The frame's personal parts, the CSRF token of
    the language switch and the address it returns to, are put in for each visitor, so the key holds only
    the path and the filters: other parameters (tracking, or random ones sent to fill the cache) share it."""
    version = selectors.programme_version(edition)
    key = _visitors_key(request, edition, "page", version, path=request.path)
    page = cache.get(key)
    if page is None:
        html = _cached_for_visitors(request, edition, body, version)
        context = {
            "edition": edition,
            "body": mark_safe(html),  # noqa: S308
            "csrf_token": CSRF_PLACEHOLDER,
            "return_to": RETURN_PLACEHOLDER,
        }
        page = render_to_string("programme/agenda.html", context, request)
        cache.set(key, page, AGENDA_CACHE_SECONDS)
    return page.replace(CSRF_PLACEHOLDER, get_token(request)).replace(
        RETURN_PLACEHOLDER, escape(request.get_full_path())
    )


def activity_detail(request, edition, pk):
    edition = _edition(request, edition)
    try:
        activity = selectors.activity_public_get(edition, pk)
    except Activity.DoesNotExist:
        raise Http404 from None
    context = {
        "edition": edition,
        "activity": activity,
        "starred": selectors.starred_ids(request.user, edition),
    }
    return render(request, "programme/activity_detail.html", context)


def speaker_detail(request, edition, pk):
    edition = _edition(request, edition)
    try:
        speaker = selectors.speaker_get(edition, pk)
    except Speaker.DoesNotExist:
        raise Http404 from None
    activities = selectors.speaker_activities(speaker)
    if not activities and not selectors.speaker_can_edit(speaker, user=request.user):
        raise Http404
    context = {
        "edition": edition,
        "speaker": speaker,
        "activities": activities,
        "can_edit": selectors.speaker_can_edit(speaker, user=request.user),
        "starred": selectors.starred_ids(request.user, edition),
    }
    return render(request, "programme/speaker_detail.html", context)


@login_required
def speaker_edit(request, edition, pk):
    """A speaker (or an organiser) updates the biographies and the parts of days the speaker is unavailable.
    Unavailabilities that are not whole parts of days (set by organisers) are kept as they are. Speakers
    reach it before the edition is published: the optimiser needs their availability first."""
    edition = get_object_or_404(Edition, slug=edition)
    try:
        speaker = selectors.speaker_get(edition, pk)
    except Speaker.DoesNotExist:
        raise Http404 from None
    if not selectors.speaker_can_edit(speaker, user=request.user):
        raise PermissionDenied
    existing = [(u.start, u.end) for u in speaker.unavailabilities.all()]
    form = SpeakerProfileForm(request.POST or None, edition=edition)
    parts = {key: day_part_interval(edition, key) for key, _label in form.fields["unavailable"].choices}
    others = [interval for interval in existing if interval not in parts.values()]
    if request.method == "POST" and form.is_valid():
        services.speaker_update_profile(
            speaker=speaker,
            bio_fr=form.cleaned_data["bio_fr"],
            bio_en=form.cleaned_data["bio_en"],
            unavailable=others + form.intervals(),
        )
        messages.success(request, _("Changes saved."))
        return redirect(speaker if edition.published else request.path)
    if request.method != "POST":
        form.initial = {
            "bio_fr": speaker.bio_fr,
            "bio_en": speaker.bio_en,
            "unavailable": [key for key, interval in parts.items() if interval in existing],
        }
    context = {"edition": edition, "speaker": speaker, "form": form, "others": others}
    return render(request, "programme/speaker_form.html", context)


@require_POST
@login_required
def favourite_toggle(request, edition, pk):
    edition = _edition(request, edition)
    try:
        activity = selectors.activity_public_get(edition, pk)
    except Activity.DoesNotExist:
        raise Http404 from None
    if request.POST.get("star") == "1":
        services.favourite_star(user=request.user, activity=activity)
    else:
        services.favourite_unstar(user=request.user, activity=activity)
    if request.htmx:
        starred = selectors.starred_ids(request.user, edition)
        return render(
            request, "programme/_star.html", {"edition": edition, "activity": activity, "starred": starred}
        )
    # A URL, never a view name: redirect("2") would try to reverse it and fail.
    return HttpResponseRedirect(request.POST["next"] if _safe_next(request) else activity.get_absolute_url())


def _safe_next(request) -> bool:
    target = request.POST.get("next", "")
    return bool(target) and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@login_required
def my_agenda(request, edition):
    edition = _edition(request, edition)
    activities = selectors.agenda_for_user(request.user, edition)
    context = {
        "edition": edition,
        "days": selectors.by_local_day(edition, activities),
        "clashes": selectors.favourite_clashes(edition, activities),
        "starred": {a.pk for a in activities},
        "feed_url": request.build_absolute_uri(_feed_path(edition, agenda_feed_token(request.user))),
    }
    return render(request, "programme/my_agenda.html", context)


def _feed_path(edition: Edition, token: str) -> str:
    return reverse("programme:export_favourites_ical", args=[edition.slug, token])


# Exports: public for published editions, published and placed activities only.


def _published(request, slug: str) -> Edition:
    try:
        return selectors.editions_public().get(slug=slug)
    except Edition.DoesNotExist:
        raise Http404 from None


def _ical_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def export_ical(request, edition):
    edition = _published(request, edition)
    activities = list(selectors.activities_public(edition))
    content = calendar_for(edition, activities, name=edition.name, base_url=_base_url(request))
    return _ical_response(content, f"{edition.slug}.ics")


def export_track_ical(request, edition, track):
    edition = _published(request, edition)
    try:
        track = selectors.track_get(edition, track)
    except Track.DoesNotExist:
        raise Http404 from None
    activities = list(selectors.activities_public(edition).filter(track=track))
    name = f"{edition.name} · {track.name}"
    content = calendar_for(edition, activities, name=name, base_url=_base_url(request))
    return _ical_response(content, f"{edition.slug}-{track.slug}.ics")


def export_speaker_ical(request, edition, pk):
    edition = _published(request, edition)
    try:
        speaker = selectors.speaker_get(edition, pk)
    except Speaker.DoesNotExist:
        raise Http404 from None
    activities = selectors.speaker_activities(speaker)
    if not activities:  # as on the speaker's page: nobody is named before they have a public activity
        raise Http404
    name = f"{edition.name} · {speaker.name}"
    content = calendar_for(edition, activities, name=name, base_url=_base_url(request))
    return _ical_response(content, f"{edition.slug}-speaker-{speaker.pk}.ics")


def export_favourites_ical(request, edition, token):
    edition = _published(request, edition)
    try:
        user_pk = signing.Signer(salt=FEED_SALT).unsign(token)
        user = User.objects.get(pk=user_pk, is_active=True)
    except (signing.BadSignature, User.DoesNotExist, ValueError):
        raise Http404 from None
    activities = selectors.agenda_for_user(user, edition)
    content = calendar_for(edition, activities, name=edition.name, base_url=_base_url(request))
    return _ical_response(content, f"{edition.slug}-agenda.ics")


def export_selection_ical(request, edition):
    """The calendar of a visitor's selection (published activities by id, from the stars kept in the browser)."""
    edition = _published(request, edition)
    ids = parse_ids(request.GET.get("ids", "")) or ()
    activities = list(selectors.activities_public(edition).filter(pk__in=ids))
    content = calendar_for(edition, activities, name=edition.name, base_url=_base_url(request))
    return _ical_response(content, f"{edition.slug}-selection.ics")


def export_frab(request, edition):
    edition = _published(request, edition)
    content = schedule_xml(edition, list(selectors.activities_public(edition)), base_url=_base_url(request))
    return HttpResponse(content, content_type="application/xml; charset=utf-8")


def export_c3voc(request, edition):
    edition = _published(request, edition)
    data = schedule_json(edition, list(selectors.activities_public(edition)), base_url=_base_url(request))
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )


def export_csv(request, edition):
    edition = _published(request, edition)
    content = programme_csv(edition, list(selectors.activities_public(edition)), base_url=_base_url(request))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}.csv"'
    return response

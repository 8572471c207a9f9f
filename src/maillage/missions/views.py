"""Pages of trade missions: thin views that read through selectors, write through services, and check
rights with `selectors.mission_access` (one place for who may do what)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import organiser_required
from maillage.common.audit import audit_record
from maillage.common.tabular import write_csv
from maillage.directory.models import Corridor, Person

from . import presenters, selectors, services
from .booklet import booklet_pdf
from .forms import (
    ApplicationForm,
    CityForm,
    DecisionForm,
    DelegateAddForm,
    DiscoveryForm,
    ItemForm,
    LeadForm,
    MissionForm,
    NeedsForm,
    PartnerForm,
    PhotoForm,
    SurveyForm,
    TestimonialForm,
)
from .ical import agenda_calendar
from .models import (
    Application,
    Delegate,
    FollowUpSurvey,
    ItineraryItem,
    Lead,
    Mission,
    MissionPartner,
    Photo,
    Testimonial,
)

FEED_SALT = "maillage.missions.agenda-feed"


def _access(request, slug: str) -> selectors.Access:
    try:
        return selectors.mission_access(slug, user=request.user)
    except Mission.DoesNotExist:
        raise Http404 from None


def _require(request, allowed: bool):
    if not allowed:
        if not request.user.is_authenticated:
            raise _LoginNeeded
        raise PermissionDenied


class _LoginNeeded(Exception):
    pass


def _guard(view):
    """Anonymous visitors asked to log in where a page needs rights; others get 403."""

    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginNeeded:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _form_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form, which keeps what was typed."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _manage_post(request, slug, form, action, *, done: str, invalid: str):
    """The management page's small forms: a form that does not validate, or a service that refuses, is said
    in a message on that page (the page holds many forms, so none is shown again with its errors)."""
    if not form.is_valid():
        messages.error(request, invalid)
    else:
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            _messages(request, error)
        else:
            messages.success(request, done)
    return redirect("missions:manage", slug)


def feed_token(delegate: Delegate) -> str:
    """The secret part of a delegate's private iCalendar address, bound to the account: linking the person
    to another account, or deactivating it, turns the address off."""
    return signing.Signer(salt=FEED_SALT).sign(f"{delegate.pk}-{delegate.person.user_id}")


def _feed_delegate(token: str, slug: str) -> Delegate:
    value = signing.Signer(salt=FEED_SALT).unsign(token)
    delegate_pk, user_pk = (int(part) for part in value.split("-"))
    return Delegate.objects.select_related("mission", "person").get(
        pk=delegate_pk, mission__slug=slug, person__user_id=user_pk, person__user__is_active=True
    )


# Public pages


def mission_list(request):
    missions = selectors.missions_visible(request.user)
    today = timezone.localdate()
    return render(
        request,
        "missions/mission_list.html",
        {
            "coming": [m for m in missions if m.end_date >= today],
            "past": [m for m in missions if m.end_date < today],
        },
    )


def mission_detail(request, slug):
    access = _access(request, slug)
    mission = access.mission
    context = {
        "access": access,
        "mission": mission,
        "cities": list(mission.cities.all()),
        "partners": list(selectors.partners_of(mission)),
        "call_open": services.call_is_open(mission),
        "seats": selectors.seats(mission),
    }
    return render(request, "missions/mission_detail.html", context)


@_guard
def mission_story(request, slug):
    """The public report: the story, the figures that matter, highlights, testimonials and photos."""
    access = _access(request, slug)
    mission = access.mission
    figures = selectors.mission_figures(mission)
    context = {
        "access": access,
        "mission": mission,
        "figures": figures,
        "favourites": list(selectors.discoveries_of(mission).filter(favourite=True)[:12]),
        "testimonials": list(selectors.mission_testimonials(mission, published_only=True)),
        "photos": list(selectors.photos_of(mission, published_only=True)),
    }
    return render(request, "missions/story.html", context)


# The call for delegates


@_guard
def apply(request, slug):
    access = _access(request, slug)
    mission = access.mission
    if not request.user.is_authenticated:
        raise _LoginNeeded
    if access.application is not None:
        return redirect("missions:application", mission.slug)
    if not services.call_is_open(mission):
        messages.error(request, _("The call for delegates of this mission is closed."))
        return redirect(mission)
    person = Person.objects.filter(user=request.user).select_related("organisation").first()
    form = ApplicationForm(request.POST or None)
    if request.method != "POST":
        form.initial.update(email=request.user.email, language=request.user.language)
        if person is not None:
            organisation = person.organisation
            form.initial.update(first_name=person.first_name, last_name=person.last_name, phone=person.phone)
            if organisation is not None:
                form.initial.update(
                    organisation_name=organisation.name,
                    organisation_country=organisation.country,
                    organisation_website=organisation.website,
                    offers=organisation.offers,
                    needs=organisation.needs,
                    sectors=list(organisation.sectors.values_list("pk", flat=True)),
                )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        sectors = data.pop("sectors")
        try:
            services.application_submit(mission=mission, user=request.user, sectors=sectors, **data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Application sent: you will get an e-mail at each step."))
            return redirect("missions:application", mission.slug)
    return render(request, "missions/apply.html", {"mission": mission, "form": form, "access": access})


@login_required
def application(request, slug):
    access = _access(request, slug)
    if access.application is None:
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        services.application_withdraw(application=access.application)
        messages.success(request, _("Your application is withdrawn."))
        return redirect("missions:application", slug)
    context = {"mission": access.mission, "application": access.application, "access": access}
    return render(request, "missions/application.html", context)


@login_required
def my_applications(request):
    return render(
        request,
        "missions/my_applications.html",
        {"applications": selectors.applications_of_user(request.user)},
    )


# The delegation's private space


@_guard
def space(request, slug):
    """The itinerary (each time in its place's zone, with its flags for organisers) and the delegation."""
    access = _access(request, slug)
    _require(request, access.private)
    mission = access.mission
    items = selectors.items_of(mission)
    flags = selectors.itinerary_flags(mission, items) if access.organiser else {}
    days = selectors.by_local_day(
        [
            selectors.AgendaEntry(
                kind=i.kind,
                title=i.title,
                start=i.start,
                end=i.end,
                zone=i.tzinfo,
                end_zone=i.end_zone,
                city=i.city,
                place=i.place,
                item=i,
            )
            for i in items
        ]
    )
    context = {
        "access": access,
        "mission": mission,
        "days": days,
        "flags": {pk: [presenters.flag_text(f) for f in fs] for pk, fs in flags.items()},
        "delegates": list(selectors.delegates_of(mission)),
    }
    return render(request, "missions/space.html", context)


def _delegate_or_404(access: selectors.Access) -> Delegate:
    if access.delegate is None:
        raise Http404
    return access.delegate


@_guard
def agenda(request, slug):
    access = _access(request, slug)
    _require(request, access.private)
    delegate = _delegate_or_404(access)
    entries = selectors.agenda_for(delegate)
    feed = reverse("missions:agenda_ical", args=[slug, feed_token(delegate)])
    context = {
        "access": access,
        "mission": access.mission,
        "delegate": delegate,
        "days": selectors.by_local_day(entries),
        "feed_url": request.build_absolute_uri(feed),
    }
    return render(request, "missions/agenda.html", context)


@_guard
def booklet(request, slug):
    """A delegate's booklet; an organiser gets any delegate's (``?delegate=pk``) or the whole itinerary's."""
    access = _access(request, slug)
    _require(request, access.private)
    mission = access.mission
    delegate = access.delegate
    if access.organiser and request.GET.get("delegate"):
        try:
            delegate = selectors.delegates_of(mission).get(pk=request.GET["delegate"])
        except (Delegate.DoesNotExist, ValueError):
            raise Http404 from None
    if delegate is not None:
        entries = selectors.agenda_for(delegate)
    else:
        entries = [
            selectors.AgendaEntry(
                kind=i.kind,
                title=i.title,
                start=i.start,
                end=i.end,
                zone=i.tzinfo,
                end_zone=i.end_zone,
                city=i.city,
                place=i.place,
                item=i,
            )
            for i in selectors.items_of(mission)
        ]
    hosts, delegation = selectors.booklet_contacts(mission)
    audit_record(action="missions.exported", request=request, obj=mission, params={"format": "pdf"})
    content = booklet_pdf(mission, delegate, entries, hosts=hosts, delegation=delegation)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{mission.slug}-livret.pdf"'
    return response


def agenda_ical(request, slug, token):
    try:
        delegate = _feed_delegate(token, slug)
    except (signing.BadSignature, Delegate.DoesNotExist, ValueError):
        raise Http404 from None
    mission = delegate.mission
    with translation.override(delegate.language):  # a calendar app has no language of its own
        entries = selectors.agenda_for(delegate)
    url = request.build_absolute_uri(reverse("missions:agenda", args=[slug]))
    content = agenda_calendar(mission, entries, name=f"{mission.title} · {delegate.name}", url=url)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{mission.slug}.ics"'
    return response


@_guard
def needs(request, slug):
    access = _access(request, slug)
    _require(request, access.private)
    delegate = _delegate_or_404(access)
    mission = access.mission
    form = NeedsForm(request.POST or None, instance=delegate, zone_name=mission.timezone)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.DELEGATE_OWN_FIELDS}
        delegate.refresh_from_db()
        try:
            services.delegate_update(delegate=delegate, **data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("missions:space", slug)
    return render(request, "missions/needs.html", {"access": access, "mission": mission, "form": form})


# What came of it


@_guard
def outcomes(request, slug):
    access = _access(request, slug)
    _require(request, access.private)
    mission = access.mission
    forms = {
        "discovery_form": DiscoveryForm(mission=mission),
        "lead_form": LeadForm(),
        "testimonial_form": TestimonialForm(),
        "photo_form": PhotoForm(),
    }
    return _outcomes_page(request, access, forms)


def _outcomes_page(request, access, forms, status=200):
    mission = access.mission
    context = {
        "access": access,
        "mission": mission,
        "discoveries": list(selectors.discoveries_of(mission)),
        "leads": list(selectors.leads_of(mission)),
        "testimonials": list(selectors.mission_testimonials(mission)),
        "photos": list(selectors.photos_of(mission)),
        "lead_statuses": Lead.Status.choices,
        **forms,
    }
    return render(request, "missions/outcomes.html", context, status=status)


def _outcome_post(request, slug, form_name, make_form, save):
    access = _access(request, slug)
    _require(request, access.private)
    mission = access.mission
    form = make_form(request, mission)
    if form.is_valid():
        try:
            save(access, form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Recorded."))
            return redirect("missions:outcomes", slug)
    forms = {
        "discovery_form": DiscoveryForm(mission=mission),
        "lead_form": LeadForm(),
        "testimonial_form": TestimonialForm(),
        "photo_form": PhotoForm(),
        form_name: form,
    }
    return _outcomes_page(request, access, forms, status=400)


@require_POST
@_guard
def discovery_add(request, slug):
    def save(access, data):
        services.discovery_record(mission=access.mission, recorded_by=access.delegate, **data)

    return _outcome_post(request, slug, "discovery_form", lambda r, m: DiscoveryForm(r.POST, mission=m), save)


@require_POST
@_guard
def lead_add(request, slug):
    def save(access, data):
        services.lead_record(mission=access.mission, recorded_by=access.delegate, **data)

    return _outcome_post(request, slug, "lead_form", lambda r, m: LeadForm(r.POST), save)


@require_POST
@_guard
def testimonial_add(request, slug):
    def save(access, data):
        if access.delegate is None:
            raise ValidationError(_("Only delegates give testimonials."))
        services.testimonial_add(delegate=access.delegate, text=data["text"])

    return _outcome_post(request, slug, "testimonial_form", lambda r, m: TestimonialForm(r.POST), save)


@require_POST
@_guard
def photo_add(request, slug):
    def save(access, data):
        services.photo_add(
            mission=access.mission, uploaded_by=request.user, image=data["image"], caption=data["caption"]
        )

    return _outcome_post(request, slug, "photo_form", lambda r, m: PhotoForm(r.POST, r.FILES), save)


@_guard
def photo_file(request, slug, pk):
    """A photo: published ones for whoever sees the mission, the others for its delegates and organisers."""
    access = _access(request, slug)
    try:
        photo = selectors.photos_of(access.mission).get(pk=pk)
    except Photo.DoesNotExist:
        raise Http404 from None
    if not photo.published:
        _require(request, access.private)
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=photo.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    return response


@_guard
def survey(request, slug, wave):
    access = _access(request, slug)
    _require(request, access.private)
    delegate = _delegate_or_404(access)
    try:
        record = selectors.survey_for(delegate, wave)
    except FollowUpSurvey.DoesNotExist:
        raise Http404 from None
    form = SurveyForm(request.POST or None)
    if request.method != "POST" and record.answered:
        form.initial.update(
            {
                name: {True: "yes", False: "no"}.get(getattr(record, name), "")
                for name in ("contract", "hire", "office_abroad", "hosted_startup")
            },
            with_organisation=record.with_organisation_id,
            comments=record.comments,
        )
    if request.method == "POST" and form.is_valid():
        services.survey_answer(survey=record, **form.cleaned_data)
        messages.success(request, _("Thank you: your answers are recorded."))
        return redirect("missions:space", slug)
    context = {"access": access, "mission": access.mission, "form": form, "survey": record}
    return render(request, "missions/survey.html", context)


# Figures (organisers, and partners given access)


@_guard
def figures(request, slug):
    access = _access(request, slug)
    _require(request, access.figures)
    mission = access.mission
    data = selectors.mission_figures(mission)
    tables = presenters.figures_tables(data)
    charts = [
        presenters.bar_chart("chart-sectors", _("Delegates by sector"), tables["sectors"]),
        presenters.bar_chart("chart-regions", _("Delegates by region"), tables["regions"]),
        presenters.bar_chart("chart-results", _("Results reported in the surveys"), tables["results"]),
    ]
    context = {
        "access": access,
        "mission": mission,
        "figures": data,
        "tables": tables,
        "charts": charts,
        "leads": list(selectors.leads_of(mission)) if access.organiser else [],
    }
    return render(request, "missions/figures.html", context)


@_guard
def figures_csv(request, slug):
    access = _access(request, slug)
    _require(request, access.figures)
    mission = access.mission
    header = [_("Type"), _("Organisation"), _("Detail"), _("Country or partner"), _("Status"), _("Date")]
    columns = ["type", "organisation", "detail", "country", "status", "date"]
    rows = ([row[c] for c in columns] for row in selectors.report_rows(mission))
    audit_record(action="missions.exported", request=request, obj=mission, params={"format": "csv"})
    response = HttpResponse(write_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{mission.slug}-bilan.csv"'
    return response


@organiser_required
def dashboard(request):
    corridor = None
    if request.GET.get("corridor"):
        corridor = (
            Corridor.objects.filter(pk=request.GET["corridor"]).first()
            if request.GET["corridor"].isdigit()
            else None
        )
    data = selectors.corridor_dashboard(corridor=corridor)
    context = {
        "dashboard": data,
        "corridor": corridor,
        "charts": presenters.dashboard_charts(data),
        "kind_rows": presenters.visit_kind_rows(data),
    }
    return render(request, "missions/dashboard.html", context)


# Organisers


@organiser_required
def mission_create(request):
    form = MissionForm(request.POST or None)
    city_form = CityForm(request.POST or None, prefix="city")
    if request.method == "POST" and form.is_valid() and city_form.is_valid():
        data = dict(form.cleaned_data)
        city = city_form.cleaned_data
        try:
            mission = services.mission_create(
                created_by=request.user,
                cities=[(city["name"], city["country"], city["timezone"])],
                **data,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Mission created."))
            return redirect("missions:manage", mission.slug)
    return render(request, "missions/mission_form.html", {"form": form, "city_form": city_form})


@organiser_required
def mission_edit(request, slug):
    access = _access(request, slug)
    mission = access.mission
    form = MissionForm(request.POST or None, instance=mission)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        mission.refresh_from_db()
        try:
            services.mission_update(mission=mission, **data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("missions:manage", mission.slug)
    return render(request, "missions/mission_form.html", {"form": form, "mission": mission})


@organiser_required
def manage(request, slug):
    access = _access(request, slug)
    mission = access.mission
    context = {
        "access": access,
        "mission": mission,
        "applications": list(selectors.applications_of(mission)),
        "delegates": list(selectors.delegates_of(mission)),
        "partners": list(selectors.partners_of(mission).prefetch_related("viewers")),
        "cities": list(mission.cities.all()),
        "seats": selectors.seats(mission),
        "statuses": Mission.Status.choices,
        "delegate_form": DelegateAddForm(),
        "partner_form": PartnerForm(),
        "city_form": CityForm(),
        "call_open": services.call_is_open(mission),
    }
    audit_record(action="missions.applications.viewed", request=request, obj=mission)
    return render(request, "missions/manage.html", context)


@require_POST
@organiser_required
def mission_status(request, slug):
    access = _access(request, slug)
    try:
        services.mission_set_status(mission=access.mission, status=request.POST.get("status", ""))
    except ValidationError as error:
        _messages(request, error)
    else:
        params = {"status": access.mission.status}
        audit_record(action="missions.published", request=request, obj=access.mission, params=params)
    return redirect("missions:manage", slug)


@require_POST
@organiser_required
def application_decide(request, slug, pk):
    access = _access(request, slug)
    try:
        record = selectors.applications_of(access.mission).get(pk=pk)
    except (Application.DoesNotExist, ValueError):
        raise Http404 from None
    return _manage_post(
        request,
        slug,
        DecisionForm(request.POST),
        lambda data: services.application_decide(application=record, decision=data["decision"]),
        done=_("Decision recorded; the applicant is told by e-mail."),
        invalid=_("Unknown decision."),
    )


@require_POST
@organiser_required
def delegate_add(request, slug):
    access = _access(request, slug)
    return _manage_post(
        request,
        slug,
        DelegateAddForm(request.POST),
        lambda data: services.delegate_add(mission=access.mission, **data),
        done=_("Delegate added."),
        invalid=_("Choose a person and a role."),
    )


@require_POST
@organiser_required
def partner_add(request, slug):
    access = _access(request, slug)
    return _manage_post(
        request,
        slug,
        PartnerForm(request.POST),
        lambda data: services.mission_partner_add(mission=access.mission, **data),
        done=_("Partner added."),
        invalid=_("Choose an organisation and its role."),
    )


@require_POST
@organiser_required
def partner_viewer_add(request, slug, pk):
    access = _access(request, slug)
    try:
        partner = selectors.partners_of(access.mission).get(pk=pk)
        person = Person.objects.get(pk=request.POST.get("person"))
    except (ValueError, Person.DoesNotExist, MissionPartner.DoesNotExist):
        raise Http404 from None
    try:
        services.mission_partner_viewer_add(partner=partner, person=person)
    except ValidationError as error:
        _messages(request, error)
    else:
        messages.success(request, _("Access to the figures given."))
    return redirect("missions:manage", slug)


@require_POST
@organiser_required
def city_add(request, slug):
    access = _access(request, slug)
    return _manage_post(
        request,
        slug,
        CityForm(request.POST),
        lambda data: services.mission_city_add(
            mission=access.mission,
            name=data["name"],
            country=data["country"],
            timezone_name=data["timezone"],
        ),
        done=_("City added."),
        invalid=_("Check the city, its country and its time zone."),
    )


@organiser_required
def itinerary(request, slug, pk=None):
    """The itinerary editor: every item with its live flags, and the form to add one (or change one)."""
    access = _access(request, slug)
    mission = access.mission
    item = _item_of(mission, pk)
    form = ItemForm(request.POST or None, mission=mission, item=item)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            attendees = data.pop("attendees")
            notify = data.pop("notify")
            try:
                saved = services.item_save(
                    mission=mission,
                    item=item,
                    attendees=[] if data["everyone"] else attendees,
                    notify=notify,
                    **data,
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Itinerary saved."))
                return redirect(f"{reverse('missions:itinerary', args=[slug])}#item-{saved.pk}")
        status = 400
    items = selectors.items_of(mission)
    flags = selectors.itinerary_flags(mission, items)
    context = {
        "access": access,
        "mission": mission,
        "form": form,
        "item": item,
        "items": items,
        "flags": {pk: [presenters.flag_text(f) for f in fs] for pk, fs in flags.items()},
        "flag_count": sum(len(fs) for fs in flags.values()),
        "checked": item is not None,
        "item_flags": [presenters.flag_text(f) for f in flags.get(item.pk, [])] if item else [],
    }
    if request.method == "POST":  # refused: the flags of what was typed, as the live check showed them
        context.update(_typed_flags(mission, item, form))
    template = (
        "missions/_itinerary_list.html"
        if request.htmx and request.method == "GET"
        else "missions/itinerary.html"
    )
    return render(request, template, context, status=status)


def _item_of(mission: Mission, pk) -> ItineraryItem | None:
    if pk is None:
        return None
    try:
        return selectors.item_get(mission, pk)
    except ItineraryItem.DoesNotExist:
        raise Http404 from None


@require_POST
@organiser_required
def item_check(request, slug, pk=None):
    """The flags of the item as typed in the editor (htmx, on each change), saved nowhere: the same rules
    as the itinerary's, in the page's language. Nothing to say until the start and the end are readable."""
    access = _access(request, slug)
    mission = access.mission
    item = _item_of(mission, pk)
    form = ItemForm(request.POST, mission=mission, item=item)
    form.is_valid()
    return render(request, "missions/_item_check.html", _typed_flags(mission, item, form))


def _typed_flags(mission: Mission, item: ItineraryItem | None, form: ItemForm) -> dict:
    """The item form's flags as typed (its cleaned fields; the form has been validated)."""
    data = dict(form.cleaned_data)
    attendees = data.pop("attendees", None) or []
    data.pop("notify", None)
    checked = bool(
        data.get("timezone") and data.get("start") and data.get("end") and data["end"] > data["start"]
    )
    flags = selectors.item_flags_as_typed(mission, item=item, attendees=attendees, **data) if checked else []
    return {"checked": checked, "item_flags": [presenters.flag_text(f) for f in flags]}


@require_POST
@organiser_required
def item_delete(request, slug, pk):
    access = _access(request, slug)
    try:
        item = selectors.item_get(access.mission, pk)
    except ItineraryItem.DoesNotExist:
        raise Http404 from None
    services.item_delete(item=item, notify=request.POST.get("notify") == "on")
    audit_record(action="missions.deleted", request=request, obj=access.mission, params={"item": pk})
    messages.success(request, _("Item removed."))
    return redirect("missions:itinerary", slug)


def _publish(request, slug, pk, *, model, publish, key: str):
    """Show or hide a testimonial or a photo on the public story, and say so in the audit log."""
    access = _access(request, slug)
    try:
        record = model.objects.get(mission=access.mission, pk=pk)
    except model.DoesNotExist:
        raise Http404 from None
    published = request.POST.get("published") == "1"
    publish(record, published)
    params = {key: pk, "published": published}
    audit_record(action="missions.published", request=request, obj=access.mission, params=params)
    return redirect("missions:outcomes", slug)


@require_POST
@organiser_required
def testimonial_publish(request, slug, pk):
    def publish(record, published):
        services.testimonial_publish(testimonial=record, published=published)

    return _publish(request, slug, pk, model=Testimonial, publish=publish, key="testimonial")


@require_POST
@organiser_required
def photo_publish(request, slug, pk):
    def publish(record, published):
        services.photo_publish(photo=record, published=published)

    return _publish(request, slug, pk, model=Photo, publish=publish, key="photo")


@require_POST
@organiser_required
def lead_status(request, slug, pk):
    access = _access(request, slug)
    try:
        lead = Lead.objects.get(mission=access.mission, pk=pk)
    except Lead.DoesNotExist:
        raise Http404 from None
    try:
        services.lead_set_status(lead=lead, status=request.POST.get("status", ""))
    except ValidationError as error:
        _messages(request, error)
    return redirect("missions:outcomes", slug)

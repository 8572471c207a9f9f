"""The privacy page, each person's own data (download, listing choice, erasure request), and the
organisers' pages: erasure requests and the audit log."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import organiser_required
from maillage.common.audit import action_label, audit_record
from maillage.directory.models import Person

from . import selectors, services
from .exports import data_csv_zip, data_json
from .forms import AuditSearchForm, ListingForm
from .models import ErasureRequest, ListingConsent


def policy(request):
    return render(
        request,
        "privacy/policy.html",
        {
            "contact": settings.MAILLAGE_PRIVACY_CONTACT,
            "notes_months": settings.MAILLAGE_RETAIN_MEETING_NOTES_MONTHS,
            "applications_months": settings.MAILLAGE_RETAIN_APPLICATIONS_MONTHS,
            "devices_months": settings.MAILLAGE_RETAIN_DEVICES_MONTHS,
            "audit_months": settings.MAILLAGE_RETAIN_AUDIT_MONTHS,
            "proposals_months": settings.MAILLAGE_RETAIN_PROPOSALS_MONTHS,
            "emails_days": settings.MAILLAGE_RETAIN_EMAILS_DAYS,
            "session_days": settings.SESSION_COOKIE_AGE // 86400,
            "organiser_hours": settings.MAILLAGE_ORGANISER_SESSION_HOURS,
        },
    )


@login_required
def my_data(request):
    person = selectors.person_of(request.user)
    form = ListingForm(
        request.POST if request.method == "POST" else None,
        initial={"listed": person.is_listed if person else False},
    )
    if request.method == "POST" and person is not None and form.is_valid():
        services.listing_consent_record(
            person=person,
            listed=form.cleaned_data["listed"],
            source=ListingConsent.Source.PERSON,
            by=request.user,
            request=request,
        )
        messages.success(request, _("Your choice is saved."))
        return redirect("privacy:my_data")
    data = selectors.person_data(request.user)
    return render(
        request,
        "privacy/my_data.html",
        {
            "person": person,
            "form": form,
            "sections": selectors.sections_summary(data),
            "consent": person.listing_consents.order_by("-created", "-pk").first() if person else None,
            "erasure": request.user.erasure_requests.filter(status=ErasureRequest.Status.PENDING).first(),
        },
    )


@login_required
def my_data_export(request, fmt):
    if fmt not in ("json", "csv"):
        raise Http404
    data = selectors.person_data(request.user)
    audit_record(action="privacy.data_exported", request=request, obj=request.user, params={"format": fmt})
    stamp = timezone.localdate().isoformat()
    if fmt == "json":
        response = HttpResponse(data_json(data), content_type="application/json; charset=utf-8")
        name = f"maillage-my-data-{stamp}.json"
    else:
        response = HttpResponse(data_csv_zip(data), content_type="application/zip")
        name = f"maillage-my-data-{stamp}-csv.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def erasure_ask(request):
    services.erasure_request_create(user=request.user, request=request)
    messages.success(
        request, _("Your request is recorded: an organiser will erase your data and let you know.")
    )
    return redirect("privacy:my_data")


@login_required
@require_POST
def erasure_withdraw(request):
    for erasure in request.user.erasure_requests.filter(status=ErasureRequest.Status.PENDING):
        services.erasure_request_cancel(erasure=erasure)
    messages.success(request, _("Your erasure request is withdrawn."))
    return redirect("privacy:my_data")


@organiser_required
def erasure_list(request):
    return render(
        request,
        "privacy/erasure_list.html",
        {
            "pending": selectors.erasure_requests_pending(),
            "done": ErasureRequest.objects.filter(status=ErasureRequest.Status.DONE).select_related(
                "handled_by"
            )[:50],
        },
    )


@organiser_required
def person_erase(request, pk):
    """Confirm, then anonymise a person of the directory (and their account) everywhere."""
    person = get_object_or_404(Person.objects.select_related("user", "organisation"), pk=pk)
    if request.method == "POST":
        try:
            services.person_anonymise(person=person, by=request.user, request=request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("privacy:person_erase", pk=pk)
        messages.success(request, _("The person is anonymised everywhere; reports keep their figures."))
        return redirect("privacy:erasure_list")
    data = selectors.person_data(person.user) if person.user else None
    return render(
        request,
        "privacy/person_erase.html",
        {
            "person": person,
            "sections": selectors.sections_summary(data) if data else [],
        },
    )


@organiser_required
def audit_log(request):
    form = AuditSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.audit_events_search(
        person=filters.get("person", ""),
        action=filters.get("action", ""),
        start=filters.get("start"),
        end=filters.get("end"),
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    audit_record(action="privacy.audit_viewed", request=request, params={"filtered": bool(request.GET)})
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "privacy/audit_log.html",
        {
            "form": form,
            "page": page,
            "rows": [(event, action_label(event.action)) for event in page],
            "query": query.urlencode(),
        },
    )

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts import services as account_services
from maillage.accounts.permissions import organiser_required
from maillage.common.audit import audit_record
from maillage.common.tabular import TableError, read_table, write_csv, write_xlsx

from . import selectors, services
from .exports import EXPORTS
from .forms import ImportForm, OrganisationForm, PersonForm, SearchForm
from .imports import IMPORT_KINDS, ImportRejected
from .models import Organisation, Person


def organisation_list(request):
    params = request.GET.copy()
    if "q" in params:  # a pasted page of text or a NUL byte searches what it can rather than nothing
        params["q"] = params["q"].replace("\x00", "")[: SearchForm.base_fields["q"].max_length]
    form = SearchForm(params or None, choices=selectors.filter_choices())
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.OrganisationFilters(
        query=data.get("q", ""),
        kind=data.get("kind", ""),
        region=data.get("region", ""),
        sector=data.get("sector", ""),
    )
    page = selectors.organisations_search(filters, page=request.GET.get("page", 1))
    query_string = params.copy()
    query_string.pop("page", None)
    context = {"form": form, "page": page, "filters": filters, "query_string": query_string.urlencode()}
    if filters.query and not page.paginator.count:
        context["suggestion"] = selectors.organisations_suggestion(filters)
        query_string["q"] = context["suggestion"]
        context["suggestion_query_string"] = query_string.urlencode()
    template = "directory/_organisation_results.html" if request.htmx else "directory/organisation_list.html"
    return render(request, template, context)


def organisation_detail(request, slug):
    try:
        organisation = selectors.organisation_get(slug)
    except Organisation.DoesNotExist:
        raise Http404 from None
    people = selectors.people_visible_in(organisation, user=request.user)
    return render(
        request, "directory/organisation_detail.html", {"organisation": organisation, "people": people}
    )


def _organisation_fields(form: OrganisationForm) -> dict:
    data = dict(form.cleaned_data)
    city_name = data.pop("city_name", "")
    sectors = data.pop("sectors")
    region = data.get("region")
    data["city"] = (
        services.place_resolve(city=city_name, region=region.name, country=region.country)[0]
        if (city_name and region)
        else None
    )
    return {"sectors": sectors, **data}


@organiser_required
def organisation_create(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(**_organisation_fields(form))
        messages.success(request, _("Organisation created."))
        return redirect(organisation)
    return render(request, "directory/organisation_form.html", {"form": form})


@organiser_required
def organisation_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        organisation.refresh_from_db()  # the form wrote onto the instance; the service applies the changes
        services.organisation_update(organisation=organisation, **_organisation_fields(form))
        messages.success(request, _("Changes saved."))
        return redirect(organisation)
    return render(request, "directory/organisation_form.html", {"form": form, "organisation": organisation})


def person_detail(request, pk):
    person = get_object_or_404(Person.objects.select_related("organisation"), pk=pk)
    can_see_private = selectors.person_can_see_private(person, user=request.user)
    if not person.is_listed and not can_see_private:
        raise Http404
    return render(
        request,
        "directory/person_detail.html",
        {"person": person, "can_see_private": can_see_private, "can_edit": can_see_private},
    )


@login_required
def person_edit(request, pk):
    person = get_object_or_404(Person, pk=pk)
    if not selectors.person_can_edit(person, user=request.user):
        raise PermissionDenied
    by_organiser = request.user.is_organiser
    form = PersonForm(request.POST or None, instance=person, by_organiser=by_organiser)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        person.refresh_from_db()
        services.person_update(person=person, **fields)
        messages.success(request, _("Changes saved."))
        return redirect(person)
    return render(request, "directory/person_form.html", {"form": form, "person": person})


@organiser_required
def person_list(request):
    query = request.GET.get("q", "")[:200]
    page = selectors.people_search(query, page=request.GET.get("page", 1))
    audit_record(action="directory.people.viewed", request=request, params={"page": page.number})
    return render(request, "directory/person_list.html", {"page": page, "query": query})


@organiser_required
def person_create(request):
    form = PersonForm(
        request.POST or None, by_organiser=True, initial={"organisation": request.GET.get("organisation")}
    )
    if request.method == "POST" and form.is_valid():
        person = services.person_create(**{name: form.cleaned_data[name] for name in form.fields})
        messages.success(request, _("Person added."))
        return redirect(person)
    return render(request, "directory/person_form.html", {"form": form})


@login_required
def my_profile(request):
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        messages.info(request, _("Your account is not linked to a person of the directory yet."))
        return redirect("directory:organisation_list")
    return redirect("directory:person_edit", pk=person.pk)


@require_POST
@organiser_required
def person_invite(request, pk):
    person = get_object_or_404(Person, pk=pk)
    if not person.email:
        messages.error(request, _("This person has no e-mail address to invite."))
        return redirect(person)
    language = "en" if person.languages[:1] == ["en"] else "fr"
    linked_elsewhere = Person.objects.filter(user__email__iexact=person.email).exclude(pk=person.pk).first()
    if linked_elsewhere is not None:
        messages.error(
            request,
            _(
                "The account %(email)s already belongs to %(name)s; change one of the two e-mail addresses first."
            )
            % {"email": person.email, "name": linked_elsewhere.full_name},
        )
        return redirect(person)
    user = account_services.user_invite(
        email=person.email, name=person.full_name, language=language, invited_by=request.user
    )
    services.person_link_account(person=person, user=user)
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": person.email})
    return redirect(person)


@organiser_required
def directory_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = form.cleaned_data["kind"]
        importer, _label = IMPORT_KINDS[kind]
        options = {"new_regions": form.cleaned_data["new_regions"]} if kind == "organisations" else {}
        try:
            result = importer(read_table(upload.read(), upload.name), **options)
        except TableError as error:
            form.add_error("file", str(error))
        except ImportRejected as rejected:
            context["errors"] = rejected.errors
        else:
            counts = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
            audit_record(action="directory.imported", request=request, params={"kind": kind, **counts})
            messages.success(
                request,
                _("Import done: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
            )
            return redirect("directory:import")
    return render(request, "directory/import.html", context)


@organiser_required
def directory_export(request, kind, fmt):
    if kind not in EXPORTS or fmt not in ("csv", "xlsx"):
        raise Http404
    header, rows = EXPORTS[kind]
    audit_record(action="directory.exported", request=request, params={"kind": kind, "format": fmt})
    if fmt == "csv":
        response = HttpResponse(write_csv(header, rows()), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            write_xlsx(header, rows(), title=kind),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="maillage-{kind}.{fmt}"'
    return response


def corridor_list(request):
    return render(request, "directory/corridor_list.html", {"corridors": selectors.corridors_all()})

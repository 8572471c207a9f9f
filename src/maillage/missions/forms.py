"""Forms of the missions pages. Times are typed in local time and read in the zone chosen beside them."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.common.fields import validate_timezone, zone
from maillage.common.timezones import TIMEZONE_CHOICES, timezone_places
from maillage.directory.models import COUNTRIES, Corridor, Organisation, Person, Sector
from maillage.matchmaking.models import B2BSession
from maillage.programme.models import Activity

from .models import Application, Delegate, ItineraryItem, Lead, Mission, MissionPartner

LOCAL = {"type": "datetime-local"}
DATE = {"type": "date"}


def aware(value: dt.datetime | None, zone_name: str) -> dt.datetime | None:
    """A local time typed in a form, in the zone named beside it."""
    if value is None:
        return None
    return value.replace(tzinfo=None).replace(tzinfo=zone(zone_name))


def local_initial(value: dt.datetime | None, zone_name: str) -> str:
    return value.astimezone(zone(zone_name)).strftime("%Y-%m-%dT%H:%M") if value else ""


class MissionForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        label=_("Main time zone"), choices=TIMEZONE_CHOICES, validators=[validate_timezone]
    )
    corridor = forms.ModelChoiceField(label=_("Corridor"), queryset=Corridor.objects.all(), required=False)
    call_deadline = forms.DateTimeField(
        label=_("Deadline of the call for delegates"),
        required=False,
        widget=forms.DateTimeInput(attrs=LOCAL),
        help_text=_("In the mission's main time zone."),
    )

    class Meta:
        model = Mission
        fields = [
            "direction",
            "title_fr",
            "title_en",
            "summary_fr",
            "summary_en",
            "objectives_fr",
            "objectives_en",
            "start_date",
            "end_date",
            "timezone",
            "corridor",
            "capacity",
            "call_deadline",
            "is_public",
            "story_fr",
            "story_en",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs=DATE),
            "end_date": forms.DateInput(attrs=DATE),
            "summary_fr": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "objectives_fr": forms.Textarea(attrs={"rows": 3}),
            "objectives_en": forms.Textarea(attrs={"rows": 3}),
            "story_fr": forms.Textarea(attrs={"rows": 5}),
            "story_en": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.call_deadline and not self.is_bound:
            self.initial["call_deadline"] = local_initial(self.instance.call_deadline, self.instance.timezone)

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("end_date") and data["end_date"] < data["start_date"]:
            self.add_error("end_date", _("The last day comes before the first."))
        if data.get("call_deadline") and data.get("timezone"):
            data["call_deadline"] = aware(data["call_deadline"], data["timezone"])
        return data


class CityForm(forms.Form):
    name = forms.CharField(label=_("City"), max_length=120)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES)
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)


class ApplicationForm(forms.ModelForm):
    organisation_website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Application
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "language",
            "organisation_name",
            "organisation_country",
            "organisation_city",
            "organisation_website",
            "objectives",
            "sectors",
            "offers",
            "needs",
        ]
        widgets = {
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].choices = [(s.pk, s.name) for s in Sector.objects.all()]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (Application.Status.SELECTED, _("Select")),
            (Application.Status.WAITLISTED, _("Waiting list")),
            (Application.Status.DECLINED, _("Decline")),
        ]
    )


class DelegateAddForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.select_related("organisation"))
    role = forms.ChoiceField(label=_("Role"), choices=Delegate.Role.choices)


class NeedsForm(forms.ModelForm):
    arrival = forms.DateTimeField(label=_("Arrival"), required=False, widget=forms.DateTimeInput(attrs=LOCAL))
    departure = forms.DateTimeField(
        label=_("Departure"), required=False, widget=forms.DateTimeInput(attrs=LOCAL)
    )

    class Meta:
        model = Delegate
        fields = ["language", "diet", "accessibility", "arrival", "departure"]

    def __init__(self, *args, zone_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone_name = zone_name
        for name in ("arrival", "departure"):
            self.fields[name].help_text = _("Local time (time zone: %(zone)s).") % {
                "zone": timezone_places(zone_name)
            }
            if not self.is_bound and getattr(self.instance, name):
                self.initial[name] = local_initial(getattr(self.instance, name), zone_name)

    def clean(self):
        data = super().clean()
        for name in ("arrival", "departure"):
            data[name] = aware(data.get(name), self.zone_name)
        if data.get("arrival") and data.get("departure") and data["departure"] <= data["arrival"]:
            self.add_error("departure", _("The departure must come after the arrival."))
        return data


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.all())
    role = forms.ChoiceField(label=_("Role"), choices=MissionPartner.Role.choices)
    contact = forms.ModelChoiceField(
        label=_("Contact person"),
        queryset=Person.objects.filter(organisation__isnull=False).select_related("organisation"),
        required=False,
    )


class ItemForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ItineraryItem.Kind.choices)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    start = forms.DateTimeField(label=_("Start (local time)"), widget=forms.DateTimeInput(attrs=LOCAL))
    end = forms.DateTimeField(
        label=_("End (local time)"),
        widget=forms.DateTimeInput(attrs=LOCAL),
        help_text=_("For a travel leg: the local time of arrival."),
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES)
    city = forms.CharField(label=_("City (travel: departure city)"), max_length=120, required=False)
    place = forms.CharField(label=_("Place or address (travel: departure)"), max_length=300, required=False)
    arrival_city = forms.CharField(label=_("Arrival city"), max_length=120, required=False)
    arrival_place = forms.CharField(label=_("Arrival place"), max_length=300, required=False)
    arrival_timezone = forms.ChoiceField(
        label=_("Arrival time zone"), choices=[("", "—"), *TIMEZONE_CHOICES], required=False
    )
    transport = forms.CharField(label=_("Transport"), max_length=120, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation visited"), queryset=Organisation.objects.all(), required=False
    )
    contact = forms.ModelChoiceField(
        label=_("Host contact"),
        queryset=Person.objects.filter(organisation__isnull=False).select_related("organisation"),
        required=False,
    )
    activity = forms.ModelChoiceField(
        label=_("Activity of our programme"),
        queryset=Activity.objects.filter(start__isnull=False).select_related("event"),
        required=False,
    )
    outside_event = forms.CharField(label=_("Outside event"), max_length=200, required=False)
    b2b_session = forms.ModelChoiceField(
        label=_("B2B session"), queryset=B2BSession.objects.all(), required=False
    )
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=3000
    )
    everyone = forms.BooleanField(label=_("The whole delegation"), required=False, initial=True)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Or only"),
        queryset=Delegate.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notify = forms.BooleanField(
        label=_("Tell the delegates concerned by e-mail"), required=False, initial=True
    )

    def __init__(self, *args, mission: Mission, item: ItineraryItem | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = Delegate.objects.filter(mission=mission).select_related("person")
        self.fields["attendees"].label_from_instance = lambda d: d.person.full_name
        self.fields["contact"].label_from_instance = lambda p: f"{p.full_name} ({p.organisation.name})"
        zones = dict(TIMEZONE_CHOICES)
        for city in mission.cities.all():
            zones.setdefault(city.timezone, city.timezone)
        self.fields["timezone"].choices = list(zones.items())
        self.fields["arrival_timezone"].choices = [("", "—"), *zones.items()]
        if not self.is_bound:
            if item is not None:
                for name in self.fields:
                    if name in ("start", "end", "attendees", "notify"):
                        continue
                    self.initial[name] = getattr(item, f"{name}_id", None) or getattr(item, name, "")
                self.initial["start"] = local_initial(item.start, item.timezone)
                self.initial["end"] = local_initial(item.end, item.arrival_timezone or item.timezone)
                self.initial["attendees"] = [d.pk for d in item.attendees.all()]
            else:
                self.initial["timezone"] = mission.timezone

    def clean(self):
        data = super().clean()
        zone_name = data.get("timezone") or "UTC"
        arrival_zone = (data.get("arrival_timezone") if data.get("kind") == "travel" else "") or zone_name
        if data.get("start"):
            data["start"] = aware(data["start"], zone_name)
        if data.get("end"):
            data["end"] = aware(data["end"], arrival_zone)
        return data


class DiscoveryForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation of the directory"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Or type its name below if it is not in the directory yet."),
    )
    organisation_name = forms.CharField(label=_("New organisation"), max_length=200, required=False)
    organisation_country = forms.ChoiceField(
        label=_("Its country"), choices=[("", "—"), *COUNTRIES], required=False
    )
    person_first_name = forms.CharField(
        label=_("First name of the person met"), max_length=100, required=False
    )
    person_last_name = forms.CharField(label=_("Last name of the person met"), max_length=100, required=False)
    person_email = forms.EmailField(label=_("Their e-mail"), required=False)
    item = forms.ModelChoiceField(
        label=_("Where we met"), queryset=ItineraryItem.objects.none(), required=False
    )
    where_met = forms.CharField(label=_("Or where else"), max_length=200, required=False)
    origin_country = forms.CharField(label=_("Country they come from"), max_length=80, required=False)
    favourite = forms.BooleanField(label=_("A favourite"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, mission: Mission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = ItineraryItem.objects.filter(mission=mission).select_related(
            "organisation", "activity", "b2b_session"
        )

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not (data.get("organisation_name") or "").strip():
            self.add_error("organisation_name", _("Choose an organisation or name a new one."))
        return data


class LeadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Lead.Kind.choices)
    title = forms.CharField(label=_("In a few words"), max_length=200)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 2})
    )


class TestimonialForm(forms.Form):
    text = forms.CharField(
        label=_("Your testimonial"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo (JPEG, PNG or WebP, 8 MB at most)"))
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)


YES_NO = [("", _("Not yet / I do not know")), ("yes", _("Yes")), ("no", _("No"))]


class SurveyForm(forms.Form):
    contract = forms.ChoiceField(label=_("Did it lead to a contract?"), choices=YES_NO, required=False)
    hire = forms.ChoiceField(label=_("To a hire?"), choices=YES_NO, required=False)
    office_abroad = forms.ChoiceField(label=_("To an office abroad?"), choices=YES_NO, required=False)
    hosted_startup = forms.ChoiceField(
        label=_("To a start-up hosted by a partner incubator?"), choices=YES_NO, required=False
    )
    with_organisation = forms.ModelChoiceField(
        label=_("With which organisation?"), queryset=Organisation.objects.all(), required=False
    )
    comments = forms.CharField(
        label=_("Anything else"), required=False, max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        for name in ("contract", "hire", "office_abroad", "hosted_startup"):
            data[name] = {"yes": True, "no": False}.get(data.get(name) or "")
        return data

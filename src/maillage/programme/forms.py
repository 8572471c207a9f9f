import datetime as dt
import re

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.core.validators import MaxValueValidator, MinValueValidator, StepValueValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from maillage.directory.models import Person

from .models import Activity, Audience, Edition, Event, Language, Room, Speaker, Track, Venue
from .selectors import ProgrammeFilters
from .services import ACTIVITY_FIELDS, edition_latest_start


class AgendaFilterForm(forms.Form):
    """The agenda's filter bar; an unknown value is simply ignored (the field is then empty)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    day = forms.ChoiceField(label=_("Day"), required=False)
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)
    audience = forms.ChoiceField(
        label=_("Audience"),
        required=False,
        choices=[
            ("", _("Everyone")),
            (Audience.PROFESSIONALS, _("Professionals")),
            (Audience.PUBLIC, _("General public")),
        ],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), (Language.FR, _("French")), (Language.EN, _("English"))],
    )

    ids = forms.CharField(required=False, max_length=4000, widget=forms.HiddenInput)

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [("", _("Every day"))] + [
            (day.isoformat(), date_format(day, "l j F")) for day in edition.days
        ]
        self.fields["venue"].choices = [("", _("Every venue"))] + [
            (venue.slug, venue.name) for venue in edition.venues.all()
        ]
        self.fields["track"].choices = [("", _("Every track"))] + [
            (track.slug, track.name) for track in sorted(edition.tracks.all(), key=lambda t: t.name.lower())
        ]

    def filters(self) -> ProgrammeFilters:
        """The filters of the valid fields (a bad value in one field does not drop the others)."""
        self.is_valid()
        data = self.cleaned_data
        day = data.get("day")
        return ProgrammeFilters(
            day=dt.date.fromisoformat(day) if day else None,
            venue=data.get("venue", ""),
            track=data.get("track", ""),
            audience=data.get("audience", ""),
            language=data.get("language", ""),
            query=data.get("q", ""),
            ids=parse_ids(self.data.get("ids")),
        )


def parse_ids(value: str | None) -> tuple[int, ...] | None:
    """Activity ids from "12,15,40" (at most 500; anything else is skipped); None when not given."""
    if value is None:
        return None
    ids = [int(part) for part in value.split(",")[:500] if re.fullmatch(r"[0-9]{1,9}", part.strip())]
    return tuple(dict.fromkeys(ids))


# The parts of a day a speaker can mark as unavailable, in the edition's local time.
DAY_PARTS = [
    ("morning", _("morning"), dt.time(8), dt.time(12)),
    ("afternoon", _("afternoon"), dt.time(12), dt.time(18)),
    ("evening", _("evening"), dt.time(18), dt.time(23)),
]


def day_part_interval(edition: Edition, key: str) -> tuple[dt.datetime, dt.datetime]:
    day, part = key.split("|")
    _key, _label, start, end = next(p for p in DAY_PARTS if p[0] == part)
    date = dt.date.fromisoformat(day)
    return (
        dt.datetime.combine(date, start, tzinfo=edition.tzinfo),
        dt.datetime.combine(date, end, tzinfo=edition.tzinfo),
    )


class SpeakerProfileForm(forms.Form):
    """What speakers change themselves: their biographies and the parts of days they cannot speak."""

    bio_fr = forms.CharField(
        label=_("Biography (French)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    bio_en = forms.CharField(
        label=_("Biography (English)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    unavailable = forms.MultipleChoiceField(
        label=_("I am not available"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["unavailable"].choices = [
            (f"{day.isoformat()}|{key}", f"{date_format(day, 'l j F')}, {label}")
            for day in edition.days
            for key, label, _start, _end in DAY_PARTS
        ]

    def intervals(self) -> list[tuple[dt.datetime, dt.datetime]]:
        return [day_part_interval(self.edition, key) for key in self.cleaned_data["unavailable"]]


# Organisers' forms: plain ModelForms; views hand their cleaned data to the services.


class EditionTimesMixin:
    """Date-times typed and shown in the edition's time zone, whatever the site's."""

    def full_clean(self):
        with timezone.override(self.edition.tzinfo):
            super().full_clean()


def _local_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ModelLimitsMixin:
    """Number inputs carry the model's limits (min, max, step): the browser refuses what the server would."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            try:
                validators = self._meta.model._meta.get_field(name).validators
            except FieldDoesNotExist:
                continue
            lows = [v.limit_value for v in validators if type(v) is MinValueValidator]
            highs = [v.limit_value for v in validators if type(v) is MaxValueValidator]
            steps = [v.limit_value for v in validators if type(v) is StepValueValidator]
            for attr, values, pick in (("min", lows, max), ("max", highs, min), ("step", steps, max)):
                if values:
                    field.widget.attrs[attr] = pick(values)


class EditionForm(ModelLimitsMixin, forms.ModelForm):
    already_held = forms.BooleanField(
        label=_("This edition already took place"),
        required=False,
        help_text=_("Tick it to record a past edition dated more than a year ago."),
    )

    class Meta:
        model = Edition
        fields = [
            "name", "slug", "timezone", "start_date", "end_date", "day_start", "day_end", "grid_minutes",
            "published",
        ]  # fmt: skip
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "day_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "day_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latest = edition_latest_start(timezone.localdate()).isoformat()
        self.fields["start_date"].widget.attrs["max"] = latest


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["name", "kind", "audience"]


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = ["name", "slug", "address", "city"]


class TravelForm(forms.Form):
    """Minutes from this venue to each other venue of the edition (stored both ways)."""

    def __init__(self, *args, venue: Venue, others: list[Venue], current: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.others = others
        for other in others:
            self.fields[f"to_{other.pk}"] = forms.IntegerField(
                label=other.name, min_value=0, max_value=600, required=False, initial=current.get(other.pk)
            )

    def minutes(self) -> list[tuple[Venue, int]]:
        return [
            (other, self.cleaned_data[f"to_{other.pk}"])
            for other in self.others
            if self.cleaned_data.get(f"to_{other.pk}") is not None
        ]


class RoomForm(ModelLimitsMixin, forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "capacity", "accessible"]


class TrackForm(forms.ModelForm):
    class Meta:
        model = Track
        fields = ["slug", "name_fr", "name_en", "colour"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = ["person", "guest_name", "bio_fr", "bio_en"]
        widgets = {"bio_fr": forms.Textarea(attrs={"rows": 4}), "bio_en": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.order_by("last_name", "first_name")


class IntervalForm(EditionTimesMixin, forms.Form):
    start = forms.DateTimeField(label=_("From"), widget=_local_input())
    end = forms.DateTimeField(label=_("To"), widget=_local_input())
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args, edition: Edition, with_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        if not with_reason:
            del self.fields["reason"]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            raise forms.ValidationError(_("An interval must end after it starts."))
        return data


class ActivityForm(ModelLimitsMixin, forms.ModelForm):
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"),
        queryset=Speaker.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        fields = ["event", *ACTIVITY_FIELDS]
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = edition.events.all()
        self.fields["track"].queryset = edition.tracks.all()
        self.fields["speakers"].queryset = edition.speakers.select_related("person")
        if self.instance.pk:
            del self.fields["event"]
            self.initial["speakers"] = [link.speaker_id for link in self.instance.activity_speakers.all()]


class PlaceForm(EditionTimesMixin, forms.Form):
    """Put an activity in a room at a time (the organiser's grid)."""

    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none())
    start = forms.DateTimeField(label=_("Start"), widget=_local_input())
    fixed = forms.BooleanField(label=_("Fixed (the optimiser leaves it there)"), required=False)

    def __init__(self, *args, edition: Edition, rooms=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["room"].queryset = Room.objects.filter(venue__edition=edition).select_related("venue")
        if rooms is not None:  # already loaded: no query per form on the grid
            self.fields["room"].choices = [("", "---------")] + [(room.pk, str(room)) for room in rooms]


class RunForm(forms.Form):
    time_limit = forms.IntegerField(label=_("Time limit (seconds)"), min_value=1, max_value=600, initial=30)
    seed = forms.IntegerField(label=_("Seed"), min_value=0, initial=0, required=False)

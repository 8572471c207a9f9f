import datetime as dt

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import Audience, Edition, Language
from .selectors import ProgrammeFilters


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
        )


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

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.common.fields import validate_timezone
from maillage.common.timezones import TIMEZONE_CHOICES
from maillage.common.uploads import UploadValidator
from maillage.directory.forms import LANGUAGE_CHOICES
from maillage.directory.models import Person, Sector

from .models import B2BSession, DayPart, LookingFor, MeetingOutcome, MeetingRequest, Participant

MAX_SESSION_DAYS = 31


class SessionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Venue and address, as participants should read it."),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone"), choices=TIMEZONE_CHOICES, validators=[validate_timezone]
    )
    first_day = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
    morning = forms.BooleanField(label=_("Meetings in the morning"), required=False, initial=True)
    morning_start = forms.TimeField(label=_("Morning starts"), initial=dt.time(9))
    morning_end = forms.TimeField(label=_("Morning ends"), initial=dt.time(12))
    afternoon = forms.BooleanField(label=_("Meetings in the afternoon"), required=False, initial=True)
    afternoon_start = forms.TimeField(label=_("Afternoon starts"), initial=dt.time(14))
    afternoon_end = forms.TimeField(label=_("Afternoon ends"), initial=dt.time(17))
    slot_minutes = forms.IntegerField(
        label=_("Meeting length (minutes)"), min_value=5, max_value=240, initial=20
    )
    break_minutes = forms.IntegerField(label=_("Break between meetings (minutes)"), min_value=0, initial=5)
    tables = forms.IntegerField(label=_("Number of tables"), min_value=1, max_value=2000, initial=20)
    max_meetings = forms.IntegerField(label=_("Most meetings per person"), min_value=1, required=False)
    request_deadline = forms.DateTimeField(
        label=_("Deadline for requests"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("In the session's time zone."),
    )

    already_held = forms.BooleanField(
        label=_("This session already took place"),
        required=False,
        help_text=_("To record a past session: its meetings and outcomes are then imported from a file."),
    )

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day comes before the first."))
        elif first and last and (last - first).days > MAX_SESSION_DAYS:
            self.add_error(
                "last_day", _("A B2B session lasts %(days)d days at most.") % {"days": MAX_SESSION_DAYS}
            )
        today = timezone.localdate()
        if first and first < today and not data.get("already_held"):
            self.add_error(
                "first_day",
                _(
                    "This day is past. To record a session that already took place, tick “This session "
                    "already took place”."
                ),
            )
        if first and first > today.replace(year=today.year + 5, day=min(today.day, 28)):
            self.add_error("first_day", _("This day is more than five years away: check the year."))
        if first and data.get("already_held") and first < today.replace(year=today.year - 30, day=1):
            self.add_error("first_day", _("This day is too far in the past: check the year."))
        if not (data.get("morning") or data.get("afternoon")):
            raise forms.ValidationError(_("Choose the morning, the afternoon or both."))
        return data


class ParticipantForm(forms.ModelForm):
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    looking_for = forms.MultipleChoiceField(
        label=_("I am looking for"),
        choices=LookingFor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    unavailable = forms.ModelMultipleChoiceField(
        label=_("Parts of days I am not available"),
        queryset=DayPart.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Participant
        fields = [
            "offers",
            "needs",
            "sectors",
            "languages",
            "looking_for",
            "unavailable",
        ]  # booth: organisers
        widgets = {"offers": forms.Textarea(attrs={"rows": 3}), "needs": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, session: B2BSession, **kwargs):
        super().__init__(*args, **kwargs)
        tz = session.tzinfo
        self.fields["unavailable"].queryset = session.day_parts.all()
        self.fields["unavailable"].label_from_instance = lambda part: (
            f"{part.start.astimezone(tz):%Y-%m-%d} · {part.get_part_display()}"
        )
        self.fields["sectors"].choices = [(s.pk, s.name) for s in Sector.objects.all()]


class OrganiserParticipantForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.select_related("organisation"))


class WindowField(forms.ModelMultipleChoiceField):
    """The half-days a meeting may take place in; none ticked: any time both people are free."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=DayPart.objects.none(),
            required=False,
            label=_("Only in these parts of days"),
            help_text=_("Leave empty if any time suits you."),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return obj.local_label


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=MeetingRequest.Priority.choices, coerce=int, initial=1
    )
    window = WindowField()

    def __init__(self, *args, session: B2BSession, **kwargs):
        super().__init__(*args, **kwargs)
        parts = list(session.day_parts.all())
        self.fields["window"].queryset = session.day_parts.all()
        # Read once for the page, whose every card repeats the choice.
        self.window_choices = [(part.pk, part.local_label) for part in parts] if len(parts) > 1 else []


class OrganiserRequestForm(forms.Form):
    sender = forms.ModelChoiceField(label=_("From"), queryset=Participant.objects.none())
    recipient = forms.ModelChoiceField(label=_("To"), queryset=Participant.objects.none())
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=MeetingRequest.Priority.choices, coerce=int, initial=1
    )
    window = WindowField()

    def __init__(self, *args, session: B2BSession, **kwargs):
        super().__init__(*args, **kwargs)
        parts = list(session.day_parts.all())
        self.fields["window"].queryset = session.day_parts.all()
        self.window_choices = [(part.pk, part.local_label) for part in parts] if len(parts) > 1 else []
        people = Participant.objects.filter(session=session).select_related("person", "organisation")
        for name in ("sender", "recipient"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = lambda p: (
                f"{p.name} ({p.organisation_name})" if p.organisation_id else p.name
            )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=MeetingOutcome.Result.choices)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class HistoryImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"), validators=[UploadValidator(kinds=("csv", "xlsx"))])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Send a .csv or .xlsx file."))
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

"""Forms of the call for proposals. Times are typed in the edition's local time; uploads are checked by
their bytes (and again by the services). A form refused keeps what was typed (files aside: browsers never
send a file twice)."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import User
from maillage.common.uploads import UploadValidator
from maillage.programme.models import Activity, Audience, Edition, Track

from .models import SCORES, Call, Proposal, Question
from .services import PICTURE_MAX_BYTES, SLIDES_MAX_BYTES

LOCAL = {"type": "datetime-local"}


def aware(value: dt.datetime | None, edition: Edition) -> dt.datetime | None:
    """A local time typed in a form, read in the edition's zone."""
    if value is None:
        return None
    return value.replace(tzinfo=None).replace(tzinfo=edition.tzinfo)


def local(value: dt.datetime | None, edition: Edition) -> str:
    return value.astimezone(edition.tzinfo).strftime("%Y-%m-%dT%H:%M") if value else ""


class CallForm(forms.Form):
    intro_fr = forms.CharField(
        label=_("Introduction (French)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    intro_en = forms.CharField(
        label=_("Introduction (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    opens = forms.DateTimeField(label=_("Opens"), widget=forms.DateTimeInput(attrs=LOCAL))
    deadline = forms.DateTimeField(
        label=_("Deadline"),
        widget=forms.DateTimeInput(attrs=LOCAL),
        help_text=_("In the edition's time zone."),
    )
    event = forms.ModelChoiceField(
        label=_("Event of the accepted sessions"),
        queryset=None,
        required=False,
        empty_label=_("(the first one)"),
    )
    anonymous_review = forms.BooleanField(
        label=_("Anonymous review (reviewers do not see the speakers' names)"), required=False
    )
    reviews_wanted = forms.IntegerField(
        label=_("Reviews wanted per proposal"), min_value=1, max_value=20, initial=3
    )
    preview_open = forms.BooleanField(
        label=_("Open the public preview of accepted proposals"), required=False
    )

    def __init__(self, *args, edition: Edition, call: Call | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["event"].queryset = edition.events.all()
        if call is not None and not self.is_bound:
            self.initial = {
                "intro_fr": call.intro_fr,
                "intro_en": call.intro_en,
                "opens": local(call.opens, edition),
                "deadline": local(call.deadline, edition),
                "event": call.event_id,
                "anonymous_review": call.anonymous_review,
                "reviews_wanted": call.reviews_wanted,
                "preview_open": call.preview_open,
            }

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["opens"] = aware(data["opens"], self.edition)
        data["deadline"] = aware(data["deadline"], self.edition)
        return data


class SessionTypeForm(forms.Form):
    name_fr = forms.CharField(label=_("Name (French)"), max_length=80)
    name_en = forms.CharField(label=_("Name (English)"), max_length=80, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of activity"), choices=Activity.Kind.choices, initial=Activity.Kind.TALK
    )
    duration = forms.IntegerField(label=_("Duration (minutes)"), min_value=5, max_value=720, initial=30)


class QuestionForm(forms.Form):
    text_fr = forms.CharField(label=_("Question (French)"), max_length=300)
    text_en = forms.CharField(label=_("Question (English)"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Question.Kind.choices)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a choice: one per line, “French | English”."),
    )
    required = forms.BooleanField(label=_("Required"), required=False)


class ProposalForm(forms.ModelForm):
    """The proposal and the call's own questions (fields ``question_<pk>``)."""

    slides = forms.FileField(
        label=_("Slides (PDF, optional)"),
        required=False,
        validators=[UploadValidator(kinds=("pdf",), max_bytes=SLIDES_MAX_BYTES)],
        help_text=_("20 MB at most."),
    )
    picture = forms.FileField(
        label=_("Picture (optional)"),
        required=False,
        validators=[UploadValidator(kinds=("image",), max_bytes=PICTURE_MAX_BYTES)],
        help_text=_("JPEG, PNG, GIF or WebP, 5 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = Proposal
        fields = [
            "title",
            "abstract",
            "description",
            "session_type",
            "track",
            "audience",
            "language",
            "notes",
        ]
        widgets = {
            "abstract": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["session_type"].queryset = call.session_types.all()
        self.fields["session_type"].label_from_instance = lambda t: f"{t.name} ({t.duration} min)"
        self.fields["track"].queryset = Track.objects.filter(edition=call.edition)
        self.fields["audience"].choices = Audience.choices
        self.fields["slides"].widget.attrs["accept"] = "application/pdf"
        self.questions = list(call.questions.all())
        answers = self.instance.answers if self.instance.pk else {}
        for question in self.questions:
            name = f"question_{question.pk}"
            if question.kind == Question.Kind.CHOICE:
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    required=question.required,
                    choices=[("", "—"), *question.choice_list()],
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=question.required,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            if not self.is_bound:
                self.initial[name] = answers.get(str(question.pk), "")

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["answers"] = {str(q.pk): self.cleaned_data.get(f"question_{q.pk}") or "" for q in self.questions}
        return data

    def files_given(self) -> dict:
        return {name: self.cleaned_data.get(name) or None for name in ("slides", "picture")}


class CospeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=Proposal.Language.choices)


class ExtensionForm(forms.Form):
    email = forms.EmailField(label=_("Speaker's e-mail address"))
    until = forms.DateTimeField(label=_("New deadline"), widget=forms.DateTimeInput(attrs=LOCAL))

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.user = User.objects.filter(email=email).first()
        if self.user is None:
            raise forms.ValidationError(_("No account has this address: invite the person first."))
        return email

    def until_aware(self) -> dt.datetime:
        return aware(self.cleaned_data["until"], self.edition)


class ProspectForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("Someone of the directory with this address is linked to it.")
    )
    language = forms.ChoiceField(label=_("Language"), choices=Proposal.Language.choices)
    where_met = forms.CharField(label=_("Where we met"), max_length=200, required=False)
    why = forms.CharField(
        label=_("Why invite them"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class InviteForm(forms.Form):
    message = forms.CharField(
        label=_("Personal message"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReviewerForm(forms.Form):
    email = forms.EmailField(label=_("Reviewer's e-mail address"))
    tracks = forms.ModelMultipleChoiceField(
        label=_("Tracks"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tracks"].queryset = Track.objects.filter(edition=edition)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.user = User.objects.filter(email=email, is_active=True).first()
        if self.user is None:
            raise forms.ValidationError(_("No account has this address."))
        return email


class ReviewForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Score"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("−2: no · +2: yes!"),
    )
    comment = forms.CharField(
        label=_("Comment (organisers and other reviewers)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    proposals = forms.TypedMultipleChoiceField(label=_("Proposals"), coerce=int)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Proposal.State.ACCEPTED, _("Accept")),
            (Proposal.State.WAITLISTED, _("Waiting list")),
            (Proposal.State.REJECTED, _("Reject")),
        ],
    )
    notify = forms.BooleanField(label=_("Tell the speakers by e-mail"), required=False, initial=True)

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].choices = [(pk, pk) for pk in call.proposals.values_list("pk", flat=True)]

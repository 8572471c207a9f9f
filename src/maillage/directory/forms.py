from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from maillage.common.uploads import UploadValidator

from .models import Organisation, Person, Region, Sector

validate_single_line = RegexValidator(
    r"[\x00-\x1f\x7f]", inverse_match=True, message=_("Write this on one line, without control characters.")
)

LANGUAGE_CHOICES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(choices["kinds"])
        self.fields["region"].choices = everything + [(r.slug, r.name) for r in choices["regions"]]
        self.fields["sector"].choices = everything + [(s.slug, s.name) for s in choices["sectors"]]


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    city_name = forms.CharField(label=_("City"), required=False, max_length=120)
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "region",
            "country",
            "website",
            "size",
            "founded",
            "sectors",
            "offers",
            "needs",
            "description_fr",
            "description_en",
        ]
        widgets = {
            "offers": forms.Textarea(attrs={"rows": 3}),
            "needs": forms.Textarea(attrs={"rows": 3}),
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.order_by("country", "name")
        if self.instance.pk and self.instance.city:
            self.fields["city_name"].initial = self.instance.city.name
        self.order_fields(["name", "kind", "city_name", "region", "country"])

    def clean(self):
        data = super().clean()
        if data.get("city_name") and not data.get("region"):
            self.add_error("region", _("Choose the region of this city."))
        return data


class PersonForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "role",
            "organisation",
            "languages",
            "email",
            "phone",
            "bio",
            "is_listed",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, by_organiser: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "role", "phone"):
            self.fields[name].validators.append(validate_single_line)
        if not by_organiser:
            # A member keeps their account e-mail and organisation; the network's staff change those.
            del self.fields["organisation"]
            del self.fields["email"]
        else:
            self.fields["organisation"].queryset = Organisation.objects.only("pk", "name").order_by("name")

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower() or None
        if email and Person.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another person already has this e-mail address."))
        return email


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[("organisations", _("Organisations")), ("people", _("People"))],
    )
    file = forms.FileField(label=_("File (CSV or XLSX)"), validators=[UploadValidator(kinds=("csv", "xlsx"))])
    new_regions = forms.BooleanField(
        label=_("Create new regions"),
        required=False,
        help_text=_("Organisations only: add the regions the directory does not know yet."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Send a .csv or .xlsx file."))
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload

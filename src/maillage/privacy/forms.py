from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.common.audit import ACTIONS


class ListingForm(forms.Form):
    listed = forms.BooleanField(
        label=_("Show my name, job title and organisation in the public directory"), required=False
    )


class AuditSearchForm(forms.Form):
    person = forms.CharField(label=_("Who (name or e-mail)"), required=False, max_length=200)
    action = forms.ChoiceField(label=_("Action"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actions = sorted(
            ((code, str(label)) for code, label in ACTIONS.items()), key=lambda choice: choice[1]
        )
        self.fields["action"].choices = [("", _("Any action")), *actions]

"""What the B2B pages show, shaped from what the selectors read: the session report's charts."""

from django.utils.translation import gettext as _

from maillage.common.charts import bar_chart

from .models import MeetingOutcome
from .selectors import SessionReport


def report_charts(report: SessionReport) -> list[dict]:
    """The report's three charts (common/_chart.html), each with its table: outcomes of the meetings held,
    meetings held by pair of countries, by sector."""
    outcomes = dict(MeetingOutcome.Result.choices)
    return [
        bar_chart(
            "chart-outcomes",
            _("Outcomes of the meetings held"),
            [(outcomes.get(code, code), count) for code, count in report.outcomes],
            horizontal=True,
        ),
        bar_chart(
            "chart-countries", _("Meetings held by pair of countries"), report.country_pairs, horizontal=True
        ),
        bar_chart("chart-sectors", _("Meetings held by sector"), report.sectors, horizontal=True),
    ]

"""What the missions pages show, shaped from the selectors' codes and figures: sentences in the reader's
language, chart data (drawn by static/missions/charts.js from `json_script`, with a table beside each)."""

from django.utils.translation import gettext as _

from maillage.directory.models import Organisation
from maillage.matchmaking.models import MeetingOutcome

from .models import Application, Delegate, Lead
from .selectors import Dashboard, Flag, MissionFigures


def flag_text(flag: Flag) -> str:
    who = flag.who or _("the whole delegation")
    if flag.code == "overlap":
        return _("Overlaps “%(other)s” for %(who)s.") % {"other": flag.other, "who": who}
    if flag.code == "place_gap":
        return _(
            "%(who)s is in %(was)s after “%(other)s”, but this happens in %(now)s: a travel leg is missing or does not connect."
        ) % {
            "who": who[:1].upper() + who[1:],
            "was": flag.was,
            "other": flag.other,
            "now": flag.now,
        }
    if flag.code == "outside_dates":
        return _("Outside the mission's dates.")
    return flag.code


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    labels = dict(choices)
    return [(str(labels.get(code, code)), counts.get(code, 0)) for code in labels if counts.get(code)]


def figures_tables(figures: MissionFigures) -> dict:
    """The figures page's tables, each a list of (label, number)."""
    return {
        "roles": _labelled(figures.roles, Delegate.Role.choices),
        "applications": _labelled(figures.applications, Application.Status.choices),
        "outcomes": _labelled(figures.meeting_outcomes, MeetingOutcome.Result.choices),
        "leads": _labelled(figures.leads, Lead.Kind.choices),
        "results": [
            (_("Contracts"), figures.results.get("contract", 0)),
            (_("Hires"), figures.results.get("hire", 0)),
            (_("Offices abroad"), figures.results.get("office_abroad", 0)),
            (_("Start-ups hosted by a partner"), figures.results.get("hosted_startup", 0)),
        ],
        "sectors": figures.sectors,
        "regions": figures.regions,
    }


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, int]]) -> dict:
    return chart_ready(
        {
            "id": chart_id,
            "type": "bar",
            "title": title,
            "labels": [r[0] for r in rows],
            "series": [{"label": title, "data": [r[1] for r in rows]}],
        }
    )


def chart_ready(chart: dict) -> dict:
    """The chart with the id of its JSON data and the table printed beside it (the same numbers, readable
    without the canvas: screen readers, print, no JavaScript)."""
    chart["data_id"] = f"{chart['id']}-data"
    chart["table"] = [
        (label, [series["data"][n] for series in chart["series"]]) for n, label in enumerate(chart["labels"])
    ]
    return chart


def dashboard_charts(dashboard: Dashboard) -> list[dict]:
    """Per year (all corridors of the view added up): delegates, visits, meetings held, partnerships and
    results; and, per kind of organisation visited, the visits and the partnerships they yielded."""
    years = dashboard.years
    totals = {
        year: {"delegates": 0, "visits": 0, "meetings_held": 0, "partnerships": 0, "results": 0}
        for year in years
    }
    for row in dashboard.rows:
        for name in totals[row.year]:
            totals[row.year][name] += getattr(row, name)
    names = {
        "delegates": _("Delegates"),
        "visits": _("Visits"),
        "meetings_held": _("B2B meetings held"),
        "partnerships": _("Partnerships to explore"),
        "results": _("Results reported (contracts, hires, offices, hosted start-ups)"),
    }
    kinds = dict(Organisation.Kind.choices)
    charts = [
        {
            "id": "chart-years",
            "type": "bar",
            "title": _("Missions' activity and results by year"),
            "labels": [str(y) for y in years],
            "series": [
                {"label": str(label), "data": [totals[y][name] for y in years]}
                for name, label in names.items()
            ],
        },
        {
            "id": "chart-kinds",
            "type": "bar",
            "title": _("Which kind of visit yields partnerships"),
            "labels": [str(kinds.get(kind, kind or "—")) for kind, _v, _p in dashboard.by_visit_kind],
            "series": [
                {"label": _("Visits"), "data": [v for _k, v, _p in dashboard.by_visit_kind]},
                {"label": _("Partnerships to explore"), "data": [p for _k, _v, p in dashboard.by_visit_kind]},
            ],
        },
    ]
    return [chart_ready(chart) for chart in charts]


def visit_kind_rows(dashboard: Dashboard) -> list[tuple[str, int, int, str]]:
    kinds = dict(Organisation.Kind.choices)
    return [
        (
            str(kinds.get(kind, kind or "—")),
            visits,
            partnerships,
            f"{partnerships / visits:.2f}" if visits else "—",
        )
        for kind, visits, partnerships in dashboard.by_visit_kind
    ]

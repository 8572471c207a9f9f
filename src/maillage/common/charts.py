"""Chart data for every report, in the one shape `templates/common/_chart.html` draws: a canvas that
`static/maillage/charts.js` fills with Chart.js (served by the app from npm, no inline script: the data goes
through `json_script`), and the same numbers in a table beside it, readable without the canvas (screen
readers, print, no JavaScript)."""

from collections.abc import Sequence


def chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    horizontal: bool = False,
) -> dict:
    """A bar chart: one bar per label for each series (``(label, values)``, values in the labels' order).
    Long labels (pairs of countries, sectors) read better `horizontal`."""
    labels = [str(label) for label in labels]
    return {
        "id": chart_id,
        "data_id": f"{chart_id}-data",
        "type": "bar",
        "horizontal": horizontal,
        "title": str(title),
        "labels": labels,
        "series": [{"label": str(label), "data": list(values)} for label, values in series],
        "table": [(label, [values[n] for _label, values in series]) for n, label in enumerate(labels)],
    }


def bar_chart(
    chart_id: str, title: str, rows: Sequence[tuple[str, float]], *, horizontal: bool = False
) -> dict:
    """One series: a bar per ``(label, value)`` row, in the rows' order."""
    return chart(
        chart_id, title, [r[0] for r in rows], [(title, [r[1] for r in rows])], horizontal=horizontal
    )

"""The organiser's grid: lanes for overlapping activities, the placement classes, the conflict lines."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from maillage.programme import presenters, services
from maillage.programme.presenters import GRID_MAX_COLUMNS, GRID_MAX_LANES, GRID_MAX_ROWS, grid_lanes

from .factories import ActivityFactory, RoomFactory, at

pytestmark = pytest.mark.django_db

CSS = Path(settings.BASE_DIR) / "static" / "programme" / "grid-positions.css"


def test_lanes_put_overlapping_activities_side_by_side():
    # (first row, rows): a and b overlap, c follows a in its lane, d is alone later.
    lanes, width = grid_lanes([(2, 4), (4, 4), (6, 2), (20, 2)])
    assert (lanes, width) == ([(0, 2), (1, 2), (0, 2), (0, 1)], 2)


def test_lanes_of_a_room_without_overlap_keep_the_whole_width():
    assert grid_lanes([(2, 4), (6, 4)]) == ([(0, 1), (0, 1)], 1)
    assert grid_lanes([]) == ([], 1)


def test_lanes_three_at_once_then_a_long_one():
    lanes, width = grid_lanes([(2, 10), (2, 2), (3, 2), (4, 1), (14, 2)])
    assert (lanes, width) == ([(0, 3), (1, 3), (2, 3), (1, 3), (0, 1)], 3)


def test_lanes_beyond_the_maximum_share_the_last_one():
    lanes, width = grid_lanes([(2, 4)] * (GRID_MAX_LANES + 2))
    assert width == GRID_MAX_LANES
    assert max(lane for lane, _group in lanes) == GRID_MAX_LANES - 1


def test_placement_classes_cover_what_the_grid_can_use():
    css = CSS.read_text()
    for prefix, count in (
        ("gc", GRID_MAX_COLUMNS),
        ("gw", GRID_MAX_LANES),
        ("gr", GRID_MAX_ROWS),
        ("gs", GRID_MAX_ROWS),
    ):
        numbers = {int(n) for n in re.findall(rf"^\.{prefix}-(\d+)\{{", css, re.M)}
        assert numbers == set(range(1, count + 1)), prefix
    # The column span comes after the column start, so both apply to a card.
    assert css.index(".gw-1{") > css.index(".gc-200{")


def test_overlapping_activities_get_their_own_lanes_and_the_room_spans_them(edition, event, room):
    other = RoomFactory(venue=room.venue, name="Studio")
    first = ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 09:00"))
    second = ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 09:30"))
    alone = ActivityFactory(event=event, room=other, start=at(edition, "2027-04-06 09:00"))
    grid = presenters.organiser_grid(edition, at(edition, "2027-04-06 09:00").date())
    assert [(c.room.name, c.column, c.width) for c in grid.columns] == [("Agora", 2, 2), ("Studio", 4, 1)]
    placed = {item.activity.pk: (item.column, item.width, item.conflict_kinds) for item in grid.items}
    assert placed == {
        first.pk: (2, 1, ("room_double_booked",)),
        second.pk: (3, 1, ("room_double_booked",)),
        alone.pk: (4, 1, ()),
    }


def test_starred_both_sentence_once_per_conflict_line_in_french(organiser_client, week, edition):
    a, c = week["a"], week["c"]
    room = week["rooms"][1]
    services.activity_place(activity=c, room=room, start=at(edition, "2027-04-06 09:30"))
    html = organiser_client.get(
        reverse("programme:manage_grid", args=[edition.slug, "2027-04-06"])
    ).content.decode()
    lines = re.findall(r'<li class="conflict kind-missed_favourites[^"]*">(.*?)</li>', html, re.S)
    assert len(lines) == 1
    for line in lines:
        assert line.count("ont mis en favori") == 1, line
        assert line.count(a.title) == 1
        assert line.count(c.title) == 1


def test_the_grid_draws_activities_in_their_row_on_a_clock_change_day(edition, event, room):
    services.edition_update(
        edition=edition,
        start_date=dt.date(2027, 3, 14),
        end_date=dt.date(2027, 3, 14),
        day_start=dt.time(1),
        day_end=dt.time(23),
    )
    ActivityFactory(event=event, room=room, start=at(edition, "2027-03-14 10:00"))
    grid = presenters.organiser_grid(edition, dt.date(2027, 3, 14))
    [item] = grid.items
    assert next(s.label for s in grid.slots if s.row == item.row) == "10:00"

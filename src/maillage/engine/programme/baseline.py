"""The first-fit baseline: activities in the order given, each at the first free fit.

Days, then starts on the grid, then rooms from the smallest large enough one: the first placement that breaks
no hard rule is taken, as an organiser filling a grid by hand would do. It ignores favourites entirely.
"""

from __future__ import annotations

import time

from .board import UNPLACED, Board
from .metrics import evaluate
from .model import Instance, Programme


def first_fit(instance: Instance) -> Programme:
    began = time.perf_counter()
    board = Board(instance)
    for a in range(board.n):
        if not board.movable[a]:
            continue
        for s in board.starts[a]:
            r = board.find_room(a, s)
            if r != UNPLACED:
                board.place(a, s, r)
                break
    placements = board.placements()
    stats = evaluate(instance, placements)
    stats["solver"] = "first-fit"
    stats["seconds"] = round(time.perf_counter() - began, 3)
    return Programme(placements, board.unplaced(), stats)

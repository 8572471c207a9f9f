"""The demo's data files, shipped in the package (`data/`)."""

import tomllib
from importlib import resources

from maillage.common.tabular import Table, read_table


def demo_bytes(name: str) -> bytes:
    return resources.files("maillage.demo").joinpath("data", name).read_bytes()


def demo_toml(name: str) -> dict:
    """A TOML file of `data/`, as a dict in the file's order."""
    return tomllib.loads(demo_bytes(name).decode("utf-8"))


def demo_table(name: str) -> Table:
    """A CSV file of `data/`, read as a user's spreadsheet is (the real reader)."""
    return read_table(demo_bytes(name), name)

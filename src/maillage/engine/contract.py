"""What every engine shares at its edge: one error for bad input, with the place of the error, and the small
checks that read decoded JSON.

Each engine used to carry its own copy of these (three error classes, three ``_kind``); a new engine reads its
input with these helpers, so its messages read like the others' (``rooms[2].capacity: expected a whole
number, got a string``) and an app catches one class whatever the engine.
"""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """Bad input: ``path`` says where (``requests[41].participants[1]``; empty for the whole document),
    ``message`` what is wrong; ``str(error)`` joins them."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def kind(value: Any) -> str:
    """The JSON kind of a decoded value, as an error message names it (``a string``, ``null``)."""
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def join(path: str, key: str | int) -> str:
    """The path of ``key`` inside ``path``: ``rooms`` + 2 → ``rooms[2]``, ``rooms[2]`` + ``id`` → ``rooms[2].id``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def expect_object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(path or "(root)", f"expected an object, got {kind(value)}")
    return value


def expect_list(value: Any, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise InputError(path, f"expected a list, got {kind(value)}")
    return value


def expect_string(value: Any, path: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise InputError(path, f"expected a string, got {kind(value)}")
    if not value and not allow_empty:
        raise InputError(path, "must not be empty")
    return value


def required(obj: dict[str, Any], key: str, path: str) -> Any:
    """``obj[key]``, or an error at ``path.key`` when it is missing."""
    if key not in obj:
        raise InputError(join(path, key), "missing")
    return obj[key]

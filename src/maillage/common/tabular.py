"""Reading and writing CSV and XLSX tables, the formats our users' spreadsheets come in."""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

MAX_ROWS = 50_000
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection): exports
# put an apostrophe before it, and imports take that apostrophe away again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_out(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cell_in(value: object) -> str:
    text = "" if value is None else str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


class TableError(ValueError):
    """The file itself cannot be read as a table (not the content of a row)."""


@dataclass
class Table:
    header: list[str]
    # One entry per line after the header, None for a blank line, so that row numbers match the sheet.
    rows: list[dict[str, str] | None]


def read_table(data: bytes, filename: str) -> Table:
    """Rows as dicts keyed by the header's (stripped, lower-cased) names; values are stripped strings."""
    rows = _read_xlsx(data) if filename.lower().endswith(".xlsx") else _read_csv(data)
    if not rows:
        raise TableError(_("The file is empty."))
    header = [str(h or "").strip().lower() for h in rows[0]]
    if len(rows) - 1 > MAX_ROWS:
        raise TableError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    table: list[dict[str, str] | None] = []
    for raw in rows[1:]:
        values = [cell_in(v) for v in raw]
        if not any(values):
            table.append(None)
            continue
        values += [""] * (len(header) - len(values))
        table.append(dict(zip(header, values, strict=False)))
    return Table(header=header, rows=table)


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError(_("The file is not UTF-8 text; save it as CSV UTF-8 or XLSX.")) from None
    if not text.strip():
        return []
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise TableError(_("The file cannot be read as CSV: %(error)s") % {"error": error}) from None


def _read_xlsx(data: bytes) -> list[list[object]]:
    # openpyxl raises many kinds of errors for a damaged file, and reads the sheet lazily: both inside.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = []
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except Exception:
        raise TableError(_("The file is not a valid XLSX workbook.")) from None


def write_csv(header: list[str], rows: Iterable[list[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell_out(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(header: list[str], rows: Iterable[list[object]], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([cell_out(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""A delegate's printable booklet (PDF, fpdf2): the mission, the agenda day by day in each place's local
time, the hosts' and the delegation's contacts. Contacts are printed only in booklets for this mission's
delegates and organisers (the views check who asks).

fpdf2's built-in fonts read Windows-1252, which holds French and English (é, œ, «, –, €); a character
outside it (a Japanese name) is written by its closest Latin letters, or "?".
"""

import unicodedata

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from .models import Delegate, Mission
from .selectors import AgendaEntry, Contact, by_local_day

ENCODING = "windows-1252"


def _text(value: str) -> str:
    value = str(value).replace("→", "->").replace("\u202f", " ").replace("\xa0", " ")
    try:
        value.encode(ENCODING)
        return value
    except UnicodeEncodeError:
        pass
    out = []
    for char in value:
        try:
            char.encode(ENCODING)
            out.append(char)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
            out.append(plain or "?")
    return "".join(out)


class _Booklet(FPDF):
    def __init__(self, footer: str):
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self.footer_text = footer
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(15, 15, 15)

    def footer(self):
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(110)
        self.cell(0, 6, _text(f"{self.footer_text} · {self.page_no()}"), align="C")

    def line_text(
        self, text: str, *, size: float = 10, style: str = "", height: float = 5.5, colour: int = 0
    ):
        self.set_font("Helvetica", style=style, size=size)
        self.set_text_color(colour)
        self.multi_cell(0, height, _text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _time(moment) -> str:
    return f"{moment:%H:%M}"


def _contacts(pdf: _Booklet, title: str, contacts: list[Contact]) -> None:
    pdf.ln(3)
    pdf.line_text(title, size=13, style="B", height=7)
    if not contacts:
        pdf.line_text(_("None yet."), colour=110)
    for contact in contacts:
        pdf.line_text(
            f"{contact.name} — {contact.role}"
            + (f", {contact.organisation}" if contact.organisation else ""),
            style="B",
        )
        details = " · ".join(part for part in (contact.email, contact.phone) if part)
        if details:
            pdf.line_text(details, colour=60)


def booklet_pdf(
    mission: Mission,
    delegate: Delegate | None,
    entries: list[AgendaEntry],
    *,
    hosts: list[Contact],
    delegation: list[Contact],
) -> bytes:
    who = delegate.person.full_name if delegate else _("The whole delegation")
    stamp = date_format(timezone.localtime(timezone.now(), mission.tzinfo), "DATETIME_FORMAT")
    pdf = _Booklet(f"{mission.title} · {who} · " + _("printed on %(when)s") % {"when": stamp})
    pdf.add_page()
    pdf.line_text(mission.title, size=20, style="B", height=10)
    pdf.line_text(
        f"{date_format(mission.start_date, 'DATE_FORMAT')} – {date_format(mission.end_date, 'DATE_FORMAT')} · "
        + ", ".join(city.name for city in mission.cities.all()),
        size=11,
        colour=60,
    )
    pdf.line_text(who, size=12, style="B", height=8)
    if mission.objectives:
        pdf.ln(2)
        pdf.line_text(_("Objectives"), size=13, style="B", height=7)
        pdf.line_text(mission.objectives)
    pdf.ln(2)
    pdf.line_text(_("Agenda"), size=13, style="B", height=7)
    pdf.line_text(_("Every time is the local time of the place, with its zone."), size=9, colour=90)
    for day, items in by_local_day(entries):
        pdf.ln(2)
        pdf.set_fill_color(231, 240, 251)
        pdf.set_font("Helvetica", style="B", size=11)
        pdf.cell(0, 7, _text(date_format(day, "l j F Y")), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        for entry in items:
            start, end = entry.local_start, entry.local_end
            when = f"{_time(start)}–{_time(end)} {start.tzname()}"
            if entry.crosses_zones or start.date() != end.date():
                when = f"{_time(start)} {start.tzname()} -> {date_format(end.date(), 'j b')} {_time(end)} {end.tzname()}"
            pdf.line_text(f"{when}   {entry.title}", style="B")
            where = ", ".join(part for part in (entry.place, entry.city) if part)
            if where:
                pdf.line_text(where, size=9, colour=60, height=4.8)
            for detail in entry.details[:4]:
                pdf.line_text(detail, size=9, colour=60, height=4.8)
    if not entries:
        pdf.line_text(_("Nothing on the agenda yet."), colour=110)
    _contacts(pdf, _("Our hosts"), hosts)
    _contacts(pdf, _("The delegation"), delegation)
    return bytes(pdf.output())

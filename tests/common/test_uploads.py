import io

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF
from openpyxl import Workbook
from PIL import Image

from maillage.common.uploads import UploadValidator, upload_check


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["name", "city"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "content", "kinds", "found"),
    [
        ("photo.png", _png(), ("image",), "image"),
        ("people.csv", "nom;ville\nÉlise;Québec\n".encode(), ("csv", "xlsx"), "csv"),
        ("people.csv", "nom;ville\nÉlise;Québec\n".encode("cp1252"), ("csv", "xlsx"), "csv"),
        ("people.xlsx", _xlsx(), ("csv", "xlsx"), "xlsx"),
        ("booklet.pdf", _pdf(), ("pdf",), "pdf"),
    ],
)
def test_files_that_are_what_they_say_pass(name, content, kinds, found):
    assert upload_check(SimpleUploadedFile(name, content), kinds=kinds) == found


@pytest.mark.parametrize(
    ("name", "content", "kinds", "code"),
    [
        ("photo.png", b"MZ\x90\x00\x03" + b"\x00" * 100, ("image",), "file_content"),  # a program renamed
        ("photo.png", b"<svg onload=alert(1)>", ("image",), "file_content"),
        ("people.csv", _png(), ("csv", "xlsx"), "file_content"),  # binary named .csv
        ("people.xlsx", b"PK\x03\x04" + b"\x00" * 50, ("csv", "xlsx"), "file_content"),  # a broken zip
        ("page.html", b"<p>hi</p>", ("csv", "xlsx"), "file_extension"),
        ("photo.svg", b"<svg/>", ("image",), "file_extension"),
        ("people.csv", _pdf(), ("csv",), "file_content"),
    ],
)
def test_files_that_lie_about_their_kind_are_refused(name, content, kinds, code):
    with pytest.raises(ValidationError) as error:
        upload_check(SimpleUploadedFile(name, content), kinds=kinds)
    assert error.value.code == code


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    settings.MAILLAGE_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        upload_check(SimpleUploadedFile("big.csv", b"a;b\n" * 300), kinds=("csv",))
    assert error.value.code == "file_too_large"
    assert (
        upload_check(SimpleUploadedFile("big.csv", b"a;b\n" * 300), kinds=("csv",), max_bytes=2000) == "csv"
    )


def test_the_validator_works_on_a_form_field():
    class ImportForm(forms.Form):
        file = forms.FileField(validators=[UploadValidator(kinds=("csv", "xlsx"), max_bytes=10_000)])

    good = ImportForm(files={"file": SimpleUploadedFile("a.xlsx", _xlsx())})
    bad = ImportForm(files={"file": SimpleUploadedFile("a.xlsx", _png())})
    assert (good.is_valid(), bad.is_valid()) == (True, False)

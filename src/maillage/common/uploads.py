"""Uploaded files checked by size, by name and by what their first bytes say they are.

A name ending in ``.png`` proves nothing: the content is sniffed too (image signatures verified by Pillow,
PDF header, XLSX as a zip holding a workbook, CSV as text without binary bytes). Use it as a form field
validator: ``forms.FileField(validators=[UploadValidator(kinds=("csv", "xlsx"))])``, or call
``upload_check(file, kinds=...)`` in a service.
"""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

EXTENSIONS = {
    "image": (".jpg", ".jpeg", ".png", ".gif", ".webp"),
    "csv": (".csv", ".txt"),
    "xlsx": (".xlsx",),
    "pdf": (".pdf",),
}
IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
SNIFF_BYTES = 64 * 1024


def default_max_bytes() -> int:
    return int(getattr(settings, "MAILLAGE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


def _head(file, size: int = SNIFF_BYTES) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head


def _is_image(file) -> bool:
    from PIL import Image, UnidentifiedImageError

    position = file.tell()
    try:
        file.seek(0)
        with Image.open(file) as image:
            kind = image.format
            image.verify()
        return kind in IMAGE_FORMATS
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    finally:
        file.seek(position)


def _is_pdf(head: bytes) -> bool:
    return head[:1024].lstrip(b"\r\n\t ").startswith(b"%PDF-")


def _is_xlsx(file) -> bool:
    position = file.tell()
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
        return "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names)
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(position)


def _decode(head: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError as error:
            # The sniffed head may stop inside a multi-byte character.
            if len(head) == SNIFF_BYTES and error.start >= len(head) - 3:
                return head[: error.start].decode(encoding, errors="strict")
    return None


def _is_csv(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    text = _decode(head)
    return text is not None and not any(ord(ch) < 32 and ch not in "\t\r\n\f" for ch in text)


def upload_kind(file) -> str | None:
    """The kind the content really is ("image", "pdf", "xlsx", "csv"), or None."""
    head = _head(file)
    if _is_pdf(head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if _is_xlsx(file) else None
    if _is_image(file):
        return "image"
    if _is_csv(head):
        return "csv"
    return None


def upload_check(file, *, kinds: tuple[str, ...], max_bytes: int | None = None) -> str:
    """Raise ValidationError unless the file is one of `kinds` by name and content and at most `max_bytes`
    long (default: MAILLAGE_UPLOAD_MAX_BYTES); returns the kind found."""
    limit = max_bytes or default_max_bytes()
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("This file is too large (%(size)s): %(limit)s at most."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    allowed = tuple(ext for kind in kinds for ext in EXTENSIONS[kind])
    extension = PurePath(file.name or "").suffix.lower()
    if extension not in allowed:
        raise ValidationError(
            _("Files of this type are not accepted here. Accepted: %(extensions)s."),
            params={"extensions": ", ".join(allowed)},
            code="file_extension",
        )
    found = upload_kind(file)
    if found not in kinds or extension not in EXTENSIONS[found]:
        raise ValidationError(
            _("The content of this file does not match its name (%(extension)s)."),
            params={"extension": extension},
            code="file_content",
        )
    return found


@deconstructible
class UploadValidator:
    def __init__(self, *, kinds: tuple[str, ...], max_bytes: int | None = None):
        unknown = set(kinds) - set(EXTENSIONS)
        if unknown:
            raise ValueError(f"unknown upload kinds: {sorted(unknown)}")
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, file) -> None:
        upload_check(file, kinds=self.kinds, max_bytes=self.max_bytes)

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadValidator) and (self.kinds, self.max_bytes) == (
            other.kinds,
            other.max_bytes,
        )

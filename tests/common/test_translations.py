import subprocess
from pathlib import Path

import maillage

LOCALE = Path(maillage.__file__).parent / "locale"


def test_french_catalogue_is_complete():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(LOCALE / "fr/LC_MESSAGES/django.po")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_english_catalogue_exists_and_is_valid():
    subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(LOCALE / "en/LC_MESSAGES/django.po")], check=True
    )

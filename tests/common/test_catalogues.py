"""Every translation says what its source says: the same placeholders, each as often, no sentence
repeated, every plural form filled. A catalogue entry that breaks one of these shows people a wrong or
garbled sentence (the grid once printed one French sentence eight times), and no other test would notice."""

import re
from collections import Counter
from pathlib import Path

import polib
import pytest

import maillage

LOCALE = Path(maillage.__file__).parent / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
# Python's %(name)s / %s / %d, and the braces of str.format and of JavaScript catalogues.
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")
REPEATED = re.compile(r"^(.{8,}?)\s*(?:\1\s*)+$", re.DOTALL)


def placeholders(text: str) -> Counter:
    return Counter(m.group(0) for m in PLACEHOLDER.finditer(text.replace("%%", "")))


def entries():
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                yield path.parent.parent.name, entry


def problems(language: str, entry: polib.POEntry, nplurals: int) -> list[str]:
    found = []
    if entry.msgid_plural:
        forms = entry.msgstr_plural
        if language != "en" and (len(forms) != nplurals or not all(forms.values())):
            found.append(f"{len(forms)} plural forms, {sum(bool(v) for v in forms.values())} filled")
        singular, plural = placeholders(entry.msgid), placeholders(entry.msgid_plural)
        for index, text in forms.items():
            if not text:
                continue
            got = placeholders(text)
            # The singular form may name the count or not ("one person" / "%(count)s person").
            allowed = singular | plural
            needed = singular & plural
            if any(got[k] > allowed[k] for k in got) or any(got[k] < needed[k] for k in needed):
                found.append(f"msgstr[{index}] has {dict(got)}, the source {dict(allowed)}")
            if REPEATED.match(text):
                found.append(f"msgstr[{index}] repeats one sentence")
    elif entry.msgstr:
        if placeholders(entry.msgstr) != placeholders(entry.msgid):
            found.append(
                f"has {dict(placeholders(entry.msgstr))}, the source {dict(placeholders(entry.msgid))}"
            )
        if REPEATED.match(entry.msgstr) and not REPEATED.match(entry.msgid):
            found.append("repeats one sentence")
    return found


def nplurals_of(language: str) -> int:
    header = polib.pofile(str(LOCALE / language / "LC_MESSAGES/django.po")).metadata.get("Plural-Forms", "")
    match = re.search(r"nplurals\s*=\s*(\d+)", header)
    return int(match.group(1)) if match else 2


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_every_translation_matches_its_source(path):
    language = path.parent.parent.name
    nplurals = nplurals_of(language)
    bad = {
        entry.msgid[:70]: found
        for entry in polib.pofile(str(path))
        if not entry.obsolete and (found := problems(language, entry, nplurals))
    }
    assert bad == {}


def test_the_checks_catch_a_repeated_plural_sentence():
    entry = polib.POEntry(
        msgid="%(count)s person starred “%(first)s”.",
        msgid_plural="%(count)s people starred “%(first)s”.",
        msgstr_plural={0: "%(count)s personne a aimé « %(first)s »." * 2, 1: "%(count)s personnes ont aimé."},
    )
    assert problems("fr", entry, 2) == [
        "msgstr[0] has {'%(count)s': 2, '%(first)s': 2}, the source {'%(count)s': 1, '%(first)s': 1}",
        "msgstr[0] repeats one sentence",
        "msgstr[1] has {'%(count)s': 1}, the source {'%(count)s': 1, '%(first)s': 1}",
    ]


def test_the_checks_catch_a_missing_plural_form_and_a_renamed_placeholder():
    entry = polib.POEntry(
        msgid="%(n)s item", msgid_plural="%(n)s items", msgstr_plural={0: "%(n)s élément", 1: ""}
    )
    assert problems("fr", entry, 2) == ["2 plural forms, 1 filled"]
    single = polib.POEntry(msgid="Hello %(name)s", msgstr="Bonjour %(nom)s")
    assert problems("fr", single, 2) == ["has {'%(nom)s': 1}, the source {'%(name)s': 1}"]

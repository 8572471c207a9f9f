"""Text folding shared by search and import: what people type rarely has the accents or case we stored."""

import hashlib
import re
import unicodedata

from django.utils.text import slugify

_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case, accent-free form of text ("Numérique" -> "numerique"); ligatures expanded."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "OE"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


_WORD_BREAKS = str.maketrans({"–": " ", "—": " ", "’": " ", "'": " ", "/": " "})


def slug_for_name(name: str, *, max_length: int = 120, fallback: str = "org") -> str:
    """A stable URL key for a name, also for names with no Latin letter ("北京科技" -> "org-1f3a9c2b")."""
    # Dashes and apostrophes part words ("Québec–Bordeaux" → "quebec-bordeaux", not "quebecbordeaux").
    slug = slugify(fold(name).translate(_WORD_BREAKS))[:max_length].strip("-")
    if slug:
        return slug
    return f"{fallback}-" + hashlib.sha256(name.strip().encode()).hexdigest()[:8]


def single_line(text: str) -> str:
    """Collapse whitespace, line breaks included: e-mail headers and names must stay on one line."""
    return " ".join(text.split())

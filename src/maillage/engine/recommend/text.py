"""French and English text analysis: accent folding, tokens, stop words, language guess, Snowball stems.

Everything is folded (accents removed, ``œ`` -> ``oe``) *before* stemming, so that "sécurité" and
"securite" (typed on an English keyboard) give the same stem.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

LANGUAGES = ("fr", "en")

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "'", "ʼ": "'"})
_TOKEN = re.compile(r"[0-9A-Za-z]+")


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Snowball's French and English stop lists, folded: left out everywhere, phrases included.
STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": words(
        """
        a au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme
        mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un
        une vos votre vous c d j l m n s t y ete etee etees etes etant suis es est sommes sont serai sera
        serons seront serais serait etais etait etions etaient fus fut ai as avons avez ont aurai aura aurons
        auront avais avait avions avaient eu eue eus ceci cela celle celui ceux chez comme dont donc ici
        ainsi aussi autre autres afin car cette leurs lors plus moins tres tout tous toute toutes sans selon
        sous vers via entre chaque deja encore etc ni si sinon puis alors quel quelle quels quelles
        """
    ),
    "en": words(
        """
        a about above after again against all am an and any are as at be because been before being below
        between both but by can did do does doing down during each few for from further had has have having he
        her here hers herself him himself his how i if in into is it its itself just me more most my myself no
        nor not now of off on once only or other our ours ourselves out over own same she should so some such
        than that the their theirs them themselves then there these they this those through to too under until
        up very was we were what when where which while who whom why will with you your yours yourself also
        etc via per within across including us s t d ll ve re m
        """
    ),
}
# The words every B2B profile uses and that say nothing about what is offered or sought ("nous
# cherchons", "we offer", "solutions"): left out of the bags of words, but not out of phrases
# ("design de services" stays a phrase of three words).
DOMAIN_STOP_WORDS = words(
    """
        cherche cherchons recherche recherchons cherchent recherchent souhaite souhaitons souhaitent veut
        voulons besoin besoins offre offrons offrent propose proposons proposent fournit fournissons fournissent
        solution solutions service services entreprise entreprises societe organisation organisations
        produit produits client clients partenaire partenaires partenariat nouveau nouveaux nouvelle nouvelles
        notamment afin travaille travaillons accompagne accompagnons aidons aide aider developpons
        specialise specialisee specialises specialistes expert experts expertise pme startup startups
        jeune pousse pousses gamme outil outils plateforme plateformes base projet projets
        looking look seek seeking seeks sought need needs needed want wants wanted offer offers offering provide
        provides providing propose proposes solution solutions service services company companies business
        businesses organisation organization client clients customer customers partner partners partnership
        new help helps helping work works working specialised specialized specialist specialists expert experts
        expertise sme smes startup startups range tool tools platform platforms based project projects
    """
)
_ALL_STOP = STOP_WORDS["fr"] | STOP_WORDS["en"]
_ALL_DOMAIN_STOP = _ALL_STOP | DOMAIN_STOP_WORDS
# words that decide the language more reliably than content words
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": words(
        "le la les des du de et en un une pour avec dans sur nous notre nos vous votre aux au par qui que est"
        " sont leur leurs ces cette ou chez"
    ),
    "en": words(
        "the a an and of for with in on we our you your to from by who that is are their these this or at"
        " into"
    ),
}


def fold(text: str) -> str:
    """Remove accents and ligatures, keep case: "Réalité Œuvre" -> "Realite OEuvre"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: folded lower-case form, whether it was written in capitals, and where it is."""

    norm: str
    lower: str  # as written, lower-case, accents kept (the French stemmer needs them)
    upper: bool
    start: int
    end: int


def _one_to_one() -> dict[int, str]:
    """The accented Latin letters (and the typographic apostrophe) whose fold is one ASCII letter."""
    table = {}
    for code in range(0x80, 0x250):
        folded = fold(chr(code))
        if len(folded) == 1 and folded.isascii():
            table[code] = folded
    table[ord("’")] = "'"
    return table


_ONE_TO_ONE = _one_to_one()


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` (folded, lower-case), with their position in the original string.

    Folding keeps the string length for Latin letters with accents (one combining mark per letter), but
    not for ligatures, so positions are computed on a per-character fold when the text has any.
    A text is read once: its offers, the places its needs name and its reasons' quotes all need it.
    """
    return list(_tokenize(text))


@lru_cache(maxsize=50_000)
def _tokenize(text: str) -> tuple[Token, ...]:
    folded_text = text.translate(_ONE_TO_ONE)
    index: list[int] | None = None
    if not folded_text.isascii():  # a ligature, or a letter of another script: fold char by char
        chars = []
        index = []
        for position, ch in enumerate(text):
            folded = ch if ch.isascii() else _fold_char(ch)
            chars.append(folded)
            index.extend([position] * len(folded))
        folded_text = "".join(chars)
    tokens = []
    for match in _TOKEN.finditer(folded_text):
        word = match.group()
        if index is None:
            start, end = match.span()
        else:
            start = index[match.start()]
            end = index[match.end() - 1] + 1
        lower = text[start:end].translate(_LIGATURES).lower()
        tokens.append(Token(word.lower(), lower, len(word) > 1 and word.isupper(), start, end))
    return tuple(tokens)


def detect_language(tokens: list[Token]) -> str:
    """ "fr" or "en", by which language's function words are more frequent; French on a tie."""
    fr = sum(1 for t in tokens if t.norm in _FUNCTION_WORDS["fr"])
    en = sum(1 for t in tokens if t.norm in _FUNCTION_WORDS["en"])
    return "en" if en > fr else "fr"


_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}
# A snowball stemmer keeps its state between calls: rankings in two threads (job threads, a page's threads)
# must not share one mid-word.
_STEM_LOCK = threading.Lock()


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """Folded Snowball stem of a lower-case word ("handicapées" -> "handicap").

    The word is stemmed with its accents (Snowball's French rules need them: "-ées") and the stem
    folded afterwards; digits and short words are only folded.
    """
    if len(word) <= 3 or word.isdigit():
        return fold(word)
    with _STEM_LOCK:
        stemmed = _STEMMERS[language].stemWord(word)
    return fold(str(stemmed))


def is_stop(word: str) -> bool:
    """Whether ``word`` says nothing about an offer or a need, in either language."""
    return word in _ALL_DOMAIN_STOP


def normalise_label(label: str) -> str:
    """A label reduced to its folded lower-case words, for exact look-ups: "Réalité  virtuelle" -> "realite virtuelle"."""
    return " ".join(t.norm for t in tokenize(label))


def content_tokens(tokens: list[Token], *, domain: bool = False) -> list[Token]:
    """Tokens that are not stop words in either language (nor, with ``domain``, B2B filler words).

    Words written in capitals ("AI", "IT", "US") always count.
    """
    stop = _ALL_DOMAIN_STOP if domain else _ALL_STOP
    return [t for t in tokens if t.upper or t.norm not in stop]


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A phrase of a :class:`PhraseIndex` found in a text: its key, and the character span it covers."""

    key: str
    start: int
    end: int


class PhraseIndex:
    """Finds known phrases (French or English) in a text, on Snowball stems with stop words left out.

    Phrases of the text's own language are compared on Snowball stems; phrases of the other language
    on the exact (folded) words, so a French text that uses "cloud" or "IoT" still matches, but the
    English stemmer does not turn the French "connectés" into "connectivity".
    A short acronym written in capitals in the index ("IA", "AR", "RH") only matches a word in capitals,
    and a phrase written ``=word`` only matches that exact word, never another word of the same stem
    ("=assurance" is not "assurer"); ``==word`` only matches it with its accents too ("==élèves" is not
    "élevés").
    """

    def __init__(self, phrases: list[tuple[str, str, str]]) -> None:
        """``phrases``: (key, language, phrase) triples."""
        # (language, "stem" or "word") -> words of the phrase -> (key, acronym) entries
        self._index: dict[tuple[str, str], dict[tuple[str, ...], list[tuple[str, bool]]]] = {
            (lang, form): {} for lang in LANGUAGES for form in ("stem", "word", "accent")
        }
        self.max_length = 1
        for key, language, phrase in phrases:
            accents = phrase.startswith("==")
            exact = phrase.startswith("=")
            words = content_tokens(tokenize(phrase.lstrip("=")))
            if not words:
                continue
            acronym = len(words) == 1 and words[0].upper and len(words[0].norm) <= 3
            if accents:
                forms = [("accent", tuple(t.lower for t in words))]
            else:
                forms = [("word", tuple(t.norm for t in words))]
            if not exact:
                forms.append(("stem", tuple(stem(t.lower, language) for t in words)))
            for form, sequence in forms:
                entries = self._index[language, form].setdefault(sequence, [])
                if (key, acronym) not in entries:
                    entries.append((key, acronym))
            self.max_length = max(self.max_length, len(words))
        # the longest phrase that starts with each first word, per index: most words start none,
        # and most phrases are one or two words long, so a text's scan is a few look-ups per word
        self._longest: dict[tuple[str, str], dict[str, int]] = {}
        for place, table in self._index.items():
            longest: dict[str, int] = {}
            for sequence in table:
                longest[sequence[0]] = max(longest.get(sequence[0], 0), len(sequence))
            self._longest[place] = longest

    def find(self, tokens: list[Token], language: str | None = None) -> list[PhraseMatch]:
        """Longest phrases first, left to right, in each language; a key is reported once per place.

        ``language`` is the text's language (None: compare stems in both).
        """
        words = content_tokens(tokens)
        found: dict[tuple[str, int], PhraseMatch] = {}
        norms = [t.norm for t in words]
        lowers = [t.lower for t in words]
        for phrase_language in LANGUAGES:
            by_stem = language in (None, phrase_language)
            stems = [stem(t.lower, phrase_language) for t in words] if by_stem else norms
            by_word = self._index[phrase_language, "word"]
            by_accent = self._index[phrase_language, "accent"]
            index = self._index[phrase_language, "stem" if by_stem else "word"]
            longest_index = self._longest[phrase_language, "stem" if by_stem else "word"]
            longest_word = self._longest[phrase_language, "word"] if by_stem else {}
            longest_accent = self._longest[phrase_language, "accent"]
            position = 0
            while position < len(stems):
                step = 1
                longest = max(
                    longest_index.get(stems[position], 0),
                    longest_word.get(norms[position], 0),
                    longest_accent.get(lowers[position], 0),
                )
                for length in range(min(longest, len(stems) - position), 0, -1):
                    entries = index.get(tuple(stems[position : position + length]))
                    if by_stem:
                        entries = (entries or []) + by_word.get(
                            tuple(norms[position : position + length]), []
                        )
                    if by_accent:
                        entries = (entries or []) + by_accent.get(
                            tuple(lowers[position : position + length]), []
                        )
                    if not entries:
                        continue
                    hits = [key for key, acronym in entries if not acronym or words[position].upper]
                    if not hits:
                        continue
                    start, end = words[position].start, words[position + length - 1].end
                    for key in hits:
                        found.setdefault((key, start), PhraseMatch(key, start, end))
                    step = length
                    break
                position += step
        return sorted(found.values(), key=lambda m: (m.start, m.key))

from maillage.engine.recommend.text import PhraseIndex, detect_language, fold, normalise_label, tokenize


def test_fold_removes_accents_and_ligatures():
    assert fold("Réalité œuvre Ça") == "Realite oeuvre Ca"


def test_tokenize_keeps_positions_in_the_original_text():
    text = "Cœur d'IoT: capteurs"
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["coeur", "d", "iot", "capteurs"]
    assert [text[t.start : t.end] for t in tokens] == ["Cœur", "d", "IoT", "capteurs"]
    assert [t.upper for t in tokens] == [False, False, False, False]


def test_detect_language():
    assert detect_language(tokenize("Nous cherchons des distributeurs pour nos capteurs")) == "fr"
    assert detect_language(tokenize("We are looking for distributors of our sensors")) == "en"


def test_normalise_label():
    assert normalise_label("  Réalité   Virtuelle ") == "realite virtuelle"


def test_phrase_index_matches_stems_across_plural_and_languages():
    index = PhraseIndex([("sensor", "fr", "capteur"), ("sensor", "en", "sensor")])
    assert [m.key for m in index.find(tokenize("Des capteurs connectés"), "fr")] == ["sensor"]
    assert [m.key for m in index.find(tokenize("IoT sensors"), "en")] == ["sensor"]


def test_phrase_index_short_acronym_needs_capitals():
    index = PhraseIndex([("ai", "fr", "IA"), ("ai", "en", "AI")])
    assert [m.key for m in index.find(tokenize("Solutions d'IA"), "fr")] == ["ai"]
    assert index.find(tokenize("il y a ia"), "fr") == []


def test_phrase_index_exact_word_is_not_stemmed():
    index = PhraseIndex([("insurance", "fr", "=assurance")])
    assert [m.key for m in index.find(tokenize("une assurance"), "fr")] == ["insurance"]
    assert index.find(tokenize("assurer la traçabilité"), "fr") == []


def test_phrase_index_other_language_needs_exact_words():
    index = PhraseIndex([("network", "en", "connectivity")])
    # the English stemmer would make "connectés" and "connectivity" the same stem
    assert index.find(tokenize("objets connectés"), "fr") == []


def test_phrase_index_accented_word_needs_its_accents():
    index = PhraseIndex([("student", "fr", "==élèves")])
    assert [m.key for m in index.find(tokenize("des élèves du primaire"), "fr")] == ["student"]
    # folded, "élevés" (high) is "eleves" too; stemmed, "élévateur" shares the stem of "élève"
    assert index.find(tokenize("des coûts élevés"), "fr") == []
    assert index.find(tokenize("un chariot élévateur"), "fr") == []

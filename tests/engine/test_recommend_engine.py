import numpy as np
import pytest

from maillage.engine.recommend import Problem, Profile, recommend, render
from maillage.engine.recommend.parse import parse_problem
from maillage.engine.recommend.reasons import quote
from maillage.engine.recommend.score import RANK_SCALE, _rank_decay, features


def make(
    pid,
    offers,
    needs,
    *,
    kind="sme",
    country="Canada",
    region="Montréal",
    sectors=(),
    languages=("fr", "en"),
    looking_for=(),
):
    return Profile(
        id=pid,
        organisation=pid.upper(),
        kind=kind,
        country=country,
        region=region,
        sectors=tuple(sectors),
        offers=offers,
        needs=needs,
        languages=tuple(languages),
        looking_for=tuple(looking_for),
    )


SELLER = make(
    "seller",
    "Conception de capteurs sans fil pour le suivi des serres",
    "Un distributeur d'équipements horticoles en France",
    kind="startup",
    sectors=["Objets connectés"],
    looking_for=["distributor", "client"],
)
COMPETITOR = make(
    "competitor",
    "Sondes connectées autonomes pour mesurer le climat des serres",
    "Recruter deux développeurs d'expérience",
    kind="startup",
    sectors=["Objets connectés"],
)
BUYER = make(
    "buyer",
    "Greenhouse tomato growing, 40 hectares under glass",
    "Remote monitoring sensors for our greenhouses to cut crop losses",
    country="France",
    region="Nouvelle-Aquitaine",
    sectors=["Agritech"],
    looking_for=["supplier"],
)
DISTRIBUTOR = make(
    "distributor",
    "Distribution network for horticultural equipment throughout France",
    "New Canadian greenhouse technologies for our catalogue",
    kind="distributor",
    country="France",
    region="Occitanie",
    looking_for=["supplier"],
)
INVESTOR = make(
    "investor",
    "Seed fund for fintech startups",
    "Payment and banking startups",
    kind="investor",
    country="France",
    region="Île-de-France",
)
PEOPLE = (SELLER, COMPETITOR, BUYER, DISTRIBUTOR, INVESTOR)


def ids(recs):
    return [rec.id for rec in recs]


def test_recommend_never_oneself_and_top_n():
    result = recommend(Problem(profiles=PEOPLE), 3)
    assert set(result) == {p.id for p in PEOPLE}
    for pid, recs in result.items():
        assert len(recs) == 3
        assert pid not in ids(recs)
        assert [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)


def test_recommend_top_larger_than_crowd():
    result = recommend(Problem(profiles=PEOPLE[:2]), 10)
    assert ids(result["seller"]) == ["competitor"]
    assert ids(result["competitor"]) == ["seller"]


def test_recommend_single_profile_has_nobody():
    assert recommend(Problem(profiles=(SELLER,)), 10) == {"seller": []}


def test_french_need_matches_english_offer():
    result = recommend(Problem(profiles=PEOPLE), 2)
    assert ids(result["seller"]) == ["distributor", "buyer"]


def test_english_need_matches_french_offers():
    result = recommend(Problem(profiles=PEOPLE), 3)
    # both French-speaking sensor makers answer the English need; the distributor, who looks for
    # suppliers like the buyer, may come between them (the learnt weights count that reciprocity)
    assert ids(result["buyer"])[0] == "seller"
    assert "competitor" in ids(result["buyer"])
    for rec in result["buyer"]:
        if rec.id in ("seller", "competitor"):
            assert rec.reasons[0].code == "need_offer"


def test_competitor_ranks_below_complementary_partners():
    result = recommend(Problem(profiles=PEOPLE), 4)
    order = ids(result["seller"])
    assert order.index("competitor") > order.index("buyer")
    assert order.index("competitor") > order.index("distributor")


def test_reasons_quote_the_matched_phrases_in_english():
    result = recommend(Problem(profiles=PEOPLE, language="en"), 2)
    first = result["seller"][0]
    assert first.id == "distributor"
    codes = [reason.code for reason in first.reasons]
    assert codes[0] == "need_offer"
    assert "looking_for" in codes
    need_offer = first.reasons[0]
    assert "distributeur" in need_offer.params["need"]
    assert "Distribution network" in need_offer.params["offer"]
    assert need_offer.text == (
        f"your need '{need_offer.params['need']}' matches their offer '{need_offer.params['offer']}'"
    )


def test_reasons_in_french_by_default():
    result = recommend(Problem(profiles=PEOPLE), 1)
    reason = result["buyer"][0].reasons[0]
    assert reason.code == "need_offer"
    assert reason.text.startswith("votre besoin « ")
    assert "correspond à leur offre" in reason.text


def test_every_recommendation_has_a_reason():
    result = recommend(Problem(profiles=PEOPLE, language="en"), 4)
    assert all(rec.reasons for recs in result.values() for rec in recs)


def test_same_sector_reason_uses_taxonomy_label():
    result = recommend(Problem(profiles=PEOPLE, language="en"), 4)
    competitor = next(rec for rec in result["seller"] if rec.id == "competitor")
    assert any(r.text == "same sector: IoT and connected objects" for r in competitor.reasons)


def test_reason_parameters_are_codes_and_render_in_either_language():
    """An app stores the codes once and words them for each reader: a sector travels as its slug."""
    result = recommend(Problem(profiles=PEOPLE, language="en"), 4)
    competitor = next(rec for rec in result["seller"] if rec.id == "competitor")
    sector = next(r for r in competitor.reasons if r.code == "same_sector")
    assert sector.params == {"sector": "iot"}
    assert render(sector.code, sector.params, "fr") == "même secteur : Objets connectés et IoT"
    assert render(sector.code, sector.params, "en") == sector.text
    assert render("looking_for", {"role": "rd_partner"}, "fr").endswith(": partenaire de R-D")


def test_corridor_bonus_and_reason():
    problem = Problem(profiles=PEOPLE, corridors=(("montreal", "NOUVELLE-AQUITAINE"),), language="en")
    plain = {r.id: r for r in recommend(Problem(profiles=PEOPLE, language="en"), 4)["seller"]}
    with_corridor = {r.id: r for r in recommend(problem, 4)["seller"]}
    assert with_corridor["buyer"].score > plain["buyer"].score
    assert "their region is in the Montréal–Nouvelle-Aquitaine corridor" in [
        r.text for r in with_corridor["buyer"].reasons
    ]


def test_no_shared_language_lowers_the_score():
    french_only = make(
        SELLER.id,
        SELLER.offers,
        SELLER.needs,
        languages=("fr",),
        looking_for=SELLER.looking_for,
        kind="startup",
    )
    english_only = make(
        DISTRIBUTOR.id,
        DISTRIBUTOR.offers,
        DISTRIBUTOR.needs,
        languages=("en",),
        kind="distributor",
        country="France",
        region="Occitanie",
    )
    shared = recommend(Problem(profiles=(SELLER, DISTRIBUTOR)), 1)["seller"][0]
    apart = recommend(Problem(profiles=(french_only, english_only)), 1)["seller"][0]
    assert apart.score < shared.score
    assert "no_shared_language" in [r.code for r in apart.reasons]


def test_investor_is_recommended_to_startup_looking_for_one():
    startup = make(
        "pay",
        "Application de paiement mobile pour commerçants",
        "Financement d'amorçage",
        kind="startup",
        looking_for=["investor"],
    )
    other = make("shop", "Boutique de vêtements", "Un comptable", kind="sme")
    result = recommend(Problem(profiles=(startup, INVESTOR, other)), 1)
    assert ids(result["pay"]) == ["investor"]


def test_recommend_is_deterministic():
    raw = {
        "profiles": [
            {"id": str(k), "offers": "logiciel", "needs": "clients", "languages": ["fr"]} for k in range(6)
        ]
    }
    first = recommend(parse_problem(raw), 3)
    second = recommend(parse_problem(raw), 3)
    assert first == second
    assert ids(first["0"]) == ["1", "2", "3"]


def test_quote_keeps_a_short_clause_whole_without_filler():
    text = "Nous cherchons un distributeur d'équipements en France; et du financement"
    start = text.index("distributeur")
    assert quote(text, start, start + len("distributeur")) == "distributeur d'équipements en France"


def test_quote_cuts_a_long_clause_around_the_match():
    text = (
        "Nous développons depuis dix ans des capteurs pour objets connectés destinés aux serres "
        "de la région et aux fermes verticales du Québec"
    )
    start = text.index("serres")
    quoted = quote(text, start, start + len("serres"))
    assert "serres" in quoted
    assert len(quoted.split()) <= 10
    assert quoted in text


def test_role_reason_gives_the_code_and_the_word():
    result = recommend(Problem(profiles=PEOPLE), 1)
    first = result["seller"][0]
    role = next(r for r in first.reasons if r.code == "looking_for")
    assert role.params == {"role": "distributor"}
    assert role.text == "le type de partenaire que vous cherchez : distributeur"


def test_character_ngrams_match_cognates_across_languages():
    from maillage.engine.recommend.score import Weights, analyse, gram_bag, score

    french, english = analyse("Collaborations en cryptographie"), analyse("Post-quantum cryptography")
    assert set(gram_bag(french, 3, 5)) & set(gram_bag(english, 3, 5)) >= {"^cryp", "graph"}
    seeker = make("seeker", "Opérateur télécom", "Collaborations en cryptographie")
    lab = make(
        "lab", "Research on post-quantum cryptography", "Partners for our algorithms", languages=("en",)
    )
    other = make("other", "Furniture for the office", "Catering for our events", languages=("en",))
    problem = Problem(profiles=(seeker, lab, other))
    _, with_grams = score(problem)
    _, without = score(problem, Weights(ngram=0.0))
    assert with_grams.need_offer[0, 1] > without.need_offer[0, 1]
    # only across languages: within one language the stems already say it
    assert with_grams.need_offer[1, 2] == without.need_offer[1, 2]


def test_rank_features_count_a_partners_place_in_each_list():
    """j's place in i's own order, exp(-place / 10): nearest first, never i itself, nothing for a
    similarity that is not positive (a profile without sectors ties with everyone)."""
    similarity = np.array(
        [[1.0, 0.2, 0.5, 0.0], [0.2, 1.0, 0.1, -0.3], [0.5, 0.1, 1.0, 0.4], [0.0, -0.3, 0.4, 1.0]],
        dtype=np.float32,
    )
    ranks = _rank_decay(similarity)
    assert ranks[0, 2] == 1.0  # 0's nearest
    assert ranks[0, 1] == pytest.approx(np.exp(-1 / RANK_SCALE))
    assert ranks[0, 3] == 0.0  # not similar at all
    assert ranks[1, 3] == 0.0
    assert np.all(np.diag(ranks) == 0.0)


def test_rival_features_mark_sellers_of_one_class_with_nothing_to_ask():
    """neither_needs: both profiles state no need; emb_sector_same_class: declared sectors alike, and
    both of one class of organisation (a startup and an SME are two companies, a distributor is not)."""
    seller = make("seller", "Capteurs sans fil pour serres", "", kind="startup", sectors=["Serres"])
    rival = make("rival", "Sondes connectées pour serres", "", kind="sme", sectors=["Greenhouses"])
    network = make(
        "network",
        "Réseau de distribution horticole",
        "Des capteurs pour nos clients",
        kind="distributor",
        sectors=["Serres"],
    )
    _, found = features(Problem(profiles=(seller, rival, network)))
    assert found["neither_needs"].tolist() == [[1, 1, 0], [1, 1, 0], [0, 0, 0]]
    same_class = found["emb_sector_same_class"]
    assert same_class[0, 1] == pytest.approx(found["emb_sector"][0, 1])
    assert same_class[0, 1] > 0.3
    assert same_class[0, 2] == 0.0
    assert found["emb_sector"][0, 2] > 0.9
    # a need read with its sectors ("capteurs" for greenhouses) against offers read with theirs
    context = found["emb_context_need_offer"]
    assert context[2, 0] > context[2, 1] + 0.1


def test_roles_meet_when_one_looks_for_what_the_other_offers_to_be():
    """A profile looking for clients meets one looking for suppliers (either way round); two looking for
    clients, or a profile that looks for nothing, do not; a seller looking for a distributor meets one
    looking for suppliers to carry."""
    seller = make("seller", "Capteurs", "", looking_for=("distributor",))
    rival = make("rival", "Sondes", "", looking_for=("client",))
    buyer = make("buyer", "", "Des capteurs", looking_for=("supplier",))
    silent = make("silent", "Conseil", "")
    _, found = features(Problem(profiles=(seller, rival, buyer, silent)), embeddings=False)
    assert found["roles_meet"].tolist() == [
        [0, 0, 1, 0],
        [0, 0, 1, 0],
        [1, 1, 0, 0],
        [0, 0, 0, 0],
    ]

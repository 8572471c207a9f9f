import json
from importlib import resources

import pytest

from maillage.engine.recommend.taxonomy import sector_by_slug, sector_slug, sectors


def test_sectors_json_schema():
    raw = json.loads(resources.files("maillage.engine.recommend").joinpath("sectors.json").read_text("utf-8"))
    assert len(raw) >= 30
    slugs = [item["slug"] for item in raw]
    assert len(set(slugs)) == len(slugs)
    for item in raw:
        assert set(item) == {"slug", "fr", "en", "synonyms"}
        assert item["fr"]
        assert item["en"]
        assert set(item["synonyms"]) == {"fr", "en"}
        assert all(isinstance(s, str) and s for lang in ("fr", "en") for s in item["synonyms"][lang])


def test_sectors_loaded_in_file_order():
    assert sectors()[0].slug == "iot"
    assert sector_by_slug()["vr-ar"].label("en") == "Virtual and augmented reality"


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Objets connectés", "iot"),
        ("objets intelligents", "iot"),
        ("Internet of Things", "iot"),
        ("REALITE VIRTUELLE", "vr-ar"),
        ("VR", "vr-ar"),
        ("infonuagique", "cloud"),
        ("Cloud computing", "cloud"),
        ("jeux vidéo", "video-games"),
        ("jeux video", "video-games"),
        ("courriel marketing", "web-marketing"),
        ("IA", "ai"),
        ("Santé numérique", "e-health"),
        ("healthtech", "e-health"),
        ("chaîne de blocs", "blockchain"),
        ("Capteurs connectés pour l'agriculture", "iot"),
        ("Impression 3D", "3d-printing"),
    ],
)
def test_sector_slug_maps_free_labels(label, slug):
    assert sector_slug(label) == slug


def test_sector_slug_unknown_label_is_none():
    assert sector_slug("pâtisserie fine") is None

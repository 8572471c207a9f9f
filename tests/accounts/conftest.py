import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Reset e-mail counters live in the cache, which outlives a test's database transaction."""
    cache.clear()
    yield
    cache.clear()

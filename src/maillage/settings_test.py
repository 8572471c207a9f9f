"""Test settings: the real settings with fast hashing and an in-memory outbox.

The database is whatever DATABASE_URL says (the test runner script points it at PostgreSQL when one
answers, and runs the suite on SQLite as well).
"""

import os

os.environ.setdefault("MAILLAGE_DEMO", "1")

from .settings import *  # noqa: F403
from .settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LANGUAGE_CODE = "fr"
MAILLAGE_JOBS = "eager"
# Existing tests log organisers in with their password only; tests of the second factor turn it on.
MAILLAGE_REQUIRE_TOTP = False

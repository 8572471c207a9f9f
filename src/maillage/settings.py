"""Settings, read from environment variables; every default is documented in docs/configuration.md.

Defaults give the embedded set-up a newcomer needs (SQLite file, in-process jobs, console e-mail);
production sets DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY and the e-mail variables.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEMO = env_bool("MAILLAGE_DEMO")
DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEMO or DEBUG:
        SECRET_KEY = "insecure-demo-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or MAILLAGE_DEMO=1 for a local demo."
        )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "maillage.common",
    "maillage.accounts",
    "maillage.directory",
    "maillage.programme",
    "maillage.matchmaking",
    "maillage.missions",
    "maillage.proposals",
    "maillage.privacy",
    "maillage.demo",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "maillage.common.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "maillage.common.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "maillage.common.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "maillage.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "maillage.urls"
WSGI_APPLICATION = "maillage.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "maillage.common.context_processors.site",
            ],
        },
    },
]

DATA_DIR = Path(os.environ.get("MAILLAGE_DATA_DIR", REPO_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'maillage.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A persistent connection that the server closed (a restart) is replaced before the request uses it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out log-ins before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", REPO_DIR / "staticfiles"))
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", REPO_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/chartjs", REPO_DIR / "node_modules" / "chart.js" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds before an SMTP exchange gives up (Django waits for ever by default): a hung mail server then
# costs an attempt, retried later from the outbox, never a worker held for good.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "20"))
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Maillage <noreply@maillage.localhost>")

# Background jobs: with no broker, tasks run in-process at enqueue time (eager), so nothing else is needed.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Long jobs (scheduling, optimiser, recommendations): "celery" with a broker; else "thread", a thread of the
# app process, so pages stay usable while they run (common/jobs.py); tests use "eager".
MAILLAGE_JOBS = "celery" if CELERY_BROKER_URL else os.environ.get("MAILLAGE_JOBS", "thread")
# Eager tasks never reach a broker, yet Celery takes a producer from the pool: a URL without a host makes
# kombu warn, on the first e-mail of every run, that it falls back to localhost.
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://localhost"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = not CELERY_RESULT_BACKEND
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
# Tasks are acknowledged when they start (Celery's default): one killed with its worker is lost, never run
# twice nor redelivered for ever. Only the engine runs' tasks are acknowledged late and put back when their
# worker is lost (acks_late, reject_on_worker_lost on the task): common.runs re-runs them only when the first
# worker is dead and caps the attempts, so a run that kills its worker cannot loop. The visibility timeout
# below is how long the broker waits before it hands such a task to another worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("MAILLAGE_BROKER_VISIBILITY_SECONDS", "3600")),
}
# With `celery -A maillage.celery beat`: B2B reminders go out the day before (nobody gets one twice).
CELERY_BEAT_SCHEDULE = {
    "b2b-reminders": {"task": "maillage.matchmaking.tasks.reminders_send_all_task", "schedule": 3600.0},
    "mission-followups": {"task": "maillage.missions.tasks.followups_send_task", "schedule": 3600.0},
    "privacy-retention": {"task": "maillage.privacy.tasks.retention_apply_task", "schedule": 86400.0},
    # E-mails that could not leave at once (broker or mail server down) are retried from the outbox.
    "email-outbox": {
        "task": "maillage.common.tasks.outbox_send_due_task",
        "schedule": float(os.environ.get("MAILLAGE_OUTBOX_EVERY_SECONDS", "60")),
    },
}
CELERY_ACCEPT_CONTENT = ["json"]

# Uploads: request bodies (forms) and files kept in memory up to these sizes; each upload field also checks
# size, name and content with common.uploads (MAILLAGE_UPLOAD_MAX_BYTES by default).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", str(5 * 1024 * 1024)))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
MAILLAGE_UPLOAD_MAX_BYTES = int(os.environ.get("MAILLAGE_UPLOAD_MAX_MB", "10")) * 1024 * 1024

# Personal data kept no longer than needed (privacy.services.retention_apply, daily with beat).
MAILLAGE_RETAIN_MEETING_NOTES_MONTHS = int(os.environ.get("MAILLAGE_RETAIN_MEETING_NOTES_MONTHS", "24"))
MAILLAGE_RETAIN_APPLICATIONS_MONTHS = int(os.environ.get("MAILLAGE_RETAIN_APPLICATIONS_MONTHS", "12"))
MAILLAGE_RETAIN_DEVICES_MONTHS = int(os.environ.get("MAILLAGE_RETAIN_DEVICES_MONTHS", "24"))
MAILLAGE_RETAIN_AUDIT_MONTHS = int(os.environ.get("MAILLAGE_RETAIN_AUDIT_MONTHS", "60"))
MAILLAGE_RETAIN_PROPOSALS_MONTHS = int(os.environ.get("MAILLAGE_RETAIN_PROPOSALS_MONTHS", "12"))
MAILLAGE_RETAIN_EMAILS_DAYS = int(os.environ.get("MAILLAGE_RETAIN_EMAILS_DAYS", "30"))
MAILLAGE_PRIVACY_CONTACT = os.environ.get("MAILLAGE_PRIVACY_CONTACT", "")
# New visitor sessions (a visitor's stars on the call's preview) per network address and hour.
MAILLAGE_VISITOR_SESSIONS_PER_HOUR = int(os.environ.get("MAILLAGE_VISITOR_SESSIONS_PER_HOUR", "300"))

# A shared cache (Redis) lets every app process reuse the public agenda they render; default: per process.
if os.environ.get("CACHE_URL"):
    CACHES = {
        "default": {
            # django-redis, so that a cache that is down is a miss, not an error: pages keep serving (the
            # health endpoint still reports it).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(14 * 24 * 3600)))
# Organisers see everyone's data: their session ends with the browser, and after this many hours at most.
MAILLAGE_ORGANISER_SESSION_HOURS = int(os.environ.get("MAILLAGE_ORGANISER_SESSION_HOURS", "12"))
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Number of reverse proxies in front of the app: the client's address is read from X-Forwarded-For then.
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
if env_bool("HTTPS"):
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^sante/$"]  # the load balancer's check may come over plain HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Second factor (TOTP) for organisers; on by default, off in the demo and the tests (their own tests turn it on).
MAILLAGE_REQUIRE_TOTP = env_bool("MAILLAGE_REQUIRE_TOTP", not DEMO)
OTP_TOTP_ISSUER = "Maillage"

# Log-in throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one account, or from one
# address, log-ins are refused for LOGIN_COOLOFF_MINUTES; a password reset or an organiser unlocks sooner.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = "maillage.accounts.lockout.cool_off"
MAILLAGE_LOGIN_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "maillage.accounts.lockout.username_of"
AXES_CLIENT_IP_CALLABLE = "maillage.common.http.client_ip"
AXES_LOCKOUT_CALLABLE = "maillage.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # successful log-ins are kept per device by accounts.KnownDevice instead
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "maillage.common.logging.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "maillage.common.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

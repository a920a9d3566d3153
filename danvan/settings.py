"""Settings of the "Dân vận khéo" platform: one file, everything that differs per machine read from the environment.

See the README's "Configuration" section for every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
# Demo mode: the Hải Phòng demo data and its shared password may exist. Never on a real server.
DEMO_MODE = env_bool("DANVAN_DEMO")
PRODUCTION = env_bool("DANVAN_PRODUCTION")
# Benchmark mode (`make bench`): the bare reference page /bench/bare/ and the X-Queries header. Never on a real server.
DANVAN_BENCH = env_bool("DANVAN_BENCH")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY phải được đặt khi chạy môi trường thật.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_htmx",
    "template_partials",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "danvan.core",
    "danvan.orgs",
    "danvan.campaigns",
    "danvan.initiatives",
    "danvan.progress",
    "danvan.assessments",
    "danvan.recognition",
    "danvan.showcase",
    "danvan.insights",
    "danvan.documents",
    "danvan.api",
    "danvan.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danvan.core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "danvan.core.middleware.SecondFactorMiddleware",
]
if DANVAN_BENCH:
    # Outermost, so that the queries of every other middleware (session, user) are counted too.
    MIDDLEWARE.insert(0, "danvan.core.middleware.QueryCountMiddleware")

ROOT_URLCONF = "danvan.urls"
WSGI_APPLICATION = "danvan.wsgi.application"

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
                "danvan.core.context_processors.navigation",
            ],
            "builtins": ["danvan.core.templatetags.danvan"],
        },
    },
]

VAR_DIR = Path(os.environ.get("DANVAN_VAR_DIR", BASE_DIR / "var"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
else:
    # PostgreSQL's JIT compiler pays for itself on long analytic queries, not on a page's: it spent half a second
    # compiling the dashboard's count of flagged units (1,000,000 initiatives) that then ran in half a second.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = int(os.environ.get("DANVAN_SESSION_SECONDS", str(8 * 3600)))

# The cache: Redis when DANVAN_CACHE_URL is set (redis://host:port/db), shared by every worker process; else each
# process keeps its own in memory. Pages are kept between changes (danvan/core/freshness.py) only where every
# process sees the same data version: with a shared cache, or outside production (one process serves).
CACHE_URL = os.environ.get("DANVAN_CACHE_URL", "").strip()
CACHES: dict[str, dict[str, object]]
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "danvan.core.cache.SharedClientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("DANVAN_CACHE_PREFIX", "danvan"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "danvan",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
DANVAN_PAGE_CACHE = env_bool("DANVAN_PAGE_CACHE", bool(CACHE_URL) or not PRODUCTION)
# Sessions are read from the cache and written through to the database (a session outlives a cache restart), where
# every process shares the cache: a session ended (signing out) in one process must be ended in all.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db" if DANVAN_PAGE_CACHE else "django.contrib.sessions.backends.db"
)

# Login throttling (django-axes): a username from one address is locked after repeated failures.
# Reverse proxies in front of the app that append the client's address to X-Forwarded-For (nginx: 1).
DANVAN_TRUSTED_PROXIES = int(os.environ.get("DANVAN_TRUSTED_PROXIES", "0"))
AXES_FAILURE_LIMIT = int(os.environ.get("DANVAN_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Behind a reverse proxy, failures are counted per client address, not per the proxy's (danvan.core.net).
AXES_CLIENT_IP_CALLABLE = "danvan.core.net.client_address"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("Tiếng Anh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["danvan.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise serves from the finders; the folder only has to exist
MEDIA_ROOT = Path(os.environ.get("DANVAN_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: downloads go through access-checked views
MAX_UPLOAD_MB = int(os.environ.get("DANVAN_MAX_UPLOAD_MB", "10"))
DATA_UPLOAD_MAX_MEMORY_SIZE = (MAX_UPLOAD_MB + 1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "danvankheo@localhost")
SITE_URL = os.environ.get("DANVAN_SITE_URL", "http://127.0.0.1:8000")

# Behind TLS in production: secure cookies and HSTS.
SECURE = env_bool("DANVAN_HTTPS", PRODUCTION)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = SECURE and env_bool("DANVAN_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Two-step sign-in (danvan.core.twofactor): the name authenticator apps show beside the account. Required of
# administrators everywhere but in the demo (`make run`), whose accounts are for trying the product out.
OTP_TOTP_ISSUER = "Dân vận khéo"
ADMIN_SECOND_FACTOR = PRODUCTION or not DEMO_MODE
# Content Security Policy (django-csp): scripts, styles, fonts and images from this site only — no inline script or
# style, no eval, no other origin; the pages are never framed, and forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DANVAN_LOG_LEVEL", "WARNING")},
}

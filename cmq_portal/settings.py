"""Settings of the CMQ portal, read from environment variables (see .env.example).

Without DATABASE_URL / REDIS_URL the portal runs embedded: SQLite under var/, Celery tasks
executed in-process and e-mails written to var/mail/. A malformed value stops start-up with a
message naming the variable.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _read(name, reader, default):
    """Read one variable; a malformed value becomes a start-up error naming the variable."""
    try:
        return reader(name, default=default)
    except (ValueError, TypeError, KeyError, ImproperlyConfigured) as error:
        raise ImproperlyConfigured(
            f"Variable d'environnement {name} invalide ({env.str(name, default='')!r}) : {error}"
        ) from error


def _url(name, default, schemes):
    value = env.str(name, default=default)
    if value and urlparse(value).scheme not in schemes:
        raise ImproperlyConfigured(
            f"Variable d'environnement {name} invalide ({value!r}) : "
            f"schéma attendu parmi {', '.join(sorted(schemes))}."
        )
    return value


DEBUG = _read("DEBUG", env.bool, True)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Variable d'environnement SECRET_KEY obligatoire si DEBUG=False."
        )
    SECRET_KEY = "dev-only-insecure-key-cmq-portal"  # noqa: S105 - embedded mode only
ALLOWED_HOSTS = _read("ALLOWED_HOSTS", env.list, ["127.0.0.1", "localhost", "[::1]", "testserver"])
SITE_URL = _url("SITE_URL", "http://127.0.0.1:8000", {"http", "https"}).rstrip("/")
CSRF_TRUSTED_ORIGINS = _read("CSRF_TRUSTED_ORIGINS", env.list, [SITE_URL])
REGION_NAME = env.str("REGION_NAME", default="Région Île-de-France")
REGION_SIRET = env.str("REGION_SIRET", default="23750007900312")
if REGION_SIRET and not (REGION_SIRET.isdigit() and len(REGION_SIRET) == 14):
    raise ImproperlyConfigured(
        f"Variable d'environnement REGION_SIRET invalide ({REGION_SIRET!r}) : 14 chiffres attendus."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "core",
    # After core: core/templates/django/forms/widgets/select.html replaces Django's (FORM_RENDERER).
    "django.forms",
    "documents",
    "notifications",
    "accounts",
    "audit",
    "campuses",
    "deliberations",
    "conventions",
    "subsidies",
    "labels",
    "followup",
    "jobs",
    "demo",
    "cmq_portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session and the user are read: a cached page records every table it reads.
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # French unless the language switch chose otherwise (not the browser's Accept-Language).
    "core.locale.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.sessions.SessionRefreshMiddleware",
    # request.user.is_verified(): the session passed the second factor (accounts.two_factor).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "accounts.middleware.LoginRequiredMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
    # Journals infected uploads once the view's transaction is over (it rolls back on them).
    "audit.antivirus.InfectedUploadMiddleware",
]

# Form widgets rendered by the project's template engine, so that core can replace a widget
# template (the select, whose options Django includes one by one).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "cmq_portal.urls"
WSGI_APPLICATION = "cmq_portal.wsgi.application"

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
                "accounts.context_processors.navigation",
                "core.context_processors.portal",
            ],
        },
    },
]

# Database: PostgreSQL when DATABASE_URL is set, else an SQLite file under var/.
DATABASE_URL = _url(
    "DATABASE_URL",
    f"sqlite:///{VAR_DIR / 'cmq.sqlite3'}",
    {"sqlite", "postgres", "postgresql", "pgsql", "postgis"},
)
try:
    DATABASES = {"default": env.db_url_config(DATABASE_URL)}
except (ValueError, ImproperlyConfigured) as error:
    raise ImproperlyConfigured(
        f"Variable d'environnement DATABASE_URL invalide : {error}"
    ) from error
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Persistent connections: opening one costs about as much as a page's queries (measured by
# `make bench`); the health check replaces a connection the server closed in the meantime.
DATABASES["default"]["CONN_MAX_AGE"] = _read("CONN_MAX_AGE", env.int, 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# What the audit trail (and the notifications) file an entry under: the campus it concerns.
AUDIT_SCOPE_MODEL = "campuses.Campus"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailOrUsernameBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Invitations and password resets stay valid three days.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Sessions expire after 8 hours of inactivity and when the browser closes.
SESSION_COOKIE_AGE = _read("SESSION_COOKIE_AGE", env.int, 8 * 3600)
# The idle timeout slides: core.sessions saves a signed-in session at most every
# SESSION_REFRESH_INTERVAL seconds rather than on every request (one UPDATE less per page).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_INTERVAL = _read("SESSION_REFRESH_INTERVAL", env.int, 300)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = SITE_URL.startswith("https://")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Failed logins: five failures lock the account for 15 minutes, whichever identifier (username
# or e-mail, any case) was typed, on the login page and the token endpoint alike.
AXES_FAILURE_LIMIT = _read("AXES_FAILURE_LIMIT", env.int, 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 warns that a lock without the address can be walked around by rotating user agents
# or cookies: it cannot here, the lock is the account's whatever the client sends.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_CALLABLE = "accounts.lockout.lockout_key"
AXES_CLIENT_IP_CALLABLE = "core.api_auth.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Two-factor authentication (accounts.two_factor, django-otp): TOTP apps and recovery codes.
# Who must use it, and from which day, is the administrator's TwoFactorPolicy (Django admin).
OTP_TOTP_ISSUER = "Portail CMQ"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# The demo accounts' second factor (demo/loader.py): this documented code, accepted only while
# DEBUG is on. Set with DEBUG off, it stops start-up: production never has a shared code.
DEMO_OTP_CODE = env.str("DEMO_OTP_CODE", default="123456" if DEBUG else "")
if DEMO_OTP_CODE and not DEBUG:
    raise ImproperlyConfigured(
        "Variable d'environnement DEMO_OTP_CODE refusée : le code de démonstration n'est "
        "accepté qu'avec DEBUG=True."
    )

# Addresses (or networks) of the reverse proxies in front of the portal: X-Forwarded-For is
# believed only from them (core.api_auth.client_ip). Empty: the client is REMOTE_ADDR.
TRUSTED_PROXIES = _read("TRUSTED_PROXIES", env.list, [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"Variable d'environnement TRUSTED_PROXIES invalide ({_proxy!r}) : {error}"
        ) from error

# API tokens expire after 8 hours (like a session), and die at logout and password changes.
API_TOKEN_LIFETIME = timedelta(seconds=_read("API_TOKEN_LIFETIME", env.int, 8 * 3600))

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

# Formatting layer (core/formats.py, core/form_fields.py): filters' empty choice reads « Tous »
# (forms say « — choisir — », core.forms.CHOOSE).
from django.utils.translation import gettext_lazy  # noqa: E402

FILTERS_EMPTY_CHOICE_LABEL = gettext_lazy("Tous")

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))

# Electronic seal and signatures (documents/signing.py); `manage.py init_signing` makes a demo PKI.
# Empty passphrases are read from the .pass files init_signing writes beside the PKCS#12 files.
SIGNING_DIR = Path(env.str("SIGNING_DIR", default=str(VAR_DIR / "pki")))
SEAL_PKCS12_PATH = env.str("SEAL_PKCS12_PATH", default="")
SEAL_PKCS12_PASSPHRASE = env.str("SEAL_PKCS12_PASSPHRASE", default="")
SIGNING_CA_PKCS12_PATH = env.str("SIGNING_CA_PKCS12_PATH", default="")
SIGNING_CA_PKCS12_PASSPHRASE = env.str("SIGNING_CA_PKCS12_PASSPHRASE", default="")
SIGNATURE_TRUST_ROOTS = _read("SIGNATURE_TRUST_ROOTS", env.list, [])
TSA_URL = env.str("TSA_URL", default="")
# Antivirus (core.antivirus): every upload is streamed to clamd before it is stored. Required
# (an unreachable scanner refuses uploads) unless DEBUG; `make run` without a daemon then
# stores files unscanned, with a warning at start-up and at each upload.
CLAMAV_URL = _url("CLAMAV_URL", "unix:///var/run/clamav/clamd.ctl", {"unix", "tcp"})
CLAMAV_REQUIRED = _read("CLAMAV_REQUIRED", env.bool, not DEBUG)
CLAMAV_TIMEOUT = _read("CLAMAV_TIMEOUT", env.int, 30)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# E-mail: EMAIL_URL (smtp://…), else files under var/mail/.
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Portail CMQ <cmq@localhost>")
EMAIL_URL = _url("EMAIL_URL", "", {"smtp", "smtps", "submission", "consolemail", "filemail"})
if EMAIL_URL:
    vars().update(env.email_url_config(EMAIL_URL))
    if urlparse(EMAIL_URL).scheme == "filemail":
        # The folder as written: django-environ drops the path's first slash, which turned
        # filemail:///srv/mail into srv/mail under the working directory.
        EMAIL_FILE_PATH = unquote(urlparse(EMAIL_URL).path)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Celery: a real worker on Redis when REDIS_URL is set, in-process otherwise.
REDIS_URL = _url("REDIS_URL", "", {"redis", "rediss"})
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL

# The page cache (core.page_cache): signed-in pages and API reads kept in Redis until a table
# they read changes. On whenever Redis is; PAGE_CACHE_URL= (empty) turns it off. Every process
# that writes to the database (web, worker, commands) must share it, to announce its changes.
PAGE_CACHE_URL = _url("PAGE_CACHE_URL", REDIS_URL, {"redis", "rediss"})
PAGE_CACHE_TTL = _read("PAGE_CACHE_TTL", env.int, 15 * 60)  # seconds an entry lives at most
PAGE_CACHE_PREFIX = "cmq:page"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A worker takes a rendering task only when it is free to run it. By default it also holds the
# next one while it runs (a task is acknowledged on start, then prefetch asks for more), so a
# long PDF could wait behind another while the second worker sat idle. The rendering tasks
# (documents.tasks, jobs.tasks: all safe to deliver twice) are therefore acknowledged late, at
# the end; the others (reminders, e-mails, sweeps) keep the default.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Daily at 07:00, Paris time (CELERY_TIMEZONE): deadlines and pending signatures of the
# conventions, each reminder sent once (conventions.reminders). The database scheduler copies
# this entry into django_celery_beat's tables when beat starts.
CELERY_BEAT_SCHEDULE = {
    "conventions-send-reminders": {
        "task": "conventions.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    # Lapse reminders (90 and 30 days before) and lapse of unpaid grants (subsidies.tasks).
    "subsidies-daily-deadlines": {
        "task": "subsidies.tasks.daily_deadlines",
        "schedule": crontab(hour=7, minute=15),
    },
    # Follow-up sheets: D-30, D-7, D-1, overdue, reviews waiting (followup.notifications).
    "followup-send-reminders": {
        "task": "followup.tasks.send_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    # Label milestones: obligations of the running labels, renewal retro-planning reminders.
    "labels-daily-milestones": {
        "task": "labels.tasks.daily_milestones",
        "schedule": crontab(hour=7, minute=45),
    },
    # The kernel's sweeps: work a lost worker left behind is queued again, or failed.
    "documents-sweep-stale": {
        "task": "documents.tasks.sweep_stale_documents",
        "schedule": crontab(minute="*/5"),
    },
    "jobs-sweep-stale": {
        "task": "jobs.tasks.sweep_stale_jobs",
        "schedule": crontab(minute="*/5"),
    },
    "notifications-sweep-unsent": {
        "task": "notifications.tasks.sweep_unsent_notifications",
        "schedule": crontab(minute="*/5"),
    },
}

# Renewal retro-planning (labels.planning): months before the label's end for each milestone,
# and the days before a milestone its reminder goes out. The seeds give no figures: these
# defaults are the usual order (file to the rector, CAEN, CREFOP, then the national session's
# deadline); override them here, e.g. LABEL_RENEWAL_MONTHS_BEFORE_END={"session_deadline": 7}.
LABEL_RENEWAL_MONTHS_BEFORE_END = {
    "renewal_file": 10,
    "caen_opinion": 8,
    "crefop_opinion": 7,
    "session_deadline": 6,
    **_read("LABEL_RENEWAL_MONTHS_BEFORE_END", env.json, {}),
}
LABEL_REMINDER_DAYS_BEFORE = _read("LABEL_REMINDER_DAYS_BEFORE", env.int, 30)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api_auth.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.NulRefusingJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "core.schema.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": True,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "EXCEPTION_HANDLER": "core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API du portail CMQ",
    "DESCRIPTION": (
        "Registre des Campus des métiers et des qualifications, conventions et subventions."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "status" or "category": give each enum its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "LabelStatusEnum": "campuses.models.LabelStatus",
        "LabelCategoryEnum": "campuses.models.LabelCategory",
        "SignatureStatusEnum": "conventions.models.SignatureStatus",
        "DocumentStatusEnum": "documents.models.DocumentStatus",
        "DossierStatusEnum": "subsidies.models.DossierStatus",
        "PaymentStatusEnum": "subsidies.models.PaymentStatus",
        "PaymentKindEnum": "subsidies.models.PaymentKind",
        "LineKindEnum": "subsidies.models.LineKind",
        "SubsidyDocumentKindEnum": "subsidies.models.SubsidyDocumentKind",
        "SheetStatusEnum": "followup.models.SheetStatus",
        "OpinionEnum": "followup.models.Opinion",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Content-Security-Policy (django-csp): everything from the portal's own origin, no inline
# script or style, no plug-ins, no framing. Scripts live in static/js; a page that needs data
# passes it in data- attributes or json_script (not executed).
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
    }
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Behind TLS (production: SITE_URL in https), cookies are secure, plain HTTP is redirected and
# browsers are told to stay on HTTPS for a year (HSTS).
HTTPS = _read("HTTPS", env.bool, SITE_URL.startswith("https://"))
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

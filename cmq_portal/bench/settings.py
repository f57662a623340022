"""The production settings, with the collected static files in the benchmark's own directory
(BENCH_STATIC_ROOT), so that its gunicorn renders pages with the manifest-hashed names as in
production without writing to the working tree's var/. The files are not compressed (gzip,
Brotli): that took two minutes of the run, and the benchmark does not measure static files."""

import os

from cmq_portal.settings import *  # noqa: F403
from cmq_portal.settings import STORAGES

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

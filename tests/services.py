"""Which real services this test run has: tests needing one skip with a reason otherwise."""

import os
import shutil

import pytest
from django.conf import settings

HAS_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
HAS_REDIS = bool(os.environ.get("REDIS_URL"))
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
HAS_CHROMIUM = shutil.which(CHROMIUM) is not None or os.path.exists(CHROMIUM)

needs_postgres = pytest.mark.skipif(not HAS_POSTGRES, reason="needs PostgreSQL (DATABASE_URL)")
needs_redis = pytest.mark.skipif(not HAS_REDIS, reason="needs Redis (REDIS_URL)")
needs_chromium = pytest.mark.skipif(not HAS_CHROMIUM, reason=f"needs Chromium at {CHROMIUM}")

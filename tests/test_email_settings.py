"""EMAIL_URL as cmq_portal.settings reads it (in a fresh process: settings are read once)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def email_settings(email_url):
    script = (
        "from django.conf import settings as s; print(s.EMAIL_BACKEND); print(s.EMAIL_FILE_PATH)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cmq_portal.settings", "EMAIL_URL": email_url}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_a_filemail_url_writes_into_the_folder_as_written(tmp_path):
    folder = tmp_path / "mail"
    backend, path = email_settings(f"filemail://{folder}")  # filemail:///tmp/…/mail
    assert backend == "django.core.mail.backends.filebased.EmailBackend"
    # Absolute, not under the working directory (django-environ alone drops the first slash).
    assert path == str(folder)

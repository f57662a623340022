"""The production settings, with the collected static files in the benchmark's own directory
(BENCH_STATIC_ROOT): its gunicorn serves the manifest-hashed files like production without
writing to the working tree's var/."""

import os

from cmq_portal.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]

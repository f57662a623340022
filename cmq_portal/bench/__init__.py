"""The operator's benchmark (`make bench`, `manage.py bench`): the portal served by gunicorn as in
production, on the demo and on ten times the demo, measured page by page and against raw
WeasyPrint and Celery. Never imported by the portal itself."""

"""The portal's WSGI application with the number of SQL queries of each request in a response
header, for the benchmark's gunicorn only (`cmq_portal.bench.wsgi:application`): production
serves cmq_portal.wsgi, which has no such header."""

import os

from django.core.wsgi import get_wsgi_application

from .load import QUERIES_HEADER

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cmq_portal.settings")

_django = get_wsgi_application()


def application(environ, start_response):
    from django.db import connection

    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    # Django calls start_response once the view has answered: every query of the request,
    # middleware included, has run by then (a streamed body's would not be counted).
    def start_with_count(status, headers, exc_info=None):
        return start_response(status, [*headers, (QUERIES_HEADER, str(count))], exc_info)

    with connection.execute_wrapper(counted):
        return _django(environ, start_with_count)

FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext postgresql-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY . .
RUN pip install --no-cache-dir . \
 && DEBUG=false SECRET_KEY=build python manage.py collectstatic --noinput \
 && python manage.py compilemessages --ignore=.venv -v0
ENV DEBUG=false PORT=8000
EXPOSE 8000
CMD ["gunicorn", "cmq_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]

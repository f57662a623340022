"""`manage.py clear_page_cache`: drop every page kept by the page cache (core.page_cache), after a
write made outside Django (psql by hand), which the cache cannot see."""

from django.core.management.base import BaseCommand, CommandError

from core import page_cache


class Command(BaseCommand):
    help = "Vide le cache des pages (après une modification de la base faite hors du portail)."

    def handle(self, *args, **options):
        if not page_cache.enabled():
            self.stdout.write("Cache des pages désactivé (PAGE_CACHE_URL vide) : rien à vider.")
            return
        if not page_cache.clear():
            raise CommandError("Redis injoignable : le cache des pages n'a pas été vidé.")
        self.stdout.write("Cache des pages vidé : chaque page sera recalculée à sa prochaine vue.")

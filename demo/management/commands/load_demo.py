from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_all


class Command(BaseCommand):
    help = "Charge les données de démonstration (CP 2023-263) et les comptes de démo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Charger même si DEBUG est désactivé (jamais en production).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Données de démonstration refusées : DEBUG est désactivé (production ?). "
                "Utilisez --force pour un environnement de recette."
            )
        counts = load_all()
        self.stdout.write(
            self.style.SUCCESS(
                "Démo chargée : {campuses} campus, {conventions} conventions.".format(**counts)
            )
        )

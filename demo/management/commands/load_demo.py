from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import generate_documents, load_all


class Command(BaseCommand):
    help = "Charge les données de démonstration (CP 2023-263) et les comptes de démo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Charger même si DEBUG est désactivé (jamais en production).",
        )
        parser.add_argument(
            "--documents",
            action="store_true",
            help="Générer aussi les PDF des conventions, avenants et textes consolidés.",
        )

    def handle(self, *args, force=False, documents=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Données de démonstration refusées : DEBUG est désactivé (production ?). "
                "Utilisez --force pour un environnement de recette."
            )
        counts = load_all()
        self.stdout.write(
            self.style.SUCCESS(
                "Démo chargée : {campuses} campus, {conventions} conventions, "
                "{subsidies} dossiers de subvention, {labels} candidatures au label, "
                "{followup} fiches de suivi.".format(**counts)
            )
        )
        if documents:
            ready = generate_documents()
            self.stdout.write(self.style.SUCCESS(f"Documents PDF prêts : {ready}."))

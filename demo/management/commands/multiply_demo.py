from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.multiply import multiply


class Command(BaseCommand):
    help = (
        "Multiplie les données de démonstration (copies de chaque campus et de tout ce qu'il "
        "possède, dans chaque domaine) : le jeu de données du banc d'essai (manage.py bench)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10, help="Multiplicateur (10).")
        parser.add_argument(
            "--years",
            type=int,
            default=10,
            help="Campagnes de suivi de chaque campus copié (10).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Même si DEBUG est désactivé (base de banc d'essai, jamais en production).",
        )

    def handle(self, *args, factor, years, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Multiplication refusée : DEBUG est désactivé (production ?). "
                "Utilisez --force pour une base de banc d'essai."
            )
        if factor < 1 or years < 1:
            raise CommandError("Le multiplicateur et le nombre d'années sont au moins 1.")
        counts = multiply(factor, years=years)
        self.stdout.write(
            self.style.SUCCESS(
                "Démo × {factor} : {campuses} campus, {conventions} conventions, {amendments} "
                "avenants, {deliberations} délibérations, {subsidies} dossiers de subvention, "
                "{payments} versements, {labels} candidatures au label, {followup} fiches de "
                "suivi.".format(factor=factor, **counts)
            )
        )

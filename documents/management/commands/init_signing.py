from django.core.management.base import BaseCommand

from documents.signing import create_demo_pki, signing_dir


class Command(BaseCommand):
    help = "Crée une fois l’autorité de démonstration et le cachet de la Région (SIGNING_DIR)."

    def handle(self, *args, **options):
        directory = signing_dir()
        created = create_demo_pki(directory)
        self.stdout.write(f"{'Créé' if created else 'Déjà présent'} : {directory}")

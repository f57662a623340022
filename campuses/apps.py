from django.apps import AppConfig


class CampusesConfig(AppConfig):
    name = "campuses"
    verbose_name = "Registre des campus"

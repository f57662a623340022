from .models import AuditEntry


def entries_for_campus(campus):
    return AuditEntry.objects.filter(campus=campus).select_related("actor", "content_type")


def all_entries():
    return AuditEntry.objects.select_related("actor", "content_type", "campus")

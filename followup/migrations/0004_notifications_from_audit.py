"""The submission and changes-requested e-mails were logged as audit entries on the sheet;
they are the kernel's notifications now. Copy the log over (the audit entries stay in the
journal), so that a sheet's e-mail log keeps its history."""

from django.db import migrations

KINDS = {"submitted": "followup.submitted", "changes_requested": "followup.changes_requested"}


def copy_log(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Notification = apps.get_model("notifications", "Notification")
    sheet_type = ContentType.objects.filter(app_label="followup", model="followupsheet").first()
    if sheet_type is None:
        return
    entries = AuditEntry.objects.filter(content_type=sheet_type, changes__has_key="notification")
    for entry in entries:
        old_key = str(entry.changes.get("notification", ""))
        kind, _sep, change_pk = old_key.rpartition("-")
        if kind not in KINDS:
            continue
        Notification.objects.get_or_create(
            key=f"{KINDS[kind]}:{change_pk}",
            defaults={
                "kind": KINDS[kind],
                "subject": str(entry.changes.get("courriel", ""))[:300],
                "recipients": str(entry.changes.get("destinataires", "")),
                "content_type": sheet_type,
                "object_id": entry.object_id,
                "sent_at": entry.created_at,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0003_delivery"),
        ("notifications", "0001_initial"),
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_log, migrations.RunPython.noop)]

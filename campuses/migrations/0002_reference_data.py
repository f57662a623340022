from django.db import migrations


def load(apps, schema_editor):
    from campuses.reference_data import ACADEMIES, SECTOR_FAMILIES

    SectorFamily = apps.get_model("campuses", "SectorFamily")
    Academy = apps.get_model("campuses", "Academy")
    for position, (code, label) in enumerate(SECTOR_FAMILIES, start=1):
        SectorFamily.objects.update_or_create(
            code=code, defaults={"label": label, "position": position}
        )
    for code, name in ACADEMIES:
        Academy.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("campuses", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

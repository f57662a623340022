from django.db import migrations


def load(apps, schema_editor):
    from campuses.reference_data import load_reference_data

    load_reference_data(apps.get_model("campuses", "SectorFamily"), apps.get_model("campuses", "Academy"))


class Migration(migrations.Migration):
    dependencies = [("campuses", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

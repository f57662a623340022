"""The national specification's 11 criteria, as production needs them: version « 2019 » (the
text of seed 002). A later version of the specification comes with its own data module and
migration; applications keep the version they were deposited under."""

from datetime import date

from django.db import migrations

# The seed carries no date: the version is taken as in force from 1 January 2019 (the
# specification of the 2019 call, before the first label decided in the portal's demo, 2020).
IN_FORCE_FROM = date(2019, 1, 1)


def load(apps, schema_editor):
    from labels.criteria_2019 import CRITERIA, SPECIFICATION

    CriteriaVersion = apps.get_model("labels", "CriteriaVersion")
    Criterion = apps.get_model("labels", "Criterion")
    version, _created = CriteriaVersion.objects.get_or_create(
        code=SPECIFICATION["version"],
        defaults={
            "title": SPECIFICATION["title"],
            "source": "Cahier des charges national (seed 002)",
            "in_force_from": IN_FORCE_FROM,
        },
    )
    for position, criterion in enumerate(CRITERIA, start=1):
        Criterion.objects.update_or_create(
            version=version,
            number=criterion["number"],
            defaults={
                "position": position,
                "title": criterion["title"],
                "expected": criterion["expected"],
                "excellence": criterion["excellence"],
            },
        )


def unload(apps, schema_editor):
    apps.get_model("labels", "Criterion").objects.filter(version__code="2019").delete()
    apps.get_model("labels", "CriteriaVersion").objects.filter(code="2019").delete()


class Migration(migrations.Migration):
    dependencies = [("labels", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]

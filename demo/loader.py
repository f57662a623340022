"""Load every domain's demo data, in dependency order. Idempotent."""

from django.db import transaction


@transaction.atomic
def load_all():
    from accounts.demo import load_demo as load_demo_second_factors
    from campuses.demo import load_demo as load_campuses
    from conventions.demo import load_demo as load_conventions
    from followup.demo import load_demo as load_followup
    from labels.demo import load_demo as load_labels
    from subsidies.demo import load_demo as load_subsidies

    campuses = load_campuses()
    load_demo_second_factors()  # the staff demo accounts log in with DEMO_OTP_CODE
    conventions = load_conventions()
    subsidies = load_subsidies()
    labels = load_labels()
    followup = load_followup()
    return {
        "campuses": len(campuses),
        "conventions": len(conventions),
        "subsidies": len(subsidies),
        "labels": len(labels),
        "followup": len(followup),
    }


def generate_documents():
    """The PDFs of the demo conventions, amendments and consolidated texts (today), and of the
    subsidies (fiches projet of CP 2023-263, transfer amendment).

    Idempotent: a document whose content has not changed is not generated again.
    """
    from conventions.demo import generate_documents as generate_convention_documents
    from subsidies.demo import generate_documents as generate_subsidy_documents

    return generate_convention_documents() + generate_subsidy_documents()

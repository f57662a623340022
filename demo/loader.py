"""Load every domain's demo data, in dependency order. Idempotent."""

from django.db import transaction


@transaction.atomic
def load_all():
    from campuses.demo import load_demo as load_campuses
    from conventions.demo import load_demo as load_conventions

    campuses = load_campuses()
    conventions = load_conventions()
    return {"campuses": len(campuses), "conventions": len(conventions)}


def generate_documents():
    """The PDFs of the demo conventions, amendments and consolidated texts (today).

    Idempotent: a document whose content has not changed is not generated again.
    """
    from conventions.demo import generate_documents as generate_convention_documents

    return generate_convention_documents()

"""Reference data present in every installation (loaded by migration 0002)."""

# The 12 sector families of seed 003 (last page of the brochure), in the brochure's order.
SECTOR_FAMILIES = [
    ("mobilite", "Mobilité, aéronautique, transports terrestres et maritimes"),
    ("materiaux", "Matériaux, matériaux innovants"),
    ("services_personne", "Services à la personne, bien-être"),
    ("tourisme", "Tourisme, gastronomie"),
    ("batiment", "Infrastructures, bâtiment, éco-construction"),
    ("services_entreprises", "Services aux entreprises, logistique"),
    ("chimie", "Chimie et biotechnologies"),
    ("systemes_innovants", "Systèmes innovants, mécatronique"),
    ("numerique", "Numérique, télécommunications"),
    ("creation", "Création, design, audiovisuel"),
    ("energie", "Transition énergétique, éco-industrie"),
    ("alimentaire", "Alimentaire, agroalimentaire"),
]

ACADEMIES = [("paris", "Paris"), ("creteil", "Créteil"), ("versailles", "Versailles")]


def load_reference_data(sector_family_model, academy_model):
    """Create or update the reference rows (takes the models: migrations pass historical ones)."""
    for position, (code, label) in enumerate(SECTOR_FAMILIES, start=1):
        sector_family_model.objects.update_or_create(
            code=code, defaults={"label": label, "position": position}
        )
    for code, name in ACADEMIES:
        academy_model.objects.update_or_create(code=code, defaults={"name": name})

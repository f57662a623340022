"""WeasyPrint is installed with its system libraries (Pango, fonts): a PDF renders."""

import io

from pypdf import PdfReader


def test_weasyprint_renders_a_pdf_with_french_text():
    from weasyprint import HTML

    pdf = HTML(
        string="<h1>Convention cadre</h1><p>Montant : 50 000,00 € — 05/07/2023</p>"
    ).write_pdf()
    assert pdf.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Convention cadre" in text
    assert "50 000,00 €" in " ".join(text.split()).replace("\u202f", " ")

"""Start-up check: WeasyPrint subsets the PDFs' fonts with HarfBuzz-Subset when the library is
installed, and falls back to fontTools (pure Python) otherwise, which makes every document about
five times slower (the convention: 520 ms instead of 85 ms on the benchmark's machine)."""

import ctypes

from django.core import checks

# The names WeasyPrint itself tries (weasyprint.text.ffi), Linux's first.
HARFBUZZ_SUBSET_NAMES = (
    "libharfbuzz-subset.so.0",
    "libharfbuzz-subset-0",
    "harfbuzz-subset",
    "harfbuzz-subset-0.0",
    "libharfbuzz-subset.0.dylib",
    "libharfbuzz-subset-0.dll",
)


def harfbuzz_subset_available(names=HARFBUZZ_SUBSET_NAMES):
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            continue
        return True
    return False


@checks.register()
def check_font_subsetting(app_configs, **kwargs):
    if harfbuzz_subset_available():
        return []
    return [
        checks.Warning(
            "La bibliothèque HarfBuzz-Subset est absente : WeasyPrint réduira les polices des "
            "PDF avec fontTools, environ cinq fois plus lentement.",
            hint="Installez-la (Debian : apt-get install libharfbuzz-subset0).",
            id="documents.W001",
        )
    ]

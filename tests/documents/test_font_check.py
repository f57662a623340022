"""The start-up check on WeasyPrint's font subsetting (documents.checks)."""

from documents import checks


def test_a_missing_library_is_not_found():
    assert not checks.harfbuzz_subset_available(("libnot-a-real-library.so.0",))


def test_the_check_warns_without_harfbuzz_subset(monkeypatch):
    monkeypatch.setattr(checks, "harfbuzz_subset_available", lambda: False)
    (warning,) = checks.check_font_subsetting(None)
    assert warning.id == "documents.W001"
    assert "libharfbuzz-subset0" in warning.hint


def test_the_machine_running_the_tests_has_it():
    """.ci/run and the Dockerfile install libharfbuzz-subset0: without it every PDF takes about
    five times longer (fontTools subsets the fonts in Python)."""
    assert checks.harfbuzz_subset_available()
    assert checks.check_font_subsetting(None) == []

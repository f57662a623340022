"""`manage.py bench` (make bench): a run on a tiny scale prints a row with its ratios for each
URL, the PDF timings and the Celery speed-up; the verdicts fail a row that misses a target and
the overall result with it."""

import io
import os
import re

import pytest
from django.core.management import call_command

from cmq_portal.bench.load import Measure
from cmq_portal.bench.run import FLOOR_LABEL, FLOOR_URL, Options, Row, measure_rounds, report
from tests.services import needs_postgres, needs_redis

# median/p95 at both sizes, the two ratios, the share served by the page cache, the rendered
# median at x10 with its two ratios, the rendered query counts at both sizes, a verdict.
ROW = re.compile(
    r"\s\d+/\d+\s+\d+/\d+\s+\d+\.\d\d\s+\d+\.\d\d\s+(?P<cache>\d+%|—)\s+\d+\s+\d+\.\d\d\s+"
    r"\d+\.\d\d\s+(?P<demo>\d+)\s+(?P<x10>\d+)\s+(PASS|FAIL)"
)


def measured(milliseconds, queries):
    return Measure("/", latencies=[ms / 1000 for ms in milliseconds], queries=queries)


def verdicts(rows, pdf=(), workers=None):
    lines = []
    ok = report(rows, list(pdf), workers, Options(server="", redis_url=""), lines.append)
    return ok, "\n".join(lines)


def login_row():
    return Row(
        "Page de connexion", "/comptes/connexion/", measured([40] * 5, 0), measured([40] * 5, 0)
    )


def line_of(text, start):
    return next(line for line in text.splitlines() if line.startswith(start))


@pytest.mark.parametrize(
    ("requests", "rounds"),
    [
        (40, [("demo", 20), ("x10", 20), ("x10", 20), ("demo", 20)]),
        (5, [("demo", 3), ("x10", 3), ("x10", 2), ("demo", 2)]),
        (1, [("demo", 1), ("x10", 1)]),
    ],
)
def test_each_url_is_measured_demo_x10_x10_demo(requests, rounds):
    """A load that rises during a URL's measure weighs on both sizes alike: démo, x10, x10,
    démo, each size getting all the requests asked for."""
    assert measure_rounds(requests) == rounds
    for size in ("demo", "x10"):
        assert sum(count for name, count in rounds if name == size) == requests


def test_rounds_of_a_url_merge_into_one_measure():
    first = Measure("/", latencies=[0.010, 0.012], queries=7, served_from_cache=2)
    second = Measure("/", latencies=[0.020], errors=["réponse 500"], served_from_cache=1)

    second.merge(first)

    assert sorted(second.latencies) == [0.010, 0.012, 0.020]
    assert second.errors == ["réponse 500"]
    assert second.served_from_cache == 3
    assert second.queries == 7  # the round that counted them


def test_a_page_within_every_target_passes():
    page = Row("Campus", "/campus/", measured([80] * 5, 9), measured([70, 100, 100, 100, 110], 9))

    ok, text = verdicts([login_row(), page])

    assert ok
    line = line_of(text, "Campus /campus/")
    assert "80/80" in line and "100/110" in line and "2.50" in line and "1.25" in line
    assert line.endswith("PASS")
    assert "tous les objectifs sont atteints" in text


@pytest.mark.parametrize(
    "demo, x10, reason",
    [
        (measured([100] * 5, 9), measured([125] * 5, 9), "> 3× connexion"),  # 125 > 3 × 40
        (measured([50] * 5, 9), measured([70] * 5, 9), "> 1.3× démo"),
        (measured([50] * 5, 9), measured([50] * 5, 12), "requêtes ≠"),
    ],
)
def test_a_page_that_misses_a_target_fails_the_run(demo, x10, reason):
    ok, text = verdicts([login_row(), Row("Campus", "/campus/", demo, x10)])

    assert not ok
    line = line_of(text, "Campus /campus/")
    assert "FAIL" in line and reason in line
    assert "objectifs non atteints" in text


def test_the_rendered_measure_is_printed_and_its_queries_judged():
    """A cached page: its served measure within the targets, its rendered one (Cache-Control:
    no-cache) printed beside it; the query count that must not grow is the rendered one's."""
    served = measured([30] * 5, 5)
    served.served_from_cache = 4
    page = Row(
        "Campus",
        "/campus/",
        measured([30] * 5, 5),
        served,
        demo_rendered=measured([80] * 5, 9),
        x10_rendered=measured([200] * 5, 9),
    )

    ok, text = verdicts([login_row(), page])

    assert ok
    line = line_of(text, "Campus /campus/")
    match = ROW.search(line)
    assert match and match["cache"] == "80%" and (match["demo"], match["x10"]) == ("9", "9")
    assert " 200 " in line and "5.00" in line and "2.50" in line  # rendered: ms, /login, /demo

    page.x10_rendered = measured([200] * 5, 12)
    ok, text = verdicts([login_row(), page])
    assert not ok and "requêtes ≠" in line_of(text, "Campus /campus/")


def test_the_floor_is_printed_with_its_ratio_but_not_judged():
    floor = Row(FLOOR_LABEL, FLOOR_URL, measured([150] * 5, 6), measured([200] * 5, 6))
    page = Row("Campus", "/campus/", measured([80] * 5, 9), measured([100] * 5, 9))

    ok, text = verdicts([login_row(), floor, page])

    assert ok  # 5× the login page, a reference only
    line = line_of(text, FLOOR_LABEL)
    assert "5.00" in line and line.endswith("référence")


def test_the_floor_still_fails_on_errors():
    broken = measured([150] * 5, 6)
    broken.errors = ["500"]
    floor = Row(FLOOR_LABEL, FLOOR_URL, broken, measured([200] * 5, 6))

    ok, text = verdicts([login_row(), floor])

    assert not ok
    assert "FAIL (erreurs : 500)" in line_of(text, FLOOR_LABEL)


def test_pdf_overhead_and_worker_speedup_have_their_own_verdicts():
    pdf = [{"label": "Convention PDF (IA)", "task": 0.50, "raw": 0.40}]  # 1.25 > 1.2

    ok, text = verdicts([login_row()], pdf, workers=(10.0, 5.5))  # 1.82 ≥ 1.7

    assert not ok
    assert re.search(r"Convention PDF \(IA\)\s+500\s+400\s+1\.25  FAIL", text)
    assert "accélération 1.82 (cible ≥ 1.7)  PASS" in text

    ok, text = verdicts([login_row()], [{**pdf[0], "task": 0.44}], workers=(10.0, 6.5))
    assert "1.10  PASS" in text and "accélération 1.54 (cible ≥ 1.7)  FAIL" in text
    assert not ok
    assert "HarfBuzz-Subset absent" not in text  # installed here (.ci/run)


def test_pdf_timings_say_when_fonts_are_subset_by_fonttools(monkeypatch):
    from cmq_portal.bench import run

    monkeypatch.setattr(run, "harfbuzz_subset_available", lambda: False)
    pdf = [{"label": "Convention PDF (IA)", "task": 0.44, "raw": 0.40}]

    _ok, text = verdicts([login_row()], pdf)

    assert "HarfBuzz-Subset absent (documents.W001)" in text


@pytest.mark.postgres
@pytest.mark.redis
@needs_postgres
@needs_redis
def test_a_tiny_run_prints_every_row_with_its_ratios():
    out = io.StringIO()

    call_command(
        "bench",
        factor=1,
        requests=2,
        only=["conventions"],
        batch=2,
        quick=True,
        no_fail=True,
        redis=os.environ["REDIS_URL"],
        stdout=out,
    )

    text = out.getvalue()
    assert "Démo × 1 : 12 campus, 9 conventions" in text
    starts = (
        "Page de connexion /",
        "Conventions /",
        "director · Conventions /",
        "API conventions /",
    )
    rows = [line_of(text, start) for start in starts]
    counts = []
    for line in rows:
        # median/p95 at both sizes, the two ratios, the two query counts, a verdict
        match = ROW.search(line)
        assert match, line
        counts.append((int(match["demo"]), int(match["x10"])))
    assert counts[0] == (0, 0)  # the login page reads nothing
    # The conventions page is a cached view: the page cache answered part of its requests.
    assert ROW.search(rows[1])["cache"].endswith("%")
    assert ROW.search(rows[1])["cache"] != "0%"
    assert all(demo > 0 and x10 > 0 for demo, x10 in counts[1:])
    assert re.search(r"Convention PDF .*\s\d+\s+\d+\s+\d+\.\d\d  (PASS|FAIL)", text)
    assert re.search(r"Fiche de suivi PDF .*\s\d+\s+\d+\s+\d+\.\d\d  (PASS|FAIL)", text)
    assert re.search(r"1 worker \d+\.\d s, 2 workers \d+\.\d s, accélération \d+\.\d\d", text)
    assert "Résultat : " in text
    assert line_of(text, "Plancher : page connectée vide").endswith("référence")

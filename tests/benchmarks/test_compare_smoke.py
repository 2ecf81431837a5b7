"""benchmarks/compare.py end to end on a small generated corpus: every engine
indexed, searched and scored, the table and the plot written."""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_compare_smoke(tmp_path):
    run = subprocess.run(
        [sys.executable, ROOT / "benchmarks" / "compare.py", "--mode", "smoke",
         "--bin", os.environ["ENGINE_BENCH"], "--data", tmp_path / "no-shared-data",
         "--work", tmp_path],
        capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["corpus"] == "generated text"
    assert [scale["percent"] for scale in results["scales"]] == [10, 25, 50, 100]
    assert results["scales"][-1]["documents"] == 400
    for scale in results["scales"]:
        assert set(scale["engines"]) == {"vankien", "xapian", "fts5"}
        for figures in scale["engines"].values():
            assert figures["docs_per_second"] > 0 and figures["compacted_mb"] > 0
            assert figures["queries"]["typed"]["queries"] == 20
            assert figures["queries"]["typed"]["errors"] == 0
        # Titles typed without diacritics: vankien finds each article.
        assert scale["engines"]["vankien"]["known_item"]["success_at_10"] >= 0.95
    assert "| vankien as a ratio of | plain Xapian | SQLite FTS5 |" in run.stdout
    assert (tmp_path / "scaling.png").stat().st_size > 10000

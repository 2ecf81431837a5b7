"""benchmarks/million.py end to end on a few hundred recombined documents:
a corpus of distinct documents, both sizes indexed and searched, the table
and the plot written. Needs VNTC and keyword.freq in ../shared/data; skipped
without them."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


@pytest.mark.skipif(not (DATA / "vntc" / "vntc_train_full.jsonl.gz").exists()
                    or not (DATA / "queries" / "keyword.freq").exists(), reason="needs VNTC and keyword.freq in ../shared/data")
def test_million_smoke(tmp_path):
    run = subprocess.run(
        [sys.executable, ROOT / "benchmarks" / "million.py", "--documents", "400", "--baseline", "40",
         "--bin", os.environ["ENGINE_BENCH"], "--data", DATA, "--work", tmp_path],
        capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    documents = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(documents) == 400
    assert len({d["id"] for d in documents}) == 400 and len({d["text"] for d in documents}) == 400
    assert all(3 <= d["text"].count("\n") <= 12 for d in documents)  # a lead and 3 to 12 paragraphs
    results = json.loads((tmp_path / "million.json").read_text())
    assert results["baseline"]["documents"] == 40 and results["large"]["documents"] == 400
    for size in (results["baseline"], results["large"]):
        assert size["docs_per_second"] > 0 and size["size_mb"] > 0
        assert size["typed"]["queries"] == 1000 and size["typed"]["errors"] == 0
    assert "| 40 documents | 400 documents | ratio |" in run.stdout
    assert (tmp_path / "million.png").stat().st_size > 10000

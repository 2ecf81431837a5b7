"""Crash safety: `vankien index` killed with SIGKILL at random moments.

After every kill the database opens, passes xapian-check, and holds exactly
the documents of the batches committed before the kill: a prefix of the input,
whole batches only, never fewer than after the previous kill. Re-running the
same command then completes to a database equal to a clean run's.

Reads the database with Xapian's own Python bindings, not through vankien.
"""
import os
import random
import signal
import subprocess
import time

import pytest

from conftest import write_corpus

xapian = pytest.importorskip("xapian")

DOCUMENTS = int(os.environ.get("VANKIEN_CRASH_DOCUMENTS", "2000"))
BATCH = 100
KILLS = int(os.environ.get("VANKIEN_CRASH_KILLS", "20"))


def contents(db):
    """id -> (stored data, values) of every document, straight from Xapian."""
    database = xapian.Database(str(db))
    documents = {}
    for id_term in database.allterms("Q"):
        postings = [p.docid for p in database.postlist(id_term.term)]
        assert len(postings) == 1, (id_term.term, postings)
        document = database.get_document(postings[0])
        values = {v.num: v.value for v in document.values()}
        documents[id_term.term[1:].decode()] = (document.get_data(), values)
    assert len(documents) == database.get_doccount()
    return documents


def xapian_check(db):
    result = subprocess.run(["xapian-check", str(db)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_sigkill_during_index_loses_nothing_committed(cli, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, DOCUMENTS)
    command = [cli.binary, "index", "-q", "--batch", str(BATCH), "--db"]

    reference = tmp_path / "reference.db"
    begun = time.monotonic()
    assert subprocess.run(command + [str(reference), str(corpus)], env=cli.env).returncode == 0
    clean_seconds = time.monotonic() - begun
    expected = contents(reference)
    assert sorted(expected) == sorted(ids)

    db = tmp_path / "killed.db"
    rng = random.Random(20261127)
    kills, previous, window = 0, 0, clean_seconds
    while kills < KILLS:
        fresh = not db.exists()
        started = time.monotonic()
        process = subprocess.Popen(command + [str(db), str(corpus)], env=cli.env)
        # Any moment of a run as long as a clean one: while it starts, skips
        # what an earlier run committed, adds, commits, or finishes.
        try:
            process.wait(timeout=rng.uniform(0, window))
        except subprocess.TimeoutExpired:
            pass
        else:  # finished first: start again from nothing
            assert process.returncode == 0
            if fresh:  # the machine's pace now, which other work may change
                window = time.monotonic() - started
            subprocess.run(["rm", "-rf", str(db)], check=True)
            previous = 0
            continue
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += 1
        if not db.exists() or not (db / "iamglass").exists():
            continue  # killed before the database was created
        xapian_check(db)
        present = contents(db)
        count = len(present)
        assert count % BATCH == 0, f"kill {kills}: {count} documents is not whole batches"
        assert sorted(present) == sorted(ids[:count]), f"kill {kills}: not the first {count}"
        assert count >= previous, f"kill {kills}: {previous} committed before, {count} now"
        for id in present:
            assert present[id] == expected[id], f"kill {kills}: {id} differs from a clean run"
        previous = count
        print(f"kill {kills}: {count} documents committed")

    assert subprocess.run(command + [str(db), str(corpus)], env=cli.env).returncode == 0
    xapian_check(db)
    assert contents(db) == expected

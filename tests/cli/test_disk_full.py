"""A disk that fills up during `vankien index`, as a file size limit
(RLIMIT_FSIZE; writes past it fail with EFBIG) on the indexing process.

A failed write or commit makes Xapian cancel every change since the last
commit. The summary must then count only what is in the database, name every
document that is not, and a run with room to spare must add exactly those.
"""
import re
import resource
import signal
import subprocess

import pytest

from conftest import write_corpus

xapian = pytest.importorskip("xapian")

DOCUMENTS = 1200
BATCH = 100
SUMMARY = re.compile(r"(\d+) added, (\d+) updated, (\d+) unchanged, (\d+) failed; (\d+) documents in the database")


def index(cli, db, corpus, *extra, file_limit=None):
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([cli.binary, "index", "--db", str(db), "--batch", str(BATCH),
                           "--dictionary-samples", "50", *extra, str(corpus)],
                          capture_output=True, text=True, env=cli.env, timeout=300,
                          preexec_fn=limit if file_limit else None)


def summary_of(result):
    found = SUMMARY.search(result.stderr)
    assert found, result.stderr
    return dict(zip(("added", "updated", "unchanged", "failed", "documents"), map(int, found.groups())))


def ids_in(db):
    database = xapian.Database(str(db))
    return {term.term[1:].decode() for term in database.allterms("Q")}


def largest_file(db):
    return max(path.stat().st_size for path in db.rglob("*") if path.is_file())


def test_a_full_disk_mid_run_is_reported_document_by_document(cli, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, DOCUMENTS)
    room = tmp_path / "room.db"
    assert index(cli, room, corpus).returncode == 0
    full_size = largest_file(room)

    db = tmp_path / "full.db"
    result = index(cli, db, corpus, file_limit=full_size // 2)
    assert result.returncode == 2, result.stderr
    counted = summary_of(result)
    present = ids_in(db)
    # The summary counts what is there, and every missing document is named.
    assert counted["documents"] == len(present) == counted["added"]
    assert counted["failed"] == DOCUMENTS - len(present) > 0
    named = {int(line) for line in re.findall(r"corpus\.jsonl:(\d+): ", result.stderr)}
    assert {ids[n - 1] for n in named} == set(ids) - present
    assert "not written, cancelled when a commit failed" in result.stderr
    subprocess.run(["xapian-check", str(db)], check=True, capture_output=True)

    # With room again, the same command adds exactly what was missing.
    again = summary_of(index(cli, db, corpus))
    assert (again["added"], again["unchanged"], again["failed"]) == (DOCUMENTS - len(present), len(present), 0)
    assert ids_in(db) == set(ids)


def test_a_full_disk_stops_a_sharded_run_and_a_rerun_completes(cli, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, DOCUMENTS)
    room = tmp_path / "room.db"
    assert index(cli, room, corpus, "--shards", "2").returncode == 0
    full_size = largest_file(tmp_path / "room.db.shards")

    db = tmp_path / "full.db"
    result = index(cli, db, corpus, "--shards", "2", file_limit=full_size // 2)
    assert result.returncode != 0
    assert "Error writing block" in result.stderr or "not written" in result.stderr, result.stderr

    again = index(cli, db, corpus, "--shards", "2")
    assert again.returncode == 0, again.stderr
    counted = summary_of(again)
    assert counted["failed"] == 0 and counted["documents"] == DOCUMENTS
    shards = sorted((tmp_path / "full.db.shards").iterdir())
    assert set().union(*(ids_in(shard) for shard in shards)) == set(ids)

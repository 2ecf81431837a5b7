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


def index(cli, db, corpus, *extra, file_limit=None, batch=BATCH, flush_threshold=None):
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run([cli.binary, "index", "--db", str(db), "--batch", str(batch),
                           "--dictionary-samples", "50", *extra, str(corpus)],
                          capture_output=True, text=True, timeout=300,
                          env={**cli.env, "XAPIAN_FLUSH_THRESHOLD": str(flush_threshold)} if flush_threshold else cli.env,
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


# A run of whole batches ends with nothing left to commit; with half a batch
# more, the run's last commit has some to write, and the full disk makes it
# fail too; with one batch for the whole run, the failure comes in the last
# commit (while the accent table is made, before Xapian's commit) or, where a
# block first does not fit, in a write, which cancels the batch the same way.
# Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD changes: a batch
# larger than that is cut to it, or a failure would cancel less than it says.
RUNS = pytest.mark.parametrize("documents, batch, flush_threshold",
                               [(DOCUMENTS, BATCH, None), (DOCUMENTS + BATCH // 2, BATCH, None),
                                (DOCUMENTS + BATCH // 2, 10 * DOCUMENTS, None),
                                (DOCUMENTS + BATCH // 2, 10 * DOCUMENTS, 3 * BATCH)],
                               ids=["whole batches", "a last part-batch", "one batch", "past Xapian's threshold"])


@RUNS
def test_a_full_disk_mid_run_is_reported_document_by_document(cli, tmp_path, documents, batch, flush_threshold):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, documents)
    room = tmp_path / "room.db"
    assert index(cli, room, corpus, batch=batch, flush_threshold=flush_threshold).returncode == 0
    full_size = largest_file(room)

    db = tmp_path / "full.db"
    result = index(cli, db, corpus, file_limit=full_size // 2, batch=batch,
                   flush_threshold=flush_threshold)
    assert result.returncode == 2, result.stderr
    counted = summary_of(result)
    present = ids_in(db)
    # The summary counts what is there, and every missing document is named.
    assert counted["documents"] == len(present) == counted["added"]
    assert counted["failed"] == documents - len(present) > 0
    named = {int(line) for line in re.findall(r"corpus\.jsonl:(\d+): ", result.stderr)}
    assert {ids[n - 1] for n in named} == set(ids) - present
    # Batches of 100 fail at a commit; larger ones may fail at a write first.
    assert ("not written, cancelled when a commit failed" if batch == BATCH else "not written, cancelled when") \
        in result.stderr
    subprocess.run(["xapian-check", str(db)], check=True, capture_output=True)

    # With room again, the same command adds exactly what was missing.
    again = summary_of(index(cli, db, corpus))
    assert (again["added"], again["unchanged"], again["failed"]) == (documents - len(present), len(present), 0)
    assert ids_in(db) == set(ids)


@RUNS
def test_a_full_disk_in_a_sharded_run_is_reported_document_by_document(cli, tmp_path, documents, batch, flush_threshold):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, documents)
    room = tmp_path / "room.db"
    assert index(cli, room, corpus, "--shards", "2", batch=batch, flush_threshold=flush_threshold).returncode == 0
    full_size = largest_file(tmp_path / "room.db.shards")

    db = tmp_path / "full.db"
    result = index(cli, db, corpus, "--shards", "2", file_limit=full_size // 2, batch=batch,
                   flush_threshold=flush_threshold)
    assert result.returncode == 2, result.stderr
    counted = summary_of(result)
    shards = sorted((tmp_path / "full.db.shards").iterdir())
    present = set().union(*(ids_in(shard) for shard in shards))
    assert counted["documents"] == len(present) == counted["added"]
    assert counted["failed"] == documents - len(present) > 0
    named = {int(line) for line in re.findall(r"corpus\.jsonl:(\d+): ", result.stderr)}
    assert {ids[n - 1] for n in named} == set(ids) - present
    for shard in shards:
        subprocess.run(["xapian-check", str(shard)], check=True, capture_output=True)

    again = index(cli, db, corpus, "--shards", "2")
    assert again.returncode == 0, again.stderr
    counted = summary_of(again)
    assert (counted["added"], counted["unchanged"], counted["failed"]) == (documents - len(present), len(present), 0)
    assert counted["documents"] == documents
    assert set().union(*(ids_in(shard) for shard in shards)) == set(ids)

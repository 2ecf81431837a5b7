"""Concurrency: reader processes search without a pause while a writer indexes
and commits; a second writer is refused with a clear lock error.

Each reader is a `vankien search --queries` process answering a long batch on
one Searcher, so the writer's commits land under its open database; it must
never fail (a database modified underneath is reopened and the search
retried). Readers are restarted until the writer is done.
"""
import json
import os
import subprocess
import threading
import time

import pytest

from conftest import write_corpus

xapian = pytest.importorskip("xapian")

READERS = 4
PARTS = int(os.environ.get("VANKIEN_CONCURRENCY_PARTS", "24"))
PART_DOCUMENTS = 150
BATCH = 25
QUERIES = ["đảng bộ huyện", "lanh dao", "\"ban thường vụ\"", "kinh tế OR xã hội", "nghị quyết -đại",
           "hoà", "thuý", "cán bộ đảng viên", "nong thon moi", "năm:2019", "tổ chức cơ sở"]


def test_readers_never_fail_while_a_writer_commits(cli, tmp_path):
    parts = []
    for number in range(PARTS):
        part = tmp_path / f"part-{number}.jsonl"
        write_corpus(part, PART_DOCUMENTS)
        # Distinct ids per part, so each part adds documents.
        lines = part.read_text(encoding="utf-8").replace('"doc-', f'"p{number}-doc-')
        part.write_text(lines, encoding="utf-8")
        parts.append(part)
    db = tmp_path / "shared.db"
    first = cli.run("index", "-q", "--batch", BATCH, "--db", db, parts[0])
    assert first.returncode == 0, first.stderr
    batch = tmp_path / "queries.tsv"
    batch.write_text("".join(f"{i}\t{QUERIES[i % len(QUERIES)]}\n" for i in range(400)),
                     encoding="utf-8")

    writing = threading.Event()
    writing.set()
    failures, answered, processes = [], [0] * READERS, [0] * READERS

    def reader(number):
        while writing.is_set():
            result = cli.run("search", "--db", db, "--queries", batch, "--format", "json")
            processes[number] += 1
            lines = result.stdout.splitlines()
            if result.returncode != 0 or result.stderr or len(lines) != 400:
                failures.append((number, result.returncode, result.stderr[-2000:], len(lines)))
                return
            answered[number] += sum(1 for line in lines if "hits" in json.loads(line))

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    commits, refusals = 0, 0
    try:
        for part in parts[1:]:
            writer = subprocess.Popen([cli.binary, "index", "-q", "--batch", str(BATCH),
                                       "--db", str(db), str(part)], env=cli.env,
                                      stderr=subprocess.PIPE, text=True)
            # A second writer once the first has committed, so holds the lock.
            before = xapian.Database(str(db)).get_doccount()
            while writer.poll() is None and xapian.Database(str(db)).get_doccount() == before:
                time.sleep(0.01)
            second = cli.run("index", "-q", "--db", db, parts[0])
            if second.returncode != 0:
                assert second.returncode == 2, second.stderr
                assert "locked" in second.stderr and str(db) in second.stderr, second.stderr
                refusals += 1
            _, errors = writer.communicate(timeout=300)
            assert writer.returncode == 0, errors
            commits += PART_DOCUMENTS // BATCH
    finally:
        writing.clear()
        for thread in threads:
            thread.join()

    assert not failures, failures
    assert all(count > 0 for count in processes), processes
    assert refusals > 0, "the second writer never met the first"
    print(f"{READERS} readers, {sum(processes)} reader processes, {sum(answered)} queries answered, "
          f"{commits} commits, {refusals} second writers refused")
    check = subprocess.run(["xapian-check", str(db)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert xapian.Database(str(db)).get_doccount() == PARTS * PART_DOCUMENTS

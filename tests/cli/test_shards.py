"""Shards, local and remote (xapian-tcpsrv on loopback), searched as one: the
same hits, order, scores, totals, facets, snippets and suggestions as one
database holding the same documents; a shard that stops answering is named,
never a hang."""
import contextlib
import json
import os
import pathlib
import signal
import subprocess
import shutil
import time

import pytest

from conftest import ROOT
from servers import free_port, listening_addresses, server, tcpsrv

pytestmark = pytest.mark.skipif(shutil.which("xapian-tcpsrv") is None, reason="xapian-tools is not installed")

CORPUS = ROOT / "examples" / "corpus"

# One search per behaviour the shards must keep.
SEARCHES = [
    ("typed with marks", ["phương thức lãnh đạo"]),
    ("without marks: the suggestion", ["phuong thuc lanh dao"]),
    ("an abbreviation", ["BTV huyện ủy"]),
    ("a phrase", ['"nông thôn mới"']),
    ("a document number typed loosely", ["so 11 ct hu"]),
    ("a filter and facets", ["--district", "Bạch Thông", "--facets", "đảng viên"]),
    ("every document, by date", ["--sort", "-date", "--facets", "--limit", "100", ""]),
    ("relaxed: no document has every word", ["lãnh đạo xyzzy"]),
    ("clearance: the restricted ones too", ["--clearance", "top_secret", "--limit", "50", "--facets", ""]),
    ("paging", ["--offset", "3", "--limit", "4", "cán bộ"]),
    ("a question: many neighbouring pairs", ["Theo quy định, ban chấp hành đảng bộ huyện lãnh đạo công tác cán bộ thế nào?"]),
]


def files_of(corpus: pathlib.Path) -> list:
    # As a folder is indexed: its vankien.toml is settings, not a document.
    return sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith(".") and p.name != "vankien.toml")


# Records are compressed from the 8th of each database on (trained on a
# database's first records; 1000 by default), so that every database here
# reads compressed records, each shard with a dictionary of its own.
COMPRESSED_FROM = ["--dictionary-samples", "8"]


def index(cli, db, files, root):
    result = cli.run("index", "--db", db, "--root", root, *COMPRESSED_FROM, *files)
    assert result.returncode == 0, result.stderr


def dictionary_of(db) -> str:
    xapian = pytest.importorskip("xapian")
    return xapian.Database(str(db)).get_metadata("vankien.dictionary").decode()


@pytest.fixture(scope="module")
def databases(cli, tmp_path_factory):
    """One database of the corpus, and the same files split into 2 and 4 shards."""
    base = tmp_path_factory.mktemp("shards")
    files = files_of(CORPUS)
    index(cli, base / "one.db", files, ROOT)
    shards = {}
    for count in (2, 4):
        shards[count] = [base / f"of{count}-{k}.db" for k in range(count)]
        for k, db in enumerate(shards[count]):
            index(cli, db, files[k::count], ROOT)
    return base / "one.db", shards


def search(cli, locations, args, *extra):
    db_args = [a for location in locations for a in ("--db", location)]
    result = cli.run("search", *db_args, "--json", *extra, *args)
    assert result.returncode in (0, 1), result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return lines[:-1], lines[-1], result.stderr


def comparable(hits, summary):
    """What must be equal however the documents are sharded."""
    return ([(h["id"], round(h["score"], 6), h["snippet"]["html"], h["date"], h["district"], h["term"])
             for h in hits],
            {k: summary[k] for k in ("total", "total_lower", "total_upper", "facets", "suggestion", "relaxed")})


def test_every_database_here_compresses_its_records_with_its_own_dictionary(databases):
    one, shards = databases
    dictionaries = [dictionary_of(db) for db in [one, *shards[2], *shards[4]]]
    assert all(dictionaries) and len(set(dictionaries)) == len(dictionaries)


@pytest.mark.parametrize("behaviour,args", SEARCHES, ids=[s[0] for s in SEARCHES])
@pytest.mark.parametrize("count", [1, 2, 4])
def test_shards_answer_as_one_database(cli, databases, behaviour, args, count):
    one, shards = databases
    expected = comparable(*search(cli, [one], args)[:2])
    local = [one] if count == 1 else shards[count]
    assert comparable(*search(cli, local, args)[:2]) == expected, "local shards"
    ports = [free_port() for _ in local]
    with contextlib.ExitStack() as servers:  # every server started is stopped, whatever fails
        for db, port in zip(local, ports):
            servers.enter_context(tcpsrv(db, port))
        remote = [f"tcp://127.0.0.1:{port}" for port in ports]
        hits, summary, _ = search(cli, remote, args)
        assert comparable(hits, summary) == expected, "remote shards"
        assert summary["missing_shards"] == []
        # Local and remote shards mixed.
        mixed = remote[:1] + [str(db) for db in local[1:]]
        assert comparable(*search(cli, mixed, args)[:2]) == expected, "mixed shards"


def test_a_stub_file_names_local_and_remote_shards(cli, databases, tmp_path):
    one, shards = databases
    port = free_port()
    stub = tmp_path / "archive.stub"
    # Saved on Windows: CRLF line ends.
    stub.write_bytes(f"# two shards\r\nremote 127.0.0.1:{port}\r\nauto {shards[2][1]}\r\n".encode())
    # A stub may name a stub: its shards, the remote one too, are read in its place.
    outer = tmp_path / "outer.stub"
    outer.write_text(f"auto {stub.name}\n", encoding="utf-8")
    with tcpsrv(shards[2][0], port):
        for args in (["cán bộ"], ["--facets", "cán bộ"]):
            expected = comparable(*search(cli, [one], args)[:2])
            assert comparable(*search(cli, [stub], args)[:2]) == expected
            assert comparable(*search(cli, [outer], args)[:2]) == expected


def test_a_shard_that_is_down_is_named_and_the_others_answer(cli, databases):
    one, shards = databases
    down = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    hits, summary, stderr = search(cli, [down, shards[2][1]], ["--limit", "50", ""])
    assert summary["missing_shards"] == [down]
    assert f"shard {down} did not answer" in stderr
    alone = search(cli, [shards[2][1]], ["--limit", "50", ""])
    assert [h["id"] for h in hits] == [h["id"] for h in alone[0]] and summary["total"] == alone[1]["total"]


def test_a_shard_that_stops_answering_is_left_out_within_the_timeout(cli, databases):
    """A server that is paused accepts connections and never replies."""
    one, shards = databases
    port = free_port()
    with tcpsrv(shards[2][0], port) as server:
        os.kill(server.pid, signal.SIGSTOP)
        started = time.monotonic()
        hits, summary, _ = search(cli, [f"tcp://127.0.0.1:{port}", shards[2][1]], ["cán bộ"],
                                  "--remote-timeout", "500")
        elapsed = time.monotonic() - started
        os.kill(server.pid, signal.SIGCONT)
    assert summary["missing_shards"] == [f"tcp://127.0.0.1:{port}"]
    assert hits and elapsed < 5


def test_no_shard_answering_is_an_error(cli):
    result = cli.run("search", "--db", f"tcp://127.0.0.1:{free_port()}", "cán bộ")
    assert result.returncode == 2 and "no shard answered" in result.stderr


def test_index_shards_writes_shards_that_answer_as_one_database(cli, databases, tmp_path):
    one, _ = databases
    stub = tmp_path / "archive"
    result = cli.run("index", "--db", stub, "--shards", "3", "--root", ROOT, CORPUS)
    assert result.returncode == 0, result.stderr
    assert "(3 shards)" in result.stderr
    assert stub.read_text().splitlines()[1:] == [f"auto archive.shards/{k}" for k in range(3)]
    for args in (["phuong thuc lanh dao"], ["--facets", "--limit", "100", ""], ["--sort", "date", "cán bộ"]):
        assert comparable(*search(cli, [stub], args)[:2]) == comparable(*search(cli, [one], args)[:2])
    # Re-indexing routes every document to the shard it is in: nothing new anywhere.
    again = cli.run("index", "--db", stub, "--shards", "3", "--root", ROOT, CORPUS)
    assert again.returncode == 0 and " 0 added, 0 updated, 54 unchanged" in again.stderr
    counts = [search(cli, [tmp_path / "archive.shards" / str(k)], ["--clearance", "top_secret", "--limit", "0", ""])[1]["total"]
              for k in range(3)]
    assert sum(counts) == 54 and all(counts)
    # Another number of shards would route differently: refused.
    other = cli.run("index", "--db", stub, "--shards", "2", "--root", ROOT, CORPUS)
    assert other.returncode == 2 and "has 3 shards, not 2" in other.stderr
    # A file that is not such a stub is never written over.
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    refused = cli.run("index", "--db", notes, "--shards", "2", CORPUS)
    assert refused.returncode == 2 and notes.read_text() == "my notes\n"


def test_index_shards_merge_gives_one_database(cli, databases, tmp_path):
    one, _ = databases
    merged = tmp_path / "merged"
    result = cli.run("index", "--db", merged, "--shards", "2", "--merge", "--root", ROOT, *COMPRESSED_FROM, CORPUS)
    assert result.returncode == 0, result.stderr
    assert merged.is_dir() and not (tmp_path / "merged.shards").exists()
    for args in (["phuong thuc lanh dao"], ["--facets", "--limit", "100", ""], ["BTV"]):
        assert comparable(*search(cli, [merged], args)[:2]) == comparable(*search(cli, [one], args)[:2])
    assert cli.run("index", "--db", merged, "--merge", CORPUS).returncode == 2


def test_serve_shard_serves_a_database_on_loopback(cli, databases):
    one, shards = databases
    port = free_port()
    with server([cli.binary, "serve-shard", "--db", shards[2][0], "--port", port], port):
        assert listening_addresses(port) == {"127.0.0.1"}
        remote = f"tcp://127.0.0.1:{port}"
        args = ["--facets", "phuong thuc lanh dao"]
        assert comparable(*search(cli, [remote, shards[2][1]], args)[:2]) == comparable(*search(cli, [one], args)[:2])


def test_serve_shard_refuses_what_is_not_a_vankien_database(cli, tmp_path):
    result = cli.run("serve-shard", "--db", tmp_path / "missing", "--port", free_port())
    assert result.returncode == 2 and "no such database" in result.stderr


def test_a_replica_answers_as_its_primary_after_each_replication(cli, tmp_path):
    """Indexing with changesets on, xapian-replicate-server on the primary,
    xapian-replicate (one shot) on the replica; each search opens the replica
    anew, as replicas must be opened (never reopen()ed)."""
    primary_folder, replica = tmp_path / "primary", tmp_path / "replica" / "archive"
    primary = primary_folder / "archive"
    files = files_of(CORPUS)
    changesets = {"XAPIAN_MAX_CHANGESETS": "10"}
    replica.parent.mkdir()
    assert cli.run("index", "--db", primary, "--root", ROOT, *COMPRESSED_FROM, *files[:13],
                   env=changesets).returncode == 0
    port = free_port()
    replicate = ["xapian-replicate", "--host", "127.0.0.1", "--port", str(port), "--master", "archive",
                 "--one-shot", "--quiet", str(replica)]
    args = ["--facets", "--limit", "100", "--clearance", "top_secret", ""]
    with server(["xapian-replicate-server", "--interface", "127.0.0.1", "--port", port, primary_folder], port):
        for more in (files[13:26], files[26:]):
            result = subprocess.run(replicate, capture_output=True, text=True, timeout=60)
            assert result.returncode == 0, result.stderr
            assert comparable(*search(cli, [replica], args)[:2]) == comparable(*search(cli, [primary], args)[:2])
            assert cli.run("index", "--db", primary, "--root", ROOT, *COMPRESSED_FROM, *more,
                           env=changesets).returncode == 0
        result = subprocess.run(replicate, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    assert comparable(*search(cli, [replica], args)[:2]) == comparable(*search(cli, [primary], args)[:2])
    assert search(cli, [replica], args)[1]["total"] == 54
    assert dictionary_of(replica) and dictionary_of(replica) == dictionary_of(primary)

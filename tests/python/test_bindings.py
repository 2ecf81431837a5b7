"""The Python bindings, through the installed package (tests/python/check_install.sh)."""
import datetime
import json
import os
import pathlib
import subprocess
import shutil
import sys
import threading

import pytest

import vankien

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CLI = os.environ.get("VANKIEN_BIN", str(ROOT / "build" / "cli" / "vankien"))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "db"


@pytest.fixture
def fixture_db(db_path):
    with vankien.open(db_path, writable=True) as db:
        summary = db.index_files([FIXTURES])
        assert summary["failed"] == 0 and summary["added"] == 8
    return db_path


def test_the_package_is_the_installed_one():
    assert "site-packages" in vankien.__file__ or os.environ.get("VANKIEN_ALLOW_BUILD_TREE")


def test_the_package_carries_its_metadata_and_types():
    import importlib.metadata
    import re
    cmake_version = re.search(r"project\(vankien VERSION ([0-9.]+)",
                              (ROOT / "CMakeLists.txt").read_text()).group(1)
    assert importlib.metadata.version("vankien") == vankien.__version__ == cmake_version
    installed = {str(f) for f in importlib.metadata.files("vankien")}
    assert {"vankien/py.typed", "vankien/_core.pyi", "vankien/data/gazetteer.tsv"} <= installed
    assert importlib.metadata.metadata("vankien")["Requires-Python"] == ">=3.9"


def test_analyzer_tokens():
    tokens = vankien.Analyzer().analyze("Huyện uỷ 12-NQ/HU")
    assert [(t.text, t.folded, t.kind) for t in tokens[:3]] == [
        ("huyện", "huyen", "word"), ("ủy", "uy", "word"), ("12-nq/hu", "12-nq/hu", "code")]
    assert (tokens[1].start, tokens[1].end) == (8, 12)
    assert tokens[1].normalized == tokens[1].text == "ủy"
    assert vankien.fold("Lãnh đạo") == "lanh dao"
    assert vankien.normalize("HOÀ") == "hòa"


def test_add_search_get(db_path):
    with vankien.open(db_path, writable=True) as db:
        assert db.add({"id": "a", "title": "Nghị quyết", "body": "Huyện ủy Bạch Thông đổi mới phương thức lãnh đạo.",
                       "date": datetime.date(2019, 3, 15), "topics": ["xay_dung_dang"]}) == "added"
        assert db.add({"id": "a", "title": "Nghị quyết", "body": "Huyện ủy Bạch Thông đổi mới phương thức lãnh đạo.",
                       "date": datetime.date(2019, 3, 15), "topics": ["xay_dung_dang"]}) == "unchanged"
        db.commit()
        results = db.search("phuong thuc lanh dao", district="Bạch Thông", facets=True)
        assert len(results) == 1 and results.total == 1
        hit = next(iter(results))
        assert hit.id == "a" and hit.rank == 1 and hit.date == datetime.date(2019, 3, 15)
        assert hit.term == "2015-2020" and hit.term_inferred
        assert "<mark>lãnh</mark>" in hit.snippet_html
        assert results.suggestion == "phương thức lãnh đạo"
        assert results.facets["district"] == [("Bạch Thông, Bắc Kạn", 1)]
        assert hit.to_dict()["topics"] == ["Xây dựng Đảng, tổ chức cán bộ"]
        document = db.get("a")
        assert document.body.startswith("Huyện ủy") and db.get("missing") is None
        assert db.delete("a") and not db.delete("a")


def test_filters_sort_paging(fixture_db):
    with vankien.open(fixture_db) as db:
        dated = db.search(province="Bắc Kạn", sort="-date", date_from=datetime.date(2018, 1, 1))
        assert [h.id for h in dated][:1] == [str(FIXTURES / "state_plan.txt")]
        page = db.search(province="Bắc Kạn", limit=1, offset=1)
        assert len(page) == 1 and page[0].rank == 2
        assert db.search("", type="nghị quyết", year=2019).total == 1


def test_errors(tmp_path, fixture_db):
    with pytest.raises(vankien.DatabaseNotFoundError):
        vankien.open(tmp_path / "missing")
    with vankien.open(fixture_db) as db:
        with pytest.raises(vankien.QueryError):
            db.search("ngày:31/2/2019")
        with pytest.raises(vankien.QueryError):
            db.search("x", sort="sideways")
        with pytest.raises(vankien.Error):
            db.add({"id": "x", "body": "y"})  # read-only
    with vankien.open(fixture_db, writable=True):
        with pytest.raises(vankien.DatabaseLockedError):
            vankien.open(fixture_db, writable=True)
    assert issubclass(vankien.QueryError, vankien.Error)


def test_add_many_collects_errors(db_path):
    with vankien.open(db_path, writable=True) as db:
        summary = db.add_many([{"id": "ok", "body": "x"}, {"id": "bad", "body": "x", "date": "30/02/2019"},
                               {"id": "worse", "colour": "red"}, {"id": "empty", "body": ""}])
        assert summary["added"] == 1 and summary["failed"] == 3
        assert "impossible" in summary["problems"][0]["message"]
        assert "unknown field 'colour'" in summary["problems"][1]["message"]


# Adds 2,500 documents with add_many() under a file size limit (0: none),
# then commits; prints what it was told.
FULL_DISK_CHILD = r"""
import json, resource, signal, sys
import vankien
path, limit = sys.argv[1], int(sys.argv[2])
if limit:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of the signal
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
words = ("đảng bộ huyện ủy ban thường vụ nghị quyết lãnh đạo chỉ đạo đổi mới công tác cán bộ "
         "kiểm tra giám sát kinh tế xã hội nông thôn đại hội nhiệm kỳ văn hóa giáo dục").split()
documents = [{"id": f"d{i}", "title": f"Tin {i}",
              "body": f"Bài {i}: " + " ".join(words[(i * 7 + k * k) % len(words)] for k in range(400))}
             for i in range(2500)]
db = vankien.open(path, writable=True)
summary = db.add_many(documents)
try:
    db.commit()
    final = []
except vankien.Error:
    final = db.take_cancelled()
print(json.dumps({"summary": summary, "cancelled_by_the_last_commit": final}))
"""


def test_a_failed_commit_is_reported_by_add_many_and_take_cancelled(tmp_path):
    xapian = pytest.importorskip("xapian")

    def run(db, limit):
        result = subprocess.run([sys.executable, "-c", FULL_DISK_CHILD, str(db), str(limit)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    room = tmp_path / "room.db"
    assert run(room, 0)["summary"]["added"] == 2500
    largest = max(p.stat().st_size for p in room.iterdir() if p.is_file())
    full = tmp_path / "full.db"
    told = run(full, largest // 2)
    summary, last = told["summary"], told["cancelled_by_the_last_commit"]
    present = {t.term[1:].decode() for t in xapian.Database(str(full)).allterms("Q")}
    # What add_many() counted as added is there, but for what the last commit took back.
    assert summary["added"] - len(last) == len(present) < 2500
    assert summary["failed"] + len(present) + len(last) == 2500
    # Each failure is the write or commit that failed, or one it cancelled.
    assert all(p["message"].startswith(("not written, cancelled when", "cannot index document", "commit failed"))
               for p in summary["problems"])
    assert any(p["message"].startswith("not written, cancelled when") for p in summary["problems"])
    assert all(item["outcome"] == "added" and item["id"] not in present for item in last)


def test_clearance(fixture_db):
    with vankien.open(fixture_db) as db:
        assert db.search('"khu vực biên giới"').total == 0
        assert db.search('"khu vực biên giới"', clearance="confidential").total == 1
        assert db.get("directive_secret.md") is None


def test_several_databases_as_one(fixture_db, tmp_path):
    with vankien.open(tmp_path / "other", writable=True) as other:
        other.add({"id": "other-1", "body": "Huyện ủy Na Rì lãnh đạo công tác cán bộ."})
    with vankien.open([fixture_db, tmp_path / "other"]) as db:
        ids = {hit.id for hit in db.search("lanh dao", limit=50)}
        assert "other-1" in ids and len(ids) > 1


def test_threads_search_while_one_writes(db_path):
    writer = vankien.open(db_path, writable=True)
    writer.add({"id": "seed", "body": "Huyện ủy lãnh đạo."})
    writer.commit()
    errors = []
    stop = threading.Event()

    def read():
        with vankien.open(db_path) as db:
            while not stop.is_set():
                try:
                    db.search("lanh dao", facets=True)
                except Exception as error:  # any failure fails the test
                    errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(4)]
    for thread in readers:
        thread.start()
    for i in range(200):
        writer.add({"id": f"doc-{i}", "body": f"Huyện ủy lãnh đạo số {i}."})
        if i % 20 == 0:
            writer.commit()
    writer.close()
    stop.set()
    for thread in readers:
        thread.join()
    assert errors == []
    with vankien.open(db_path) as db:
        assert db.search("lanh dao").total == 201


def test_round_trip_with_the_cli(db_path, tmp_path):
    with vankien.open(db_path, writable=True) as db:
        db.add({"id": "from-python", "body": "Ban Thường vụ Huyện ủy Cao Lộc họp."})
    found = subprocess.run([CLI, "search", "--db", str(db_path), "--json", "cao loc"], capture_output=True, text=True)
    assert found.returncode == 0 and '"id":"from-python"' in found.stdout
    (tmp_path / "c.jsonl").write_text('{"id": "from-cli", "body": "Thành ủy Sơn La họp."}\n', encoding="utf-8")
    assert subprocess.run([CLI, "index", "--db", str(db_path), str(tmp_path / "c.jsonl")]).returncode == 0
    with vankien.open(db_path) as db:
        assert [hit.id for hit in db.search("son la")] == ["from-cli"]


def test_to_pandas(fixture_db):
    pandas = pytest.importorskip("pandas")
    with vankien.open(fixture_db) as db:
        results = db.search("huyen uy", facets=True)
        frame = results.to_pandas()
        assert isinstance(frame, pandas.DataFrame) and len(frame) == len(results)
        assert list(results.facets_to_pandas("district").columns) == ["value", "count"]


def test_limits(tmp_path, fixture_db):
    big = {"id": "big", "body": "đảng " * 1000}
    with vankien.open(tmp_path / "small", writable=True, max_document_bytes=4096) as db:
        with pytest.raises(vankien.Error, match="4096-byte limit"):
            db.add(big)
        assert db.add({"id": "small", "body": "Huyện ủy họp."}) == "added"
        (tmp_path / "big.jsonl").write_text(json.dumps(big, ensure_ascii=False) + "\n", encoding="utf-8")
        summary = db.index_files([tmp_path / "big.jsonl"])
        assert summary["failed"] == 1 and "4096-byte limit" in summary["problems"][0]["message"]
    with vankien.open(fixture_db, max_query_bytes=10) as db:
        with pytest.raises(vankien.QueryError, match="limit of 10"):
            db.search("phương thức lãnh đạo")
        assert db.search("lanh dao").total > 0
    with vankien.open(fixture_db, max_query_terms=2) as db:
        with pytest.raises(vankien.QueryError, match="more than 2 words"):
            db.search('"lanh dao huyen"')  # a phrase loses no word
        trimmed = db.search("lanh dao huyen")  # words one after another: the 2 least common
        assert any("more than 2 words" in warning for warning in trimmed.warnings)
        assert db.search("lanh dao").total > 0
    with vankien.open(fixture_db, max_results=5) as db:
        with pytest.raises(vankien.QueryError, match="5"):
            db.search("lanh dao", offset=3, limit=3)
        assert len(db.search("lanh dao", offset=2, limit=3).hits) <= 3
    with pytest.raises(TypeError):
        vankien.open(fixture_db, max_colours=3)


def test_the_helper_thread_can_be_turned_off_and_the_hits_stay_the_same(fixture_db):
    def hits(helper_thread):
        with vankien.open(fixture_db, helper_thread=helper_thread) as db:
            return [(h.id, round(h.score, 6)) for h in db.search("lanh dao", limit=20).hits]
    assert hits(True) == hits(False) != []


@pytest.mark.parametrize("fields,expected", [
    ({"title": None}, {"title": "NGHỊ QUYẾT"}),                      # None is absent: the title comes from the text
    ({"author": None, "url": None}, {"author": "", "url": ""}),
    ({"title": b"Ti\xc3\xaau \xc4\x91\xe1\xbb\x81"}, {"title": "Tiêu đề"}),  # bytes decoded as UTF-8
    ({"topics": ["xay_dung_dang", "dan_van"]}, {"topics": ["Xây dựng Đảng, tổ chức cán bộ", "Dân vận"]}),
    ({"topics": "dan_van"}, {"topics": ["Dân vận"]}),
    ({"date": datetime.date(2019, 3, 15)}, {"date": datetime.date(2019, 3, 15)}),
    ({"date": datetime.datetime(2019, 3, 15, 23, 59)}, {"date": datetime.date(2019, 3, 15)}),
    ({"number": 12}, {"number": "12"}),
])
def test_add_takes_python_values_as_what_they_mean(db_path, fields, expected):
    with vankien.open(db_path, writable=True) as db:
        db.add({"id": "a", "body": "NGHỊ QUYẾT\n\nHuyện ủy Bạch Thông lãnh đạo.", **fields})
        db.commit()
        document = db.get("a").to_dict()
    for key, value in expected.items():
        assert document[key] == value, key
    assert "None" not in json.dumps(document, default=str, ensure_ascii=False)


def test_add_takes_pandas_timestamps(db_path):
    pandas = pytest.importorskip("pandas")
    with vankien.open(db_path, writable=True) as db:
        db.add({"id": "a", "body": "Huyện ủy họp.", "date": pandas.Timestamp("2020-06-05T15:02:00+07:00")})
        db.add({"id": "b", "body": "Huyện ủy họp.", "date": pandas.NaT})
        db.commit()
        assert db.get("a").date == datetime.date(2020, 6, 5)
        assert db.get("b").date is None


@pytest.mark.parametrize("fields,message", [
    ({"title": b"\xff\xfe"}, "not UTF-8"),
    ({"title": ["a", "b"]}, "must be text, not list"),
    ({"body": {"p": "x"}}, "must be text, not dict"),
    ({"title": True}, "not a boolean"),
    ({"title": "ab\ud800"}, "surrogate"),
    ({"topics": [["nested"]]}, "must be text, not list"),
    ({"topics": 5}, "topics must be text or a list"),
    ({"colour": "red"}, "unknown field 'colour'"),
])
def test_add_refuses_values_it_cannot_mean_with_a_vankien_error(db_path, fields, message):
    with vankien.open(db_path, writable=True) as db:
        with pytest.raises(vankien.Error, match=message):
            db.add({"id": "a", "body": "Huyện ủy họp.", **fields})
        summary = db.add_many([{"id": "a", "body": "Huyện ủy họp.", **fields}, {"id": "ok", "body": "Huyện ủy họp."}])
        assert summary["added"] == 1 and summary["failed"] == 1


def test_a_stored_document_can_be_added_back(fixture_db, tmp_path):
    with vankien.open(fixture_db) as source:
        hits = source.search("", limit=50)
        documents = [source.get(hit.id).to_dict() for hit in hits]
    assert any(document["term_inferred"] for document in documents)
    with vankien.open(tmp_path / "copy", writable=True) as copy:
        for document in documents:
            assert copy.add(document) == "added"
        copy.commit()
        for document in documents:
            assert copy.get(document["id"]).to_dict() == document


@pytest.mark.parametrize("arguments,message", [
    ({"limit": -1}, "limit must be from 0"),
    ({"offset": -5}, "offset must be from 0"),
    ({"limit": 1 << 70}, "limit must be from 0"),
    ({"snippet_bytes": -1}, "snippet_bytes must be from 0"),
    ({"limit": 2.5}, "limit must be a whole number"),
    ({"limit": 20000}, "results, the most a search returns"),
    ({"query": "lanh \udc80"}, "surrogate"),
    ({"district": "B\ud800"}, "surrogate"),
])
def test_bad_search_arguments_are_query_errors(fixture_db, arguments, message):
    with vankien.open(fixture_db) as db:
        with pytest.raises(vankien.QueryError, match=message):
            db.search(**{"query": "lanh dao", **arguments})


def test_snippet_bytes_zero_is_no_snippet(fixture_db):
    with vankien.open(fixture_db) as db:
        results = db.search("lanh dao", snippet_bytes=0)
        assert len(results) > 0
        assert all(hit.snippet == "" and hit.highlights == [] for hit in results)


def test_deeply_nested_query_on_a_thread_with_a_small_stack(fixture_db):
    threading.stack_size(256 * 1024)
    try:
        outcome = []

        def search():
            with vankien.open(fixture_db, max_query_bytes=100000) as db:
                outcome.append(db.search("(" * 20000 + "lanh dao").warnings)

        thread = threading.Thread(target=search)
        thread.start()
        thread.join(60)
    finally:
        threading.stack_size(0)
    assert outcome and any("nested deeper" in warning for warning in outcome[0])


def test_index_files_reads_real_sources_with_a_source_default_and_an_encoding(tmp_path):
    (tmp_path / "post.md").write_text("---json\n{\"title\": \"Hội nghị\", \"tags\": [\"dân vận\"]}\n---\n"
                                      "<p>Hội nghị sơ kết công t&aacute;c dân vận.</p>", encoding="utf-8")
    (tmp_path / "old.txt").write_bytes(b"Ngh\xde quy\xd5t c\xf1a Ban Ch\xcap h\xb5nh \xa7\xb6ng b\xe9 huy\xd6n")
    with vankien.open(tmp_path / "db", writable=True) as db:
        summary = db.index_files([tmp_path / "post.md"], root=tmp_path, district="Đăk Song", province="Đắk Nông")
        assert summary["added"] == 1, summary
        summary = db.index_files([tmp_path / "old.txt"], root=tmp_path, encoding="abc")
        assert summary["added"] == 1, summary
        with pytest.raises(ValueError, match="unknown encoding"):
            db.index_files([tmp_path / "old.txt"], root=tmp_path, encoding="koi8-r")
        db.commit()
        post = db.get("post.md")
        assert post.district == "Đắk Song" and post.tags == ["dân vận"] and post.encoding == "utf-8"
        assert post.body == "Hội nghị sơ kết công tác dân vận."
        old = db.get("old.txt")
        assert old.encoding == "tcvn3" and old.body == "Nghị quyết của Ban Chấp hành Đảng bộ huyện"
        # A stored document's dict goes back in as it came out.
        db.add(post.to_dict())


def test_cited_numbers_are_stored_and_searchable(db_path):
    with vankien.open(db_path, writable=True) as db:
        db.add({"id": "cites", "title": "Quán triệt", "body": "Huyện ủy quán triệt Nghị quyết 35- NQ/TW và Chỉ thị 05-CT/TW."})
        db.add({"id": "other", "title": "Tin khác", "body": "Huyện ủy tổ chức hội nghị."})
        db.commit()
        document = db.get("cites")
        assert document.cited_numbers == ["35-NQ/TW", "05-CT/TW"]
        assert [hit.id for hit in db.search(cites="35-NQ/TW")] == ["cites"]
        assert [hit.id for hit in db.search("trích_dẫn:05-ct/tw")] == ["cites"]
        assert db.add(dict(document.to_dict(), id="copy")) == "added"
        db.commit()
        assert db.get("copy").cited_numbers == ["35-NQ/TW", "05-CT/TW"]


@pytest.mark.skipif(shutil.which("xapian-tcpsrv") is None, reason="xapian-tools is not installed")
def test_a_searcher_keeps_answering_while_a_remote_shard_goes_away_and_comes_back(tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "cli"))
    from servers import free_port, tcpsrv

    for k in range(2):
        with vankien.open(tmp_path / f"shard{k}", writable=True) as shard:
            for i in range(5 + k):
                shard.add({"id": f"s{k}-{i}", "title": "Hội nghị", "body": f"Huyện ủy tổ chức hội nghị lần {i}."})
    port = free_port()
    remote = f"tcp://127.0.0.1:{port}"
    with tcpsrv(tmp_path / "shard0", port):
        db = vankien.open([remote, tmp_path / "shard1"], remote_timeout_ms=2000, connect_timeout_ms=1000)
        results = db.search("hội nghị", limit=20)
        assert results.missing_shards == [] and results.total == 11
    # The server is gone: the pooled connection breaks, the search goes on without it.
    results = db.search("hội nghị", limit=20)
    assert results.missing_shards == [remote] and results.total == 6
    assert {hit.id for hit in results} == {f"s1-{i}" for i in range(6)}
    with tcpsrv(tmp_path / "shard0", port):
        results = db.search("hội nghị", limit=20)
        assert results.missing_shards == [] and results.total == 11


# The database a server answers for is swapped while a searcher is connected:
# same documents in another order (each number another document's), or the
# same ones with some raised above the caller's clearance in place. Both look
# alike to a remote client: the same counts and lengths.
LATER_DATABASES = {
    "numbers of other documents": lambda i: (5 - i, "public"),
    "documents raised above the clearance": lambda i: (i, "secret" if i % 2 else "public"),
}


@pytest.mark.skipif(shutil.which("xapian-tcpsrv") is None, reason="xapian-tools is not installed")
@pytest.mark.parametrize("later", LATER_DATABASES, ids=list(LATER_DATABASES))
def test_hits_read_over_more_connections_are_those_of_the_search_s_own_revision(tmp_path, later):
    # Over a remote shard a search reads its hits over more connections than
    # its own; a connection opened later may see the later database.
    sys.path.insert(0, str(ROOT / "tests" / "cli"))
    from servers import free_port, tcpsrv

    def document(k, access):
        return {"id": f"d{k}", "title": "Hội nghị", "body": f"Huyện ủy tổ chức hội nghị lần {k}.", "access": access}

    with vankien.open(tmp_path / "first", writable=True) as db:
        for i in range(6):
            db.add(document(i, "public"))
    with vankien.open(tmp_path / "second", writable=True) as db:
        for i in range(6):
            db.add(document(*LATER_DATABASES[later](i)))
    served = tmp_path / "served"
    (tmp_path / "first").rename(served)
    port = free_port()
    with tcpsrv(served, port):
        db = vankien.open(f"tcp://127.0.0.1:{port}", remote_timeout_ms=5000)
        # One hit: read on the search's own connection alone, which now has
        # the first database open.
        assert [hit.id for hit in db.search("hội nghị", limit=1)] == ["d0"]
        served.rename(tmp_path / "first")
        (tmp_path / "second").rename(served)
        # Each search reads over a connection more, opened on the later
        # database (one that is refused is not kept), and its own.
        for _ in range(3):
            results = db.search("hội nghị", limit=20)
            assert sorted(hit.id for hit in results) == [f"d{i}" for i in range(6)]
            for hit in results:
                assert hit.access == "public"
                assert hit.snippet.endswith(f"lần {hit.id[1:]}.")

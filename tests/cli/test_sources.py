"""Real sources through the real CLI: portal pages, a site export, legacy
encodings (detected and forced), and bad pages in a batch."""
import json
import shutil
import unicodedata

import pytest

from conftest import ROOT, SHARED_DATA

CORPUS = ROOT / "examples" / "corpus"


def without_marks(text):
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c))


def hit_ids(output):
    return [hit["id"] for hit in map(json.loads, output.splitlines()) if "id" in hit]


def show(cli, db, doc_id):
    result = cli.run("show", "--db", db, "--json", doc_id)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_portal_pages_and_a_site_export_go_in_with_their_metadata(cli, tmp_path):
    db = tmp_path / "db"
    result = cli.run("index", "--db", db, "--root", ROOT, CORPUS / "portal", CORPUS / "export")
    assert result.returncode == 0, result.stderr
    assert "8 added" in result.stderr  # the folder's vankien.toml is not a document

    page = show(cli, db, "examples/corpus/portal/bach-thong-dai-hoi.html")
    assert page["title"] == "Chuẩn bị chu đáo đại hội đảng bộ nhiệm kỳ mới ở huyện Bạch Thông"
    assert page["date"] == "2020-05-12"
    assert page["district"] == "Bạch Thông" and page["province"] == "Bắc Kạn"
    assert page["url"] == "https://huyenuy-bachthong.example/tin-tuc/dai-hoi.html"
    assert page["encoding"] == "utf-8"
    assert page["lead"].startswith("Sáng 11/5")
    for boilerplate in ("Trang chủ", "Tin liên quan", "Ý kiến bạn đọc", "Bản quyền", "Facebook", "var menu"):
        assert boilerplate not in page["body"], boilerplate

    ruled = show(cli, db, "examples/corpus/portal/cao-loc-dan-van.html")
    assert ruled["date"] == "2021-09-03" and ruled["author"] == "Lương Đức Tài"
    assert "Xem thêm" not in ruled["body"]  # dropped by the site rule

    legacy = show(cli, db, "examples/corpus/portal/na-ri-thong-bao-1258.htm")
    assert legacy["encoding"] == "windows-1258"
    assert legacy["number"] == "21-TB/HU" and legacy["type"] == "Thông báo" and legacy["date"] == "2018-11-20"
    assert legacy["issuer"] == "Huyện ủy Na Rì"

    post = show(cli, db, "examples/corpus/export/2019-cho-moi-1.md")
    assert post["title"].startswith("Phát huy dân chủ cơ sở")
    assert post["date"] == "2019-03-10" and post["author"] == "Hoàng Văn Minh"
    assert post["tags"] == ["Tin tức - Sự kiện", "Chợ Mới", "thi đua"]
    assert "&" not in post["body"] and "<" not in post["body"] and "---" not in post["body"]

    # The export's vankien.toml names its site's district: the post that names
    # no unit gets it, the posts about other districts keep theirs.
    assert show(cli, db, "examples/corpus/export/2021-so-ket-dan-van.md")["district"] == "Chợ Mới"
    assert show(cli, db, "examples/corpus/export/2020-trung-khanh-2.md")["district"] == "Trùng Khánh"

    # Searchable as text: without diacritics, by a tag, filtered by district.
    result = cli.run("search", "--db", db, "--json", "--district", "Chợ Mới", "thi dua")
    assert result.returncode == 0, result.stderr
    assert "examples/corpus/export/2019-cho-moi-1.md" in hit_ids(result.stdout)


LEGACY = [("tcvn3", "tcvn3"), ("vni-win", "vni-windows"), ("viscii", "viscii"), ("windows-1258", "windows-1258")]


@pytest.mark.skipif(not (SHARED_DATA / "legacy-encodings").is_dir(), reason="needs ../shared/data/legacy-encodings")
@pytest.mark.parametrize("suffix,name", LEGACY)
def test_each_legacy_encoding_is_detected_and_indexed(cli, tmp_path, suffix, name):
    source = SHARED_DATA / "legacy-encodings"
    text = tmp_path / f"sentences-{suffix}.txt"
    shutil.copy(source / f"sentences.{suffix}.bin", text)
    expected = (source / f"sentences.expected.{suffix}.txt").read_text(encoding="utf-8")
    db = tmp_path / "db"
    result = cli.run("index", "--db", db, "--root", tmp_path, text)
    assert result.returncode == 0, result.stderr
    document = show(cli, db, text.name)
    assert document["encoding"] == name
    assert document["body"] == expected
    # A word of the text is found, typed with and without its marks.
    word = max(expected.split(), key=len).strip(".,;:?!\"()")
    for query in (word, without_marks(word)):
        found = cli.run("search", "--db", db, "--json", query)
        assert found.returncode == 0, (query, found.stderr)
        assert hit_ids(found.stdout) == [text.name]


def test_a_forced_encoding_and_an_unknown_one(cli, tmp_path):
    tcvn3 = b"Ngh\xde quy\xd5t c\xf1a Ban Ch\xcap h\xb5nh \xa7\xb6ng b\xe9 huy\xd6n"
    (tmp_path / "a.txt").write_bytes(tcvn3)
    db = tmp_path / "db"
    result = cli.run("index", "--db", db, "--root", tmp_path, "--encoding", "ABC", tmp_path / "a.txt")
    assert result.returncode == 0, result.stderr
    document = show(cli, db, "a.txt")
    assert document["encoding"] == "tcvn3" and document["body"] == "Nghị quyết của Ban Chấp hành Đảng bộ huyện"
    result = cli.run("index", "--db", db, "--encoding", "koi8-r", tmp_path / "a.txt")
    assert result.returncode == 2 and "unknown encoding 'koi8-r'" in result.stderr


def test_bad_pages_are_reported_and_the_rest_of_the_batch_goes_in(cli, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    good = "<html><body><div class='content'><p>Huyện ủy Na Rì tổ chức hội nghị tổng kết công tác năm.</p></div></body></html>"
    (pages / "a-good.html").write_text(good, encoding="utf-8")
    (pages / "b-scripts.html").write_text("<html><script>var a = 1;</script></html>", encoding="utf-8")
    (pages / "c-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (pages / "d-bad-front-matter.md").write_text("---\ntitle: [x\n---\n<p>Nội dung vẫn vào</p>", encoding="utf-8")
    (pages / "e-large.html").write_text("<p>" + "a" * (2 << 20) + "</p>", encoding="utf-8")
    db = tmp_path / "db"
    cli.run("index", "--db", db, "--root", tmp_path, pages / "a-good.html")
    result = cli.run("index", "--db", db, "--root", tmp_path, "--max-document-mb", "4", pages)
    assert result.returncode == 2
    assert "b-scripts.html:1: no text in the page" in result.stderr
    assert "c-binary.html:3: not a text file: NUL byte at byte 10" in result.stderr
    assert "d-bad-front-matter.md:3: warning: front matter does not parse" in result.stderr
    assert "e-large.html: document of" in result.stderr and "limit for HTML" in result.stderr
    assert "2 added" not in result.stderr  # a-good was there already
    assert "1 added, 0 updated, 1 unchanged, 3 failed" in result.stderr
    assert show(cli, db, "pages/d-bad-front-matter.md")["body"] == "Nội dung vẫn vào"


def test_a_source_default_from_the_command_line_or_a_folders_vankien_toml(cli, tmp_path):
    export = tmp_path / "export"
    (export / "posts").mkdir(parents=True)
    (export / "posts" / "a.md").write_text("---\ntitle: Hội nghị sơ kết\n---\n<p>Hội nghị sơ kết công tác dân vận.</p>",
                                           encoding="utf-8")
    (export / "posts" / "b.md").write_text("---\ntitle: Tin\n---\n<p>Huyện ủy Bạch Thông tổ chức hội nghị.</p>",
                                           encoding="utf-8")
    db = tmp_path / "db"
    result = cli.run("index", "--db", db, "--root", tmp_path, "--district", "Đăk Song", "--province", "Đắk Nông", export)
    assert result.returncode == 0, result.stderr
    assert show(cli, db, "export/posts/a.md")["district"] == "Đắk Song"  # the gazetteer's spelling
    assert show(cli, db, "export/posts/b.md")["district"] == "Bạch Thông"  # the text's own unit wins

    (export / "vankien.toml").write_text('district = "Krong Nô"\nprovince = "Đắk Nông"\ncolour = "red"\n',
                                         encoding="utf-8")
    db2 = tmp_path / "db2"
    result = cli.run("index", "--db", db2, "--root", tmp_path, export)
    assert result.returncode == 0, result.stderr
    assert "vankien.toml:3: warning: unknown key 'colour'" in result.stderr
    assert "2 added" in result.stderr  # the settings file is not a document
    assert show(cli, db2, "export/posts/a.md")["district"] == "Krông Nô"

    (export / "vankien.toml").write_text('district = [1\n', encoding="utf-8")
    result = cli.run("index", "--db", tmp_path / "db3", "--root", tmp_path, export)
    assert result.returncode == 0 and "vankien.toml:1: warning: does not parse" in result.stderr

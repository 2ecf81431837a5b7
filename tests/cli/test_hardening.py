"""Defects a hostile trial found in the CLI, one test per behaviour: odd
snippet sizes, ids that follow the file and not its spelling, databases never
read as input, permission reported as permission, bounded memory per
document, and the smaller messages users see."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from conftest import FIXTURES, ROOT

ARTICLE = "BÀI VIẾT\n\nHuyện ủy Bạch Thông lãnh đạo phát triển kinh tế.\n\nNội dung lãnh đạo, chỉ đạo.\n"


@pytest.mark.parametrize("size", ["0", "1", "2", "7"])
def test_any_snippet_size_is_safe(cli, fixture_db, size):
    result, lines = cli.json_lines("search", "--db", fixture_db, "--json", "--snippet", size, "lanh dao")
    assert result.returncode == 0, result.stderr
    hits = [line for line in lines if "id" in line]
    assert hits
    for hit in hits:
        if size == "0":
            assert hit["snippet"]["text"] == "" and hit["snippet"]["highlights"] == []
        else:
            assert len(hit["snippet"]["text"].encode()) <= max(int(size), 16)


def test_deep_nesting_is_not_a_crash(cli, fixture_db):
    result = cli.run("search", "--db", fixture_db, "--max-query-bytes", "100000", "(" * 20000 + "lanh")
    assert result.returncode in (0, 1), result.stderr
    assert "nested deeper" in result.stderr


def ids_of(cli, db):
    result, lines = cli.json_lines("search", "--db", db, "--json", "--limit", "100", "")
    assert result.returncode == 0, result.stderr
    return sorted(line["id"] for line in lines if "id" in line)


def test_the_same_file_is_the_same_document_however_its_path_is_spelled(cli, tmp_path):
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "seed.txt").write_text(ARTICLE, encoding="utf-8")
    (tree / "sub" / "other.txt").write_text(ARTICLE.replace("Bạch Thông", "Chợ Mới"), encoding="utf-8")
    db = tmp_path / "db"
    for spelling in ["sub/../seed.txt", "./seed.txt", str(tree / "seed.txt"), ".", "./", str(tree)]:
        result = subprocess.run([cli.binary, "index", "--db", str(db), spelling], cwd=tree, env=cli.env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (spelling, result.stderr)
    assert ids_of(cli, db) == ["seed.txt", "sub/other.txt"]
    # From elsewhere, --root names the same documents.
    again = cli.run("index", "--db", db, "--root", tree, tree)
    assert "0 added" in again.stderr and "2 unchanged" in again.stderr, again.stderr
    # show and delete take the file as well as the id.
    shown = subprocess.run([cli.binary, "show", "--db", str(db), "./sub/../seed.txt"], cwd=tree, env=cli.env,
                           capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr


def test_a_database_in_the_tree_is_never_read_as_input(cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):  # the second run finds ./vankien.db in the tree
        result = subprocess.run([cli.binary, "index", "."], cwd=tmp_path, env=cli.env, capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert "0 failed" in result.stderr and "vankien.db/" not in result.stderr, result.stderr
    assert ids_of(cli, tmp_path / "vankien.db") == ["a.txt"]
    named = cli.run("index", "--db", tmp_path / "other.db", tmp_path / "vankien.db")
    assert named.returncode == 2
    assert "is a Xapian database" in named.stderr
    inside = cli.run("index", "--db", tmp_path / "other.db", tmp_path / "vankien.db" / "iamglass")
    assert "part of a Xapian database" in inside.stderr


def as_nobody():
    """A preexec function dropping root, whom permissions do not stop."""
    if os.getuid() != 0:
        return None
    return lambda: (os.setgid(65534), os.setuid(65534))


def test_a_read_only_database_is_reported_as_permission_not_a_lock(cli):
    # Outside pytest's private temporary directory, so that the user the test
    # drops to can reach it.
    place = pathlib.Path(tempfile.mkdtemp(prefix="vankien-permission-"))
    try:
        os.chmod(place, 0o755)
        article = place / "a.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        os.chmod(article, 0o644)
        db = place / "db"
        assert cli.run("index", "--db", db, article).returncode == 0
        for path in db.iterdir():
            os.chmod(path, 0o444)
        os.chmod(db, 0o555)
        for args in (["index", "--db", db, article], ["delete", "--db", db, "a.txt"]):
            result = subprocess.run([cli.binary, *map(str, args)], env=cli.env, capture_output=True, text=True,
                                    timeout=60, preexec_fn=as_nobody(), cwd=place)
            assert result.returncode == 2
            assert "Permission denied" in result.stderr, result.stderr
            assert "locked" not in result.stderr
        os.chmod(db, 0o700)
        result = subprocess.run([cli.binary, "search", "--db", str(db), "lanh"], env=cli.env, capture_output=True,
                                text=True, timeout=60, preexec_fn=as_nobody(), cwd=place)
        assert result.returncode == 2
        assert "Permission denied" in result.stderr, result.stderr
    finally:
        for path in [place, *place.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        shutil.rmtree(place)


def peak_rss_bytes(cli, *args):
    result = subprocess.run(["/usr/bin/time", "-f", "%M", cli.binary, *map(str, args)], env=cli.env,
                            capture_output=True, text=True, timeout=300)
    return result, int(result.stderr.strip().splitlines()[-1]) * 1024


def test_memory_per_document_is_a_small_multiple_of_its_size(cli, tmp_path):
    if not shutil.which("/usr/bin/time"):
        pytest.skip("needs /usr/bin/time (Debian package time)")
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE, encoding="utf-8")
    _, baseline = peak_rss_bytes(cli, "index", "--db", tmp_path / "small.db", small)
    big = tmp_path / "big.txt"
    paragraph = "Ban Thường vụ Huyện ủy lãnh đạo thực hiện nghị quyết về phát triển kinh tế - xã hội năm 2019. "
    with big.open("w", encoding="utf-8") as out:
        for i in range(200_000):
            out.write(paragraph + str(i % 1000) + "\n")
    size = big.stat().st_size
    result, peak = peak_rss_bytes(cli, "index", "--db", tmp_path / "big.db", big)
    assert result.returncode == 0, result.stderr
    # Xapian's own write path holds three copies of the stored record at once
    # (docs/RELIABILITY.md): that, not vankien, sets the floor. AddressSanitizer's
    # shadow memory and quarantine make a sanitized binary's peak meaningless.
    if os.environ.get("VANKIEN_SANITIZED") != "1":
        assert peak - baseline <= 4 * size, (peak, baseline, size)
    # A file over the limit is refused without being read.
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(200 << 20)
    result, peak = peak_rss_bytes(cli, "index", "--db", tmp_path / "huge.db", huge)
    assert result.returncode == 2
    assert "larger than the" in result.stderr
    assert peak - baseline < 8 << 20


def test_xml_streams_a_file_far_larger_than_memory_holds(cli, tmp_path):
    if not shutil.which("/usr/bin/time"):
        pytest.skip("needs /usr/bin/time (Debian package time)")
    small = tmp_path / "small.xml"
    small.write_text('<document id="s"><body>Huyện ủy họp.</body></document>', encoding="utf-8")
    _, baseline = peak_rss_bytes(cli, "index", "--db", tmp_path / "small.db", small)
    # One document of 100 MB between two small ones: refused at the 1 MB limit
    # while the others go in, without the file ever being held.
    big = tmp_path / "big.xml"
    line = ("Ban Thường vụ Huyện ủy lãnh đạo thực hiện nghị quyết. " * 20 + "\n").encode("utf-8")
    with big.open("wb") as out:
        out.write('<documents>\n<document id="a"><body>Trước.</body></document>\n'
                  '<document id="b"><body>\n'.encode("utf-8"))
        for _ in range((100 << 20) // len(line)):
            out.write(line)
        out.write('</body></document>\n<document id="c"><body>Sau.</body></document>\n</documents>\n'.encode("utf-8"))
    result, peak = peak_rss_bytes(cli, "index", "--db", tmp_path / "big.db", "--max-document-mb", "1", big)
    assert result.returncode == 2, result.stderr
    assert f"{big}:3: document larger than the 1048576-byte limit" in result.stderr, result.stderr
    assert "2 added" in result.stderr, result.stderr
    if os.environ.get("VANKIEN_SANITIZED") != "1":
        assert peak - baseline < 16 << 20, (peak, baseline)


def test_utf16_files_are_decoded(cli, tmp_path):
    for name, encoding in [("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")]:
        bom = "\ufeff".encode(encoding)
        (tmp_path / name).write_bytes(bom + ARTICLE.encode(encoding))
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xdc")
    result = cli.run("index", "--db", tmp_path / "db", tmp_path / "le.txt", tmp_path / "be.txt", tmp_path / "bad.txt")
    assert result.returncode == 2
    assert "bad.txt@6: invalid UTF-16 at byte 6" in result.stderr, result.stderr
    assert "2 added" in result.stderr
    found, lines = cli.json_lines("search", "--db", tmp_path / "db", "--json", "Bạch Thông")
    assert found.returncode == 0
    assert len([line for line in lines if "id" in line]) == 2


def test_problems_name_the_file_and_where_in_it(cli, tmp_path):
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def")
    result = cli.run("index", "--db", tmp_path / "db", tmp_path / "nul.txt", tmp_path / "missing.txt")
    assert "nul.txt:1: not a text file: NUL byte at byte 3" in result.stderr, result.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    assert "@0" not in result.stderr


def test_the_readme_tour_runs_as_written(cli, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme.split("## A short tour", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    lines = tour.strip().splitlines()
    assert lines[0].startswith("export PATH=$PWD/build/cli:$PATH VANKIEN_DB=")
    # The export, with this build's binary and a scratch database.
    env = dict(cli.env, PATH=os.path.dirname(cli.binary) + os.pathsep + cli.env["PATH"],
               VANKIEN_DB=str(tmp_path / "archive.db"))
    for line in lines[1:]:
        result = subprocess.run(["bash", "-c", line], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, (line, result.stderr)
    assert not (ROOT / "archive.db").exists()


def test_one_database_named_twice_is_searched_once(cli, fixture_db):
    once, lines_once = cli.json_lines("search", "--db", fixture_db, "--json", "lanh dao")
    twice, lines_twice = cli.json_lines("search", "--db", fixture_db, "--db", str(fixture_db) + "/.", "--json",
                                        "lanh dao")
    assert twice.returncode == 0
    assert lines_twice == lines_once


@pytest.mark.parametrize("args,message", [
    (["--district", "Bach Thon"], "no district named 'Bach Thon' in the database; did you mean"),
    (["--topic", "mau sac"], "no topic named 'mau sac' in the database"),
])
def test_an_unknown_filter_value_gets_a_hint(cli, fixture_db, args, message):
    result = cli.run("search", "--db", fixture_db, *args, "lanh dao")
    assert result.returncode == 1
    assert message in result.stderr


def test_a_query_of_punctuation_matches_nothing_and_says_why(cli, fixture_db):
    result = cli.run("search", "--db", fixture_db, "?!... ,,,")
    assert result.returncode == 1
    assert "no words to search for" in result.stderr


def test_a_query_starting_with_minus_goes_after_double_dash(cli, fixture_db):
    assert "after '--'" in cli.run("search", "--help").stdout
    result = cli.run("search", "--db", fixture_db, "--", "-bàn lãnh đạo")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("option", ["--limit", "--offset", "--snippet"])
def test_negative_counts_are_usage_errors(cli, fixture_db, option):
    result = cli.run("search", "--db", fixture_db, option, "-1", "lanh")
    assert result.returncode == 2
    assert "must be a whole number from 0" in result.stderr


def test_help_examples_name_what_exists(cli, tmp_path):
    db = tmp_path / "archive.db"
    assert subprocess.run([cli.binary, "index", "--db", str(db), "examples/corpus"], cwd=ROOT, env=cli.env,
                          capture_output=True, timeout=120).returncode == 0
    for command in ("show", "delete"):
        help_text = cli.run(command, "--help").stdout
        examples = [line.strip() for line in help_text.splitlines() if line.strip().startswith(f"vankien {command} ")]
        assert examples, help_text
        for example in examples:
            args = example.split()[1:]
            args[args.index("archive.db")] = str(db)
            result = subprocess.run([cli.binary, *args], cwd=ROOT, env=cli.env, capture_output=True, text=True,
                                    timeout=60)
            assert result.returncode == 0, (example, result.stderr)

"""The real `vankien` binary, end to end: exit codes, output formats, batch
mode, bad input, locking and missing databases."""
import json
import os
import pty
import subprocess
import time

import pytest

from conftest import FIXTURES

COMMANDS = ["index", "search", "show", "delete", "stats", "analyze", "serve-shard"]


def test_version(cli):
    result = cli.run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("vankien ")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(cli, command):
    result = cli.run(command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


@pytest.mark.parametrize("args", [["--bogus"], ["search", "--bogus", "x"], ["nonsense"], [],
                                  ["search", "--clearance", "bogus", "x"], ["search", "--sort", "up", "x"]])
def test_usage_errors_exit_2(cli, args):
    assert cli.run(*args).returncode == 2


def test_index_summary_and_no_progress_when_not_a_terminal(cli, tmp_path):
    result = cli.run("index", "--db", tmp_path / "db", FIXTURES)
    assert result.returncode == 0
    assert "8 added, 0 updated, 0 unchanged, 0 failed" in result.stderr
    assert "\r" not in result.stderr and "\033[" not in result.stderr
    again = cli.run("index", "--db", tmp_path / "db", FIXTURES)
    assert "0 added, 0 updated, 8 unchanged, 0 failed" in again.stderr


def test_index_progress_on_a_terminal(cli, tmp_path):
    leader, follower = pty.openpty()
    process = subprocess.Popen([cli.binary, "index", "--db", str(tmp_path / "db"), str(FIXTURES)],
                               stdout=subprocess.DEVNULL, stderr=follower, env=cli.env)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    assert process.wait(timeout=60) == 0
    assert b"docs/s" in output and b"ETA" in output


BAD_INPUTS = [
    ("invalid-utf8.txt", b"Ti\xc3\xaau \xff\n", "invalid-utf8.txt:1: invalid UTF-8"),
    ("binary.txt", b"PK\x03\x04\x00\x00", "binary.txt:1: not a text file"),
    ("empty.txt", b"  \n", "empty.txt:1: empty document"),
    ("broken.xml", b"<documents>\n<document id='a'>\n</documents>", "broken.xml:3: malformed XML"),
    ("broken.jsonl", b'{"id": "a", "body": "x"}\n{"id": \n', "broken.jsonl:2: JSON does not parse"),
    ("bad-date.jsonl", b'{"id": "d", "body": "x", "date": "30/02/2019"}\n', "bad-date.jsonl:1: impossible or unreadable date"),
]


@pytest.mark.parametrize("name,content,message", BAD_INPUTS)
def test_bad_input_is_reported_and_the_rest_goes_in(cli, tmp_path, name, content, message):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(content)
    (tmp_path / "in" / "good.txt").write_text("Tiêu đề\n\nHuyện ủy Bạch Thông họp.", encoding="utf-8")
    result = cli.run("index", "--db", tmp_path / "db", tmp_path / "in")
    assert result.returncode == 2
    assert message in result.stderr
    assert cli.run("show", "--db", tmp_path / "db", tmp_path / "in" / "good.txt").returncode == 0


def test_unknown_field_is_a_warning_not_a_failure(cli, tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "a", "colour": "red", "body": "x"}\n', encoding="utf-8")
    result = cli.run("index", "--db", tmp_path / "db", tmp_path / "a.jsonl")
    assert result.returncode == 0
    assert "warning: unknown field 'colour'" in result.stderr


def test_index_from_standard_input_with_globs(cli, tmp_path):
    line = '{"id": "stdin-1", "title": "Tin", "body": "Huyện ủy Na Rì họp."}\n'
    result = cli.run("index", "--db", tmp_path / "db", "--format", "jsonl", "-", input=line)
    assert result.returncode == 0, result.stderr
    result = cli.run("index", "--db", tmp_path / "db", "--include", "*.xml", FIXTURES)
    assert "2 added" in result.stderr


def test_search_exit_codes(cli, fixture_db):
    assert cli.run("search", "--db", fixture_db, "lanh dao").returncode == 0
    assert cli.run("search", "--db", fixture_db, "xyzzyq").returncode == 1
    assert cli.run("search", "--db", fixture_db, "ngày:31/2/2019").returncode == 2
    missing = cli.run("search", "--db", fixture_db.parent / "missing.db", "x")
    assert missing.returncode == 2
    assert "no such database" in missing.stderr


def test_db_from_environment(cli, fixture_db):
    assert cli.run("search", "lanh dao", env={"VANKIEN_DB": str(fixture_db)}).returncode == 0


def test_search_json_lines(cli, fixture_db):
    result, lines = cli.json_lines("search", "--db", fixture_db, "--json", "--facets",
                                   "--district", "Bạch Thông", "phuong thuc lanh dao")
    assert result.returncode == 0
    hits, summary = lines[:-1], lines[-1]
    assert summary["summary"] is True
    assert summary["total"] == len(hits) == 1
    assert summary["suggestion"] == "phương thức lãnh đạo"
    assert {"value": "Bạch Thông, Bắc Kạn", "count": 1} in summary["facets"]["district"]
    hit = hits[0]
    assert hit["number"] == "12-NQ/HU" and hit["rank"] == 1
    assert "<mark>" in hit["snippet"]["html"]
    body = cli.json_lines("show", "--db", fixture_db, "--json", hit["id"])[1][0]["body"].encode()
    begin, end = hit["snippet"]["highlights"][0]
    assert body[begin:end].decode() in ("phương", "thức", "lãnh", "đạo")


def test_search_filters_sort_and_paging(cli, fixture_db):
    _, lines = cli.json_lines("search", "--db", fixture_db, "--json", "--province", "Bắc Kạn",
                              "--sort", "-date", "--limit", "1", "--offset", "1")
    assert lines[-1]["total"] >= 2 and len(lines) == 2 and lines[0]["rank"] == 2


def test_clearance(cli, fixture_db):
    assert cli.run("search", "--db", fixture_db, '"khu vực biên giới"').returncode == 1
    shown = cli.run("search", "--db", fixture_db, "--clearance", "confidential", '"khu vực biên giới"')
    assert shown.returncode == 0
    assert cli.run("show", "--db", fixture_db, "directive_secret.md").returncode == 1


def test_colour_only_on_a_terminal(cli, fixture_db):
    result = cli.run("search", "--db", fixture_db, "lanh dao")
    assert "\033[" not in result.stdout and "[lãnh]" in result.stdout


def test_batch_mode_never_aborts(cli, fixture_db, tmp_path):
    queries = ["1\tlanh dao", "2\t\"unbalanced", "3\t(((", "4\t-", "5\t:", "6\t?", "7\tAND",
               "8\t*", "9\t", "10\tngày:31/2/2019", "11\t12-NQ/HU"]
    (tmp_path / "q.tsv").write_text("\n".join(queries) + "\n", encoding="utf-8")
    result = cli.run("search", "--db", fixture_db, "--queries", tmp_path / "q.tsv",
                     "--format", "trec", "--timings", tmp_path / "t.tsv")
    assert result.returncode == 0
    rows = [line.split() for line in result.stdout.splitlines()]
    assert all(len(row) == 6 and row[1] == "Q0" and row[5] == "vankien" for row in rows)
    assert ["11", "Q0", "resolution_bach_thong.txt"] == rows[-1][:3] or any(
        row[0] == "11" and row[2].endswith("resolution_bach_thong.txt") and row[3] == "1" for row in rows)
    timings = [line.split("\t") for line in (tmp_path / "t.tsv").read_text().splitlines()]
    assert [t[0] for t in timings] == [str(i) for i in range(1, 12)]
    assert all(int(t[1]) >= 0 for t in timings)
    assert "query 10" in result.stderr
    json_run = cli.run("search", "--db", fixture_db, "--queries", tmp_path / "q.tsv", "--format", "json")
    objects = [json.loads(line) for line in json_run.stdout.splitlines()]
    assert len(objects) == 11 and objects[0]["qid"] == "1" and objects[0]["hits"]


def test_show_delete_stats(cli, tmp_path):
    db = tmp_path / "db"
    cli.run("index", "--db", db, FIXTURES)
    shown = cli.run("show", "--db", db, "xml-1")
    assert shown.returncode == 0 and "number: 45-KL/TU" in shown.stdout
    stats = json.loads(cli.run("stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 8 and stats["terms"] > 100 and stats["bytes"] > 0
    assert {"value": "Lạng Sơn", "count": 2} not in stats["counts"]["district"]
    assert cli.run("delete", "--db", db, "xml-1", "xml-2").returncode == 0
    assert cli.run("delete", "--db", db, "xml-1").returncode == 1
    assert json.loads(cli.run("stats", "--db", db, "--json").stdout)["documents"] == 6


def test_locked_database(cli, tmp_path):
    db = tmp_path / "db"
    holder = subprocess.Popen([cli.binary, "index", "--db", str(db), "--format", "jsonl", "-"],
                              stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=cli.env)
    try:
        for _ in range(100):  # wait until the first writer holds the lock
            if (db / "flintlock").exists():
                break
            time.sleep(0.05)
        time.sleep(0.2)
        second = cli.run("index", "--db", db, FIXTURES)
        assert second.returncode == 2
        assert "locked" in second.stderr
    finally:
        holder.communicate(b'{"id": "x", "body": "y"}\n', timeout=60)
    assert holder.returncode == 0


def test_analyze(cli):
    result, tokens = cli.json_lines("analyze", "--json", "Huyện uỷ 12-NQ/HU")
    assert [t["text"] for t in tokens] == ["huyện", "ủy", "12-nq/hu", "12", "nq", "hu"]
    assert tokens[1]["begin"] == 8 and tokens[1]["end"] == 12


def test_limits_are_configurable(cli, fixture_db, tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text(json.dumps({"id": "small", "body": "Huyện ủy họp."}) + "\n" +
                   json.dumps({"id": "huge", "body": "đảng " * 150_000}, ensure_ascii=False) + "\n" +
                   json.dumps({"id": "after", "body": "Tỉnh ủy họp."}) + "\n", encoding="utf-8")
    db = tmp_path / "limits.db"
    refused = cli.run("index", "--db", db, "--max-document-mb", 1, big)
    assert refused.returncode == 2
    assert f"{big}:2: document larger than the 1048576-byte limit" in refused.stderr
    assert "2 added" in refused.stderr
    allowed = cli.run("index", "--db", tmp_path / "allowed.db", "--max-document-mb", 2, big)
    assert allowed.returncode == 0, allowed.stderr

    cases = [  # options, query, message
        (["--max-query-bytes", "10"], "lãnh đạo huyện ủy", "longer than the limit of 10"),
        (["--max-query-terms", "1"], '"lanh dao"', "more than 1 words"),  # a phrase loses no word
    ]
    for options, query, message in cases:
        result = cli.run("search", "--db", fixture_db, *options, query)
        assert result.returncode == 2, (options, result.stderr)
        assert message in result.stderr, (options, result.stderr)
        assert cli.run("search", "--db", fixture_db, query).returncode == 0
    # Words typed one after another past the limit: the least common are searched, and a warning says so.
    trimmed = cli.run("search", "--db", fixture_db, "--max-query-terms", "3", "lanh dao huyen uy")
    assert trimmed.returncode == 0, trimmed.stderr
    assert "more than 3 words: searched with the 3 least common, leaving out" in trimmed.stderr


def test_cited_numbers_are_shown_and_filtered(cli, tmp_path):
    posts = tmp_path / "posts.jsonl"
    posts.write_text(
        json.dumps({"id": "cites", "title": "Quán triệt", "body": "Huyện ủy quán triệt Nghị quyết 35- NQ/TW."},
                   ensure_ascii=False) + "\n" +
        json.dumps({"id": "given", "body": "Tin ngắn.", "cited_numbers": ["05-CT/TW"]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    db = tmp_path / "db"
    assert cli.run("index", "--db", db, posts).returncode == 0
    _, lines = cli.json_lines("search", "--db", db, "--json", "--cites", "35-nq/tw")
    assert [line["id"] for line in lines[:-1]] == ["cites"] and lines[0]["cited_numbers"] == ["35-NQ/TW"]
    _, lines = cli.json_lines("search", "--db", db, "--json", "cites:05-CT/TW")
    assert [line["id"] for line in lines[:-1]] == ["given"]

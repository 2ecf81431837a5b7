"""Fixtures for running the real `vankien` binary (path in $VANKIEN_BIN)."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


class Cli:
    def __init__(self, binary: str, env: dict):
        self.binary = binary
        self.env = env

    def run(self, *args, input=None, env=None):
        merged = dict(self.env, **(env or {}))
        return subprocess.run([self.binary, *map(str, args)], input=input, capture_output=True,
                              text=True, env=merged, timeout=120)

    def json_lines(self, *args):
        result = self.run(*args)
        return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def cli():
    binary = os.environ.get("VANKIEN_BIN", str(ROOT / "build" / "cli" / "vankien"))
    env = dict(os.environ)
    env.pop("VANKIEN_DB", None)
    env.pop("NO_COLOR", None)
    env["VANKIEN_DATA_DIR"] = str(ROOT / "data")
    return Cli(binary, env)


@pytest.fixture(scope="session")
def fixture_db(cli, tmp_path_factory):
    db = tmp_path_factory.mktemp("db") / "fixtures.db"
    result = cli.run("index", "--db", db, FIXTURES)
    assert result.returncode == 0, result.stderr
    return db


SHARED_DATA = pathlib.Path(os.environ.get("VANKIEN_SHARED_DATA", ROOT.parent / "shared" / "data"))
WORDS = ("đảng bộ huyện ủy ban thường vụ nghị quyết lãnh đạo chỉ đạo đổi mới công tác cán bộ "
         "đảng viên tổ chức cơ sở kiểm tra giám sát kinh tế xã hội nông thôn mới đại hội nhiệm kỳ "
         "hòa thuý khỏe người văn hóa giáo dục quốc phòng an ninh").split()


def write_corpus(path: pathlib.Path, count: int) -> list:
    """Writes `count` documents as JSON Lines, the first articles of VNTC when
    ../shared/data has them, generated text otherwise; returns their ids in order."""
    import gzip
    import random

    vntc = SHARED_DATA / "vntc" / "vntc_train_full.jsonl.gz"
    ids = []
    with path.open("w", encoding="utf-8") as out:
        if vntc.exists():
            with gzip.open(vntc, "rt", encoding="utf-8") as source:
                for line in source:
                    if len(ids) == count:
                        break
                    article = json.loads(line)
                    ids.append(f"doc-{len(ids)}")
                    out.write(json.dumps({"id": ids[-1], "text": article["text"]},
                                         ensure_ascii=False) + "\n")
        rng = random.Random(2026)
        while len(ids) < count:
            ids.append(f"doc-{len(ids)}")
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(200, 600)))
            out.write(json.dumps({"id": ids[-1], "text": text}, ensure_ascii=False) + "\n")
    return ids

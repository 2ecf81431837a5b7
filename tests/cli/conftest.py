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

"""`vankien serve` over real sockets on 127.0.0.1: the API's answers, access
keys, refusals, slow clients, a writer committing under load, graceful stop,
logs and CORS (docs/HTTP.md). Every wait is bounded."""
import concurrent.futures
import contextlib
import http.client
import json
import os
import select
import signal
import socket
import subprocess
import threading
import time

import pytest

from conftest import ROOT
from servers import free_port, listening_addresses, server

CORPUS = ROOT / "examples" / "corpus"
RESTRICTED_ID = str(CORPUS / "documents" / "13-kh-hu-van-lang.txt")  # marked MẬT


@pytest.fixture(scope="module")
def sample_db(cli, tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "sample.db"
    result = cli.run("index", "--db", db, CORPUS)
    assert result.returncode == 0, result.stderr
    return db


@contextlib.contextmanager
def serving(cli, db, *extra, log_path=None):
    port = free_port()
    args = [cli.binary, "serve", "--db", db, "--listen", f"127.0.0.1:{port}", *extra]
    with server(args, port, log_path) as process:
        yield port, process


def request(port, target, method="GET", headers=None, body=None, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        payload = response.read()
        return response.status, dict(response.getheaders()), payload
    finally:
        connection.close()


def get_json(port, target, headers=None):
    status, response_headers, payload = request(port, target, headers=headers)
    assert response_headers["Content-Type"] == "application/json; charset=utf-8"
    return status, json.loads(payload)


def test_each_endpoint_answers_json(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, _):
        status, search = get_json(port, "/search?q=phuong+thuc+lanh+dao&limit=3&facets=all")
        assert status == 200
        assert search["total"] >= 3 and len(search["hits"]) == 3
        assert search["suggestion"] == "phương thức lãnh đạo"
        assert set(search["facets"]) == {"district", "province", "term", "topic", "type", "year"}
        first = search["hits"][0]
        assert first["rank"] == 1 and "<mark>" in first["snippet"]["html"]
        assert "source" not in first

        status, document = get_json(port, "/documents/" + first["id"].replace("/", "%2F"))
        assert status == 200 and document["id"] == first["id"] and document["body"]

        status, suggest = get_json(port, "/suggest?q=nong+thon+moi")
        assert (status, suggest["suggestion"]) == (200, "nông thôn mới")
        # The reading weighs the best hits' passages, as /search's does.
        for q in ("dan+van+kheo", "phat+huy+dan+chu+co+so", "quoc+phong+an+ninh"):
            suggested = get_json(port, f"/suggest?q={q}")[1]["suggestion"]
            assert suggested == get_json(port, f"/search?q={q}")[1]["suggestion"]
        assert get_json(port, "/suggest?q=dan+van+kheo")[1]["suggestion"] == "dân vận khéo"
        status, stats = get_json(port, "/stats")
        assert status == 200 and stats["documents"] > 40
        # The dictionary's and the files' sizes would tell of the restricted documents.
        assert (stats["terms"], stats["bytes_on_disk"]) == (0, 0)
        assert get_json(port, "/health") == (200, {"status": "ok", "missing_shards": []})

        status, headers, page = request(port, "/")
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert b'lang="vi"' in page
        for name in ("/app.js", "/style.css"):
            assert request(port, name)[0] == 200
        assert request(port, "/../../etc/passwd")[0] == 404


def test_the_server_binds_loopback_unless_told_otherwise(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, _):
        assert listening_addresses(port) == {"127.0.0.1"}
    bad = cli.run("serve", "--db", sample_db, "--listen", "localhost")
    assert bad.returncode == 2 and "HOST:PORT" in bad.stderr
    no_page = cli.run("serve", "--db", sample_db, "--listen", "127.0.0.1:0", "--web", sample_db.parent / "nowhere")
    assert no_page.returncode == 2 and "no index.html" in no_page.stderr


def test_port_zero_takes_a_free_port_and_says_which(cli, sample_db):
    process = subprocess.Popen([cli.binary, "serve", "--db", str(sample_db), "--listen", "127.0.0.1:0", "--quiet"],
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        # The server's first line, written once it listens; waited for at most 15 s.
        ready, _, _ = select.select([process.stderr], [], [], 15)
        assert ready, "no line from vankien serve in 15 s"
        line = process.stderr.readline()
        assert line.startswith("vankien serve: listening on http://127.0.0.1:")
        port = int(line.rsplit(":", 1)[1].strip().rstrip("/"))
        assert get_json(port, "/health")[0] == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0


def test_restricted_documents_need_a_key(cli, sample_db, tmp_path):
    keys = tmp_path / "keys"
    made = cli.run("keys", "add", "--keys", keys, "--clearance", "mat", "--name", "luu-tru")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip()
    assert key.startswith("vk_") and key not in keys.read_text()
    listed = cli.run("keys", "list", "--keys", keys)
    assert "confidential\tluu-tru" in listed.stdout and key not in listed.stdout

    with serving(cli, sample_db, "--quiet", "--keys", keys) as (port, _):
        target = "/search?q=dan+chu+co+so&limit=50"
        ids = lambda body: {hit["id"] for hit in body["hits"]}  # noqa: E731
        status, public = get_json(port, target)
        assert status == 200 and RESTRICTED_ID not in ids(public)
        status, cleared = get_json(port, target, {"Authorization": f"Bearer {key}"})
        assert status == 200 and RESTRICTED_ID in ids(cleared)
        document = "/documents/" + RESTRICTED_ID.replace("/", "%2F")
        assert get_json(port, document)[0] == 404
        assert get_json(port, document, {"Authorization": f"Bearer {key}"})[0] == 200
        status, wrong = get_json(port, target, {"Authorization": f"Bearer {key[:-1]}x"})
        assert (status, wrong["error"]["code"]) == (401, "unauthorized")

        # A key added while the server runs is taken up at its next refresh;
        # one removed stops working.
        later = cli.run("keys", "add", "--keys", keys, "--clearance", "mat", "--name", "later").stdout.strip()
        assert cli.run("keys", "remove", "--keys", keys, "luu-tru").returncode == 0
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if get_json(port, target, {"Authorization": f"Bearer {later}"})[0] == 200:
                break
            time.sleep(0.1)
        assert get_json(port, target, {"Authorization": f"Bearer {later}"})[0] == 200
        assert get_json(port, target, {"Authorization": f"Bearer {key}"})[0] == 401


def raw_exchange(port, data: bytes, timeout=5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        with contextlib.suppress(socket.timeout, ConnectionResetError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)


@pytest.mark.parametrize("target, status, code", [
    ("/search?q=%FF%FE", 400, "bad_query"),             # not UTF-8
    ("/search?q=%E1%BB", 400, "bad_query"),             # a character cut short
    ("/search?q=%zz", 400, "bad_query"),                # a malformed escape
    ("/search?limit=100000000", 400, "bad_query"),      # a huge limit
    ("/search?offset=-5", 400, "bad_query"),            # a negative offset
    ("/search?offset=100000", 400, "bad_query"),        # past the most a search returns
    ("/search?limit=", 400, "bad_query"),
    ("/search?district", 200, None),                    # an empty filter is no filter
    ("/search?" + "q=a&" * 3, 400, "bad_query"),        # a parameter twice
    ("/search?q=" + "a" * 9000, 414, "bad_query"),      # longer than any request line
    ("/documents/no-such-id", 404, "not_found"),
])
def test_malformed_requests_get_a_json_error(cli, sample_db, target, status, code):
    with serving(cli, sample_db, "--quiet") as (port, _):
        got, headers, payload = request(port, target)
        assert got == status
        if code:
            assert json.loads(payload)["error"]["code"] == code


def test_a_large_body_is_refused_before_it_is_read(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, _):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"GET /search HTTP/1.1\r\nHost: t\r\nContent-Length: 52428800\r\n\r\n")
            answer = b""  # the answer comes while the 50 MB are still unsent
            while not answer.endswith(b"}}") and (chunk := sock.recv(65536)):
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 413")
            assert b'"too_large"' in answer
            sent = 0
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(50):
                    sent += sock.send(b"x" * 1_000_000)
            assert sent < 50_000_000  # the server closed the connection rather than read on
        answer = raw_exchange(port, b"POST /search HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello")
        assert answer.startswith(b"HTTP/1.1 405") and b'"method_not_allowed"' in answer
        assert get_json(port, "/health")[0] == 200


def test_slow_clients_do_not_starve_the_pool_past_the_read_timeout(cli, sample_db):
    with serving(cli, sample_db, "--quiet", "--connections", "2", "--read-timeout", "1") as (port, _):
        stalled = []
        try:
            for _ in range(6):  # three times the workers, each with unfinished headers
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                sock.sendall(b"GET /search?q=a HTTP/1.1\r\nHost: t\r\n")
                stalled.append(sock)
            started = time.monotonic()
            status, _ = get_json(port, "/health")
            waited = time.monotonic() - started
        finally:
            for sock in stalled:
                sock.close()
        assert status == 200
        # Each stalled connection holds a worker for one read timeout; two
        # workers clear six in three, plus scheduling slack.
        assert waited < 8


def test_stop_lets_the_request_in_flight_finish(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, process):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET /search?q=nghi+quyet HTTP/1.1\r\nHost: t\r\nConnection: close\r\n")
        time.sleep(0.2)  # the request is in a worker's hands, headers unfinished
        os.kill(process.pid, signal.SIGTERM)
        time.sleep(0.2)
        sock.sendall(b"\r\n")
        answer = b""
        with contextlib.suppress(socket.timeout):
            while chunk := sock.recv(65536):
                answer += chunk
        sock.close()
        assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
        assert process.wait(timeout=10) == 0
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_a_commit_is_seen_without_a_restart_and_no_request_fails_under_load(cli, sample_db, tmp_path):
    db = tmp_path / "live.db"
    assert cli.run("index", "--db", db, CORPUS / "articles").returncode == 0
    failures, answered = [], [0]
    stop = threading.Event()

    def client(number):
        while not stop.is_set():
            try:
                status, body = get_json(port, f"/search?q=can+bo+dang+vien&facets=district&offset={number % 3}")
                if status != 200:
                    failures.append((status, body))
                answered[0] += 1
            except Exception as error:  # noqa: BLE001 - every failure is counted
                failures.append(repr(error))

    with serving(cli, db, "--quiet", "--refresh", "100", "--connections", "8") as (port, _):
        with concurrent.futures.ThreadPoolExecutor(32) as pool:
            clients = [pool.submit(client, n) for n in range(32)]
            try:
                # A writer commits three times while the 32 clients search.
                for folder in ("documents", "jsonl", "xml"):
                    result = cli.run("index", "--db", db, CORPUS / folder)
                    assert result.returncode == 0, result.stderr
            finally:
                time.sleep(1)
                stop.set()
                for future in clients:
                    future.result(timeout=30)
        assert failures == []
        assert answered[0] > 100
        deadline = time.monotonic() + 10
        while get_json(port, "/search?q=&limit=0")[1]["total"] < 40 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert get_json(port, "/search?q=&limit=0")[1]["total"] >= 40  # the committed documents are seen


def test_one_log_line_per_request_with_the_peer_from_the_socket(cli, sample_db, tmp_path):
    log = tmp_path / "serve.log"
    with serving(cli, sample_db, log_path=log) as (port, _):
        request(port, "/search?q=dan+van", headers={"REMOTE_ADDR": "203.0.113.9", "X-Forwarded-For": "203.0.113.9",
                                                    "Authorization": "Bearer vk_secret_never_logged"})
        request(port, "/nowhere")
    lines = [line for line in log.read_text().splitlines() if " GET " in line]
    assert len(lines) == 2
    assert lines[0].split()[1:5] == ["127.0.0.1", "GET", "/search?q=dan+van", "401"]
    assert lines[1].split()[3:5] == ["/nowhere", "404"]
    assert all(line.endswith("ms") for line in lines)
    text = log.read_text()
    assert "203.0.113.9" not in text and "vk_secret" not in text

    quiet_log = tmp_path / "quiet.log"
    with serving(cli, sample_db, "--quiet", log_path=quiet_log) as (port, _):
        request(port, "/health")
    assert " GET " not in quiet_log.read_text()


def test_cors_only_when_asked_for(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, _):
        _, headers, _ = request(port, "/health", headers={"Origin": "https://portal.example"})
        assert "Access-Control-Allow-Origin" not in headers
        assert request(port, "/search", method="OPTIONS")[0] == 405
    with serving(cli, sample_db, "--quiet", "--cors", "https://portal.example") as (port, _):
        _, headers, _ = request(port, "/health", headers={"Origin": "https://portal.example"})
        assert headers["Access-Control-Allow-Origin"] == "https://portal.example"
        status, headers, _ = request(port, "/search", method="OPTIONS",
                                     headers={"Origin": "https://portal.example",
                                              "Access-Control-Request-Headers": "authorization"})
        assert status == 204 and "Authorization" in headers["Access-Control-Allow-Headers"]
        # A refusal is readable by the page too.
        status, headers, _ = request(port, "/search", method="POST", body=b"{}",
                                     headers={"Origin": "https://portal.example"})
        assert status == 405 and headers["Access-Control-Allow-Origin"] == "https://portal.example"


def read_all(sock, seconds=5.0) -> bytes:
    """Everything the server sends until it closes the connection (bounded)."""
    sock.settimeout(seconds)
    data = b""
    with contextlib.suppress(socket.timeout, ConnectionResetError):
        while chunk := sock.recv(65536):
            data += chunk
    return data


@pytest.mark.parametrize("request_bytes", [
    # A small body holding a request of its own: never read as a second request.
    b"GET /health HTTP/1.1\r\nHost: t\r\nContent-Length: 44\r\n\r\nGET /documents/zzz HTTP/1.1\r\nHost: t\r\n\r\n",
    b"HEAD /health HTTP/1.1\r\nHost: t\r\nContent-Length: 44\r\n\r\nGET /documents/zzz HTTP/1.1\r\nHost: t\r\n\r\n",
    b"GET /health HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /stats HTTP/1.1\r\nHost: t\r\n\r\n",
    b"GET /health HTTP/1.1\r\nHost: t\r\nContent-Length: x\r\n\r\nGET /stats HTTP/1.1\r\nHost: t\r\n\r\n",
], ids=["get-body", "head-body", "chunked", "bad-length"])
def test_a_request_with_a_body_gets_one_answer_and_its_connection_closes(cli, sample_db, request_bytes):
    with serving(cli, sample_db, "--quiet") as (port, _):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(request_bytes)
            started = time.monotonic()
            answer = read_all(sock)
        assert time.monotonic() - started < 4  # closed by the server, not by the read timeout
        assert answer.count(b"HTTP/1.1 ") == 1, answer
        assert answer.startswith(b"HTTP/1.1 413")


def test_a_body_announced_with_expect_100_continue_is_refused_first(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, _):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"GET /search HTTP/1.1\r\nHost: t\r\nContent-Length: 52428800\r\nExpect: 100-continue\r\n\r\n")
            answer = read_all(sock)
        assert answer.startswith(b"HTTP/1.1 413") and b"100 Continue" not in answer


def test_ranges_are_not_served(cli, sample_db):
    with serving(cli, sample_db, "--quiet") as (port, _):
        status, headers, payload = request(port, "/health", headers={"Range": "bytes=0-5"})
        assert status == 200 and "Content-Range" not in headers
        assert json.loads(payload)["status"] == "ok"


def test_control_bytes_of_a_request_are_escaped_in_the_log(cli, sample_db, tmp_path):
    log = tmp_path / "serve.log"
    with serving(cli, sample_db, log_path=log) as (port, _):
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            sock.sendall(b"GET /x\x1b[31mRED\x07 HTTP/1.1\r\nHost: t\r\n\r\n")
            read_all(sock, 2)
    text = log.read_text(errors="replace")
    assert "\x1b" not in text and "\x07" not in text
    assert "/x%1B[31mRED%07 404" in text


def test_a_stop_as_the_server_starts_is_not_lost(cli, sample_db):
    for delay in (0.0, 0.005, 0.01, 0.02, 0.05):
        process = subprocess.Popen([cli.binary, "serve", "--db", str(sample_db), "--listen", "127.0.0.1:0", "--quiet"],
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            time.sleep(delay)
            process.send_signal(signal.SIGTERM)
            # Before the server blocks the signal (still loading), it dies of
            # it; after, it stops cleanly: either way it ends.
            assert process.wait(timeout=10) in (0, -signal.SIGTERM), delay
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=5)


def trickling_client(port, stop):
    """Sends a request one byte at a time, each within the read timeout."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        for byte in b"GET /search?q=" + b"a" * 200:
            if stop.is_set():
                return
            with contextlib.suppress(OSError):
                sock.send(bytes([byte]))
            time.sleep(0.2)


@pytest.mark.parametrize("second_signal", [False, True])
def test_a_client_that_never_finishes_cannot_keep_the_server_from_stopping(cli, sample_db, second_signal):
    with serving(cli, sample_db, "--grace", "1", "--read-timeout", "5") as (port, process):
        stop = threading.Event()
        client = threading.Thread(target=trickling_client, args=(port, stop))
        client.start()
        try:
            time.sleep(0.5)
            process.send_signal(signal.SIGTERM)
            if second_signal:
                time.sleep(0.2)
                process.send_signal(signal.SIGINT)
            started = time.monotonic()
            assert process.wait(timeout=10) == 1
            assert time.monotonic() - started < (1 if second_signal else 4)
        finally:
            stop.set()
            client.join(timeout=30)


def test_an_unreadable_keys_file_accepts_no_key_until_fixed(cli, sample_db, tmp_path):
    keys = tmp_path / "keys"
    key = cli.run("keys", "add", "--keys", keys, "--clearance", "mat").stdout.strip()
    good = keys.read_text()
    target = "/search?q=ke+hoach"
    authorised = {"Authorization": f"Bearer {key}"}

    def settles(status):
        deadline = time.monotonic() + 10
        while get_json(port, target, authorised)[0] != status and time.monotonic() < deadline:
            time.sleep(0.05)
        return get_json(port, target, authorised)[0] == status

    with serving(cli, sample_db, "--quiet", "--keys", keys, "--refresh", "50") as (port, _):
        assert settles(200)
        keys.write_text(good + "this line is not a key\n")
        assert settles(401)
        assert get_json(port, target)[0] == 200  # callers without a key are still public
        keys.write_text(good)
        assert settles(200)

"""Servers for tests: started on 127.0.0.1 on a free port in their own session
(xapian-tcpsrv answers SIGTERM by killing its whole process group), waited for
with a bounded loop, stopped by pid."""
import contextlib
import os
import pathlib
import signal
import socket
import subprocess
import time

START_SECONDS = 10
STOP_SECONDS = 5


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.args}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {seconds} s: {process.args}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGCONT)  # a paused one must run to stop
        os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)


@contextlib.contextmanager
def server(args, port: int, log_path=None):
    """Runs `args` (which must listen on `port`) for the duration of the block."""
    log = open(log_path, "w") if log_path else subprocess.DEVNULL
    process = subprocess.Popen([str(a) for a in args], stdout=log, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        wait_for_port(port, process)
        yield process
    finally:
        stop(process)
        if log_path:
            log.close()


def tcpsrv(database, port: int, *extra):
    return server(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port, "--quiet", *extra, database], port)


def listening_addresses(port: int) -> set:
    """The local addresses listening on `port`, from /proc/net/tcp (state 0A)."""
    addresses = set()
    for line in pathlib.Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, hex_port = local.split(":")
        if state == "0A" and int(hex_port, 16) == port:
            addresses.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return addresses

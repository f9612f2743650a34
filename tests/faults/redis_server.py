"""A private redis-server for the fault tests: on a Unix socket in a fresh
folder, so it can be stopped and started beside other test workers."""

import contextlib
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis


class RedisServer:
    """A private redis-server that can be stopped and started again on the
    same socket; `keep=True` saves its keys on the way down, so it comes
    back with them (as a Redis with persistence does)."""

    def __init__(self):
        server = shutil.which("redis-server")
        assert server, "redis-server is missing. Install it with: apt-get install -y redis-server (or make redis)"
        self.server = server
        self.folder = Path(tempfile.mkdtemp(prefix="steady-redis-down-"))
        self.socket = self.folder / "redis.sock"
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [self.server, "--port", "0", "--unixsocket", str(self.socket), "--dir", str(self.folder)]
            + ["--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis(unix_socket_path=str(self.socket)).ping()
                return
            except redis.exceptions.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def stop(self, *, keep=False):
        if keep:
            with contextlib.suppress(redis.exceptions.ConnectionError):  # it answers SHUTDOWN by going away
                redis.Redis(unix_socket_path=str(self.socket)).shutdown(save=True)
        else:
            self.process.terminate()
        self.process.wait(timeout=10)
        assert not self.socket.exists()

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)

"""Starting and stopping the servers the conformance tests talk to:
fakeaws-server (the path comes from ctest) and moto_server, each on a free
port of 127.0.0.1, each stopped by its own process id."""
import os
import socket
import subprocess
import sys
import time
import urllib.request

SKIP = 77  # ctest SKIP_RETURN_CODE


def skip(reason):
    print("SKIPPED: " + reason)
    sys.exit(SKIP)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, argv, endpoint=None):
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.endpoint = endpoint

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_fakeaws(server_path):
    """fakeaws-server prints "fakeaws-server listening on <endpoint>" first."""
    server = Server([server_path, "--port", "0"])
    line = server.process.stdout.readline()
    if "listening on" not in line:
        server.stop()
        raise RuntimeError("fakeaws-server did not start: " + line)
    server.endpoint = line.split()[-1]
    return server


def start_moto():
    port = free_port()
    server = Server(["moto_server", "-p", str(port)], "http://127.0.0.1:%d" % port)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(server.endpoint + "/moto-api/", timeout=1).read()
            return server
        except Exception:
            if server.process.poll() is not None:
                raise RuntimeError("moto_server exited: " + server.process.stdout.read())
            time.sleep(0.2)
    server.stop()
    raise RuntimeError("moto_server did not answer within 30 s")


def server_path_from_argv():
    if len(sys.argv) < 2 or not os.path.exists(sys.argv[1]):
        raise SystemExit("usage: %s <path to fakeaws-server>" % sys.argv[0])
    return sys.argv.pop(1)

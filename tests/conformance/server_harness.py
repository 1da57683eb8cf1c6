"""fakeaws-server in a child process for the conformance tests: started on a
free port (--port 0, the endpoint read from its first line), driven through
its control API, stopped with SIGTERM by its own process id.

Usage from a test script:
    server = FakeawsServer(server_path_from_argv(), "--clock", "virtual")
    try: ... server.endpoint ... server.control("POST", "/forecasts", {...})
    finally: server.stop()
"""
import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request

SKIP = 77  # ctest SKIP_RETURN_CODE

# Dummy credentials: the fake accepts any unless told to verify signatures.
CLIENT_ENV = {"AWS_ACCESS_KEY_ID": "fakeaws", "AWS_SECRET_ACCESS_KEY": "fakeaws",
              "AWS_DEFAULT_REGION": "us-east-1"}


def skip(reason):
    print("SKIPPED: " + reason)
    sys.exit(SKIP)


def server_path_from_argv():
    if len(sys.argv) < 2 or not os.path.exists(sys.argv[1]):
        raise SystemExit("usage: %s <path to fakeaws-server>" % sys.argv[0])
    return sys.argv.pop(1)


class ControlError(Exception):
    def __init__(self, status, body):
        super().__init__("%d %s" % (status, body))
        self.status = status
        self.body = body


class FakeawsServer:
    def __init__(self, path, *flags):
        self.process = subprocess.Popen([path, "--port", "0", *flags], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        first = self.process.stdout.readline()
        if "listening on" not in first:
            self.process.kill()
            raise RuntimeError("fakeaws-server did not start: %r %s" % (first, self.process.stderr.read()))
        self.endpoint = first.split()[-1]
        # Everything else it printed at start (export lines, the demo).
        self.banner = [first]
        while True:
            line = self.process.stdout.readline()
            if not line:
                break
            self.banner.append(line)
            if line.startswith("export AWS_DEFAULT_REGION"):
                if "--demo" not in flags:
                    break
            if line.startswith("aws s3 cp"):
                break

    def control(self, method, path, body=None, raw=None):
        """One control API call; returns the decoded JSON answer."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.endpoint + "/_fakeaws" + path, data=data, method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as e:
            raise ControlError(e.code, e.read().decode()) from None

    def signal(self, signum=signal.SIGTERM, timeout=10):
        """Sends `signum` and returns the exit code."""
        self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream and not stream.closed:
                stream.close()


def boto3_client(service, endpoint, **config):
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        skip("boto3 is not installed")
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        aws_access_key_id="fakeaws", aws_secret_access_key="fakeaws",
                        config=Config(retries={"max_attempts": 1}, **config))

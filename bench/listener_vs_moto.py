#!/usr/bin/env python3
"""fakeaws-server side by side with moto_server and a bare cpp-httplib server
answering a constant body: the time from process start to the first answered
request (median of 20 runs) and requests per second at 1, 4 and 16 keep-alive
connections for a Forecast Describe and an S3 GetObject of 1 KiB. Prints the
ratios against the targets of issue #4:

    start <= 5 ms in process (fakeaws_listener_bench), >= 30x moto_server's
    req/s, >= 80% of the bare cpp-httplib server's req/s.

moto implements no Forecast export job or forecast, so its Describe column is
DescribeDatasetGroup, the one Forecast Describe it has (wire-format.md §1.5).
Load comes from bench/load_client.cc (one thread per connection, the same
raw request over and over); all three servers and the client share the
machine's cores, as they would in a test run.

Usage: bench/listener_vs_moto.py [build-dir] [--seconds 2] [--runs 20] [--rounds 3]"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCOUNT = "123456789012"
DATE = "20260101T000000Z"
OBJECT = b"x" * 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def signed_headers(service, port):
    # A botocore-shaped signature: the servers here do not verify it, but they
    # parse the header (moto picks the service from its credential scope).
    return ["Host: 127.0.0.1:%d" % port,
            "User-Agent: Boto3/1.43.11 md/Botocore#1.43.11 ua/2.1 os/linux lang/python#3.11.7 Botocore/1.43.11",
            "X-Amz-Date: " + DATE,
            "Authorization: AWS4-HMAC-SHA256 Credential=fakeaws/20260101/us-east-1/%s/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=%s" % (service, "0" * 64),
            "amz-sdk-invocation-id: 3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "amz-sdk-request: attempt=1"]


def json_request(port, operation, body):
    payload = json.dumps(body).encode()
    head = ["POST / HTTP/1.1", "X-Amz-Target: AmazonForecast." + operation,
            "Content-Type: application/x-amz-json-1.1", *signed_headers("forecast", port),
            "Content-Length: %d" % len(payload)]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


def get_request(port, path):
    head = ["GET %s HTTP/1.1" % path, *signed_headers("s3", port),
            "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]
    return ("\r\n".join(head) + "\r\n\r\n").encode()


def answer(port, request, timeout=5.0):
    """Sends one request on a new connection; returns the status or None."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(request)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    return None
                data += chunk
            return int(data.split(b" ", 2)[1])
    except OSError:
        return None


class Server:
    def __init__(self, name, argv, port):
        self.name, self.port = name, port
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_ready(self, request, deadline=60.0):
        end = time.perf_counter() + deadline
        while time.perf_counter() < end:
            if answer(self.port, request, timeout=2) is not None:
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.0005)
        return False

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def spawn(kind, build, port):
    if kind == "fakeaws":
        return Server(kind, [os.path.join(build, "fake", "fakeaws-server"), "--port", str(port)], port)
    if kind == "moto":
        return Server(kind, ["moto_server", "-p", str(port)], port)
    return Server(kind, [os.path.join(build, "bench", "fakeaws_bare_httplib"), "--port", str(port),
                         "--body-bytes", "512"], port)


def probe(kind, port):
    if kind == "fakeaws":
        return json_request(port, "ListForecasts", {})
    if kind == "moto":
        return json_request(port, "ListDatasetGroups", {})
    return get_request(port, "/")


def startup_ms(kind, build, runs):
    times = []
    for _ in range(runs):
        port = free_port()
        t0 = time.perf_counter()
        server = spawn(kind, build, port)
        ready = server.wait_ready(probe(kind, port))
        elapsed = (time.perf_counter() - t0) * 1000
        server.stop()
        if not ready:
            return None
        times.append(elapsed)
    return statistics.median(times)


def client(kind, endpoint):
    import boto3
    from botocore.config import Config
    return boto3.client(kind, endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="fakeaws",
                        aws_secret_access_key="fakeaws", config=Config(retries={"max_attempts": 1}))


def seed(kind, port):
    """Prepares what the two requests read; returns {op: request bytes or None}."""
    endpoint = "http://127.0.0.1:%d" % port
    requests = {}
    if kind == "bare":
        return {"describe": get_request(port, "/"), "get_1k": get_request(port, "/bench/obj")}
    forecast = client("forecast", endpoint)
    if kind == "fakeaws":
        urllib.request.urlopen(urllib.request.Request(
            endpoint + "/_fakeaws/forecasts", data=b'{"name":"demand"}', method="POST")).read()
        urllib.request.urlopen(urllib.request.Request(
            endpoint + "/_fakeaws/buckets", data=b'{"name":"bench"}', method="POST")).read()
        arn = forecast.create_forecast_export_job(
            ForecastExportJobName="bench", ForecastArn="arn:aws:forecast:us-east-1:%s:forecast/demand" % ACCOUNT,
            Destination={"S3Config": {"Path": "s3://bench/out/", "RoleArn": "arn:aws:iam::%s:role/R" % ACCOUNT}},
        )["ForecastExportJobArn"]
        requests["describe"] = json_request(port, "DescribeForecastExportJob", {"ForecastExportJobArn": arn})
    else:
        arn = forecast.create_dataset_group(DatasetGroupName="bench", Domain="RETAIL")["DatasetGroupArn"]
        requests["describe"] = json_request(port, "DescribeDatasetGroup", {"DatasetGroupArn": arn})
    try:
        s3 = client("s3", endpoint)
        if kind == "moto":
            s3.create_bucket(Bucket="bench")
        s3.put_object(Bucket="bench", Key="obj", Body=OBJECT)
        requests["get_1k"] = get_request(port, "/bench/obj")
    except Exception as e:  # the S3 wire may not be there yet
        print("  %s: no S3 GetObject (%s)" % (kind, str(e).splitlines()[0]), file=sys.stderr)
        requests["get_1k"] = None
    return requests


def cpu_seconds(pid):
    """User plus system CPU time a process (all its threads) has used."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(build, port, request, connections, seconds):
    with tempfile.NamedTemporaryFile(suffix=".http") as f:
        f.write(request)
        f.flush()
        out = subprocess.run([os.path.join(build, "bench", "fakeaws_load"), "--port", str(port),
                              "--connections", str(connections), "--seconds", str(seconds),
                              "--request", f.name], capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    return result if result["errors"] == 0 else dict(result, rps=None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("moto_server") is None:
        sys.exit("moto_server is not installed")

    in_process = json.loads(subprocess.run([os.path.join(args.build, "bench", "fakeaws_listener_bench")],
                                           capture_output=True, text=True, check=True).stdout)
    kinds = ["fakeaws", "moto", "bare"]
    start = {k: startup_ms(k, args.build, args.runs) for k in kinds}
    # All three serve at once and take turns, round after round, so a burst
    # of other work on the machine falls on every column alike; each figure
    # is the median of its rounds.
    servers, requests = {}, {}
    try:
        for kind in kinds:
            port = free_port()
            servers[kind] = spawn(kind, args.build, port)
            if not servers[kind].wait_ready(probe(kind, port)):
                sys.exit("%s did not start" % kind)
            requests[kind] = seed(kind, port)
        samples, cpu = {}, {}
        for _ in range(args.rounds):
            for op in ("describe", "get_1k"):
                for connections in (1, 4, 16):
                    for kind in kinds:
                        request = requests[kind][op]
                        before = cpu_seconds(servers[kind].process.pid)
                        result = load(args.build, servers[kind].port, request, connections, args.seconds) if request else None
                        used = cpu_seconds(servers[kind].process.pid) - before
                        samples.setdefault((kind, op, connections), []).append(result["rps"] if result else None)
                        # The server's own CPU per answer (warm-up included): unlike req/s it
                        # hardly moves when other work shares the machine.
                        cpu.setdefault((kind, op, connections), []).append(
                            used * 1e6 / result["answers"] if result and result["answers"] else None)
    finally:
        for server in servers.values():
            server.stop()
    rps = {key: (None if None in values else statistics.median(values)) for key, values in samples.items()}
    cpu_us = {key: (None if None in values else statistics.median(values)) for key, values in cpu.items()}

    def fmt(v, unit=""):
        return "n/a" if v is None else ("%.0f%s" % (v, unit) if v >= 100 else "%.2f%s" % (v, unit))

    def ratio(a, b):
        return None if a is None or b is None or b == 0 else a / b

    print("in process: Fake + Listener.Start() %.2f ms, to first answer %.2f ms (target <= 5 ms); "
          "Stop() with 16 idle keep-alive connections %.2f ms  [median of %d]" %
          (in_process["start_us"] / 1000, in_process["start_to_first_answer_us"] / 1000,
           in_process["stop_with_16_idle_us"] / 1000, in_process["runs"]))
    print("req/s: median of %d rounds of %.0f s each, the servers taking turns" % (args.rounds, args.seconds))
    print("%-28s %10s %10s %10s %12s %12s" % ("", "fakeaws", "moto", "bare", "vs moto", "vs bare"))
    print("%-28s %10s %10s %10s %12s %12s" % (
        "process start->answer (ms)", fmt(start["fakeaws"]), fmt(start["moto"]), fmt(start["bare"]),
        fmt(ratio(start["moto"], start["fakeaws"]), "x faster"), ""))
    for op, label in (("describe", "Forecast Describe"), ("get_1k", "S3 GetObject 1 KiB")):
        for c in (1, 4, 16):
            f, m, b = rps[("fakeaws", op, c)], rps[("moto", op, c)], rps[("bare", op, c)]
            vs_moto, vs_bare = ratio(f, m), ratio(f, b)
            print("%-28s %10s %10s %10s %12s %12s" % (
                "%s req/s, %d conn" % (label, c), fmt(f), fmt(m), fmt(b),
                fmt(vs_moto, "x") + (" ok" if vs_moto and vs_moto >= 30 else " LOW" if vs_moto else ""),
                ("%.0f%%" % (vs_bare * 100) + (" ok" if vs_bare >= 0.8 else " LOW")) if vs_bare else "n/a"))
    print("server CPU per answer (us), the same runs; 'vs bare' is bare's CPU over fakeaws's:")
    for op, label in (("describe", "Forecast Describe"), ("get_1k", "S3 GetObject 1 KiB")):
        for c in (1, 4, 16):
            f, m, b = cpu_us[("fakeaws", op, c)], cpu_us[("moto", op, c)], cpu_us[("bare", op, c)]
            print("%-28s %10s %10s %10s %12s %12s" % (
                "%s, %d conn" % (label, c), fmt(f), fmt(m), fmt(b),
                fmt(ratio(m, f), "x"), ("%.0f%%" % (ratio(b, f) * 100)) if ratio(b, f) else "n/a"))


if __name__ == "__main__":
    main()

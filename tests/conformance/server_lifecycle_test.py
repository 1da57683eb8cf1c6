"""fakeaws-server as a process: what it prints, its exit on SIGTERM/SIGINT,
--state saved on the way out and loaded on the way in, and the control API
over HTTP.

Run by ctest: server_lifecycle_test.py <path to fakeaws-server>."""
import datetime
import email.utils
import json
import os
import signal
import subprocess
import tempfile
import unittest

from server_harness import ControlError, FakeawsServer, boto3_client, server_path_from_argv

SERVER = server_path_from_argv()
FORECAST = "arn:aws:forecast:us-east-1:123456789012:forecast/demand"


class ServerProcess(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.state = os.path.join(self.dir.name, "state.json")
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.stop()
        self.dir.cleanup()

    def start(self, *flags):
        server = FakeawsServer(SERVER, *flags)
        self.servers.append(server)
        return server

    def test_prints_the_endpoint_and_what_to_export(self):
        server = self.start()
        self.assertRegex(server.endpoint, r"^http://127\.0\.0\.1:\d+$")
        self.assertEqual(server.banner, [
            "fakeaws-server listening on %s\n" % server.endpoint,
            "export AWS_ENDPOINT_URL=%s\n" % server.endpoint,
            "export AWS_ACCESS_KEY_ID=fakeaws\n",
            "export AWS_SECRET_ACCESS_KEY=fakeaws\n",
            "export AWS_DEFAULT_REGION=us-east-1\n",
        ])
        self.assertEqual(server.signal(signal.SIGTERM), 0)

    def test_sigterm_saves_the_state_and_the_next_start_loads_it(self):
        server = self.start("--state", self.state)
        server.control("POST", "/clock", {"mode": "manual"})
        server.control("POST", "/buckets", {"name": "exports"})
        server.control("POST", "/forecasts", {"name": "demand", "series": ["a", "b"]})
        forecast = boto3_client("forecast", server.endpoint)
        job = forecast.create_forecast_export_job(
            ForecastExportJobName="kept", ForecastArn=FORECAST,
            Destination={"S3Config": {"Path": "s3://exports/kept/",
                                      "RoleArn": "arn:aws:iam::123456789012:role/R"}})["ForecastExportJobArn"]
        server.control("POST", "/clock", {"advance_ms": 1000})
        saved_clock = server.control("GET", "/clock")
        self.assertEqual(server.signal(signal.SIGTERM), 0)
        with open(self.state) as f:
            self.assertEqual(json.load(f)["fakeaws_snapshot"], 2)

        again = self.start("--state", self.state)
        self.assertIn("# state loaded from %s\n" % self.state, again.banner)
        # The saved time goes on; the clock runs as the flags say (stepping).
        clock = again.control("GET", "/clock")
        self.assertEqual((clock["now"], clock["mode"]), (saved_clock["now"], "step"))
        forecast = boto3_client("forecast", again.endpoint)
        self.assertEqual(forecast.describe_forecast_export_job(ForecastExportJobArn=job)["Status"],
                         "CREATE_IN_PROGRESS")
        self.assertEqual(forecast.describe_forecast(ForecastArn=FORECAST)["Status"], "ACTIVE")

    def test_a_server_run_by_hand_dates_from_now(self):
        # Issue 11: buckets and answers dated 2026-01-01 by a server started
        # today looked wrong; both clock modes start at the wall time.
        for flags in ((), ("--clock", "real")):
            server = self.start(*flags)
            s3 = boto3_client("s3", server.endpoint)
            s3.create_bucket(Bucket="today")
            created = s3.list_buckets()["Buckets"][0]["CreationDate"]
            self.assertLess(abs((created - datetime.datetime.now(datetime.timezone.utc)).total_seconds()), 60,
                            (flags, created))

    def test_start_pins_the_clock(self):
        server = self.start("--start", "2026-01-01T00:00:00Z")
        self.assertEqual(server.control("GET", "/clock")["now"], "2026-01-01T00:00:00Z")
        s3 = boto3_client("s3", server.endpoint)
        s3.create_bucket(Bucket="pinned")  # the first request steps the clock one second
        self.assertEqual(s3.list_buckets()["Buckets"][0]["CreationDate"].isoformat(), "2026-01-01T00:00:01+00:00")

    def test_answers_tell_the_wall_clock_in_date(self):
        # What clients correct their clocks by (aws-sdk-cpp, the JS SDK).
        server = self.start("--start", "2026-01-01T00:00:00Z")
        s3 = boto3_client("s3", server.endpoint)
        date = s3.list_buckets()["ResponseMetadata"]["HTTPHeaders"]["date"]
        shown = email.utils.parsedate_to_datetime(date)
        self.assertLess(abs((shown - datetime.datetime.now(datetime.timezone.utc)).total_seconds()), 60, date)

    def test_sigint_saves_too(self):
        server = self.start("--state", self.state)
        server.control("POST", "/forecasts", {"name": "demand"})
        self.assertEqual(server.signal(signal.SIGINT), 0)
        again = self.start("--state", self.state)
        self.assertEqual(boto3_client("forecast", again.endpoint).describe_forecast(ForecastArn=FORECAST)["Status"],
                         "ACTIVE")

    def test_refuses_a_state_it_cannot_load(self):
        with open(self.state, "w") as f:
            f.write("{not json")
        done = subprocess.run([SERVER, "--state", self.state], capture_output=True, text=True, timeout=30)
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stderr, "fakeaws-server: cannot load %s: snapshot: not a JSON object\n" % self.state)

        server = self.start("--state", self.state + ".2")
        self.assertEqual(server.signal(signal.SIGTERM), 0)
        done = subprocess.run([SERVER, "--state", self.state + ".2", "--account", "111111111111"],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(done.returncode, 1)
        self.assertIn("taken with account 123456789012", done.stderr)

    def test_bad_flags_are_usage_errors(self):
        for flags in (["--clock", "sometimes"], ["--port", "http"], ["--nope", "1"], ["--port"]):
            done = subprocess.run([SERVER, *flags], capture_output=True, text=True, timeout=30)
            self.assertEqual(done.returncode, 2, flags)
            self.assertIn("usage: fakeaws-server", done.stderr)

    def test_the_control_api_over_http(self):
        server = self.start()
        self.assertEqual(server.control("GET", "/health"),
                         {"status": "ok", "account_id": "123456789012", "region": "us-east-1"})
        self.assertEqual(server.control("POST", "/forecasts", {"name": "demand"}), {"arn": FORECAST})
        with self.assertRaises(ControlError) as refused:
            server.control("POST", "/forecasts", {"name": "demand"})
        self.assertEqual(refused.exception.status, 400)
        self.assertEqual(json.loads(refused.exception.body)["error"], "ResourceAlreadyExistsException")
        with self.assertRaises(ControlError) as missing:
            server.control("GET", "/nothing")
        self.assertEqual(missing.exception.status, 404)

        # A state taken from one server restores into another.
        state = server.control("GET", "/state")
        other = self.start()
        self.assertEqual(other.control("PUT", "/state", state), {})
        self.assertEqual(boto3_client("forecast", other.endpoint).describe_forecast(ForecastArn=FORECAST)["Status"],
                         "ACTIVE")
        self.assertEqual(other.control("POST", "/reset"), {})
        self.assertEqual(boto3_client("forecast", other.endpoint).list_forecasts()["Forecasts"], [])


if __name__ == "__main__":
    unittest.main()

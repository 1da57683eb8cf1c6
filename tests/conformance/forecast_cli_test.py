"""The AWS CLI against fakeaws-server started with --demo: the command the
server prints works as printed, Describe polled from the CLI reaches ACTIVE,
an error reads as the CLI prints AWS's, and the exported files are listed
and copied with the printed `aws s3` commands.

Run by ctest: forecast_cli_test.py <path to fakeaws-server>."""
import csv
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from server_harness import CLIENT_ENV, FakeawsServer, server_path_from_argv, skip

SERVER = server_path_from_argv()
if shutil.which("aws") is None:
    skip("the aws CLI is not installed")


class AwsCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = FakeawsServer(SERVER, "--demo")
        # Only what the server told us to export, plus no user config.
        cls.env = dict(os.environ, **CLIENT_ENV, AWS_ENDPOINT_URL=cls.server.endpoint,
                       AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        # The printed commands by their verb: create-forecast-export-job, ls, cp...
        cls.printed = {line.split()[2]: line.strip() for line in cls.server.banner if line.startswith("aws ")}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def aws(self, *args, shell=None, check=True):
        done = subprocess.run(shell if shell else ["aws", *args], shell=bool(shell), env=self.env,
                              capture_output=True, text=True, timeout=120)
        if check:
            self.assertEqual(done.returncode, 0, done.stderr)
        return done

    def test_the_printed_demo_exports_and_the_files_can_be_read(self):
        self.assertIn("export AWS_ENDPOINT_URL=%s\n" % self.server.endpoint, self.server.banner)
        created = json.loads(self.aws(shell=self.printed["create-forecast-export-job"]).stdout)
        job_arn = created["ForecastExportJobArn"]
        self.assertEqual(job_arn,
                         "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demo_forecast/demo_export")
        statuses = []
        for _ in range(10):
            statuses.append(json.loads(self.aws(shell=self.printed["describe-forecast-export-job"]).stdout)["Status"])
            if statuses[-1] == "ACTIVE":
                break
        self.assertEqual(statuses[-1], "ACTIVE", statuses)

        listing = self.aws(shell=self.printed["ls"]).stdout.split("\n")
        parts = sorted(line.split()[-1] for line in listing if line.endswith(".csv"))
        self.assertTrue(parts, listing)
        self.assertTrue(all(p.startswith("demo_export_") for p in parts), parts)
        with tempfile.TemporaryDirectory() as workdir:
            self.aws(shell="cd %s && %s" % (workdir, self.printed["cp"]))
            copied = sorted(os.listdir(os.path.join(workdir, "fakeaws-demo-exports")))
            self.assertEqual(copied, parts)
            with open(os.path.join(workdir, "fakeaws-demo-exports", parts[0])) as f:
                rows = list(csv.reader(f))
        self.assertEqual(rows[0], ["item_id", "date", "p10", "p50", "p90"])
        self.assertTrue({r[0] for r in rows[1:]} <= {"item_1", "item_2", "item_3"}, rows)
        self.assertEqual(len(rows) - 1, 14 * len({r[0] for r in rows[1:]}))  # horizon 14 per item

    def test_an_error_reads_as_aws_cli_prints_it(self):
        missing = "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demo_forecast/nope"
        done = self.aws("forecast", "describe-forecast-export-job", "--forecast-export-job-arn", missing, check=False)
        self.assertEqual(done.returncode, 255)
        self.assertEqual(done.stderr.strip(),
                         "An error occurred (ResourceNotFoundException) when calling the "
                         "DescribeForecastExportJob operation: No resource found " + missing)


if __name__ == "__main__":
    unittest.main()

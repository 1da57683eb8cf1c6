"""The whole export story through boto3 against fakeaws-server, as a
user's code would live it: seed a forecast (control API), create a bucket
(S3), create the export job, poll Describe until ACTIVE, list the exported
keys and read each CSV part. The server's default clock steps on every
request, so polling alone finishes the job.

Run by ctest: forecast_export_story_test.py <path to fakeaws-server>."""
import csv
import io
import re
import unittest

from server_harness import FakeawsServer, boto3_client, server_path_from_argv

SERVER = server_path_from_argv()
ITEMS = ["item_1", "item_2", "item_3", "item_4", "item_5"]
HORIZON = 7


class ExportStory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = FakeawsServer(SERVER)
        cls.forecast = boto3_client("forecast", cls.server.endpoint)
        cls.s3 = boto3_client("s3", cls.server.endpoint)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_export_a_forecast_and_read_it_back(self):
        seeded = self.server.control("POST", "/forecasts", {
            "name": "demand", "series": ITEMS, "horizon": HORIZON, "start_date": "2026-02-01T00:00:00Z"})
        forecast_arn = seeded["arn"]
        self.assertEqual(self.forecast.describe_forecast(ForecastArn=forecast_arn)["Status"], "ACTIVE")

        self.s3.create_bucket(Bucket="exports")
        job_arn = self.forecast.create_forecast_export_job(
            ForecastExportJobName="weekly", ForecastArn=forecast_arn,
            Destination={"S3Config": {"Path": "s3://exports/weekly",
                                      "RoleArn": "arn:aws:iam::123456789012:role/ForecastExportRole"}},
        )["ForecastExportJobArn"]
        self.assertEqual(job_arn, "arn:aws:forecast:us-east-1:123456789012:forecast-export-job/demand/weekly")

        seen = []
        for _ in range(30):
            job = self.forecast.describe_forecast_export_job(ForecastExportJobArn=job_arn)
            if not seen or seen[-1] != job["Status"]:
                seen.append(job["Status"])
            if job["Status"] not in ("CREATE_PENDING", "CREATE_IN_PROGRESS"):
                break
        self.assertEqual(seen, ["CREATE_PENDING", "CREATE_IN_PROGRESS", "ACTIVE"])
        self.assertEqual(job["Format"], "CSV")
        self.assertGreater(job["LastModificationTime"], job["CreationTime"])

        listed = self.forecast.list_forecast_export_jobs(
            Filters=[{"Key": "ForecastArn", "Value": forecast_arn, "Condition": "IS"}])
        self.assertEqual([j["ForecastExportJobArn"] for j in listed["ForecastExportJobs"]], [job_arn])

        # --- S3: needs the S3 REST wire (issue #3) ---
        keys = [o["Key"] for o in self.s3.list_objects_v2(Bucket="exports", Prefix="weekly/").get("Contents", [])]
        self.assertTrue(keys, "the export wrote no objects")
        part = re.compile(r"^weekly/weekly_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z_part(\d+)\.csv$")
        csv_keys = [k for k in keys if part.match(k)]
        self.assertEqual(sorted(int(part.match(k).group(1)) for k in csv_keys), list(range(len(csv_keys))))

        rows = []
        for key in csv_keys:
            body = self.s3.get_object(Bucket="exports", Key=key)["Body"].read().decode()
            reader = csv.reader(io.StringIO(body))
            self.assertEqual(next(reader), ["item_id", "date", "p10", "p50", "p90"])
            rows.extend(reader)
        self.assertEqual(sorted({r[0] for r in rows}), ITEMS)
        for item in ITEMS:
            dates = [r[1] for r in rows if r[0] == item]
            self.assertEqual(dates, ["2026-02-%02dT00:00:00Z" % d for d in range(1, HORIZON + 1)])
        for item_id, date, p10, p50, p90 in rows:
            self.assertLessEqual(float(p10), float(p50), (item_id, date))
            self.assertLessEqual(float(p50), float(p90), (item_id, date))


if __name__ == "__main__":
    unittest.main()

"""Every error of the export-job issue (#2), as boto3 sees it from
fakeaws-server: botocore's parsed Error.Code and Error.Message and the HTTP
status, for each. Expected texts are the golden files' (tests/wire/forecast),
which cite their evidence in wire-format.md.

Run by ctest: forecast_errors_test.py <path to fakeaws-server>."""
import unittest

from server_harness import FakeawsServer, boto3_client, server_path_from_argv

SERVER = server_path_from_argv()
ACCOUNT = "123456789012"
FORECAST = "arn:aws:forecast:us-east-1:%s:forecast/demand" % ACCOUNT
ROLE = "arn:aws:iam::%s:role/ForecastExportRole" % ACCOUNT


def job_arn(name, forecast="demand"):
    return "arn:aws:forecast:us-east-1:%s:forecast-export-job/%s/%s" % (ACCOUNT, forecast, name)


def destination(path="s3://exports/weekly/", role=ROLE):
    return {"S3Config": {"Path": path, "RoleArn": role}}


class ExportJobErrors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = FakeawsServer(SERVER)
        cls.forecast = boto3_client("forecast", cls.server.endpoint)
        from botocore.config import Config  # noqa: F401  (boto3_client skipped if missing)
        cls.unvalidated = boto3_client("forecast", cls.server.endpoint, parameter_validation=False)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        # Each case starts from a fresh fake whose clock only moves when told,
        # so jobs stay where the case puts them.
        self.server.control("POST", "/reset")
        self.server.control("POST", "/clock", {"mode": "manual"})
        self.server.control("POST", "/buckets", {"name": "exports"})
        self.server.control("POST", "/forecasts", {"name": "demand"})

    def assertAwsError(self, call, code, message, status=400):
        import botocore.exceptions
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            call()
        error = raised.exception.response
        self.assertEqual(error["Error"]["Code"], code)
        self.assertEqual(error["Error"]["Message"], message)
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], status)
        # Coral's request id: a lower-case UUID (wire-format.md §1.2).
        self.assertRegex(error["ResponseMetadata"]["RequestId"],
                         r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

    def create(self, name="weekly_export", client=None, **overrides):
        args = {"ForecastExportJobName": name, "ForecastArn": FORECAST, "Destination": destination()}
        args.update(overrides)
        return (client or self.forecast).create_forecast_export_job(**args)

    def test_validation_exception(self):
        # botocore does not check patterns, so the name reaches the service.
        self.assertAwsError(
            lambda: self.create("compare_multiple_models_CNN-QR_algo"), "ValidationException",
            "1 validation error detected: Value 'compare_multiple_models_CNN-QR_algo' at "
            "'forecastExportJobName' failed to satisfy constraint: Member must satisfy regular "
            "expression pattern: ^[a-zA-Z][a-zA-Z0-9_]*")

    def test_resource_not_found(self):
        self.assertAwsError(
            lambda: self.forecast.describe_forecast_export_job(ForecastExportJobArn=job_arn("weekly_export")),
            "ResourceNotFoundException", "No resource found " + job_arn("weekly_export"))
        self.assertAwsError(
            lambda: self.create(ForecastArn=FORECAST + "_gone"), "ResourceNotFoundException",
            "No resource found " + FORECAST + "_gone")

    def test_resource_already_exists(self):
        self.create()
        self.assertAwsError(
            self.create, "ResourceAlreadyExistsException",
            "A forecast export job already exists with the arn: " + job_arn("weekly_export"))

    def test_resource_in_use(self):
        self.create()
        self.assertAwsError(
            lambda: self.forecast.delete_forecast_export_job(ForecastExportJobArn=job_arn("weekly_export")),
            "ResourceInUseException",
            "Cannot delete the forecast export job %s in status CREATE_PENDING; only ACTIVE or "
            "CREATE_FAILED resources can be deleted" % job_arn("weekly_export"))
        self.server.control("POST", "/forecasts", {"name": "training", "status": "CREATE_IN_PROGRESS"})
        training = FORECAST.replace("demand", "training")
        self.assertAwsError(
            lambda: self.create(ForecastArn=training), "ResourceInUseException",
            "The forecast %s is in status CREATE_IN_PROGRESS; it must be ACTIVE" % training)

    def test_limit_exceeded(self):
        for name in ("job_a", "job_b", "job_c"):
            self.create(name)
        self.assertAwsError(
            lambda: self.create("job_d"), "LimitExceededException",
            "Quota limit of 3 concurrently creating forecast exports has been reached")

    def test_invalid_input(self):
        other = "arn:aws:iam::999999999999:role/Other"
        self.assertAwsError(
            lambda: self.create(Destination=destination(role=other)), "InvalidInputException",
            "The role %s belongs to another account; passing a role across accounts is not allowed" % other)
        self.assertAwsError(
            lambda: self.create(Tags=[{"Key": "team", "Value": "a"}, {"Key": "team", "Value": "b"}]),
            "InvalidInputException", "The tag key team is used more than once; tag keys must be unique")

    def test_invalid_next_token(self):
        self.assertAwsError(
            lambda: self.forecast.list_forecast_export_jobs(NextToken="bm90IGEgdG9rZW4="),
            "InvalidNextTokenException", "The NextToken is invalid or has expired")

    def test_serialization_exception(self):
        # Without botocore's own checks, a number goes where a string belongs;
        # Coral's type check answers before the model's constraints.
        import botocore.exceptions
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            self.create(123, client=self.unvalidated)
        error = raised.exception.response
        self.assertEqual(error["Error"]["Code"], "SerializationException")
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], 400)
        self.assertEqual(error["Error"]["Message"],
                         "class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be "
                         "converted to an String")

    def test_unknown_operation(self):
        # botocore only calls operations it knows; rename one on the way out.
        client = boto3_client("forecast", self.server.endpoint)

        def retarget(request, **_):
            request.headers["X-Amz-Target"] = "AmazonForecast.CreateForecastExportJobs"
        client.meta.events.register("before-sign.forecast.ListForecastExportJobs", retarget)
        self.assertAwsError(client.list_forecast_export_jobs, "UnknownOperationException", "")


if __name__ == "__main__":
    unittest.main()

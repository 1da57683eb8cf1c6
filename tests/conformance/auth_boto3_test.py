"""boto3 against fakeaws-server with signature verification on
(--verify-signatures) and default settings otherwise: correctly signed
requests pass whatever the fake's virtual clock says (request dates are
checked against the wall clock), and the time and scope errors reach boto3
as the golden files (tests/wire/*/.../*signature_errors.http) spell them.

Run by ctest: auth_boto3_test.py <path to fakeaws-server>."""
import datetime
import unittest
import urllib.request
from unittest import mock

from server_harness import FakeawsServer, server_path_from_argv, skip

SERVER = server_path_from_argv()
KEY, SECRET = "AKIDAUTHTEST", "auth/test/secret"


def client(service, endpoint, region="us-east-1", secret=SECRET, **config):
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        skip("boto3 is not installed")
    return boto3.client(service, endpoint_url=endpoint, region_name=region, aws_access_key_id=KEY,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}, **config))


def signed_at(when):
    """Makes botocore sign as if its clock said `when`."""
    return mock.patch("botocore.auth.get_current_datetime", return_value=when)


class VerifiedSignatures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The server's clock starts now and steps 1 s per request; signatures
        # are checked against the wall clock, which boto3 signs with.
        cls.server = FakeawsServer(SERVER, "--verify-signatures", KEY + ":" + SECRET)
        cls.server.control("POST", "/forecasts", {"name": "demand"})
        cls.server.control("POST", "/buckets", {"name": "exports"})
        cls.forecast = client("forecast", cls.server.endpoint)
        cls.query = client("forecastquery", cls.server.endpoint)
        cls.s3 = client("s3", cls.server.endpoint)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def assertAwsError(self, call, code, message, status):
        import botocore.exceptions
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            call()
        error = raised.exception.response
        self.assertEqual(error["Error"]["Code"], code)
        self.assertEqual(error["Error"]["Message"], message)
        self.assertEqual(error["ResponseMetadata"]["HTTPStatusCode"], status)
        return error

    def test_correctly_signed_requests_pass(self):
        created = self.forecast.create_dataset_group(DatasetGroupName="signed", Domain="RETAIL")
        self.assertIn("dataset-group/signed", created["DatasetGroupArn"])
        names = [g["DatasetGroupName"] for g in self.forecast.list_dataset_groups()["DatasetGroups"]]
        self.assertIn("signed", names)
        # forecastquery signs with the signing name "forecast".
        arn = "arn:aws:forecast:us-east-1:123456789012:forecast/demand"
        queried = self.query.query_forecast(ForecastArn=arn, Filters={"item_id": "item_1"})
        self.assertTrue(queried["Forecast"]["Predictions"])
        # S3 with botocore's default flexible checksums.
        self.s3.put_object(Bucket="exports", Key="signed.csv", Body=b"hello world")
        self.assertEqual(self.s3.get_object(Bucket="exports", Key="signed.csv")["Body"].read(), b"hello world")

    def test_a_presigned_url_works_until_it_expires(self):
        self.s3.put_object(Bucket="exports", Key="shared.csv", Body=b"shared")
        # botocore presigns with SigV2 by default for a us-east-1 endpoint
        # override, which the fake does not verify (README, Known gaps).
        v4 = client("s3", self.server.endpoint, signature_version="s3v4")
        url = v4.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": "shared.csv"},
                                             ExpiresIn=300)
        with urllib.request.urlopen(url, timeout=10) as response:
            self.assertEqual(response.read(), b"shared")
        an_hour_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
        with signed_at(an_hour_ago):
            stale = v4.generate_presigned_url("get_object", Params={"Bucket": "exports", "Key": "shared.csv"},
                                                   ExpiresIn=300)
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(stale, timeout=10)
        self.assertEqual(refused.exception.code, 403)
        self.assertIn(b"<Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>300"
                      b"</X-Amz-Expires>", refused.exception.read())

    def test_a_clock_twenty_minutes_slow_is_refused(self):
        slow = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) - datetime.timedelta(minutes=20)
        date = slow.strftime("%Y%m%dT%H%M%SZ")
        import botocore.exceptions
        with signed_at(slow), self.assertRaises(botocore.exceptions.ClientError) as raised:
            self.forecast.list_dataset_groups()
        error = raised.exception.response["Error"]
        self.assertEqual(error["Code"], "InvalidSignatureException")
        self.assertRegex(error["Message"], r"^Signature expired: %s is now earlier than \d{8}T\d{6}Z "
                                           r"\(\d{8}T\d{6}Z - 15 min\.\)$" % date)
        with signed_at(slow):
            self.assertAwsError(lambda: self.s3.get_object(Bucket="exports", Key="nothing"),
                                "RequestTimeTooSkewed",
                                "The difference between the request time and the current time is too large.", 403)

    def test_a_client_in_another_region_is_told_the_right_one(self):
        west = client("forecast", self.server.endpoint, region="us-west-2")
        self.assertAwsError(west.list_dataset_groups, "InvalidSignatureException",
                            "Credential should be scoped to a valid region, not 'us-west-2'. ", 400)

    def test_a_wrong_secret_is_refused(self):
        wrong = client("forecast", self.server.endpoint, secret="not-the-secret")
        import botocore.exceptions
        with self.assertRaises(botocore.exceptions.ClientError) as raised:
            wrong.list_dataset_groups()
        self.assertEqual(raised.exception.response["Error"]["Code"], "InvalidSignatureException")
        self.assertTrue(raised.exception.response["Error"]["Message"].startswith(
            "The request signature we calculated does not match"))


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""boto3 against fakeaws-server, default settings (flexible checksums on,
wire-format.md §4.3): every byte a client puts comes back intact.

Over http botocore sends checksums as headers; a second client is made to
send aws-chunked bodies with trailers, as botocore does over https and
aws-sdk-cpp 1.11 does always (§4.3), so both body formats cross a real socket.

Usage: s3_boto3_test.py <path to fakeaws-server>"""
import hashlib
import io
import os
import random
import unittest

import servers

try:
    import boto3
    from botocore.config import Config
    from botocore.exceptions import ClientError
except ImportError:
    servers.skip("boto3 is not installed")


def force_aws_chunked(params, **kwargs):
    """Makes botocore frame the body as aws-chunked with a checksum trailer,
    which it otherwise does only over https (httpchecksum.py)."""
    algorithm = params.get("context", {}).get("checksum", {}).get("request_algorithm")
    if algorithm:
        algorithm["in"] = "trailer"


class Boto3RoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = servers.start_fakeaws(SERVER)
        options = dict(endpoint_url=cls.server.endpoint, region_name="us-east-1",
                       aws_access_key_id="fakeaws", aws_secret_access_key="fakeaws",
                       config=Config(retries={"max_attempts": 1}))
        cls.s3 = boto3.client("s3", **options)
        cls.chunked = boto3.client("s3", **options)
        cls.chunked.meta.events.register("before-call.s3.PutObject", force_aws_chunked)
        cls.chunked.meta.events.register("before-call.s3.UploadPart", force_aws_chunked)
        cls.sent = []
        cls.chunked.meta.events.register("before-send.s3", cls.record)
        cls.s3.create_bucket(Bucket="roundtrip")

    @classmethod
    def record(cls, request, **kwargs):
        text = lambda v: v.decode() if isinstance(v, bytes) else v
        cls.sent.append({text(k): text(v) for k, v in request.headers.items()})

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_put_object_and_get_object(self):
        body = bytes(range(256)) * 41
        put = self.s3.put_object(Bucket="roundtrip", Key="bytes/all values.bin", Body=body,
                                 ContentType="application/x-test", Metadata={"Job": "weekly"})
        self.assertEqual(put["ETag"], '"%s"' % hashlib.md5(body).hexdigest())
        self.assertIn("ChecksumCRC32", put)  # botocore sent one by default and S3 echoes it
        got = self.s3.get_object(Bucket="roundtrip", Key="bytes/all values.bin")
        self.assertEqual(got["Body"].read(), body)  # botocore also verified the CRC32 it got back
        self.assertEqual(got["ContentType"], "application/x-test")
        self.assertEqual(got["Metadata"], {"job": "weekly"})
        self.assertEqual(got["ResponseMetadata"]["RequestId"],
                         got["ResponseMetadata"]["HTTPHeaders"]["x-amz-request-id"])

    def test_put_object_with_aws_chunked_trailer(self):
        body = os.urandom(300_000)
        put = self.chunked.put_object(Bucket="roundtrip", Key="chunked.bin", Body=body)
        self.assertIn("ChecksumCRC32", put)
        sent = self.sent[-1]
        self.assertEqual(sent.get("Content-Encoding"), "aws-chunked")
        self.assertEqual(sent.get("X-Amz-Trailer"), "x-amz-checksum-crc32")
        self.assertEqual(sent.get("X-Amz-Content-SHA256"), "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
        got = self.s3.get_object(Bucket="roundtrip", Key="chunked.bin", ChecksumMode="ENABLED")
        self.assertEqual(got["Body"].read(), body)
        self.assertEqual(got["ChecksumCRC32"], put["ChecksumCRC32"])

    def upload_and_check(self, client, key):
        data = os.urandom(20 * 1024 * 1024)
        client.upload_fileobj(io.BytesIO(data), "roundtrip", key)
        head = self.s3.head_object(Bucket="roundtrip", Key=key)
        self.assertEqual(head["ContentLength"], len(data))
        self.assertRegex(head["ETag"], r'^"[0-9a-f]{32}-\d+"$')  # a multipart upload
        out = io.BytesIO()
        self.s3.download_fileobj("roundtrip", key, out)
        self.assertEqual(hashlib.sha256(out.getvalue()).hexdigest(), hashlib.sha256(data).hexdigest())
        return data

    def test_upload_fileobj_of_20_mb_is_multipart_and_intact(self):
        self.upload_and_check(self.s3, "big/header-checksums.bin")

    def test_upload_fileobj_of_20_mb_with_aws_chunked_parts(self):
        self.sent.clear()
        self.upload_and_check(self.chunked, "big/aws-chunked.bin")
        parts = [h for h in self.sent if h.get("Content-Encoding") == "aws-chunked"]
        self.assertGreaterEqual(len(parts), 3)  # every UploadPart went out aws-chunked

    def test_get_object_with_range(self):
        data = bytes(random.Random(3).getrandbits(8) for _ in range(100_000))
        self.s3.put_object(Bucket="roundtrip", Key="ranged.bin", Body=data)
        for header, expected in (("bytes=0-0", data[:1]), ("bytes=1000-1999", data[1000:2000]),
                                 ("bytes=99990-", data[99990:]), ("bytes=-7", data[-7:]),
                                 ("bytes=50000-200000", data[50000:])):
            got = self.s3.get_object(Bucket="roundtrip", Key="ranged.bin", Range=header)
            self.assertEqual(got["Body"].read(), expected, header)
            self.assertEqual(got["ResponseMetadata"]["HTTPStatusCode"], 206)
        with self.assertRaises(ClientError) as caught:
            self.s3.get_object(Bucket="roundtrip", Key="ranged.bin", Range="bytes=200000-")
        self.assertEqual(caught.exception.response["Error"]["Code"], "InvalidRange")

    def test_list_objects_v2_paginator_over_2500_keys_with_a_delimiter(self):
        self.s3.create_bucket(Bucket="listing")
        expected_keys, expected_prefixes, dir_keys = [], set(), []
        odd = ["a b", "plus+sign", "caf\u00e9", "tab\tkey", "x&y<z>", "percent%2F"]
        for i in range(2500):
            if i % 5 == 0:
                prefix = "dir%02d/" % (i % 40)
                key = prefix + "file %04d.csv" % i
                expected_prefixes.add(prefix)
                dir_keys.append(key)
            else:
                key = "top/%s-%04d" % (odd[i % len(odd)], i)
                expected_keys.append(key)
            self.s3.put_object(Bucket="listing", Key=key, Body=key.encode())
        keys, prefixes, pages = [], [], 0
        for page in self.s3.get_paginator("list_objects_v2").paginate(
                Bucket="listing", Delimiter="/", Prefix="", PaginationConfig={"PageSize": 300}):
            pages += 1
            keys += [o["Key"] for o in page.get("Contents", [])]
            prefixes += [p["Prefix"] for p in page.get("CommonPrefixes", [])]
        self.assertEqual(prefixes, sorted(expected_prefixes | {"top/"}))
        self.assertEqual(keys, [])
        keys, pages = [], 0
        for page in self.s3.get_paginator("list_objects_v2").paginate(
                Bucket="listing", Delimiter="/", Prefix="top/", PaginationConfig={"PageSize": 300}):
            pages += 1
            keys += [o["Key"] for o in page.get("Contents", [])]
        self.assertEqual(keys, sorted(expected_keys, key=lambda k: k.encode()))
        self.assertEqual(pages, 7)
        everything = [o["Key"] for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket="listing")
                      for o in page.get("Contents", [])]
        self.assertEqual(len(everything), 2500)
        for key in (expected_keys[0], expected_keys[-1], dir_keys[7]):
            self.assertEqual(self.s3.get_object(Bucket="listing", Key=key)["Body"].read(), key.encode())

    def test_errors_reach_boto3_as_aws_sends_them(self):
        with self.assertRaises(ClientError) as caught:
            self.s3.get_object(Bucket="roundtrip", Key="missing")
        error = caught.exception.response["Error"]
        self.assertEqual((error["Code"], error["Message"], error["Key"]),
                         ("NoSuchKey", "The specified key does not exist.", "missing"))
        with self.assertRaises(ClientError) as caught:
            self.s3.head_object(Bucket="roundtrip", Key="missing")
        self.assertEqual(caught.exception.response["Error"]["Code"], "404")  # HEAD has no body (§4.1)
        with self.assertRaises(ClientError) as caught:
            self.s3.list_objects_v2(Bucket="no-such-bucket-here")
        self.assertEqual(caught.exception.response["Error"]["Code"], "NoSuchBucket")

    def test_delete_objects_and_copy_object(self):
        for key in ("d/1", "d/2", "d/3"):
            self.s3.put_object(Bucket="roundtrip", Key=key, Body=key.encode())
        self.s3.copy_object(Bucket="roundtrip", Key="d/copy", CopySource={"Bucket": "roundtrip", "Key": "d/1"})
        self.assertEqual(self.s3.get_object(Bucket="roundtrip", Key="d/copy")["Body"].read(), b"d/1")
        deleted = self.s3.delete_objects(Bucket="roundtrip", Delete={
            "Objects": [{"Key": k} for k in ("d/1", "d/2", "d/3", "d/copy")]})
        self.assertEqual(sorted(d["Key"] for d in deleted["Deleted"]), ["d/1", "d/2", "d/3", "d/copy"])
        self.assertEqual(self.s3.list_objects_v2(Bucket="roundtrip", Prefix="d/")["KeyCount"], 0)

    def test_emptying_a_bucket_through_list_object_versions(self):
        """How many tools empty a bucket (issue 13): page through every
        version with the paginator, delete each (key, VersionId), delete the
        bucket. An unversioned bucket's objects are each one version, null."""
        self.s3.create_bucket(Bucket="to-empty")
        keys = ["k%03d" % i for i in range(25)] + ["dir/a", "dir/b"]
        for key in keys:
            self.s3.put_object(Bucket="to-empty", Key=key, Body=b"x")
        versions = []
        for page in self.s3.get_paginator("list_object_versions").paginate(
                Bucket="to-empty", PaginationConfig={"PageSize": 10}):
            versions += page.get("Versions", []) + page.get("DeleteMarkers", [])
        self.assertEqual(sorted(v["Key"] for v in versions), sorted(keys))
        self.assertEqual({(v["VersionId"], v["IsLatest"]) for v in versions}, {("null", True)})
        deleted = self.s3.delete_objects(Bucket="to-empty", Delete={
            "Objects": [{"Key": v["Key"], "VersionId": v["VersionId"]} for v in versions]})
        self.assertEqual(len(deleted["Deleted"]), len(keys))
        self.assertEqual(self.s3.list_object_versions(Bucket="to-empty").get("Versions", []), [])
        self.s3.delete_bucket(Bucket="to-empty")

    def test_configuration_reads_of_a_bucket_nobody_configured(self):
        """What infrastructure code reads from every bucket it looks at
        (issue 13), as botocore parses S3's answers."""
        s3 = self.s3
        self.assertNotIn("Status", s3.get_bucket_versioning(Bucket="roundtrip"))
        rule = s3.get_bucket_encryption(Bucket="roundtrip")["ServerSideEncryptionConfiguration"]["Rules"][0]
        self.assertEqual((rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], rule["BucketKeyEnabled"]),
                         ("AES256", False))
        self.assertEqual(set(s3.get_public_access_block(Bucket="roundtrip")["PublicAccessBlockConfiguration"].values()),
                         {True})
        self.assertEqual(s3.get_bucket_ownership_controls(Bucket="roundtrip")["OwnershipControls"]["Rules"],
                         [{"ObjectOwnership": "BucketOwnerEnforced"}])
        acl = s3.get_bucket_acl(Bucket="roundtrip")
        self.assertEqual([g["Permission"] for g in acl["Grants"]], ["FULL_CONTROL"])
        self.assertEqual(acl["Grants"][0]["Grantee"]["ID"], acl["Owner"]["ID"])
        self.assertNotIn("LoggingEnabled", s3.get_bucket_logging(Bucket="roundtrip"))
        self.assertEqual(s3.get_bucket_request_payment(Bucket="roundtrip")["Payer"], "BucketOwner")
        for read, code in ((s3.get_bucket_tagging, "NoSuchTagSet"), (s3.get_bucket_policy, "NoSuchBucketPolicy"),
                           (s3.get_bucket_policy_status, "NoSuchBucketPolicy"),
                           (s3.get_bucket_cors, "NoSuchCORSConfiguration"),
                           (s3.get_bucket_lifecycle_configuration, "NoSuchLifecycleConfiguration"),
                           (s3.get_bucket_website, "NoSuchWebsiteConfiguration"),
                           (s3.get_object_lock_configuration, "ObjectLockConfigurationNotFoundError")):
            with self.assertRaises(ClientError) as caught:
                read(Bucket="roundtrip")
            self.assertEqual(caught.exception.response["Error"]["Code"], code)
            self.assertEqual(caught.exception.response["Error"]["BucketName"], "roundtrip")
        s3.put_object(Bucket="roundtrip", Key="tagless", Body=b"x")
        self.assertEqual(s3.get_object_tagging(Bucket="roundtrip", Key="tagless")["TagSet"], [])

    def test_tags_on_objects_and_buckets(self):
        """Tags through every write that sets them (issue 13), as botocore
        sends and parses them."""
        s3 = self.s3
        s3.create_bucket(Bucket="tags")
        s3.put_object(Bucket="tags", Key="tagged", Body=b"x", Tagging="team=forecast&stage=dev%20test")
        self.assertEqual(s3.get_object(Bucket="tags", Key="tagged")["TagCount"], 2)
        self.assertEqual(s3.head_object(Bucket="tags", Key="tagged")["TagCount"], 2)
        self.assertEqual(s3.get_object_tagging(Bucket="tags", Key="tagged")["TagSet"],
                         [{"Key": "team", "Value": "forecast"}, {"Key": "stage", "Value": "dev test"}])

        s3.copy_object(Bucket="tags", Key="copied", CopySource={"Bucket": "tags", "Key": "tagged"})
        self.assertEqual(len(s3.get_object_tagging(Bucket="tags", Key="copied")["TagSet"]), 2)
        s3.copy_object(Bucket="tags", Key="retagged", CopySource={"Bucket": "tags", "Key": "tagged"},
                       TaggingDirective="REPLACE", Tagging="tier=gold")
        self.assertEqual(s3.get_object_tagging(Bucket="tags", Key="retagged")["TagSet"],
                         [{"Key": "tier", "Value": "gold"}])

        upload = s3.create_multipart_upload(Bucket="tags", Key="multipart", Tagging="source=upload")["UploadId"]
        etag = s3.upload_part(Bucket="tags", Key="multipart", UploadId=upload, PartNumber=1, Body=b"y")["ETag"]
        s3.complete_multipart_upload(Bucket="tags", Key="multipart", UploadId=upload,
                                     MultipartUpload={"Parts": [{"PartNumber": 1, "ETag": etag}]})
        self.assertEqual(s3.get_object_tagging(Bucket="tags", Key="multipart")["TagSet"],
                         [{"Key": "source", "Value": "upload"}])

        before = s3.head_object(Bucket="tags", Key="tagged")
        s3.put_object_tagging(Bucket="tags", Key="tagged", Tagging={"TagSet": [{"Key": "owner", "Value": "ds"}]})
        after = s3.head_object(Bucket="tags", Key="tagged")
        self.assertEqual((after["ETag"], after["LastModified"], after["TagCount"]),
                         (before["ETag"], before["LastModified"], 1))
        s3.delete_object_tagging(Bucket="tags", Key="tagged")
        self.assertNotIn("TagCount", s3.head_object(Bucket="tags", Key="tagged"))
        with self.assertRaises(ClientError) as caught:
            s3.put_object_tagging(Bucket="tags", Key="tagged", Tagging={
                "TagSet": [{"Key": "k%d" % i, "Value": "v"} for i in range(11)]})
        self.assertEqual(caught.exception.response["Error"]["Code"], "BadRequest")

        s3.put_bucket_tagging(Bucket="tags", Tagging={"TagSet": [{"Key": "cost-center", "Value": "42"}]})
        self.assertEqual(s3.get_bucket_tagging(Bucket="tags")["TagSet"], [{"Key": "cost-center", "Value": "42"}])
        s3.delete_bucket_tagging(Bucket="tags")
        with self.assertRaises(ClientError) as caught:
            s3.get_bucket_tagging(Bucket="tags")
        self.assertEqual(caught.exception.response["Error"]["Code"], "NoSuchTagSet")

    def test_versions_and_emptying_a_versioned_bucket(self):
        """Versioning as botocore drives it (issue 13), then the way tools
        empty a bucket: every version and marker through the
        ListObjectVersions paginator, removed with DeleteObjects."""
        s3 = self.s3
        s3.create_bucket(Bucket="versioned")
        s3.put_object(Bucket="versioned", Key="before", Body=b"0")
        s3.put_bucket_versioning(Bucket="versioned", VersioningConfiguration={"Status": "Enabled"})
        self.assertEqual(s3.get_bucket_versioning(Bucket="versioned")["Status"], "Enabled")
        ids = [s3.put_object(Bucket="versioned", Key="report.csv", Body=b"v%d" % i)["VersionId"] for i in range(3)]
        self.assertEqual(len(set(ids)), 3)
        self.assertTrue(all(len(i) == 32 for i in ids), ids)
        self.assertEqual(s3.get_object(Bucket="versioned", Key="report.csv", VersionId=ids[0])["Body"].read(), b"v0")
        self.assertEqual(s3.get_object(Bucket="versioned", Key="before", VersionId="null")["Body"].read(), b"0")

        marker = s3.delete_object(Bucket="versioned", Key="report.csv")
        self.assertTrue(marker["DeleteMarker"])
        with self.assertRaises(ClientError) as caught:
            s3.head_object(Bucket="versioned", Key="report.csv")
        self.assertEqual(caught.exception.response["ResponseMetadata"]["HTTPHeaders"]["x-amz-delete-marker"], "true")
        copied = s3.copy_object(Bucket="versioned", Key="restored.csv",
                                CopySource={"Bucket": "versioned", "Key": "report.csv", "VersionId": ids[1]})
        self.assertEqual(copied["CopySourceVersionId"], ids[1])
        self.assertEqual(s3.get_object(Bucket="versioned", Key="restored.csv")["Body"].read(), b"v1")

        listed = s3.list_object_versions(Bucket="versioned", Prefix="report")
        self.assertEqual([v["VersionId"] for v in listed["Versions"]], ids[::-1])
        self.assertEqual([m["VersionId"] for m in listed["DeleteMarkers"]], [marker["VersionId"]])
        self.assertTrue(listed["DeleteMarkers"][0]["IsLatest"])

        # Empty it as the CLI and Terraform do, two per page so paging runs.
        pages = s3.get_paginator("list_object_versions").paginate(Bucket="versioned", PaginationConfig={"PageSize": 2})
        doomed = []
        for page in pages:
            doomed += [{"Key": v["Key"], "VersionId": v["VersionId"]}
                       for v in page.get("Versions", []) + page.get("DeleteMarkers", [])]
        self.assertEqual(len(doomed), 6)  # before (null), 3 report versions and its marker, restored
        self.assertEqual(len({(d["Key"], d["VersionId"]) for d in doomed}), len(doomed))
        deleted = s3.delete_objects(Bucket="versioned", Delete={"Objects": doomed})
        self.assertEqual(len(deleted["Deleted"]), 6)
        self.assertNotIn("Errors", deleted)
        self.assertNotIn("Versions", s3.list_object_versions(Bucket="versioned"))
        s3.delete_bucket(Bucket="versioned")


if __name__ == "__main__":
    SERVER = servers.server_path_from_argv()
    unittest.main(verbosity=2)

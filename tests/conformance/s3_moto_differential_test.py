#!/usr/bin/env python3
"""Differential test: the same signed S3 requests go to moto_server (moto
5.2.1, a baseline for S3's codes and messages) and to fakeaws-server, and
each answer's status, error Code and Message are compared.

Where moto is known to depart from AWS (wire-format.md §4.2 and the
captures named in fake/src/s3/errors.h), DEPARTURES says what AWS answers
and why; the fake must answer as AWS does and moto must still differ in the
recorded way (so the list stays true when moto changes).

Usage: s3_moto_differential_test.py <path to fakeaws-server>"""
import base64
import hashlib
import http.client
import re
import sys
import unittest
import urllib.parse

import servers

try:
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    servers.skip("botocore is not installed")

CREDENTIALS = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
NSU = "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."


def md5_b64(body):
    return base64.b64encode(hashlib.md5(body).digest()).decode()


def complete(*parts):
    return ("<CompleteMultipartUpload>" + "".join(
        "<Part><PartNumber>%d</PartNumber><ETag>%s</ETag></Part>" % p for p in parts) +
        "</CompleteMultipartUpload>").encode()


ETAG_B = '"92eb5ffee6ae2fec3ad71c777531578f"'  # MD5 of b"b"

CONFIGURATION_READS = ["versioning", "tagging", "policy", "policyStatus", "acl", "cors", "lifecycle", "encryption",
                       "notification", "accelerate", "logging", "object-lock", "ownershipControls",
                       "publicAccessBlock", "replication", "requestPayment", "website", "versions"]
DELETE_NULL_VERSIONS = (b"<Delete><Object><Key>a</Key><VersionId>null</VersionId></Object>"
                        b"<Object><Key>d/b</Key><VersionId>null</VersionId></Object></Delete>")



def tagging(*tags):
    return ("<Tagging><TagSet>" + "".join("<Tag><Key>%s</Key><Value>%s</Value></Tag>" % t for t in tags) +
            "</TagSet></Tagging>").encode()


TAGGING_ONE = tagging(("team", "forecast"))
TAGGING_ELEVEN = tagging(*[("k%d" % i, "v") for i in range(11)])
TAGGING_AWS = tagging(("aws:team", "x"))
TAGGING_TWICE = tagging(("team", "a"), ("team", "b"))
TAGGING_LONG_KEY = tagging(("k" * 129, "v"))

VERSIONING_ENABLED = b"<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"
VERSIONING_SUSPENDED = b"<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>"

# Each case runs in its own bucket ({b}); {upload} is the upload id the
# case's CreateMultipartUpload returned. Steps are (method, path, body, headers).
CASES = {
    "create_bucket_twice_in_us_east_1": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}", b"", {})],
    "invalid_bucket_name": [("PUT", "/Bad_Bucket", b"", {})],
    "no_such_bucket": [("GET", "/{b}-missing?list-type=2", b"", {})],
    "no_such_key": [("PUT", "/{b}", b"", {}), ("GET", "/{b}/nokey", b"", {}), ("HEAD", "/{b}/nokey", b"", {})],
    "bucket_not_empty": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"x", {}), ("DELETE", "/{b}", b"", {}),
                         ("DELETE", "/{b}/k", b"", {}), ("DELETE", "/{b}", b"", {})],
    "put_get_head_delete": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/a%20b.txt", b"hello world", {}),
                            ("GET", "/{b}/a%20b.txt", b"", {}), ("HEAD", "/{b}/a%20b.txt", b"", {}),
                            ("DELETE", "/{b}/a%20b.txt", b"", {}), ("DELETE", "/{b}/a%20b.txt", b"", {})],
    "invalid_range": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"hello world", {}),
                      ("GET", "/{b}/k", b"", {"Range": "bytes=100-200"}),
                      ("GET", "/{b}/k", b"", {"Range": "bytes=0-4"})],
    "preconditions": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"hello world", {}),
                      ("GET", "/{b}/k", b"", {"If-Match": '"0123"'}),
                      ("GET", "/{b}/k", b"", {"If-None-Match": '"5eb63bbbe01eeed093cb22bb8f5acdc3"'}),
                      ("GET", "/{b}/k", b"", {"If-Unmodified-Since": "Wed, 31 Dec 2020 23:59:59 GMT"})],
    "content_md5_mismatch": [("PUT", "/{b}", b"", {}),
                             ("PUT", "/{b}/k", b"hello world", {"Content-MD5": md5_b64(b"")}),
                             ("GET", "/{b}/k", b"", {})],
    "content_md5_not_base64": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"hello world", {"Content-MD5": "abc"})],
    "checksum_mismatch": [("PUT", "/{b}", b"", {}),
                          ("PUT", "/{b}/k", b"hello world", {"x-amz-checksum-crc32": "AAAAAA=="}),
                          ("GET", "/{b}/k", b"", {})],
    "checksum_stored_and_returned": [("PUT", "/{b}", b"", {}),
                                     ("PUT", "/{b}/k", b"hello world", {"x-amz-checksum-crc32": "DUoRhQ=="}),
                                     ("GET", "/{b}/k", b"", {"x-amz-checksum-mode": "ENABLED"})],
    "garbage_continuation_token": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"x", {}),
                                   ("GET", "/{b}?list-type=2&continuation-token=garbage", b"", {})],
    "max_keys_not_an_integer": [("PUT", "/{b}", b"", {}), ("GET", "/{b}?list-type=2&max-keys=ten", b"", {})],
    "list_with_delimiter": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/d/1", b"1", {}), ("PUT", "/{b}/e", b"1", {}),
                            ("GET", "/{b}?list-type=2&delimiter=%2F&max-keys=1", b"", {}),
                            ("GET", "/{b}?delimiter=%2F&marker=d%2F", b"", {})],
    "delete_objects": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"x", {}),
                       ("POST", "/{b}?delete", b"<Delete><Object><Key>k</Key></Object></Delete>",
                        {"Content-MD5": md5_b64(b"<Delete><Object><Key>k</Key></Object></Delete>")}),
                       ("GET", "/{b}/k", b"", {})],
    "delete_objects_malformed": [("PUT", "/{b}", b"", {}),
                                 ("POST", "/{b}?delete", b"<Delete><Object><Key>k</Key></Object>",
                                  {"Content-MD5": md5_b64(b"<Delete><Object><Key>k</Key></Object>")})],
    "delete_objects_without_content_md5": [("PUT", "/{b}", b"", {}),
                                           ("POST", "/{b}?delete", b"<Delete><Object><Key>k</Key></Object></Delete>", {})],
    "copy_object": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"hello world", {}),
                    ("PUT", "/{b}/k2", b"", {"x-amz-copy-source": "/{b}/k"}), ("GET", "/{b}/k2", b"", {}),
                    ("PUT", "/{b}/k3", b"", {"x-amz-copy-source": "/{b}/absent"}),
                    ("PUT", "/{b}/k", b"", {"x-amz-copy-source": "/{b}/k"})],
    "multipart_no_such_upload": [("PUT", "/{b}", b"", {}),
                                 ("POST", "/{b}/mp?uploadId=nope", complete((1, ETAG_B)), {}),
                                 ("DELETE", "/{b}/mp?uploadId=nope", b"", {}),
                                 ("GET", "/{b}/mp?uploadId=nope", b"", {})],
    "multipart_refusals": [("PUT", "/{b}", b"", {}), ("POST", "/{b}/mp?uploads", b"", {}),
                           ("PUT", "/{b}/mp?partNumber=1&uploadId={upload}", b"b", {}),
                           ("PUT", "/{b}/mp?partNumber=2&uploadId={upload}", b"b", {}),
                           ("POST", "/{b}/mp?uploadId={upload}", complete((2, ETAG_B), (1, ETAG_B)), {}),
                           ("POST", "/{b}/mp?uploadId={upload}", complete((1, '"0123"')), {}),
                           ("POST", "/{b}/mp?uploadId={upload}", complete((1, ETAG_B), (2, ETAG_B)), {}),
                           ("POST", "/{b}/mp?uploadId={upload}", b"<CompleteMultipartUpload><Part>", {}),
                           ("POST", "/{b}/mp?uploadId={upload}", complete((2, ETAG_B)), {}),
                           ("GET", "/{b}/mp", b"", {})],
    "multipart_part_number_out_of_range": [("PUT", "/{b}", b"", {}), ("POST", "/{b}/mp?uploads", b"", {}),
                                           ("PUT", "/{b}/mp?partNumber=0&uploadId={upload}", b"b", {})],
    "abort_multipart": [("PUT", "/{b}", b"", {}), ("POST", "/{b}/mp?uploads", b"", {}),
                        ("DELETE", "/{b}/mp?uploadId={upload}", b"", {}),
                        ("DELETE", "/{b}/mp?uploadId={upload}", b"", {})],
    # Reads S3 answers for every bucket (issue 13): each for a bucket nobody
    # configured, then for one that does not exist.
    "bucket_configuration_reads": [("PUT", "/{b}", b"", {})] + [
        ("GET", "/{b}?" + sub, b"", {}) for sub in CONFIGURATION_READS] + [
        ("GET", "/{b}-missing?" + sub, b"", {}) for sub in CONFIGURATION_READS],
    "object_acl_and_tags": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"x", {}),
                            ("GET", "/{b}/k?acl", b"", {}), ("GET", "/{b}/k?tagging", b"", {}),
                            ("GET", "/{b}/nokey?acl", b"", {}), ("GET", "/{b}/nokey?tagging", b"", {})],
    "list_object_versions_then_delete": [
        ("PUT", "/{b}", b"", {}), ("PUT", "/{b}/a", b"x", {}), ("PUT", "/{b}/d/b", b"y", {}),
        ("GET", "/{b}?versions&max-keys=1", b"", {}),
        ("GET", "/{b}?versions&key-marker=a&version-id-marker=null", b"", {}),
        ("POST", "/{b}?delete", DELETE_NULL_VERSIONS, {"Content-MD5": md5_b64(DELETE_NULL_VERSIONS)}),
        ("GET", "/{b}?versions", b"", {}), ("DELETE", "/{b}", b"", {})],
    # An SDK resending a completion whose answer was lost (issue 13).
    "multipart_completed_again": [("PUT", "/{b}", b"", {}), ("POST", "/{b}/mp?uploads", b"", {}),
                                  ("PUT", "/{b}/mp?partNumber=1&uploadId={upload}", b"b", {}),
                                  ("POST", "/{b}/mp?uploadId={upload}", complete((1, ETAG_B)), {}),
                                  ("POST", "/{b}/mp?uploadId={upload}", complete((1, ETAG_B)), {}),
                                  ("GET", "/{b}/mp", b"", {})],
    "post_to_an_object": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"x", {}), ("POST", "/{b}/k", b"", {})],
    # Tags (issue 13): what each write keeps and the refusals both servers know.
    "object_tagging": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"x", {"x-amz-tagging": "team=forecast&stage=dev"}),
                       ("GET", "/{b}/k?tagging", b"", {}),
                       ("PUT", "/{b}/k?tagging", TAGGING_ONE, {"Content-MD5": md5_b64(TAGGING_ONE)}),
                       ("GET", "/{b}/k?tagging", b"", {}),
                       ("PUT", "/{b}/k?tagging", TAGGING_ELEVEN, {"Content-MD5": md5_b64(TAGGING_ELEVEN)}),
                       ("PUT", "/{b}/k?tagging", TAGGING_AWS, {"Content-MD5": md5_b64(TAGGING_AWS)}),
                       ("PUT", "/{b}/k?tagging", TAGGING_TWICE, {"Content-MD5": md5_b64(TAGGING_TWICE)}),
                       ("PUT", "/{b}/k?tagging", TAGGING_LONG_KEY, {"Content-MD5": md5_b64(TAGGING_LONG_KEY)}),
                       ("PUT", "/{b}/nokey?tagging", TAGGING_ONE, {"Content-MD5": md5_b64(TAGGING_ONE)}),
                       ("DELETE", "/{b}/k?tagging", b"", {}), ("GET", "/{b}/k?tagging", b"", {}),
                       ("PUT", "/{b}/k2", b"x", {"x-amz-tagging": "a=1&a=2"})],
    "bucket_tagging": [("PUT", "/{b}", b"", {}), ("GET", "/{b}?tagging", b"", {}),
                       ("PUT", "/{b}?tagging", TAGGING_ONE, {"Content-MD5": md5_b64(TAGGING_ONE)}),
                       ("GET", "/{b}?tagging", b"", {}),
                       ("PUT", "/{b}?tagging", TAGGING_TWICE, {"Content-MD5": md5_b64(TAGGING_TWICE)}),
                       ("PUT", "/{b}?tagging", TAGGING_AWS, {"Content-MD5": md5_b64(TAGGING_AWS)}),
                       ("DELETE", "/{b}?tagging", b"", {}), ("GET", "/{b}?tagging", b"", {})],
    # Versioning (issue 13): {v1}, {v2} are the first and second version ids
    # each server answered in x-amz-version-id.
    "versioning": [("PUT", "/{b}", b"", {}), ("PUT", "/{b}/k", b"one", {}),
                   ("PUT", "/{b}?versioning", VERSIONING_ENABLED, {"Content-MD5": md5_b64(VERSIONING_ENABLED)}),
                   ("GET", "/{b}?versioning", b"", {}),
                   ("PUT", "/{b}/k", b"two", {}), ("GET", "/{b}/k?versionId=null", b"", {}),
                   ("DELETE", "/{b}/k", b"", {}), ("GET", "/{b}/k", b"", {}),
                   ("GET", "/{b}/k?versionId={v2}", b"", {}), ("GET", "/{b}/k?versionId={v1}", b"", {}),
                   ("GET", "/{b}/k?versionId=dsf", b"", {}),
                   ("GET", "/{b}/k?versionId=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", b"", {}),
                   ("GET", "/{b}?versions", b"", {}),
                   ("PUT", "/{b}/copy", b"", {"x-amz-copy-source": "/{b}/k?versionId={v1}"}),
                   ("DELETE", "/{b}/k?versionId={v2}", b"", {}), ("GET", "/{b}/k", b"", {}),
                   ("PUT", "/{b}?versioning", VERSIONING_SUSPENDED, {"Content-MD5": md5_b64(VERSIONING_SUSPENDED)}),
                   ("PUT", "/{b}/k", b"three", {}), ("GET", "/{b}/k", b"", {}),
                   ("DELETE", "/{b}", b"", {})],
}

# (case, step index) -> what AWS answers, what moto answers, and the evidence.
DEPARTURES = {
    ("object_tagging", 7): {
        "aws": (400, "InvalidTag", "Cannot provide multiple Tags with the same key"),
        "moto": (200, None, None),
        "why": "moto keeps the last of an object's repeated keys; S3 refuses them (versity/versitygw's run against AWS, "
               "and moto's own bucket path)"},
    ("object_tagging", 8): {
        "aws": (400, "InvalidTag", "The TagKey you have provided is invalid"),
        "moto": (400, "InvalidTag", "1 validation error detected: Value '" + "k" * 129 + "' at 'tags.1.member.key' "
                 "failed to satisfy constraint: Member must have length less than or equal to 128"),
        "why": "moto words it as other services' validation; S3's text is CAPTURE versity/versitygw#1232"},
    ("object_tagging", 12): {
        "aws": (400, "InvalidArgument", "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL "
                "query parameters without tag name duplicates."),
        "moto": (200, None, None),
        "why": "moto keeps the first of x-amz-tagging's repeated keys; S3 refuses the header (localstack, MinIO)"},
    ("versioning", 8): {
        "aws": (405, "MethodNotAllowed", "The specified method is not allowed against this resource."),
        "moto": (404, "NoSuchVersion", "The specified version does not exist."),
        "why": "a GET naming a delete marker: DOC GetObject, 'If the specified version in the request is a delete "
               "marker, the response returns a 405 Method Not Allowed error'"},
    ("versioning", 10): {
        "aws": (400, "InvalidArgument", "Invalid version id specified"),
        "moto": (404, "NoSuchVersion", "The specified version does not exist."),
        "why": "an id not of S3's shape is refused before any lookup (versity/versitygw#1638; "
               "Seagate/cortx-s3server#1724 quotes AWS: 400 for 'dsf', 404 for a well-formed id)"},
    ("invalid_bucket_name", 0): {
        "aws": (400, "InvalidBucketName", "The specified bucket is not valid."),
        "moto": (200, None, None),
        "why": "moto accepts PUT /Bad_Bucket (wire-format.md §4.2); S3 refuses the name (§4.1 REAL)"},
    ("content_md5_mismatch", 1): {
        "aws": (400, "BadDigest", "The Content-MD5 you specified did not match what we received."),
        "moto": (200, None, None),
        "why": "moto does not check Content-MD5; S3 answers BadDigest (CAPTURE dandi/dandi-cli#1257)"},
    ("content_md5_mismatch", 2): {
        "aws": (404, "NoSuchKey", "The specified key does not exist."),
        "moto": (200, None, None),
        "why": "S3 stored nothing after the BadDigest above"},
    ("content_md5_not_base64", 1): {
        "aws": (400, "InvalidDigest", "The Content-MD5 you specified was invalid."),
        "moto": (200, None, None),
        "why": "moto does not check Content-MD5; S3's code is InvalidDigest (DOC table; text INFERRED)"},
    ("checksum_mismatch", 1): {
        "aws": (400, "BadDigest", "The CRC32 you specified did not match the calculated checksum."),
        "moto": (200, None, None),
        "why": "moto stores a wrong x-amz-checksum-crc32 (as ministack did in ministack#1497, where AWS answered BadDigest)"},
    ("checksum_mismatch", 2): {
        "aws": (404, "NoSuchKey", "The specified key does not exist."),
        "moto": (200, None, None),
        "why": "S3 stored nothing after the BadDigest above"},
    ("garbage_continuation_token", 2): {
        "aws": (400, "InvalidArgument", "The continuation token provided is incorrect"),
        "moto": (500, None, None),
        "why": "a garbage ContinuationToken crashes moto; S3 answers 400 InvalidArgument (wire-format.md §4.2)"},
    ("max_keys_not_an_integer", 1): {
        "aws": (400, "InvalidArgument", "Provided max-keys not an integer or within integer range"),
        "moto": (500, None, None),
        "why": "moto crashes on a non-integer max-keys; the fake answers InvalidArgument in moto's own wording for integers (s3/errors.h)"},
    ("delete_objects_malformed", 1): {
        "aws": (400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema"),
        "moto": (500, None, None),
        "why": "moto crashes on XML it cannot parse; S3 answers MalformedXML"},
    ("delete_objects_without_content_md5", 1): {
        "aws": (400, "InvalidRequest", "Missing required header for this request: Content-MD5"),
        "moto": (200, None, None),
        "why": "S3 requires Content-MD5 or a checksum on DeleteObjects (DOC; text INFERRED); moto does not"},
    ("multipart_no_such_upload", 1): {
        "aws": (404, "NoSuchUpload", NSU),
        "moto": (500, None, None),
        "why": "moto crashes completing an unknown upload; S3 answers NoSuchUpload"},
    ("multipart_refusals", 4): {
        "aws": (400, "InvalidPartOrder",
                "The list of parts was not in ascending order. Parts must be ordered by part number."),
        "moto": (400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size."),
        "why": "moto checks part sizes before the order; S3 refuses the order first (INFERRED order, s3/multipart.cc)"},
    ("multipart_refusals", 5): {
        "aws": (400, "InvalidPart", "One or more of the specified parts could not be found.  The part may not have "
                "been uploaded, or the specified entity tag may not match the part's entity tag."),
        "moto": (400, "InvalidPart", "One or more of the specified parts could not be found. The part might not "
                 "have been uploaded, or the specified entity tag might not have matched the part's entity tag."),
        "why": "moto rewords the message; S3's text has two spaces and \"may\" (CAPTURE versity/versitygw#1008)"},
    ("multipart_refusals", 6): {
        "aws": (400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size"),
        "moto": (400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size."),
        "why": "moto adds \"object\" and a period (CAPTURE apache/arrow-rs-object-store#211)"},
    ("multipart_refusals", 7): {
        "aws": (400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema"),
        "moto": (500, None, None),
        "why": "moto crashes on a truncated CompleteMultipartUpload body"},
    ("multipart_part_number_out_of_range", 2): {
        "aws": (400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive"),
        "moto": (404, "NoSuchUpload", NSU),
        "why": "moto answers NoSuchUpload for part 0; S3 checks the part number (moto's own InvalidMaxPartNumberArgument text)"},
    # The reads every bucket answers (issue 13): where moto answers an unconfigured
    # bucket otherwise, S3's answers as recorded (fake/src/protocol/s3_bucket_config_ops.cc).
    ("bucket_configuration_reads", 1 + CONFIGURATION_READS.index("policyStatus")): {
        "aws": (404, "NoSuchBucketPolicy", "The bucket policy does not exist"),
        "moto": (200, None, None),
        "why": "without a policy S3 has no status to tell (REAL: AWS CLI dump in s3/errors.h); moto says IsPublic false"},
    ("bucket_configuration_reads", 1 + CONFIGURATION_READS.index("encryption")): {
        "aws": (200, None, None),
        "moto": (404, "ServerSideEncryptionConfigurationNotFoundError",
                 "The server side encryption configuration was not found"),
        "why": "SSE-S3 is every bucket's default since January 2023 (REAL: AWS CLI dump, the probe37 record)"},
    ("bucket_configuration_reads", 1 + CONFIGURATION_READS.index("ownershipControls")): {
        "aws": (200, None, None),
        "moto": (404, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found"),
        "why": "ACLs are disabled (BucketOwnerEnforced) on every bucket made since April 2023 (DOC: AWS News Blog)"},
    ("bucket_configuration_reads", 1 + CONFIGURATION_READS.index("publicAccessBlock")): {
        "aws": (200, None, None),
        "moto": (404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found"),
        "why": "Block Public Access is on for every bucket made since April 2023 (DOC: AWS News Blog)"},
    ("post_to_an_object", 2): {
        "aws": (405, "MethodNotAllowed", "The specified method is not allowed against this resource."),
        "moto": (500, None, None),
        "why": "moto crashes on a POST without a subresource; S3 answers 405 MethodNotAllowed"},
}


class Target:
    """One server, spoken to with botocore's SigV4 signer over plain HTTP."""

    def __init__(self, endpoint):
        parsed = urllib.parse.urlparse(endpoint)
        self.host, self.port = parsed.hostname, parsed.port

    def send(self, method, path, body, headers):
        request = AWSRequest(method=method, url="http://%s:%d%s" % (self.host, self.port, path),
                             data=body, headers=dict(headers))
        S3SigV4Auth(CREDENTIALS, "s3", "us-east-1").add_auth(request)
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=dict(request.headers.items()))
            response = connection.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), data
        finally:
            connection.close()


def answer(status, data):
    code = re.search(rb"<Code>(.*?)</Code>", data)
    message = re.search(rb"<Message>(.*?)</Message>", data)
    text = lambda m: m.group(1).decode().replace("&apos;", "'").replace("&quot;", '"') if m else None
    return (status, text(code) if status >= 300 else None, text(message) if status >= 300 else None)


class MotoDifferential(unittest.TestCase):
    fake = moto = None

    @classmethod
    def setUpClass(cls):
        cls.fake_server = servers.start_fakeaws(SERVER)
        try:
            cls.moto_server = servers.start_moto()
        except Exception:
            cls.fake_server.stop()
            raise
        cls.fake = Target(cls.fake_server.endpoint)
        cls.moto = Target(cls.moto_server.endpoint)

    @classmethod
    def tearDownClass(cls):
        cls.fake_server.stop()
        cls.moto_server.stop()

    def run_case(self, name, steps):
        bucket = "diff-" + name.replace("_", "-")[:40]
        uploads = {}
        versions = {"fake": [], "moto": []}
        for index, (method, path, body, headers) in enumerate(steps):
            answers = {}
            for who, target in (("fake", self.fake), ("moto", self.moto)):
                learned = versions[who] + ["", ""]
                names = dict(b=bucket, upload=uploads.get(who, ""), v1=learned[0], v2=learned[1])
                p = path.format(**names)
                h = {k: v.format(**names) for k, v in headers.items()}
                status, response_headers, data = target.send(method, p, body, h)
                version = {k.lower(): v for k, v in response_headers.items()}.get("x-amz-version-id")
                if version and version != "null" and version not in versions[who]:
                    versions[who].append(version)
                found = re.search(rb"<UploadId>(.*?)</UploadId>", data)
                if found:
                    uploads[who] = found.group(1).decode()
                answers[who] = answer(status, data)
                if method == "GET" and "?" not in p and status in (200, 206):
                    bodies = getattr(self, "_bodies", {})
                    bodies[who] = data
                    self._bodies = bodies
                if who == "fake":
                    # moto sends neither header (§4.2); S3 always does (§4.1).
                    self.assertRegex(response_headers.get("x-amz-request-id", ""), r"^[A-Z0-9]{16}$")
                    self.assertIn("x-amz-id-2", response_headers)
            label = "%s step %d (%s %s)" % (name, index, method, path)
            bodies = getattr(self, "_bodies", {})
            if len(bodies) == 2:
                self.assertEqual(bodies["fake"], bodies["moto"], label + ": object bytes differ")
            self._bodies = {}
            departure = DEPARTURES.get((name, index))
            if departure:
                self.assertEqual(answers["fake"], departure["aws"], label + ": the fake must answer as AWS")
                self.assertEqual(answers["moto"], departure["moto"],
                                 label + ": moto no longer departs as recorded; update DEPARTURES")
                print("  AWS wins  %-60s fake=%s moto=%s  (%s)" % (label, answers["fake"][:2], answers["moto"][:2],
                                                                  departure["why"]))
            else:
                self.assertEqual(answers["fake"], answers["moto"], label)
                print("  agree     %-60s %s" % (label, answers["fake"][:2]))


def make_test(name, steps):
    return lambda self: self.run_case(name, steps)


for case_name, case_steps in CASES.items():
    setattr(MotoDifferential, "test_" + case_name, make_test(case_name, case_steps))

if __name__ == "__main__":
    SERVER = servers.server_path_from_argv()
    try:
        import shutil
        if not shutil.which("moto_server"):
            servers.skip("moto_server is not installed")
    except ImportError:
        pass
    unittest.main(verbosity=2)

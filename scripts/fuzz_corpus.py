#!/usr/bin/env python3
"""Seeds the fuzzers' corpora from the golden wire files: each request in
tests/wire/**/*.http becomes an input in the layout its fuzzer expects."""
import glob
import os
import re
import sys


def expand(body):
    """The bytes a golden body means: "@escaped" and "@fill" as tests/wire/golden.cc reads them."""
    if body.startswith("@fill "):
        _, count, char = body.split()[:3]
        return (char[0] * int(count)).encode()
    if not body.startswith("@escaped\n"):
        return body.encode()
    out, i, text = [], 0, body[len("@escaped\n"):]
    escapes = {"r": "\r", "n": "\n", "t": "\t", "\\": "\\"}
    while i < len(text):
        c = text[i]
        if c == "\n":
            i += 1
        elif c == "\\" and i + 1 < len(text) and text[i + 1] == "x":
            out.append(chr(int(text[i + 2:i + 4], 16)))
            i += 4
        elif c == "\\" and i + 1 < len(text):
            out.append(escapes[text[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out).encode("latin-1")


out = sys.argv[1]
targets = {}
for path in glob.glob("tests/wire/**/*.http", recursive=True):
    text = open(path, encoding="utf-8").read()
    for block in re.split(r"(?m)^>>>$", text)[1:]:
        request = block.split("\n<<<\n")[0].strip("\n")
        head, _, body = request.partition("\n\n")
        body = expand(body)
        target = re.search(r"(?mi)^X-Amz-Target: (.*)$", head)
        targets.setdefault("json_parser_fuzzer", []).append(body)
        if target:
            targets.setdefault("json_request_fuzzer", []).append(b"\x00\x00" + body)
        elif "/s3/" in path:
            # s3_request_fuzzer reads the request as written, minus "HTTP/1.1".
            s3_request = (head.replace(" HTTP/1.1", "", 1) + "\n\n").encode() + body
            targets.setdefault("s3_request_fuzzer", []).append(s3_request)
            if re.search(r"(?mi)^Content-Encoding: .*aws-chunked", head):
                targets.setdefault("aws_chunked_fuzzer", []).append(body)
            if body.lstrip().startswith(b"<"):
                targets.setdefault("s3_xml_fuzzer", []).append(body)
# The Parquet reader starts from files DuckDB wrote (issue 14).
for path in sorted(glob.glob("tests/forecast/parquet_import/*.parquet")):
    targets.setdefault("parquet_reader_fuzzer", []).append(open(path, "rb").read())
for name, inputs in targets.items():
    os.makedirs(os.path.join(out, name), exist_ok=True)
    for i, data in enumerate(inputs):
        with open(os.path.join(out, name, "golden_%04d" % i), "wb") as f:
            f.write(data)
os.makedirs(os.path.join(out, "next_token_fuzzer"), exist_ok=True)
with open(os.path.join(out, "next_token_fuzzer", "seed"), "wb") as f:
    f.write(b"MTo0Mjo0Mg==")

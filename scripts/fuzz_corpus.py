#!/usr/bin/env python3
"""Seeds the fuzzers' corpora from the golden wire files: each request in
tests/wire/**/*.http becomes an input in the layout its fuzzer expects."""
import glob
import os
import re
import sys

out = sys.argv[1]
targets = {}
for path in glob.glob("tests/wire/**/*.http", recursive=True):
    text = open(path, encoding="utf-8").read()
    for block in re.split(r"(?m)^>>>$", text)[1:]:
        request = block.split("\n<<<\n")[0].strip("\n")
        head, _, body = request.partition("\n\n")
        target = re.search(r"(?mi)^X-Amz-Target: (.*)$", head)
        targets.setdefault("json_parser_fuzzer", []).append(body.encode())
        if target:
            targets.setdefault("json_request_fuzzer", []).append(b"\x00\x00" + body.encode())
        elif "/s3/" in path:
            # s3_request_fuzzer reads the request as written, minus "HTTP/1.1".
            targets.setdefault("s3_request_fuzzer", []).append(request.replace(" HTTP/1.1", "", 1).encode())
for name, inputs in targets.items():
    os.makedirs(os.path.join(out, name), exist_ok=True)
    for i, data in enumerate(inputs):
        with open(os.path.join(out, name, "golden_%04d" % i), "wb") as f:
            f.write(data)
os.makedirs(os.path.join(out, "next_token_fuzzer"), exist_ok=True)
with open(os.path.join(out, "next_token_fuzzer", "seed"), "wb") as f:
    f.write(b"MTo0Mjo0Mg==")

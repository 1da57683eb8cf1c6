#!/usr/bin/env python3
"""Sets each expected response's Content-Length in golden wire files to the
byte length of the body written below it, so authors write bodies, not
byte counts. Usage: scripts/golden_lengths.py tests/wire/**/*.http"""
import re
import sys

# Placeholders in S3 cases stand for values of fixed length (tests/wire/golden.h).
PLACEHOLDER_LENGTHS = {"<request-id>": 16, "<host-id>": 76}
UPLOAD_ID = re.compile(r"<upload-id(?::\d+)?>")
VERSION_ID = re.compile(r"<version-id(?::\d+)?>")


def body_length(body):
    n = len(body.encode("utf-8"))
    for placeholder, real in PLACEHOLDER_LENGTHS.items():
        n += body.count(placeholder) * (real - len(placeholder))
    for m in UPLOAD_ID.finditer(body):
        n += 88 - len(m.group(0))
    for m in VERSION_ID.finditer(body):
        n += 32 - len(m.group(0))
    return n


def fix(text):
    blocks = re.split(r"(?m)^(>>>|<<<)$", text)
    out = [blocks[0]]
    method = ""
    for marker, block in zip(blocks[1::2], blocks[2::2]):
        if marker == ">>>":
            method = block.lstrip("\n").split(" ", 1)[0]
        # A HEAD response's Content-Length is the object's size, not its body's.
        if marker == "<<<" and method != "HEAD":
            # The block runs to the next marker or setup line.
            m = re.search(r"(?m)^@", block)
            body_end = m.start() if m else len(block)
            section, rest = block[:body_end], block[body_end:]
            content = section.lstrip("\n")
            content = content[:-1] if content.endswith("\n") else content
            head, sep, body = content.partition("\n\n")
            if not sep and head.endswith("\n"):
                head = head[:-1]
            length = body_length(body)
            head = re.sub(r"(?m)^Content-Length: \d+$", "Content-Length: %d" % length, head)
            section = "\n" + head + (sep + body if sep else "\n") + "\n"
            block = section + rest
        out.append(marker + block)
    return "".join(out)


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    fixed = fix(text)
    if fixed != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(fixed)
        print("updated", path)

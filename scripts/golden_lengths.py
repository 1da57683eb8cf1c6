#!/usr/bin/env python3
"""Sets each expected response's Content-Length in golden wire files to the
byte length of the body written below it, so authors write bodies, not
byte counts. Usage: scripts/golden_lengths.py tests/wire/**/*.http"""
import re
import sys


def fix(text):
    blocks = re.split(r"(?m)^(>>>|<<<)$", text)
    out = [blocks[0]]
    for marker, block in zip(blocks[1::2], blocks[2::2]):
        if marker == "<<<":
            # The block runs to the next marker or setup line.
            m = re.search(r"(?m)^@", block)
            body_end = m.start() if m else len(block)
            section, rest = block[:body_end], block[body_end:]
            content = section.lstrip("\n")
            content = content[:-1] if content.endswith("\n") else content
            head, sep, body = content.partition("\n\n")
            if not sep and head.endswith("\n"):
                head = head[:-1]
            length = len(body.encode("utf-8"))
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

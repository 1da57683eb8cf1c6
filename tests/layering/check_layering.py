#!/usr/bin/env python3
"""The floors of fake/src only look down (DESIGN.md, README "How it is built").

Each directory of fake/src is a floor; a file may include its own floor,
the floors below it, and the public headers (fakeaws/...). Within the domain
floor, forecast/ may use s3/ (exports land in S3's store) but not the other
way. Public headers (fake/include/fakeaws) and the matchers include public
headers only. Exits 1, naming each offending include, when one breaks a rule.

Usage: check_layering.py <source-root>
"""
import os
import re
import sys

FLOORS = {
    "base": 0,
    "forecast": 1, "s3": 1,
    "protocol": 2,
    "pipeline": 3,
    "listener": 4, "control": 4, "aws_sdk": 4,
}
# Same-floor neighbours a directory may include.
NEIGHBOURS = {"forecast": {"s3"}}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def violation(where, included):
    """Why `where` (a fake/src floor, or "public") may not include `included`, or None."""
    top = included.split("/", 1)[0]
    if top == "fakeaws":
        return None
    if where == "public":
        return "a public header includes only public headers"
    if where not in FLOORS:
        return "fake/src/%s/ is on no floor (check_layering.py FLOORS)" % where
    if top not in FLOORS:
        return None  # a third-party or generated path, not a floor
    if top == where or top in NEIGHBOURS.get(where, set()):
        return None
    if FLOORS[top] < FLOORS[where]:
        return None
    if FLOORS[top] == FLOORS[where]:
        return "%s/ and %s/ share a floor and do not include each other" % (where, top)
    return "%s/ is above %s/" % (top, where)


def self_test():
    assert violation("protocol", "base/url.h") is None
    assert violation("forecast", "s3/store.h") is None
    assert violation("s3", "forecast/service.h")
    assert violation("base", "pipeline/core.h")
    assert violation("protocol", "pipeline/core.h")
    assert violation("listener", "control/answers.h")
    assert violation("public", "base/url.h")
    assert violation("public", "fakeaws/http.h") is None
    assert violation("newdir", "base/url.h")


def scan(root):
    problems = []
    checked = 0
    trees = [(os.path.join(root, "fake", "src"), None),
             (os.path.join(root, "fake", "include"), "public"),
             (os.path.join(root, "matchers", "include"), "public")]
    for tree, fixed in trees:
        for dirpath, _, files in os.walk(tree):
            for name in files:
                if not name.endswith((".h", ".cc", ".inc")):
                    continue
                path = os.path.join(dirpath, name)
                where = fixed or os.path.relpath(path, tree).split(os.sep)[0]
                with open(path, encoding="utf-8") as f:
                    for included in INCLUDE.findall(f.read()):
                        checked += 1
                        why = violation(where, included)
                        if why:
                            problems.append("%s: #include \"%s\": %s" % (os.path.relpath(path, root), included, why))
    return problems, checked


def main():
    self_test()
    problems, checked = scan(sys.argv[1])
    for p in problems:
        print(p)
    print("%d includes checked, %d against the floors" % (checked, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

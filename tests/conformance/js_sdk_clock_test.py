"""The AWS SDK for JavaScript v3, which corrects its clock by answers' Date,
against fakeaws-server with signatures checked and its own clock pinned at
2026-01-01 (issue 11): no call is resent because of the fake's clock, and
every call is journaled once, as attempt 1.

The SDK comes from npm (tests/conformance/js/package-lock.json) into
<build>/js-sdk on first run. Exits 77 (skipped) without node and npm, or
when npm cannot fetch the packages.

Run by ctest: js_sdk_clock_test.py <path to fakeaws-server>."""
import os
import shutil
import subprocess
import sys

from server_harness import FakeawsServer, server_path_from_argv, skip

SERVER = server_path_from_argv()
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(os.path.dirname(os.path.dirname(SERVER)), "js-sdk")
KEY, SECRET = "AKIDJSCLOCKTEST", "js-secret"


def install():
    if not shutil.which("node") or not shutil.which("npm"):
        skip("node and npm are needed for the AWS SDK for JavaScript")
    os.makedirs(WORK, exist_ok=True)
    for name in ("package.json", "package-lock.json", "clock_skew.mjs"):
        shutil.copy(os.path.join(HERE, "js", name), WORK)
    if os.path.isdir(os.path.join(WORK, "node_modules", "@aws-sdk", "client-forecast")):
        return
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=WORK, capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        skip("npm ci failed: " + done.stderr[-500:])


def main():
    install()
    server = FakeawsServer(SERVER, "--start", "2026-01-01T00:00:00Z", "--verify-signatures", KEY + ":" + SECRET)
    try:
        run = subprocess.run(["node", "--no-warnings", os.path.join(WORK, "clock_skew.mjs"), server.endpoint, KEY, SECRET],
                             capture_output=True, text=True, timeout=120)
        print(run.stdout, run.stderr, sep="")
        if run.returncode != 0:
            return 1
        journal = server.control("GET", "/journal")["entries"]
        attempts = [dict((n.lower(), v) for n, v in e["request"]["headers"]).get("amz-sdk-request", "")
                    for e in journal]
        print("%d requests journaled: %s" % (len(journal), ", ".join(e["operation"] for e in journal)))
        if len(journal) != 7 or not all(a.startswith("attempt=1") for a in attempts):
            print("expected 7 requests, each attempt 1; got", attempts)
            return 1
        return 0
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())

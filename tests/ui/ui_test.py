"""The control page (GET /_fakeaws/ui, issue 15) in a real browser: Debian's
headless Chromium driven by puppeteer-core (tests/ui/ui_test.mjs) against
fakeaws-server.

What is missing is installed: Debian's chromium (and node and npm) with
apt-get, puppeteer-core from npm (tests/ui/package-lock.json; it downloads no
browser) into <work dir>. Exits 77 (skipped, the reason printed) only when
one of them cannot be had. Screenshots of each view are kept in
<work dir>/screenshots, their paths printed.

Run by ctest (label ui): ui_test.py <path to fakeaws-server> <work dir>."""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "conformance"))
from server_harness import FakeawsServer, server_path_from_argv, skip  # noqa: E402

SERVER = server_path_from_argv()
if len(sys.argv) < 2:
    raise SystemExit("usage: ui_test.py <path to fakeaws-server> <work dir>")
WORK = os.path.abspath(sys.argv[1])
# The browser itself, not Debian's /usr/bin/chromium wrapper script, which
# adds flags of its own from /etc/chromium.d.
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def apt_install(packages, why):
    """Installs Debian packages, or skips saying why they cannot be had."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        skip("%s: %s missing and apt-get cannot install it here (not root, or no apt-get)" % (why, " ".join(packages)))
    print("installing %s with apt-get ..." % " ".join(packages), flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    done = run(command, env=env, timeout=1200)
    if done.returncode != 0:
        # A fresh container has no package lists yet.
        run(["apt-get", "update"], env=env, timeout=600)
        done = run(command, env=env, timeout=1200)
    if done.returncode != 0:
        skip("apt-get could not install %s: %s" % (" ".join(packages), (done.stderr or done.stdout)[-500:]))


def chromium():
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    apt_install(["chromium"], "the browser")
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    skip("chromium installed but none of %s is there" % ", ".join(CHROMIUM_CANDIDATES))


def install_puppeteer():
    if not shutil.which("node") or not shutil.which("npm"):
        apt_install(["nodejs", "npm"], "node and npm drive the browser")
    os.makedirs(WORK, exist_ok=True)
    # The script runs from beside its node_modules (ES modules ignore NODE_PATH).
    for name in ("package.json", "package-lock.json", "ui_test.mjs"):
        shutil.copy(os.path.join(HERE, name), WORK)
    if os.path.isdir(os.path.join(WORK, "node_modules", "puppeteer-core")):
        return
    print("installing puppeteer-core with npm ci into %s ..." % WORK, flush=True)
    done = run(["npm", "ci", "--no-audit", "--no-fund"], cwd=WORK, timeout=600)
    if done.returncode != 0:
        skip("npm ci could not install puppeteer-core: " + done.stderr[-500:])


def main():
    browser = chromium()
    install_puppeteer()
    shots = os.path.join(WORK, "screenshots")
    os.makedirs(shots, exist_ok=True)
    # A fixed start, so screenshots repeat; the clock steps a second per request.
    server = FakeawsServer(SERVER, "--start", "2026-01-01T00:00:00Z")
    try:
        print("fakeaws-server at %s, chromium %s" % (server.endpoint, browser), flush=True)
        done = subprocess.run(["node", os.path.join(WORK, "ui_test.mjs"), server.endpoint, shots, browser],
                              cwd=WORK, timeout=900)
        return done.returncode
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())

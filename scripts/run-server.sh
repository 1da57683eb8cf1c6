#!/usr/bin/env bash
# fakeaws-server for any AWS client, with a demo forecast and bucket: installs
# missing Debian packages, builds the server and runs it in the foreground.
# It prints the endpoint, the environment lines to export and a
# ready-to-paste AWS CLI example; Ctrl-C (SIGINT) or SIGTERM stops it.
#
#   scripts/run-server.sh                       # a free port, printed
#   scripts/run-server.sh --port 4566 --state fakeaws-state.json
# Any fakeaws-server flag may follow (see fakeaws-server --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build=${FAKEAWS_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target fakeaws-server -j"$(nproc)" >/dev/null
exec "$build/fake/fakeaws-server" --demo "$@"

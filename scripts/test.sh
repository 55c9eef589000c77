#!/usr/bin/env bash
# Set up and run the test suite: virtual environment, the package with its test
# dependencies, Debian's Chromium for the browser tests (where it can be
# installed; without it those tests are skipped and say why), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test,ray]'  # ray: so tests/test_ray_engine.py runs, not skips
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "scripts/test.sh: could not install chromium; the browser tests will be skipped"
fi
exec .venv/bin/python -m pytest -q "$@"

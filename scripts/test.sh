#!/usr/bin/env bash
# The whole test suite in one command: installs wijwerken with its test extras (into the active virtualenv or
# ./.venv), Debian's chromium for the browser tests when it is missing and can be installed, npm's
# configurable-http-proxy for the JupyterHub test (into .cache/hub) when it is missing, then runs
# `ruff check .`, the type check (`scripts/typecheck.py`: mypy, strict below the pages, a baseline that may only
# shrink for ui/shared/pages) and pytest (unit tests, nbval over every notebook in workbooks/, browser tests
# against a real `wijwerken serve`, and a real JupyterHub with deploy/jupyterhub). Any of them failing fails the run.
# Extra arguments go to pytest, e.g. `scripts/test.sh -k store`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${VIRTUAL_ENV:-}" ]; then
  py=python
else
  [ -x .venv/bin/python ] || python3 -m venv .venv
  py=.venv/bin/python
fi
"$py" -m pip install --quiet --disable-pip-version-check -e '.[test]'

chromium="${WIJWERKEN_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install Debian's 'chromium' package (or set WIJWERKEN_CHROMIUM)." >&2
    echo "The browser tests need it and are never skipped." >&2
    exit 1
  fi
fi

# The hub test's proxy (npm's configurable-http-proxy), into .cache/hub when it is not on PATH.
if ! command -v configurable-http-proxy >/dev/null && [ ! -x .cache/hub/node_modules/.bin/configurable-http-proxy ]; then
  if command -v npm >/dev/null; then
    npm install --silent --no-audit --no-fund --prefix .cache/hub configurable-http-proxy@4 >/dev/null
  else
    echo "npm is missing: the hub test needs configurable-http-proxy (npm install -g configurable-http-proxy)." >&2
    exit 1
  fi
fi

echo "ruff check ." >&2
"$py" -m ruff check .
echo "type check (scripts/typecheck.py)" >&2
"$py" scripts/typecheck.py

exec "$py" -m pytest "$@"

#!/usr/bin/env bash
# Install gpumkt into a project virtualenv (.venv). Usage: scripts/install.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-run}"
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
pip() { .venv/bin/python -m pip "$@"; }
pip install --quiet --upgrade pip
# The CPU build of torch first, so sentence-transformers does not pull a multi-GB CUDA build.
pip install --quiet "torch==2.13.0"
if ! .venv/bin/python -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '0.3.36')" 2>/dev/null; then
  echo ">>> installing llama-cpp-python 0.3.36: the first time it builds from source"
  echo ">>> (about 19 minutes on 2 cores; pip caches the built wheel, later installs take seconds)"
  pip install --progress-bar off "llama-cpp-python==0.3.36"
fi
if [ "$what" = "test" ]; then
  pip install --quiet -e ".[test,bench]"
  # Headless Chromium for the UI test comes from Debian, not from a browser download.
  if ! command -v chromium >/dev/null 2>&1; then
    echo ">>> installing Debian's chromium for the browser test"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  # A CJK font, so the browser test's screenshots show the reports' Chinese rather than boxes.
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo ">>> installing Debian's fonts-noto-cjk for the browser screenshots"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    # Not fatal: without it the tests still pass, only the screenshots show boxes for Chinese.
    ($SUDO apt-get update -qq && $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null) \
      || echo ">>> warning: fonts-noto-cjk could not be installed; screenshots will lack Chinese glyphs"
  fi
else
  pip install --quiet -e ".[bench]"
fi
.venv/bin/python -c "import llama_cpp; print('llama-cpp-python', llama_cpp.__version__, 'ok')"

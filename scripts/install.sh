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
# llama.cpp is compiled for this CPU, but without its AMX kernels: on Xeons with AMX (seen on a
# Sapphire Rapids-class VM) they crash the process (SIGSEGV in ggml_backend_amx_mul_mat) on any
# prompt longer than a few tokens. An explicit -mno-amx-* wins over -march=native wherever it
# stands. pip's wheel cache ignores CMAKE_ARGS, so the wheel is built once into a folder of its
# own, named after its flags, and a venv whose build has other flags (the marker file) is redone.
LLAMA_FLAGS=""
[ "$(uname -m)" = x86_64 ] && LLAMA_FLAGS="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
LLAMA_BUILD="0.3.36 ${LLAMA_FLAGS:-native}"
LLAMA_WHEELS="${XDG_CACHE_HOME:-$HOME/.cache}/gpumkt/wheels/llama-cpp-python-0.3.36-$(echo "$LLAMA_BUILD" | cksum | cut -d' ' -f1)"
if [ "$(cat .venv/.llama-cpp-build 2>/dev/null)" != "$LLAMA_BUILD" ] || \
    ! .venv/bin/python -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '0.3.36')" 2>/dev/null; then
  if ! ls "$LLAMA_WHEELS"/llama_cpp_python-*.whl >/dev/null 2>&1; then
    echo ">>> building llama-cpp-python 0.3.36 from source (flags: ${LLAMA_FLAGS:-none})"
    echo ">>> (about 19 minutes on 2 cores, once; the wheel is kept in $LLAMA_WHEELS)"
    CMAKE_ARGS="${CMAKE_ARGS:-} -DCMAKE_C_FLAGS='$LLAMA_FLAGS' -DCMAKE_CXX_FLAGS='$LLAMA_FLAGS'" \
      pip wheel --no-deps --no-cache-dir --progress-bar off -w "$LLAMA_WHEELS" "llama-cpp-python==0.3.36"
  fi
  pip install --quiet --force-reinstall --no-deps "$LLAMA_WHEELS"/llama_cpp_python-*.whl
  pip install --quiet "llama-cpp-python==0.3.36" --find-links "$LLAMA_WHEELS"  # its dependencies
  echo "$LLAMA_BUILD" > .venv/.llama-cpp-build
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

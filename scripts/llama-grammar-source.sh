#!/usr/bin/env bash
# Fetches llama.cpp's JSON-Schema-to-grammar converters once into a cache folder and prints the
# folder, for LLAMA_CPP_PYTHON_SOURCE (tests/unit/llama-grammar.test.ts). They come from
# llama-cpp-python's source distribution on PyPI: pure Python, no build and no model needed.
#
#   scripts/llama-grammar-source.sh          fetch when needed, print the folder
#   SPECFORGE_CACHE=/some/dir scripts/...    keep it under another cache folder
#
# Progress goes to stderr; stdout is the folder alone, so
# `export LLAMA_CPP_PYTHON_SOURCE=$(scripts/llama-grammar-source.sh)` works.
set -euo pipefail

version=0.3.16
cache="${SPECFORGE_CACHE:-$HOME/.cache/specforge}"
source_dir="$cache/llama-cpp-python-$version"
files=(llama_cpp/llama_grammar.py vendor/llama.cpp/examples/json_schema_to_grammar.py)

ready() {
  for file in "${files[@]}"; do [ -f "$source_dir/$file" ] || return 1; done
}

if ! ready; then
  echo "llama-grammar-source: fetching llama-cpp-python $version's sdist (about 50 MB, once)" >&2
  download="$(mktemp -d)"
  trap 'rm -rf "$download"' EXIT
  python3 -m pip download --quiet --no-deps --no-binary :all: "llama-cpp-python==$version" -d "$download" >&2
  mkdir -p "$source_dir"
  tar -xzf "$download/llama_cpp_python-$version.tar.gz" -C "$source_dir" --strip-components=1 \
    "${files[@]/#/llama_cpp_python-$version/}"
fi
echo "$source_dir"

#!/usr/bin/env bash
# Installs Schemathesis from PyPI once into a virtualenv under the cache folder and prints the path
# of its `schemathesis` command (scripts/fuzz-api.sh runs it against /openapi.json).
#
#   scripts/schemathesis-venv.sh          install when needed, print the command's path
#   SPECFORGE_CACHE=/some/dir scripts/... keep it under another cache folder
#
# Progress goes to stderr; stdout is the path alone.
set -euo pipefail

version=4.32.5
cache="${SPECFORGE_CACHE:-$HOME/.cache/specforge}"
venv="$cache/schemathesis-$version"
command="$venv/bin/schemathesis"

if [ ! -x "$command" ]; then
  echo "schemathesis-venv: installing schemathesis $version into $venv (once)" >&2
  rm -rf "$venv"
  # Debian's python3 ships venv and ensurepip separately.
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
  fi
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$version" >&2
fi
echo "$command"

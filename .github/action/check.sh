#!/usr/bin/env bash
# The layerfit GitHub Action's step (action.yml): installs the release for the runner's platform (once per version),
# runs `layerfit check --github`, records outputs, and exits with layerfit's code, so the step fails when the
# deployment does not fit. Runs locally too (the tests do): set INPUT_* and GITHUB_STEP_SUMMARY/GITHUB_OUTPUT, and
# LAYERFIT_ARCHIVE to a release archive on disk instead of downloading one.
set -uo pipefail
fail() { printf 'layerfit: %s\n' "$1" >&2; [ -n "${GITHUB_OUTPUT:-}" ] && printf 'exit-code=2\n' >>"$GITHUB_OUTPUT"; exit 2; }

version="${INPUT_VERSION:-0.1.0}"
case "${RUNNER_OS:-$(uname -s)}" in Linux) os=linux ;; macOS|Darwin) os=macos ;; *) fail "the layerfit action runs on Linux and macOS runners, not ${RUNNER_OS:-$(uname -s)}." ;; esac
case "${RUNNER_ARCH:-$(uname -m)}" in X64|x86_64|amd64) arch=x86_64 ;; ARM64|aarch64|arm64) arch=arm64 ;;
  *) fail "there is no layerfit release for the ${RUNNER_ARCH:-$(uname -m)} architecture (only x86_64 and arm64)." ;; esac
platform="$os-$arch"
name="layerfit-$version-$platform"
base="${INPUT_INSTALL_DIR:-}"
[ -n "$base" ] || base="${RUNNER_TOOL_CACHE:-${HOME:-/tmp}/.cache}/layerfit"
home="$base/$name"

if [ ! -x "$home/bin/layerfit" ]; then
  mkdir -p "$base" 2>/dev/null && [ -w "$base" ] \
    || fail "cannot install layerfit into $base (not a writable folder); set the action's install-dir input to one."
  tmp="$(mktemp -d "$base/.download.XXXXXX" 2>/dev/null)" || fail "cannot write in $base; set the action's install-dir input to a writable folder."
  if [ -n "${LAYERFIT_ARCHIVE:-}" ]; then
    cp "$LAYERFIT_ARCHIVE" "$tmp/$name.tar.gz" 2>/dev/null || fail "cannot read the release archive $LAYERFIT_ARCHIVE."
  else
    repo="${LAYERFIT_ACTION_REPOSITORY:-layerfit/layerfit}"
    url="https://github.com/$repo/releases/download/v$version/$name.tar.gz"
    curl -fsSL --retry 3 -o "$tmp/$name.tar.gz" "$url" \
      || { rm -rf "$tmp"; printf 'layerfit: could not download %s.\n' "$url" >&2; exit 3; }
  fi
  tar -xzf "$tmp/$name.tar.gz" -C "$tmp" 2>/dev/null && [ -x "$tmp/$name/bin/layerfit" ] \
    || { rm -rf "$tmp"; fail "the release archive for $platform is damaged or not a layerfit archive."; }
  rm -rf "$home" && mv "$tmp/$name" "$home" && rm -rf "$tmp"
fi

args=(check "${INPUT_PROJECT:-.}" --github)
[ -n "${INPUT_KIND:-}" ] && args+=(--kind "$INPUT_KIND")
[ -n "${INPUT_STAGE:-}" ] && args+=(--stage "$INPUT_STAGE")
[ -n "${INPUT_RUNTIME:-}" ] && args+=(--runtime "$INPUT_RUNTIME")
if [ -n "${INPUT_ARGS:-}" ]; then
  # shell words, as typed in the workflow: quotes respected, nothing expanded or run (xargs splits them)
  words="$(mktemp)"
  printf '%s' "$INPUT_ARGS" | xargs printf '%s\0' >"$words" 2>/dev/null \
    || { rm -f "$words"; fail "the args input has an unmatched quote: $INPUT_ARGS"; }
  while IFS= read -r -d '' w; do args+=("$w"); done <"$words"
  rm -f "$words"
fi
"$home/bin/layerfit" "${args[@]}"
code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  case "$code" in 0) echo "fits=true" ;; 1) echo "fits=false" ;; esac >>"$GITHUB_OUTPUT"
  echo "exit-code=$code" >>"$GITHUB_OUTPUT"
fi
exit "$code"

#!/usr/bin/env bash
# layerfit (self-contained archive): runs lib/layerfit.jar on the bundled Java runtime, with the start-up
# archive made at build time when it is intact. Works through symlinks and from any folder.
set -uo pipefail

# this script's real folder, following symlinks (no readlink -f: macOS before 12.3 lacks it)
parent() { case "$1" in */*) printf '%s' "${1%/*}/" ;; *) printf './' ;; esac; }
src="${BASH_SOURCE[0]}"
while [ -L "$src" ]; do
  dir="$(cd -P "$(parent "$src")" && pwd)"
  src="$(readlink "$src")"
  case "$src" in /*) ;; *) src="$dir/$src" ;; esac
done
home="$(cd -P "$(parent "$src").." && pwd)"

fail() { printf 'layerfit: %s\n' "$1" >&2; exit 2; }

read -r built_for <"$home/lib/platform" 2>/dev/null || built_for=""
read -r version <"$home/lib/version" 2>/dev/null || version="VERSION"
# the machine: on Linux from bash's own variables (no process started: each one is start-up time), else uname
machine=""
case "${OSTYPE:-}" in linux*) os=linux; machine="${HOSTTYPE:-}" ;; *) os="" ;; esac
[ -n "$os" ] || case "$(uname -s)" in Linux) os=linux ;; Darwin) os=macos ;; *) os="$(uname -s)" ;; esac
[ -n "$machine" ] || machine="$(uname -m)"
case "$machine" in x86_64|amd64) arch=x86_64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$machine" ;; esac
if [ -n "$built_for" ] && [ "$built_for" != "$os-$arch" ]; then
  fail "this layerfit archive is built for $built_for but this machine is $os-$arch; download layerfit-$version-$os-$arch.tar.gz instead (or run layerfit-$version.jar with Java 17+)."
fi
java="$home/runtime/bin/java"
jar="$home/lib/layerfit.jar"
if [ ! -x "$java" ] || [ ! -f "$jar" ]; then
  fail "this layerfit installation in $home is incomplete (runtime/bin/java or lib/layerfit.jar is missing); unpack the archive again."
fi

# The start-up archive, only when it has the size recorded at build time: a JVM falls back by itself when an
# archive does not fit it, but a truncated one can crash it. A command with a cache of its own (resolve) uses that.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
command=""
for a in "$@"; do case "$a" in -*) ;; *) command="$a"; break ;; esac; done
candidates=()
case "$command" in resolve) candidates+=("$home/lib/layerfit-$command.aot") ;; esac
candidates+=("$home/lib/layerfit.aot" "$home/lib/layerfit.jsa")
for startup in "${candidates[@]}"; do
  [ -f "$startup" ] || continue
  read -r want <"$startup.size" 2>/dev/null || want=""
  have="$(wc -c <"$startup" 2>/dev/null)"; have="${have//[!0-9]/}"
  if [ -n "$want" ] && [ "$want" = "$have" ]; then
    case "$startup" in
      *.aot) flags+=(-XX:AOTCache="$startup" -Xlog:aot=off -Xlog:cds=off) ;;
      *) flags+=(-XX:SharedArchiveFile="$startup" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off) ;;
    esac
    break
  fi
done
# -cp and the main class, not -jar: -jar opens the 10,000-entry jar to read its manifest (~5 ms), where the classes
# themselves come from the start-up archive (package.sh trains it the same way)
# shellcheck disable=SC2086 # LAYERFIT_JAVA_OPTS is a list of JVM options
exec "$java" "${flags[@]}" ${LAYERFIT_JAVA_OPTS:-} -cp "$jar" dev.layerfit.cli.Main "$@"

#!/usr/bin/env bash
# Builds layerfit's release artifacts from the shaded jar (run by `./mvnw -B -Prelease package`):
#   target/layerfit-VERSION.jar                     runnable jar (java -jar, Java 17+)
#   target/layerfit-VERSION-OS-ARCH.tar.gz          jlink runtime + bin/layerfit + start-up archive
#   target/layerfit_VERSION_DEBARCH.deb             (Linux) the same folder under /usr/lib/layerfit, /usr/bin/layerfit
# The JDK that links the runtime: $RELEASE_JDK, else the newest JDK with jlink among the Maven JDK and
# /usr/lib/jvm/* (a JDK 25+ gives the AOT cache, an older one a class-data sharing archive).
# Usage: package.sh VERSION TARGET_DIR MAVEN_JAVA_HOME
set -euo pipefail
version="$1"; target="$(cd "$2" && pwd)"; maven_jdk="$3"
say() { printf 'release: %s\n' "$*" >&2; }

jdk_feature() { # the feature release of a JDK folder (17, 21, 25...), or 0
  local v
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true)"
  printf '%s' "${v:-0}"
}
pick_jdk() {
  if [ -n "${RELEASE_JDK:-}" ]; then printf '%s' "$RELEASE_JDK"; return; fi
  local best="" best_v=0 d v
  for d in "$maven_jdk" "$maven_jdk/.." /usr/lib/jvm/*; do
    [ -x "$d/bin/jlink" ] || continue
    v="$(jdk_feature "$d")"
    if [ "$v" -gt "$best_v" ]; then best="$(cd "$d" && pwd)"; best_v="$v"; fi
  done
  printf '%s' "$best"
}
jdk="$(pick_jdk)"
[ -x "$jdk/bin/jlink" ] || { say "no JDK with jlink found (set RELEASE_JDK to a JDK 17+ folder)"; exit 1; }
feature="$(jdk_feature "$jdk")"
[ "$feature" -ge 17 ] || { say "$jdk is Java $feature; the runtime needs Java 17 or newer"; exit 1; }

case "$(uname -s)" in Linux) os=linux ;; Darwin) os=macos ;; *) say "unsupported OS $(uname -s)"; exit 1 ;; esac
case "$(uname -m)" in x86_64|amd64) arch=x86_64; debarch=amd64 ;; aarch64|arm64) arch=arm64; debarch=arm64 ;;
  *) say "unsupported architecture $(uname -m)"; exit 1 ;; esac
platform="$os-$arch"
name="layerfit-$version-$platform"
work="$target/release"
stage="$work/$name"
rm -rf "$work"; mkdir -p "$stage/bin" "$stage/lib"

# 1. the runnable jar
cp "$target/layerfit.jar" "$target/layerfit-$version.jar"
cp "$target/layerfit.jar" "$stage/lib/layerfit.jar"
# picocli's classes are Java 5 class files: no stack maps, so verified the slow way on every start and left out of
# any start-up archive. With a JDK 24+ (its ClassFile API) the archive's copy gets them rewritten as Java 8 class
# files with stack maps, bytecode unchanged (RetargetOldClasses.java); the runnable jar stays as Maven built it.
if [ "$(jdk_feature "$jdk")" -ge 24 ]; then
  "$jdk/bin/java" "$(dirname "$0")/RetargetOldClasses.java" "$stage/lib/layerfit.jar" "$stage/lib/layerfit.jar"
fi

# 2. a runtime with only the modules layerfit needs: what jdeps finds, plus the service-loaded ones it cannot
#    see (jdk.crypto.ec: elliptic-curve TLS for HTTPS indexes and AWS; jdk.zipfs is not used)
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$stage/lib/layerfit.jar")"
modules="$modules,jdk.crypto.ec"
say "linking a Java $feature runtime ($jdk) with $modules"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$stage/runtime" >/dev/null

# 3. the start-up archive, from a training run of the common commands (dev train-startup writes only in a temp
#    folder). The flags and the class path (-cp, not -jar) must match the launcher's.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
main=(-cp "$stage/lib/layerfit.jar" dev.layerfit.cli.Main)   # as the launcher runs it
if [ "$feature" -ge 25 ]; then
  # The AOT cache (JEP 483/514), without the training run's method profiles (JEP 515): replaying them makes the
  # C1-only start-up compile what the training run found hot, which costs a short command more than it saves
  # (docs/benchmarks.md: --version, analyze and resolve all used less CPU without them). A JDK that no longer knows
  # the flag gets the default cache.
  startup=layerfit.aot
  make_aot() {
    rm -f "$stage/lib/$startup"
    "$stage/runtime/bin/java" "$@" -XX:AOTCacheOutput="$stage/lib/$startup" -Xlog:aot=off -Xlog:cds=off "${flags[@]}" \
      "${main[@]}" dev train-startup >/dev/null 2>&1
  }
  make_aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining || make_aot
  # A second cache for resolve alone, trained by one resolve run as its own process: the general cache loads all of
  # its ~3,400 classes at every start, a warm resolve needs ~1,900 (docs/benchmarks.md). The run resolves the
  # training index's requirements file (demo[fast] with two specifiers, and helper, which meets a conflict) with six's
  # metadata already cached (a cold and a warm fetch), for a custom target, with --find-links as well: a class it never
  # loaded would make a resolve open the jar. A clean environment, so no pip or uv configuration of the builder's is read.
  train="$(mktemp -d)"
  lf_train() { env -i HOME="$train" LAYERFIT_CACHE_DIR="$train/cache" "$stage/runtime/bin/java" "$@"; }
  if lf_train "${flags[@]}" "${main[@]}" dev train-startup --write-index "$train" \
    && lf_train "${flags[@]}" "${main[@]}" resolve six --python-version 3.11 --glibc 2.34 \
      --index-url "file://$train/index/simple" >/dev/null \
    && lf_train -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput="$stage/lib/layerfit-resolve.aot" \
      -Xlog:aot=off -Xlog:cds=off "${flags[@]}" "${main[@]}" \
      resolve "$train/requirements.txt" --python-version 3.11 --glibc 2.34 --index-url "file://$train/index/simple" \
      --find-links "$train/wheels" >/dev/null 2>"$train/log"; then
    wc -c <"$stage/lib/layerfit-resolve.aot" | tr -d ' ' >"$stage/lib/layerfit-resolve.aot.size"
  else
    say "the resolve start-up cache could not be trained; resolve uses the general one: $(cat "$train/log" 2>/dev/null)"
    rm -f "$stage/lib/layerfit-resolve.aot"
  fi
  rm -rf "$train"
else
  startup=layerfit.jsa
  "$stage/runtime/bin/java" -XX:ArchiveClassesAtExit="$stage/lib/$startup" -Xlog:cds=off -Xlog:cds+dynamic=off \
    "${flags[@]}" "${main[@]}" dev train-startup >/dev/null 2>&1
fi
# the launcher uses the archive only when its size is this (a truncated archive can crash a JVM)
wc -c <"$stage/lib/$startup" | tr -d ' ' >"$stage/lib/$startup.size"
printf '%s\n' "$platform" >"$stage/lib/platform"
printf '%s\n' "$version" >"$stage/lib/version"
cp "$(dirname "$0")/layerfit-launcher.sh" "$stage/bin/layerfit"
chmod 755 "$stage/bin/layerfit"
cp "$(dirname "$0")/README.txt" "$stage/README.txt"

# 4. the archive (sorted, fixed owner, so unpacking never depends on the builder's user)
tarball="$target/$name.tar.gz"
tar_opts=(--owner=0 --group=0 --numeric-owner)
tar --version 2>/dev/null | grep -q GNU && tar_opts+=(--sort=name)
(cd "$work" && tar "${tar_opts[@]}" -czf "$tarball" "$name")
say "wrote $tarball ($(wc -c <"$tarball" | tr -d ' ') bytes)"

# 5. the Debian package, from the same folder
if [ "$os" = linux ] && command -v dpkg-deb >/dev/null 2>&1; then
  root="$work/deb"
  mkdir -p "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin"
  cp -a "$stage" "$root/usr/lib/layerfit"
  ln -s ../lib/layerfit/bin/layerfit "$root/usr/bin/layerfit"
  size_kb="$(du -sk "$root/usr" | cut -f1)"
  cat >"$root/DEBIAN/control" <<CONTROL
Package: layerfit
Version: $version
Architecture: $debarch
Maintainer: layerfit maintainers <layerfit@users.noreply.github.com>
Installed-Size: $size_kb
Depends: libc6, zlib1g
Section: devel
Priority: optional
Homepage: https://github.com/layerfit/layerfit
Description: makes AWS Lambda deployments fit
 Measures a Lambda function and its layers exactly as AWS counts them, says whether
 the deployment fits, what takes the space and what to change. Bundles its own
 Java runtime.
CONTROL
  deb="$target/layerfit_${version}_$debarch.deb"
  dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
  say "wrote $deb ($(wc -c <"$deb" | tr -d ' ') bytes)"
fi

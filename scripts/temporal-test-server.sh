#!/usr/bin/env bash
# Installs Temporal's time-skipping test server (the Java one, from Maven Central) once into a
# cache folder and prints the path of an executable that runs it, for
# TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }).
# The SDK's own default downloads a prebuilt binary from outside the package registries, which
# cannot work here; Maven Central can.
#
#   scripts/temporal-test-server.sh            install when needed, print the executable's path
#   scripts/temporal-test-server.sh --check    print the path if installed; else say why, exit 3
#   SPECFORGE_CACHE=/some/dir scripts/...      install under another cache folder
#
# Progress goes to stderr; stdout is the path alone, so `path=$(scripts/temporal-test-server.sh)` works.
set -euo pipefail

version=1.31.0
main_class=io.temporal.testserver.TestServer
cache="${SPECFORGE_CACHE:-$HOME/.cache/specforge}"
home="$cache/temporal-test-server-$version"
executable="$home/temporal-test-server"

say() { echo "temporal-test-server: $*" >&2; }

main() {
  if ready; then
    echo "$executable"
    return
  fi
  if [ "${1:-}" = --check ]; then
    say "not installed: run scripts/temporal-test-server.sh (needs Java 17 and Maven, or apt-get)"
    exit 3
  fi
  ensure_tools
  install
  echo "$executable"
}

ready() {
  [ -x "$executable" ] && [ -f "$home/installed" ] && command -v "${JAVA:-java}" >/dev/null 2>&1
}

# A clean Debian machine may lack both; CI and developer machines here run as root.
ensure_tools() {
  local missing=() sudo=()
  command -v "${JAVA:-java}" >/dev/null 2>&1 || missing+=(java)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  [ ${#missing[@]} -eq 0 ] && return
  command -v apt-get >/dev/null 2>&1 || { say "needs ${missing[*]}: install Java 17 and Maven, then run again"; exit 1; }
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq >&2
  # Debian 12 ships Java 17; later releases only a newer one, which runs the server as well.
  local packages=("${missing[@]/java/$(java_package)}")
  say "installing ${packages[*]} with apt-get"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >&2
}

java_package() {
  if apt-cache show openjdk-17-jre-headless >/dev/null 2>&1; then echo openjdk-17-jre-headless; else echo default-jre-headless; fi
}

# Built in a staging folder and renamed into place, so an interrupted install is never taken
# for a finished one, and two concurrent installs cannot mix their files.
install() {
  mkdir -p "$cache"
  staging="$(mktemp -d "$cache/.temporal-test-server-$version.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  say "installing io.temporal:temporal-test-server:$version from Maven Central into $home"
  write_pom "$staging/pom.xml"
  if ! mvn --batch-mode --no-transfer-progress --file "$staging/pom.xml" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$staging/lib" >"$staging/maven.log" 2>&1; then
    say "Maven could not fetch the test server; its output:"
    cat "$staging/maven.log" >&2
    exit 1
  fi
  rm "$staging/pom.xml" "$staging/maven.log"
  write_executable "$staging/temporal-test-server"
  check_starts "$staging/temporal-test-server"
  date -u +%FT%TZ >"$staging/installed"
  rm -rf "$home"
  mv "$staging" "$home"
  trap - EXIT
  say "installed"
}

write_pom() {
  cat >"$1" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>specforge</groupId>
  <artifactId>temporal-test-server-install</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>$version</version>
    </dependency>
    <!-- Without a binding, SLF4J prints a three-line warning into every test run's output. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>1.7.36</version>
    </dependency>
  </dependencies>
</project>
EOF
}

# The SDK starts the executable as `<path> <port> [extraArgs...]` and stops it by killing that
# process: `exec` makes java that process, so no JVM outlives a test. The SDK also gives up when the
# port does not answer within 5 s, hence a JVM tuned to start fast (client compiler only, serial GC).
write_executable() {
  cat >"$1" <<EOF
#!/bin/sh
# Temporal's Java time-skipping test server $version; usage: temporal-test-server <port>
here="\$(cd "\$(dirname "\$0")" && pwd)"
exec "\${JAVA:-java}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$here/lib/*" $main_class "\$@"
EOF
  chmod +x "$1"
}

# Runs the freshly installed server once: a broken download fails here, not in a test.
check_starts() {
  local port log pid
  port="$(free_port)"
  log="$(dirname "$1")/check.log"
  "$1" "$port" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      kill "$pid"
      wait "$pid" 2>/dev/null || true
      rm "$log"
      return
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  say "the installed server did not listen on port $port; its output:"
  cat "$log" >&2
  exit 1
}

free_port() {
  node -e 'const server = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); })'
}

main "$@"

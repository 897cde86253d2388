# Sourced by bin/fg, bin/fg-bench and bin/test: finds a JDK 25 or newer.
# JAVA_HOME when it is 25+, else the newest under /usr/lib/jvm, else `java` on the PATH when it is 25+.
# find_java_home prints the JDK's home directory, or nothing when there is none.

java_major() { # the feature version of a JDK home, or nothing
  local home="$1" version=""
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  elif [ -x "$home/bin/java" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  echo "$version"
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [ -x "$home/bin/java" ] || continue
    major=$(java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then echo "$best"; return; fi
  if command -v java >/dev/null 2>&1; then
    local bin
    bin=$(readlink -f "$(command -v java)")
    home="${bin%/bin/java}"
    major=$(java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$home"; fi
  fi
}

# require_java_home NAME: sets JAVA25_HOME or exits 1 saying what to install.
require_java_home() {
  JAVA25_HOME=$(find_java_home)
  if [ -z "$JAVA25_HOME" ]; then
    echo "$1: needs a Java 25 (or newer) JDK, and none was found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
    echo "$1: install one (e.g. Temurin 25 or 'apt-get install openjdk-25-jdk'), or point JAVA_HOME at it." >&2
    exit 1
  fi
}

# Sourced by ./dbchat and .ci/run: points JAVA_HOME at a JDK 25 or newer when the current one is older.
java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }

if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 25 ] 2>/dev/null; then
  JAVA_HOME=""
  if command -v java >/dev/null && [ "$(java_major java)" -ge 25 ] 2>/dev/null; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
      if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 25 ] 2>/dev/null; then
        JAVA_HOME="$candidate"
        break
      fi
    done
  fi
  if [ -z "$JAVA_HOME" ]; then
    echo "dbchat needs a JDK 25 or newer: install one (e.g. Temurin 25) and set JAVA_HOME." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

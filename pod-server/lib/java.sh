# Sourced by the scripts beside it: sets JAVA to a Java 21+ launcher (JAVA_HOME first, then PATH, then
# the JDKs under /usr/lib/jvm, where these machines keep Temurin while the default java is 17).
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1") ? v[2] : v[1]; exit }'
}

find_java() {
  local candidate major
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major="$(java_major "$candidate")"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "intentpod: no Java 21 or newer found; install one or set JAVA_HOME" >&2
  return 1
}

JAVA="$(find_java)"

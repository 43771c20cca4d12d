#!/usr/bin/env bash
# Runs every test: unit, Spring, Karibu UI and real-browser tests (./mvnw -B verify).
# On a fresh Debian machine it first installs what the tests need (Java 17, Maven, Debian's
# chromium + chromium-driver) when run as root, or says what to install otherwise.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
# Maven itself comes through the wrapper (./mvnw), which fetches the version it names from Maven Central.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

exec ./mvnw -B verify "$@"

#!/bin/sh
# fetch-ucd.sh — fetches the Unicode Character Database text files that
# tools/gen-unicode.py and tools/gen-normalize.py read, from Debian's
# `unicode-data` package, without installing it or touching the system's apt
# state: a private apt configuration under WORK lists Debian unstable and
# trixie, `apt-get download` fetches the .deb, `dpkg-deb -x` unpacks it.
#
# Usage: tools/fetch-ucd.sh [VERSION] [WORK]
#   VERSION  the Debian package version (default 17.0.0-2, UCD 17.0.0)
#   WORK     scratch directory (default /tmp/heron-ucd)
# Prints the UCD directory (WORK/root/usr/share/unicode) on success.
set -eu

VERSION=${1:-17.0.0-2}
WORK=${2:-/tmp/heron-ucd}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/root"
cat > "$WORK/sources.list" <<EOF
deb [signed-by=$KEYRING] http://deb.debian.org/debian unstable main
deb [signed-by=$KEYRING] http://deb.debian.org/debian trixie main
EOF
set -- -o "Dir::Etc::sourcelist=$WORK/sources.list" -o "Dir::Etc::sourceparts=-" \
    -o "APT::Sandbox::User=root" \
    -o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache=$WORK/cache" \
    -o "Dir::State::status=/var/lib/dpkg/status"

apt-get "$@" -q update >&2
cd "$WORK"
apt-get "$@" -q download "unicode-data=$VERSION" >&2
dpkg-deb -x "unicode-data_${VERSION}_all.deb" "$WORK/root"
echo "$WORK/root/usr/share/unicode"

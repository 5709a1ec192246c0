#!/bin/sh
# Install the Debian packages that the build or the tests need; apt-get runs only for
# what is missing.
#   sh tests/system-packages.sh site   Voikko, for the Finnish word forms of the search index
#   sh tests/system-packages.sh        those, plus a real browser, Java for the Nu Html
#                                      Checker and shellcheck for the workflows' scripts
set -eu
packages="libvoikko1 voikko-fi"
if [ "${1:-test}" != site ]; then
    packages="$packages chromium chromium-driver default-jre-headless shellcheck"
fi
missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "Installing$missing needs root: run 'sudo make test' or install them yourself." >&2
    exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing

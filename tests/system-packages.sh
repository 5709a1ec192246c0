#!/bin/sh
# Install the Debian packages the tests need: a real browser, Java for the Nu Html
# Checker, Voikko for Finnish word forms and shellcheck for the scripts of the
# workflows. Runs apt-get only for what is missing.
set -eu
packages="chromium chromium-driver default-jre-headless libvoikko1 voikko-fi shellcheck"
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

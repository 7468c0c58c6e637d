#!/bin/sh
# Runs a command against a real Secret Service: a private D-Bus session with its own unlocked
# gnome-keyring and a fresh XDG_DATA_HOME, so tests never touch the developer's own keychain.
set -eu
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "$@"' sh "$@"

#!/usr/bin/env bash
# Give .venv exactly the pinned dependencies, quickly when nothing changed.
#
#   scripts/venv.sh        (called by `make install`)
#
# A virtualenv is built once per content of the two lock files and the Python
# version, in a cache folder shared by every clone on this machine
# (~/.cache/steady-ground/venvs/<key>, or $STEADY_VENV_CACHE), and .venv is a
# link to it. A fresh clone whose lock files match a finished build links it
# in a second instead of installing about sixty packages again; changed lock
# files give a new key and a new build, so a cached venv never drifts from the
# lock files it was built from. A .venv that is a real folder, or a link to
# somewhere else (a git worktree sharing another checkout's venv), is kept and
# brought up to date with pip in place, as before.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
CACHE=${STEADY_VENV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steady-ground/venvs}
LOCKS=(requirements.lock requirements-dev.lock)

install_into() {
    "$1/bin/python" -m pip install --quiet -r requirements-dev.lock
}

link=$(readlink .venv 2>/dev/null || true)
if [ -d .venv ] && [ "${link%/*}" != "$CACHE" ]; then
    test -x .venv/bin/python || $PYTHON -m venv .venv
    install_into .venv
    exit 0
fi

key=$({ $PYTHON -VV; cat "${LOCKS[@]}"; } | sha256sum | cut -c1-16)
target=$CACHE/$key
mkdir -p "$CACHE"
(
    # One build at a time; a second `make` waits, then finds the build done.
    flock 9
    if [ ! -f "$target/.complete" ]; then
        echo "Building the virtualenv for these lock files in $target"
        rm -rf "$target"
        $PYTHON -m venv "$target"
        "$target/bin/python" -m pip install --quiet --upgrade pip
        install_into "$target"
        touch "$target/.complete"
    fi
    touch "$target"
    # Builds no clone has used for 30 days go.
    find "$CACHE" -mindepth 1 -maxdepth 1 -type d -mtime +30 -exec rm -rf {} +
) 9>"$CACHE/.lock"
rm -f .venv
ln -s "$target" .venv

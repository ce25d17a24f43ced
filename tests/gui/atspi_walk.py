"""Run by Debian's own Python (it has pyatspi): start CaptionReview on the accessibility bus,
wait until its window is up, walk its accessible tree as a screen reader would and print it as
JSON. Used by tests/gui/test_accessibility_tree.py inside ``xvfb-run dbus-run-session``.

    /usr/bin/python3 atspi_walk.py SECONDS COMMAND...
"""

import json
import os
import subprocess
import sys
import time

import pyatspi

APP_NAME = "CaptionReview"
MARKER = "ATSPI-TREE "
TABLE_ROLES = ("table", "tree table", "tree")
# Enough rows of a long list to judge it; the rest are the same kind of node.
MAX_ROWS = 80


def find_app():
    """The CaptionReview application on the bus, or None."""
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == APP_NAME:
            return app
    return None


def node(acc, path):
    """One accessible object as a dict (role, name, description, states, path of roles)."""
    states = [pyatspi.stateToString(s) for s in acc.getState().getStates()]
    return {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states,
        "path": path,
    }


def walk(acc, path, out, depth=0):
    """Append ``acc`` and its descendants to ``out``."""
    if acc is None or depth > 40:
        return
    try:
        here = node(acc, path)
        count = acc.childCount
        if here["role"] in TABLE_ROLES:
            count = min(count, MAX_ROWS)
        children = [acc.getChildAtIndex(i) for i in range(count)]
    except Exception:  # an object that went away while walking: skip it
        return
    out.append(here)
    for child in children:
        walk(child, [*path, here["role"]], out, depth + 1)


def tree(app):
    """Every accessible object of ``app``'s windows."""
    out = []
    for window in app:
        walk(window, [], out)
    return out


def ready(nodes):
    """True once the cue list has the focus and the issues are marked on its rows."""
    focused = any("focused" in n["states"] and "table" in n["path"] for n in nodes)
    marked = any(n["role"] == "table row header" and "," in n["name"] for n in nodes)
    return focused and marked


def main():
    """Launch the command, wait for it to be ready, print its tree, stop it."""
    seconds = float(sys.argv[1])
    env = dict(os.environ, QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    # The app's own output goes to stderr: stdout carries the JSON only.
    app_process = subprocess.Popen(sys.argv[2:], env=env, stdout=sys.stderr)
    deadline = time.monotonic() + seconds
    nodes = []
    try:
        while time.monotonic() < deadline:
            app = find_app()
            if app is not None and app.childCount:
                nodes = tree(app)
                if ready(nodes):
                    break
            time.sleep(0.5)
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
    # The bus's daemons write to the same stdout: the tree is the line after the marker.
    print("\n" + MARKER + json.dumps(nodes, ensure_ascii=False))


if __name__ == "__main__":
    main()

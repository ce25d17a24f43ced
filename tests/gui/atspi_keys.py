"""Run by Debian's own Python (it has pyatspi): start CaptionReview on the accessibility bus,
then use it from the keyboard as a screen-reader user would — click into the cue text, F7 to
the next suspicious word, Ctrl+. for its menu, Return — while listening to what the screen
reader hears (focus and menu events), and print those events and the cue text afterwards as
JSON. Keys go through the X server (xdotool), as a person's would.
Used by tests/gui/test_accessibility_tree.py inside ``xvfb-run dbus-run-session``.

    /usr/bin/python3 atspi_keys.py SECONDS COMMAND...
"""

import json
import os
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

APP_NAME = "CaptionReview"
MARKER = "ATSPI-KEYS "
EVENTS = (
    "object:state-changed:focused",
    "object:state-changed:showing",
    "object:text-changed:insert",
)
PAUSE_MS = 1500


def find_app():
    """The CaptionReview application on the bus, or None."""
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == APP_NAME:
            return app
    return None


def find(acc, role, name, depth=0):
    """The first descendant of ``acc`` with this role and name, or None."""
    if acc is None or depth > 40:
        return None
    try:
        if acc.getRoleName() == role and acc.name == name:
            return acc
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:  # went away while looking
        return None
    for child in children:
        found = find(child, role, name, depth + 1)
        if found is not None:
            return found
    return None


def text_of(acc):
    """The whole text of an accessible text object."""
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def main():
    """Launch the command, drive it from the keyboard, print what was heard."""
    seconds = float(sys.argv[1])
    cue_text_name = os.environ.get("CUE_TEXT_NAME", "Cue text")
    env = dict(os.environ, QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    app_process = subprocess.Popen(sys.argv[2:], env=env, stdout=sys.stderr)
    heard = []
    result = {"events": heard, "text_before": None, "text_after": None, "error": None}
    try:
        deadline = time.monotonic() + seconds
        editor = None
        while time.monotonic() < deadline and editor is None:
            app = find_app()
            editor = find(app, "text", cue_text_name) if app is not None else None
            time.sleep(0.5)
        if editor is None:
            result["error"] = "no cue text box on the bus"
            return
        time.sleep(3)  # the background spell check marks its flags

        def on_event(event):
            try:
                source = event.source
                parent = source.parent
                heard.append(
                    {
                        "type": event.type,
                        "on": bool(event.detail1),
                        "role": source.getRoleName(),
                        "name": source.name or "",
                        "parent_role": parent.getRoleName() if parent is not None else "",
                        "parent_name": (parent.name or "") if parent is not None else "",
                    }
                )
            except Exception:  # an object that went away: nothing to hear
                pass

        for kind in EVENTS:
            pyatspi.Registry.registerEventListener(on_event, kind)
        box = editor.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        x, y = box.x + 40, box.y + 12

        def snapshot():
            result["text_before"] = text_of(editor)

        steps = [
            # No window manager under Xvfb: a click gives the window the keyboard.
            lambda: subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"]),
            lambda: subprocess.run(["xdotool", "key", "F7"]),
            snapshot,
            lambda: subprocess.run(["xdotool", "key", "ctrl+period"]),
            lambda: subprocess.run(["xdotool", "key", "Return"]),
            lambda: None,
        ]

        def next_step():
            if steps:
                steps.pop(0)()
                return True
            pyatspi.Registry.stop()
            return False

        GLib.timeout_add(PAUSE_MS, next_step)
        pyatspi.Registry.start()
        result["text_after"] = text_of(editor)
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
        print("\n" + MARKER + json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

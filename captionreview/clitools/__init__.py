"""Headless subcommands of the ``captionreview`` command (no Qt, no vlc)."""

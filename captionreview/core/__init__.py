"""The pure-Python core: document model, WebVTT reading and writing, commands, checks.

Nothing under ``captionreview.core`` imports PySide6 or vlc (tests/test_layers.py checks it).
"""

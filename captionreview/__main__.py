"""``python -m captionreview`` is the same as the ``captionreview`` command."""

import sys

from captionreview.cli import command_line

sys.exit(command_line())

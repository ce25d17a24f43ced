"""``python -m captionreview`` is the same as the ``captionreview`` command."""

import sys

from captionreview.cli import main

sys.exit(main())

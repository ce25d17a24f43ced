"""CaptionReview: review and correct auto-generated captions against the video.

The Python API (no Qt needed)::

    import captionreview
    doc = captionreview.load("lecture.sv.vtt")
    doc.set_text(0, "Välkommen till Tillväxtverket.")
    doc.save()
"""

from __future__ import annotations

from captionreview.core.document import Document
from captionreview.core.errors import CaptionReviewError
from captionreview.core.formats import load
from captionreview.core.model import Cue

__version__ = "0.1.0"

__all__ = ["CaptionReviewError", "Cue", "Document", "__version__", "load"]

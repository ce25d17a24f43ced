"""What the app hears: the video's audio decoded once into an envelope, speech and shot changes.

Pure data in core (ARCHITECTURE.md decision 10): the timeline draws it, the checks read it.
"""

from captionreview.core.audio.analysis import (
    AnalysisCancelled,
    AudioAnalysis,
    AudioError,
    analyse,
    cached_analysis,
)

__all__ = ["AnalysisCancelled", "AudioAnalysis", "AudioError", "analyse", "cached_analysis"]

"""One error root: every error the package raises on purpose is a CaptionReviewError."""

from __future__ import annotations

import pytest

from captionreview.core.audio.analysis import AudioError
from captionreview.core.audio.vad import DetectorUnavailable
from captionreview.core.errors import CaptionFileError, CaptionReviewError, EncodingError, SaveError
from captionreview.core.profiles import ProfileError, load_profile
from captionreview.core.review import ReviewFileError
from captionreview.core.timing import TimingRefused
from captionreview.core.words.glossary import GlossaryError
from captionreview.core.words.spelling import SpellerUnavailable


@pytest.mark.parametrize(
    "error",
    [
        CaptionFileError,
        EncodingError,
        SaveError,
        AudioError,
        DetectorUnavailable,
        ProfileError,
        ReviewFileError,
        TimingRefused,
        GlossaryError,
        SpellerUnavailable,
    ],
)
def test_every_error_of_the_package_has_the_one_root(error: type[Exception]) -> None:
    assert issubclass(error, CaptionReviewError)


def test_a_bad_profile_is_caught_by_the_root() -> None:
    with pytest.raises(CaptionReviewError):
        load_profile("no-such-profile")

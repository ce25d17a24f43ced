"""WebVTT at the file boundary: the lossless reader and writer, cue text trees and counting."""

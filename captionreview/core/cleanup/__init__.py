"""Clean-up of auto-caption form: word timings, de-rolling and sentence segmentation."""

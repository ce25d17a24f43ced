"""Words: spelling, the glossary, flags for likely recognition errors, spreading corrections."""

"""The bundled files, installed as the package ``captionreview.assets``: the demo lecture, the
application icon and the desktop entry (see ``[tool.setuptools]`` in pyproject.toml)."""

"""The document tree between kinds and formats, and the templates and markup that make it."""

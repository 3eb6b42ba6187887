"""One writer per format, each over the document tree: Markdown, Word (DOCX), plain text."""

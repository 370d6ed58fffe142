"""Reading articles from ``seeds/``: front matter, Markdown body, and the schema to a Term."""

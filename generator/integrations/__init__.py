"""Glue to the tools that build and search the site: the MkDocs plugin and the Pagefind indexing step."""

"""Addresses of generated pages as the built site serves them.

Markdown links are rewritten by MkDocs, but hrefs inside raw HTML (the SVG pictures) and absolute URLs
in feeds and JSON-LD are not: they must already be the URLs MkDocs serves. With ``use_directory_urls``
(MkDocs' default, used by this site) ``meetings/x.md`` is served at ``meetings/x/``.
"""

from __future__ import annotations

import posixpath


def served_path(path: str) -> str:
    """Site-relative URL of a docs/ path: ``meetings/x.md`` → ``meetings/x/``, ``index.md`` → ``""``.

    Files other than Markdown pages (``data/facts.json``) are served at their own path.
    """
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def relative_url(here: str, target: str, anchor: str = "") -> str:
    """URL of docs/ path ``target`` relative to the served page of docs/ path ``here``."""
    # A page is served as a folder; any other file sits in its parent folder.
    folder = (served_path(here) if here.endswith(".md") else posixpath.dirname(here)).rstrip("/") or "."
    served = served_path(target)
    url = posixpath.relpath(served.rstrip("/") or ".", folder)
    if served == "" or served.endswith("/"):
        url = "./" if url == "." else f"{url}/"
    return f"{url}#{anchor}" if anchor else url


def absolute_url(site_url: str, path: str, anchor: str = "") -> str:
    """Absolute URL of docs/ path ``path`` under ``site_url``; root-relative when no site_url is set."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    url = base + served_path(path)
    return f"{url}#{anchor}" if anchor else url

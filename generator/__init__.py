"""Fact-sheet site generator: data/facts.yaml → Markdown pages in docs/.

The pipeline reads as its modules: load → validate → model → render (templates/) → write.
MkDocs is not imported here; ``plugin`` is the only module that knows about it.
"""

"""The site: formatting, the route table, rendering to Markdown, pictures, metadata, open data, writing."""

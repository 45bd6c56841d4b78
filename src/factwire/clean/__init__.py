"""Stage 2 -- clean: the article body as paragraphs, with the title, and everything else set
aside by kind.  Two front ends share the scoring vocabulary in `boilerplate`:

* `clean_html(root)`  -- DOM-based, for HTML pages;
* `clean_text(text)`  -- line-based, for pages already flattened to text.
"""
from factwire.clean.html import clean_html
from factwire.clean.text import clean_text

__all__ = ["clean_html", "clean_text"]

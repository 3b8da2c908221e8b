"""Our own stylesheets and scripts, served minified (the sources keep their comments)."""

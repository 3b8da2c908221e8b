"""Page tracks: which history a page describes, declared in front matter and shown as a badge."""

"""Our own stylesheets and scripts are served minified; their sources keep comments."""

PAGE = "---\ndescription: Home.\ntrack: reference\n---\n\n# Home\n\nText.\n"
CSS = "/* Colour is never the only cue. */\n.badge {\n  border: 1px solid;\n}\n"
JS = "// Why this runs.\nfunction shown(element) {\n  return element.hidden === false;\n}\n"


def test_our_css_and_js_are_served_minified_and_theme_files_untouched(fixture_site):
    site = fixture_site(
        {
            "docs/index.md": PAGE,
            "docs/assets/site.css": CSS,
            "docs/assets/site.js": JS,
            "docs/assets/vendor.min.css": CSS,
        },
        plugins=["divergence/tracks", "divergence/assets"],
        extra_css=["assets/site.css", "assets/vendor.min.css"],
        extra_javascript=["assets/site.js"],
    )
    assert site.logs == []
    assert (site.site_dir / "assets/site.css").read_text() == ".badge{border:1px solid}"
    assert (site.site_dir / "assets/site.js").read_text() == (
        "function shown(element){return element.hidden===false;}"
    )
    # Already minified by its author: left as it is.
    assert (site.site_dir / "assets/vendor.min.css").read_text() == CSS


def test_without_the_plugin_the_sources_are_served_as_written(fixture_site):
    site = fixture_site(
        {"docs/index.md": PAGE, "docs/assets/site.css": CSS}, extra_css=["assets/site.css"]
    )
    assert (site.site_dir / "assets/site.css").read_text() == CSS

"""Our own stylesheets and scripts are served minified; their sources keep comments."""

from divergence.plugin.output.minify import minified
from sitebuild import REPO

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
        plugins=["divergence", "divergence/output"],
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


JS_2 = "// Another job.\nwindow.second = () => {\n  return 2;\n};\n"


def test_our_scripts_are_served_as_one_file_in_their_order(fixture_site):
    site = fixture_site(
        {
            "docs/index.md": PAGE,
            "docs/assets/site.js": JS,
            "docs/assets/vendor.min.js": JS,
            "docs/assets/second.js": JS_2,
            "docs/assets/module.js": JS_2,
        },
        plugins=["divergence", "divergence/output"],
        extra_javascript=[
            "assets/site.js",
            "assets/vendor.min.js",
            "assets/second.js",
            {"path": "assets/module.js", "type": "module"},
        ],
    )
    assert site.logs == []
    scripts = [s["src"] for s in site.soup("index.html").select("script[src]")]
    ours = [src for src in scripts if not src.startswith("assets/javascripts/bundle.")]
    # Where the first of them ran; the author's minified file and the module apart.
    assert ours == [
        "assets/javascripts/divergence.js",
        "assets/vendor.min.js",
        "assets/module.js",
    ]
    assert (site.site_dir / "assets/javascripts/divergence.js").read_text() == (
        "function shown(element){return element.hidden===false;}\nwindow.second=()=>{return 2;};\n"
    )
    assert not (site.site_dir / "assets/site.js").exists()
    assert not (site.site_dir / "assets/second.js").exists()


def test_a_missing_script_stops_the_build_with_its_name(fixture_site):
    site = fixture_site(
        {"docs/index.md": PAGE, "docs/assets/site.js": JS},
        plugins=["divergence", "divergence/output"],
        extra_javascript=["assets/site.js", "assets/gone.js"],
    )
    assert site.logs == [
        "ERROR:divergence/output: extra_javascript lists docs/assets/gone.js, which is missing"
    ]
    assert site.aborted == "Aborted with a BuildError!"


def test_without_the_plugin_the_sources_are_served_as_written(fixture_site):
    site = fixture_site(
        {"docs/index.md": PAGE, "docs/assets/site.css": CSS}, extra_css=["assets/site.css"]
    )
    assert (site.site_dir / "assets/site.css").read_text() == CSS


def test_scripts_written_into_every_page_are_minified_too(real_site):
    source = (REPO / "overrides/divergence/lazy-search.js").read_text(encoding="utf-8")
    for page in ("index.html", "glossary/index.html", "404.html"):
        inline = real_site.soup(page).select_one("script#dv-lazy-search").string
        assert inline == minified("lazy-search.js", source).strip(), page
        assert "// " not in inline and "/*" not in inline, page


def test_inline_scripts_are_left_as_written_without_the_plugin(fixture_site):
    site = fixture_site(
        {"docs/index.md": PAGE},
        plugins=["divergence"],
        theme={"name": "material", "custom_dir": str(REPO / "overrides"), "font": False},
    )
    assert site.logs == []
    inline = site.soup("index.html").select_one("script#dv-lazy-search").string
    source = (REPO / "overrides/divergence/lazy-search.js").read_text(encoding="utf-8")
    assert inline == source.removesuffix("\n")  # Jinja's include drops the last newline

"""The site's own typeface: subset from the installed npm package at build time, served from the site."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from generator.site.fonts import LICENSE, PACKAGE, WEIGHTS, FontError, web_fonts

from .conftest import ROOT, run_mkdocs

LIMIT = 150_000
"""Most bytes a weight may weigh (issue 15)."""


@pytest.fixture(scope="module")
def font_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project holding only a copy of the font package: its subsetting cache starts empty."""
    project = tmp_path_factory.mktemp("fonts")
    package = project / PACKAGE
    for name in (LICENSE, *WEIGHTS.values()):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / PACKAGE / name, package / name)
    return project


def test_each_weight_is_a_small_woff2_that_still_draws_arabic_latin_and_both_digit_sets(font_project):
    fonts = {f.name: f.data for f in web_fonts(font_project)}
    assert set(fonts) == {"vazirmatn-regular.woff2", "vazirmatn-bold.woff2", LICENSE}
    assert b"SIL Open Font License" in fonts[LICENSE]
    for name in ("vazirmatn-regular.woff2", "vazirmatn-bold.woff2"):
        data = fonts[name]
        print(f"{name}: {len(data) / 1000:.1f} kB")
        assert data[:4] == b"wOF2" and len(data) <= LIMIT
        font = TTFont(io.BytesIO(data))
        cmap = font.getBestCmap()
        needed = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى" + "٠١٢٣٤٥٦٧٨٩" + "0123456789" + "ABCxyz" + "،؛؟«»–—…·"
        assert [c for c in needed if ord(c) not in cmap] == []
        assert 0x4E00 not in cmap and 0x0400 not in cmap  # CJK and Cyrillic are cut out
        # Arabic letters still join: the contextual forms survive the subsetting.
        features = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina"} <= features


def test_subsetting_is_deterministic_and_cached(font_project):
    first = web_fonts(font_project)
    cache = (font_project / PACKAGE).parent / ".cache" / "factsheet-fonts"
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == len(WEIGHTS)
    assert [f.data for f in web_fonts(font_project)] == [f.data for f in first]
    assert sorted(p.name for p in cache.iterdir()) == kept
    # A later build serves what the cache holds, without subsetting again.
    regular = next(p for p in cache.iterdir() if p.name.startswith("Vazirmatn-Regular-"))
    regular.write_bytes(b"kept")
    assert web_fonts(font_project)[0].data == b"kept"
    regular.write_bytes(first[0].data)
    fresh = font_project.parent / "fresh"
    shutil.copytree(font_project / PACKAGE, fresh / PACKAGE)
    assert [f.data for f in web_fonts(fresh)] == [f.data for f in first]  # made again, byte for byte


def test_a_missing_or_broken_font_package_is_reported_with_what_to_run(tmp_path, font_project):
    with pytest.raises(FontError, match="make setup"):
        web_fonts(tmp_path)
    broken = tmp_path / "broken"
    shutil.copytree(font_project / PACKAGE, broken / PACKAGE)
    (broken / PACKAGE / WEIGHTS["regular"]).write_bytes(b"not a font")
    with pytest.raises(FontError, match=r"Vazirmatn-Regular\.ttf: not a usable font"):
        web_fonts(broken)


@pytest.mark.slow
def test_the_built_site_serves_the_fonts_and_their_license_and_preloads_the_regular_weight(built_small_site):
    site = built_small_site / "site"
    expected = {f.name: f.data for f in web_fonts(built_small_site)}
    assert {p.name: p.read_bytes() for p in (site / "fonts").iterdir()} == expected
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="preload" href="fonts/vazirmatn-regular.woff2" as="font" type="font/woff2" crossorigin>' in home
    css = (site / "stylesheets" / "fonts.css").read_text(encoding="utf-8")
    assert css.count("font-display: swap;") == 2 and "../fonts/vazirmatn-bold.woff2" in css
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../fonts/OFL.txt"' in about


@pytest.mark.slow
def test_a_build_without_the_font_package_stops_with_a_located_message(small_project):
    (small_project / "node_modules").unlink()
    result = run_mkdocs(small_project)
    assert result.returncode == 1
    assert "node_modules/vazirmatn: the Vazirmatn font package is missing. Run `make setup`" in result.stderr
    assert "Traceback" not in result.stderr

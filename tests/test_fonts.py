"""Which fonts are installed, and 'plan fonts': TH Sarabun's metric twin for the user."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from anticorrupt_plan.app.fonts import (
    build_twin,
    find_laksaman,
    font_installed,
    font_key,
    install_twin,
    same_metrics,
    user_font_folder,
)
from anticorrupt_plan.cli.commands import Exit, app
from anticorrupt_plan.core.errors import FontSourceMissingError
from anticorrupt_plan.core.fontfile import font_names

from .libreoffice import needs_laksaman

needs_fontconfig = pytest.mark.needs("fc-list")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("TH SarabunIT๙", "thsarabunit9"),
        ("THSarabunIT9-Bold", "thsarabunit9bold"),
        ("TH Sarabun New", "thsarabunnew"),
    ],
)
def test_font_names_compare_without_spaces_case_or_thai_digits(name: str, key: str) -> None:
    assert font_key(name) == key


@pytest.mark.parametrize(
    ("wanted", "found", "same"),
    [
        ("TH SarabunIT๙", "THSarabunIT9-Bold", True),
        ("TH SarabunIT๙", "THSarabunNew", True),  # the same metrics
        ("TH SarabunIT๙", "THSarabunPSK-Italic", True),
        ("TH SarabunIT๙", "Laksaman", False),  # half again as large
        ("TH SarabunIT๙", "Garuda", False),
        ("Angsana New", "AngsanaNew", True),
        ("Angsana New", "THSarabunNew", False),
    ],
)
def test_same_metrics(wanted: str, found: str, same: bool) -> None:
    assert same_metrics(wanted, found) is same


def test_the_user_font_folder_follows_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))

    assert user_font_folder() == tmp_path / "fonts" / "anticorrupt-plan"


def test_without_laksaman_the_error_names_the_package(tmp_path: Path) -> None:
    with pytest.raises(FontSourceMissingError, match="sudo apt install fonts-tlwg-laksaman"):
        find_laksaman((tmp_path,))


@needs_laksaman
def test_build_twin_writes_four_faces_and_the_licence(tmp_path: Path) -> None:
    fonts = build_twin(tmp_path / "fonts")

    assert [font.name for font in fonts] == [
        "THSarabunIT9-Regular.ttf",
        "THSarabunIT9-Bold.ttf",
        "THSarabunIT9-Italic.ttf",
        "THSarabunIT9-BoldItalic.ttf",
    ]
    assert {font_names(font.read_bytes())[1] for font in fonts} == {"TH SarabunIT๙"}
    note = (tmp_path / "fonts" / "README.txt").read_text(encoding="utf-8")
    assert "GNU General Public License version 2 or later, with the font exception" in note


@needs_laksaman
@needs_fontconfig
def test_fontconfig_finds_the_twin_only_where_it_is_installed(
    tmp_path: Path, twin_fonts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = tmp_path / "bare.conf"
    bare.write_text(
        f'<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf'
        f"</include><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )

    monkeypatch.setenv("FONTCONFIG_FILE", str(bare))
    assert font_installed("TH SarabunIT๙") is False
    monkeypatch.setenv("FONTCONFIG_FILE", str(twin_fonts))
    assert font_installed("TH SarabunIT๙") is True


@needs_laksaman
def test_plan_fonts_installs_the_twin_into_the_folder_given(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["fonts", "--folder", str(tmp_path / "fonts")])

    assert result.exit_code == Exit.OK, result.output
    assert "GPL-2+ with the font exception" in result.stdout
    assert len(list((tmp_path / "fonts").glob("*.ttf"))) == 4


def test_plan_fonts_without_laksaman_fails_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("anticorrupt_plan.app.fonts.LAKSAMAN_FOLDERS", (tmp_path,))
    monkeypatch.setattr(
        "anticorrupt_plan.app.fonts.find_laksaman",
        lambda folders=(tmp_path,): find_laksaman(folders),
    )

    result = CliRunner().invoke(app, ["fonts", "--folder", str(tmp_path / "fonts")])

    assert result.exit_code == Exit.FAILED_OR_CHANGED
    assert "fonts-tlwg-laksaman" in result.stderr
    assert "Traceback" not in result.output


@needs_laksaman
def test_install_twin_returns_what_it_wrote(tmp_path: Path) -> None:
    installed = install_twin(tmp_path / "fonts")

    assert installed.folder == tmp_path / "fonts"
    assert all(font.is_file() for font in installed.fonts)

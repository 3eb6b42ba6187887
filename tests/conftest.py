"""Shared fixtures: the repository's plan, and small valid plans to vary one field at a time."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings
from hypothesis.database import DirectoryBasedExampleDatabase

from .programs import require

ROOT = Path(__file__).resolve().parent.parent
PLAN_PATH = ROOT / "plan.yaml"
DATA = Path(__file__).resolve().parent / "data"

# The smallest plan that passes every rule: one goal, one measure, one row, two years.
MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "organization": {
        "kind": "องค์การบริหารส่วนตำบล",
        "name": "ทดสอบ",
        "district": "เมือง",
        "province": "กาญจนบุรี",
    },
    "fiscal_years": {"first": 2566, "last": 2567},
    "title": "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต",
    "announcement": {
        "body": ["ข้อความประกาศ"],
        "date": "2565-10-01",
        "signatory": {"name": "นายทดสอบ ใจดี"},
    },
    "rationale": ["หลักการและเหตุผล"],
    "national_strategy": {"intro": "สรุปยุทธศาสตร์ชาติ", "strategies": ["ยุทธศาสตร์หนึ่ง"]},
    "objectives": {"intro": "มีวัตถุประสงค์ดังนี้", "items": ["วัตถุประสงค์หนึ่ง"]},
    "preparation_steps": ["ขั้นตอนหนึ่ง"],
    "goals": [
        {
            "goal": "เป้าประสงค์",
            "strategy": "ยุทธศาสตร์",
            "strategy_indicator": "ตัวชี้วัดยุทธศาสตร์",
            "tactic": "กลยุทธ์",
            "measures": [
                {
                    "title": "มาตรการ",
                    "rows": [
                        {
                            "objective": "วัตถุประสงค์",
                            "indicator": "ตัวชี้วัด",
                            "targets": {2566: "ร้อยละ 80", 2567: "ร้อยละ 90"},
                            "project": "โครงการ",
                            "steps": ["ขั้นที่หนึ่ง", "ขั้นที่สอง"],
                        }
                    ],
                }
            ],
        }
    ],
}


def minimal_plan() -> dict[str, Any]:
    """A fresh deep copy of MINIMAL, safe to modify in a test."""
    return copy.deepcopy(MINIMAL)


def dump(data: Any) -> str:
    """Plan data as block-style YAML text, keys in the order given."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture
def write_plan(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write YAML text (or plan data) to ``tmp_path/plan.yaml`` and return its path."""

    def write(content: str | dict[str, Any], name: str = "plan.yaml") -> Path:
        path = tmp_path / name
        text = content if isinstance(content, str) else dump(content)
        path.write_text(text, encoding="utf-8")
        return path

    return write


# Property tests. `make test`: a small budget of the same examples every run (derandomized),
# so that a red build can be reproduced. `make fuzz`: a long budget of fresh random examples
# every run, with each failing example kept in .hypothesis/ (git-ignored) and tried first the
# next time. Every setting of the fuzz profile is given: a profile inherits the one loaded
# when it is registered, and derandomize=True would make every fuzz run replay the last.
FUZZ_DATABASE = ROOT / ".hypothesis" / "examples"
settings.register_profile(
    "default", max_examples=60, deadline=None, derandomize=True, database=None
)
settings.register_profile(
    "fuzz",
    max_examples=5000,
    deadline=None,
    derandomize=False,
    database=DirectoryBasedExampleDatabase(FUZZ_DATABASE),
    print_blob=True,
)
settings.load_profile("default")


@pytest.fixture(scope="session")
def twin_fonts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fontconfig file adding TH Sarabun's metric twin, built once per test session."""
    from .libreoffice import twin_fontconfig

    require(["font:Laksaman"])  # to build TH Sarabun's metric twin from it
    return twin_fontconfig(tmp_path_factory.mktemp("twin"))


def details(name: str) -> dict[str, Any]:
    """A project's page in ส่วนที่ ๓, its texts made from its ``name``."""
    return {
        "rationale": [f"เหตุผลของ{name}"],
        "objectives": [f"เพื่อดำเนิน{name}"],
        "targets": ["บุคลากรทุกคน"],
        "area": "ในเขตพื้นที่",
        "method": ["วางแผน", "ดำเนินการ", "ประเมินผล"],
        "responsible": "สำนักปลัด",
        "indicators": {"outputs": ["จำนวนผู้เข้าร่วม"], "outcomes": ["ผู้เข้าร่วมมีความรู้"]},
    }


def project(id: str, name: str, budget: dict[Any, Any]) -> dict[str, Any]:
    return {"id": id, "name": name, "budget": budget, "details": details(name)}


# The smallest action plan that passes every rule and every check: two มิติ, a mission with a
# sub-mission and one without, budgets written three ways, a project without a budget and
# one that runs in one year only.
MINIMAL_ACTION: dict[str, Any] = {
    "schema_version": 1,
    "kind": "action",
    "organization": {
        "kind": "องค์การบริหารส่วนตำบล",
        "name": "ทดสอบ",
        "district": "เมือง",
        "province": "กาญจนบุรี",
    },
    "fiscal_years": {"first": 2561, "last": 2562},
    "announcement": {
        "body": ["ข้อความประกาศ"],
        "date": "2560-10-01",
        "signatory": {"name": "นายทดสอบ ใจดี"},
    },
    "foreword": ["คำนำของแผน"],
    "introduction": {
        "risk_analysis": ["การวิเคราะห์ความเสี่ยง", {"numbered": ["ความเสี่ยงหนึ่ง", "ความเสี่ยงสอง"]}],
        "rationale": ["หลักการและเหตุผล"],
        "objectives": [{"numbered": ["วัตถุประสงค์หนึ่ง"]}],
        "targets": [{"bullets": ["เป้าหมายหนึ่ง"]}],
        "benefits": [{"table": {"header": ["ด้าน", "ประโยชน์"], "rows": [["บุคลากร", "มีความรู้"]]}}],
    },
    "dimensions": [
        {
            "dimension": 1,
            "missions": [
                {
                    "mission": "1.1",
                    "missions": [
                        {
                            "mission": "1.1.1",
                            "projects": [
                                project("p1", "โครงการอบรมคุณธรรม", {2561: "50000", 2562: "50,000"}),
                                project("p2", "กิจกรรมรณรงค์", {2561: "๒๐,๐๐๐"}),
                            ],
                        }
                    ],
                }
            ],
        },
        {
            "dimension": 2,
            "missions": [
                {
                    "mission": "2.1",
                    "projects": [
                        project(
                            "p3",
                            "มาตรการประกาศเจตจำนง",
                            {2561: "ไม่ใช้งบประมาณ", 2562: "ไม่ใช้งบประมาณ"},
                        ),
                    ],
                }
            ],
        },
    ],
}


def minimal_action() -> dict[str, Any]:
    """A fresh deep copy of MINIMAL_ACTION, safe to modify in a test."""
    return copy.deepcopy(MINIMAL_ACTION)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Messages in English, whatever the machine's locale, for this process and the programs
    it starts; a test of Thai output sets PLAN_LANG or LANG itself. A language chosen with
    --lang in one test is forgotten before the next."""
    from anticorrupt_plan.core.i18n import choose_language

    monkeypatch.setenv("PLAN_LANG", "en")
    yield
    choose_language(None)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.needs("soffice", ...)``: skip without those programs; fail in CI."""
    for marker in item.iter_markers("needs"):
        require(marker.args)


def kept_with_next(row: Any) -> bool:
    """Whether a python-docx table ``row`` is kept on the page of the next: every paragraph
    of its cells keeps with the next, as Word and LibreOffice read it."""
    from docx.oxml.ns import qn

    paragraphs = [p for tc in row._tr.tc_lst for p in tc.iter(qn("w:p"))]
    return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs)

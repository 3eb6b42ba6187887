"""Plans for benchmarks, as plain data ready to dump as plan.yaml: generated ones of any
size, an amended copy of one, and the repository's plan with its prose repeated."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

SEED = Path(__file__).resolve().parent.parent / "plan.yaml"

TOPICS = (
    "การฝึกอบรมคุณธรรมจริยธรรม",
    "การเผยแพร่ข้อมูลข่าวสาร",
    "การตรวจสอบการปฏิบัติราชการ",
    "การจัดการเรื่องร้องเรียน",
    "การจัดซื้อจัดจ้างอย่างโปร่งใส",
    "การมีส่วนร่วมของภาคประชาชน",
    "การบริหารงานบุคคล",
    "การควบคุมภายใน",
)
FIRST_YEAR, LAST_YEAR = 2566, 2570


def generate_plan(measures: int, *, goals: int = 10) -> dict[str, Any]:
    """A valid plan with ``measures`` measures spread evenly over ``goals`` goals.

    Every measure has one row with a target per fiscal year and three steps; its texts are
    distinct, as in a real plan, and the same every time for the same arguments.
    """
    goals = max(1, min(goals, measures))
    per_goal = [measures // goals + (1 if g < measures % goals else 0) for g in range(goals)]
    numbered = iter(range(1, measures + 1))
    return {
        "schema_version": 1,
        "organization": {
            "kind": "องค์การบริหารส่วนตำบล",
            "name": "ทดสอบ",
            "district": "เมือง",
            "province": "กาญจนบุรี",
        },
        "fiscal_years": {"first": FIRST_YEAR, "last": LAST_YEAR},
        "title": "แผนการเสริมสร้างวินัยคุณธรรมจริยธรรมและการป้องกันการทุจริต",
        "announcement": {
            "body": ["ข้อความประกาศ", "จึงประกาศให้ทราบโดยทั่วกัน"],
            "date": "2565-10-01",
            "signatory": {"name": "นายทดสอบ ใจดี"},
        },
        "rationale": [f"หลักการและเหตุผลย่อหน้าที่ {n}" for n in range(1, 4)],
        "national_strategy": {
            "intro": "สรุปสาระสำคัญยุทธศาสตร์ชาติ",
            "strategies": [f"ยุทธศาสตร์ด้าน{topic}" for topic in TOPICS[:5]],
        },
        "objectives": {
            "intro": "มีวัตถุประสงค์ดังนี้",
            "items": [f"เพื่อส่งเสริม{topic}" for topic in TOPICS[:4]],
        },
        "preparation_steps": ["ทบทวนและวิเคราะห์", "รวบรวมข้อมูล", "เสนอแผน"],
        "goals": [
            {
                "goal": f"เป้าประสงค์ด้าน{TOPICS[g % len(TOPICS)]} กลุ่มที่ {g + 1}",
                "strategy": f"ยุทธศาสตร์ส่งเสริม{TOPICS[g % len(TOPICS)]} กลุ่มที่ {g + 1}",
                "strategy_indicator": f"ร้อยละของความสำเร็จกลุ่มที่ {g + 1}",
                "tactic": f"กลยุทธ์พัฒนากลุ่มที่ {g + 1}",
                "measures": [_measure(next(numbered)) for _ in range(count)],
            }
            for g, count in enumerate(per_goal)
        ],
    }


def _measure(n: int) -> dict[str, Any]:
    topic = TOPICS[n % len(TOPICS)]
    return {
        "title": f"มาตรการ{topic} รายการที่ {n}",
        "rows": [
            {
                "objective": f"เพื่อพัฒนา{topic}ให้มีประสิทธิภาพ รายการที่ {n}",
                "indicator": f"ร้อยละของผู้เข้าร่วม{topic} รายการที่ {n}",
                "targets": {
                    year: f"ร้อยละ {60 + 10 * (year - FIRST_YEAR)}"
                    for year in range(FIRST_YEAR, LAST_YEAR + 1)
                },
                "project": f"โครงการ{topic} รายการที่ {n}",
                "steps": [
                    f"วางแผน{topic} รายการที่ {n}",
                    f"ดำเนินการ{topic} รายการที่ {n}",
                    f"ประเมินผล{topic} รายการที่ {n}",
                ],
            }
        ],
    }


STATUSES = (
    "ดำเนินการแล้วเสร็จ",
    "ดำเนินการแล้วเสร็จ",
    "อยู่ระหว่างดำเนินการ",
    "ไม่สามารถดำเนินการได้",
    "ยังไม่ได้ดำเนินการ",
)


def generate_report(measures: int, *, plan: str, year: int = 2567) -> dict[str, Any]:
    """The annual progress file of ``year`` on a plan of ``generate_plan(measures)``, named
    ``plan`` (relative to the report): every item reported, with amounts, dates and results."""
    items = []
    for n in range(1, measures + 1):
        status = STATUSES[n % len(STATUSES)]
        item: dict[str, Any] = {"id": "", "status": status}
        if status == "ไม่สามารถดำเนินการได้":
            item["reason"] = "ไม่ได้รับงบประมาณ"
        if status in STATUSES[:3]:
            item["spent"] = f"{(n % 9 + 1) * 5000:,}"
            item["results"] = f"ดำเนินการ{TOPICS[n % len(TOPICS)]} รายการที่ {n} ตามแผน"
            item["start"] = f"{year - 1}-{10 + n % 3}-{1 + n % 28:02d}"
            item["participants"] = f"ผู้เข้าร่วม {20 + n % 40} คน"
            item["achieved"] = f"ร้อยละ {50 + n % 50}"
        items.append(item)
    # Items are numbered as the plan numbers its measures: goal, then measure in the goal.
    goals = max(1, min(10, measures))
    per_goal = [measures // goals + (1 if g < measures % goals else 0) for g in range(goals)]
    numbers = [f"{g + 1}.{m + 1}" for g, count in enumerate(per_goal) for m in range(count)]
    for item, number in zip(items, numbers, strict=True):
        item["id"] = number
    return {
        "schema_version": 1,
        "kind": "report",
        "plan": plan,
        "fiscal_year": year,
        "period": "annual",
        "date": f"{year}-10-15",
        "front": ["memo", "cover", "announcement"],
        "memo": {"department": "สำนักปลัด"},
        "preparer": {"name": "นางสาวทดสอบ ใจดี", "position": "นักวิเคราะห์นโยบายและแผน"},
        "executive": {"name": "นายทดสอบ ใจดี"},
        "items": items,
        "problems": ["ปัญหาที่หนึ่ง", "ปัญหาที่สอง"],
        "suggestions": "ไม่มี",
    }


# The 2561-2564 round's missions with a sub-level, by มิติ: projects are spread over them.
ACTION_MISSIONS = {
    1: ["1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.3.3"],
    2: ["2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.4.1", "2.4.2", "2.4.3", "2.5.1"],
    3: ["3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.2.2", "3.2.3", "3.3.1", "3.3.2", "3.3.3"],
    4: ["4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.2.3", "4.3.1", "4.3.2", "4.4.1", "4.4.2"],
}
ACTION_FIRST, ACTION_LAST = 2561, 2564


def generate_action(projects: int) -> dict[str, Any]:
    """A valid action plan with ``projects`` projects spread over its four มิติ and their
    missions; every third runs without a budget, every fourth skips its last year."""
    slots = [(d, code) for d, codes in ACTION_MISSIONS.items() for code in codes]
    placed: dict[tuple[int, str], list[dict[str, Any]]] = {slot: [] for slot in slots}
    for n in range(1, projects + 1):
        placed[slots[n % len(slots)]].append(_project(n))
    dimensions = []
    for d in ACTION_MISSIONS:
        parents: dict[str, list[dict[str, Any]]] = {}
        for code in ACTION_MISSIONS[d]:
            if placed[(d, code)]:
                parent = code.rsplit(".", 1)[0]
                parents.setdefault(parent, []).append(
                    {"mission": code, "projects": placed[(d, code)]}
                )
        missions = [{"mission": parent, "missions": subs} for parent, subs in parents.items()]
        if missions:
            dimensions.append({"dimension": d, "missions": missions})
    return {
        "schema_version": 1,
        "kind": "action",
        "organization": {
            "kind": "องค์การบริหารส่วนตำบล",
            "name": "ทดสอบ",
            "district": "เมือง",
            "province": "กาญจนบุรี",
        },
        "fiscal_years": {"first": ACTION_FIRST, "last": ACTION_LAST},
        "announcement": {
            "body": ["ข้อความประกาศ", "จึงประกาศให้ทราบโดยทั่วกัน"],
            "date": "2560-10-02",
            "signatory": {"name": "นายทดสอบ ใจดี"},
        },
        "foreword": ["คำนำของแผน"],
        "introduction": {
            "risk_analysis": ["การวิเคราะห์ความเสี่ยง", {"numbered": [t for t in TOPICS[:4]]}],
            "rationale": ["หลักการและเหตุผล"],
            "objectives": [{"numbered": [f"เพื่อส่งเสริม{topic}" for topic in TOPICS[:4]]}],
            "targets": [{"bullets": ["บุคลากรทุกระดับ"]}],
            "benefits": [{"numbered": ["การบริหารงานโปร่งใส"]}],
        },
        "dimensions": dimensions,
    }


def _project(n: int) -> dict[str, Any]:
    topic = TOPICS[n % len(TOPICS)]
    kind = ("โครงการ", "กิจกรรม", "มาตรการ")[n % 3]
    years = range(ACTION_FIRST, ACTION_LAST + (0 if n % 4 == 0 else 1))
    budget = {y: "ไม่ใช้งบประมาณ" if n % 3 == 1 else f"{10_000 + 500 * n:,}" for y in years}
    name = f"{kind}{topic} รายการที่ {n}"
    return {
        "id": f"p{n}",
        "name": name,
        "budget": budget,
        "details": {
            "rationale": [f"หลักการและเหตุผลของ{name}"],
            "objectives": [f"เพื่อพัฒนา{topic}"],
            "targets": [f"ผู้เข้าร่วม{topic}"],
            "area": "ในเขตพื้นที่",
            "method": ["วางแผน", "ดำเนินการ", "ประเมินผล"],
            "responsible": "สำนักปลัด",
            "indicators": {"outputs": [f"จำนวนผู้เข้าร่วม{topic}"], "outcomes": ["ผู้เข้าร่วมมีความรู้"]},
        },
    }


def amended_action(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a generated action plan with one budget changed and a project moved."""
    new = copy.deepcopy(data)
    projects = new["dimensions"][0]["missions"][0]["missions"][0]["projects"]
    first = projects[0]
    year = next(y for y, amount in first["budget"].items() if amount != "ไม่ใช้งบประมาณ")
    first["budget"][year] = "99,000"
    new["dimensions"][1]["missions"][0]["missions"][0]["projects"].append(projects.pop())
    return new


def to_yaml(data: dict[str, Any]) -> str:
    """Plan data as plan.yaml text."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def amended(data: dict[str, Any]) -> dict[str, Any]:
    """A copy of a generated plan of at least 100 measures with the edits of a typical
    amendment, spread through the plan: a target, a reworded step, a measure added, two
    swapped, one moved to another goal and one removed."""
    new = copy.deepcopy(data)
    goals = new["goals"]
    goals[0]["measures"][3]["rows"][0]["targets"][2567] = "ร้อยละ 75"
    step = goals[4]["measures"][-10]["rows"][0]["steps"]
    step[1] = step[1].replace("ดำเนินการ", "ดำเนินการและติดตาม")
    added = copy.deepcopy(goals[7]["measures"][0])
    added["title"] = "มาตรการใหม่ที่เพิ่มในการแก้ไขครั้งนี้"
    goals[7]["measures"].insert(5, added)  # its rows copied from another measure
    ms = goals[2]["measures"]
    ms[-2], ms[-1] = ms[-1], ms[-2]
    goals[9]["measures"].append(goals[8]["measures"].pop(-1))
    del goals[5]["measures"][-1]
    return new


def seed_with_prose_repeated(factor: int) -> dict[str, Any]:
    """The repository's plan with every list of texts and every goal ``factor`` times over:
    more of the prose that plan check reads, and the findings it gives."""
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    big = copy.deepcopy(data)
    big["rationale"] = _repeated(data["rationale"], factor)
    big["announcement"]["body"] = _repeated(data["announcement"]["body"], factor)
    big["objectives"]["items"] = _repeated(data["objectives"]["items"], factor)
    big["preparation_steps"] = _repeated(data["preparation_steps"], factor)
    big["goals"] = _repeated(data["goals"], factor)
    return big


def _repeated(items: list[Any], factor: int) -> list[Any]:
    # Copies, not the same objects again: yaml would write shared objects as aliases.
    return [copy.deepcopy(item) for _ in range(factor) for item in items]

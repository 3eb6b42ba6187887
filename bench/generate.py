"""Generate valid plans of any size, for benchmarks: plain data ready to dump as plan.yaml."""

from __future__ import annotations

from typing import Any

import yaml

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


def to_yaml(data: dict[str, Any]) -> str:
    """Plan data as plan.yaml text."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)

"""The Chinese words users read for statuses, severities and levels: one place for every renderer and command."""

from __future__ import annotations

STATUS_WORDS = {"pass": "具备", "partial": "薄弱", "fail": "缺失", "skip": "不适用"}
SEVERITY_WORDS = {"required": "必备", "recommended": "应有", "advisory": "建议"}
FINDING_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
LEVEL_WORDS = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇（街道）", "department": "部门"}

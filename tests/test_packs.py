"""Rule packs: the shipped ones load; every kind of broken pack is refused with file:line and a hint."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.errors import PackError
from checker.packs.loader import builtin_packs, load_pack, packs_root
from checker.packs.regexsafety import unsafe_reason
from tests.conftest import ROOT

ELEMENT = """\
id: {id}
title: 测试要素
severity: required
weight: 2
requires: 写明测试内容。
message: 缺少测试内容。
suggestion: 补写测试内容。
basis: [测试依据]
match:
  terms: {{any: [行政复议]}}
"""


def make_pack(root: Path, pack_yaml: str, elements: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(textwrap.dedent(pack_yaml), encoding="utf-8")
    (root / "elements").mkdir(exist_ok=True)
    for element_id, text in (elements or {}).items():
        (root / "elements" / f"{element_id}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as info:
        load_pack(str(path))
    return [str(p) for p in info.value.problems]


def test_every_shipped_pack_loads_and_is_documented() -> None:
    assert "fazhi-annual" in builtin_packs()
    for name in builtin_packs():
        pack = load_pack(name)
        assert pack.elements and pack.version
        for element in pack.elements:
            assert element.basis and element.message and element.suggestion and element.requires
            assert element.match.describe()


def test_default_pack_has_the_design_vocabulary_in_order() -> None:
    ids = [e.id for e in load_pack("fazhi-annual").elements]
    assert ids == ["report-title", "first-responsibility", "measures-and-results", "problems", "problem-causes",
                   "next-year-plan", "three-enforcement-systems", "major-decisions", "administrative-reconsideration",
                   "administrative-litigation", "normative-documents", "legal-advisers", "government-transparency",
                   "supervision", "dispute-resolution", "legal-training", "xi-rule-of-law-thought",
                   "quantitative-evidence", "signoff"]
    required = {e.id for e in load_pack("fazhi-annual").elements if e.severity == "required"}
    assert required == {"first-responsibility", "measures-and-results", "problems", "problem-causes",
                        "next-year-plan", "three-enforcement-systems", "major-decisions",
                        "administrative-reconsideration"}


def test_basis_never_cites_unconfirmed_article_numbers_of_the_duty_rules() -> None:
    for element in load_pack("fazhi-annual").elements:
        for basis in element.basis:
            if "督察工作规定" in basis:
                assert "第" not in basis.split("》", 1)[1][:3], basis


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a\n")
    [problem] = problems_of(root)
    assert "pack.yaml:" in problem and "YAML 语法错误" in problem


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a").replace("match:", "macth:")
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    text = "\n".join(problems_of(root))
    assert text.count("\n") == 1 and 'a.yaml:9: 要素 a 中没有 "macth" 这个键' in text and '是否指 "match"？' in text


def test_unknown_key_inside_a_matcher(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a").replace("terms: {any: [行政复议]}", "terms: {any: [行政复议], socpe: plan}")
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    assert any('a.yaml:10:' in p and '没有 "socpe" 这个键' in p and '"scope"' in p for p in problems_of(root))


def test_wrong_type_says_what_to_write(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a").replace("weight: 2", "weight: 两")
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    [problem] = problems_of(root)
    assert "a.yaml:4:" in problem and '"weight" 应为数字' in problem and "两" in problem and "weight: 3" in problem


def test_unknown_matcher(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a").replace("terms:", "term:")
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    [problem] = problems_of(root)
    assert "a.yaml:10:" in problem and '没有 "term" 这种匹配器' in problem and '是否指 "terms"' in problem


def test_unknown_scope_and_guard(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a").replace("terms: {any: [行政复议]}",
                                         "terms: {any: [行政复议], scope: plna, guards: [futur]}")
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    text = "\n".join(problems_of(root))
    assert 'scope "plna" 未定义' in text and '是否指 "future"' in text


def test_duplicate_element_id(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a, a]\n", {"a": ELEMENT.format(id="a")})
    [problem] = problems_of(root)
    assert "pack.yaml:4:" in problem and '要素编号 "a" 重复' in problem


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a") + "weight: 3\n"
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    [problem] = problems_of(root)
    assert "a.yaml:" in problem and '键 "weight" 重复' in problem


def test_missing_element_file_and_missing_required_key(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [gone]\n")
    assert any("没有文件 gone.yaml" in p for p in problems_of(root))
    root = make_pack(tmp_path / "q", "title: t\nversion: '1'\n")
    assert any('缺少 "id"' in p for p in problems_of(root))


def test_catastrophic_regex_is_refused(tmp_path: Path) -> None:
    bad = ELEMENT.format(id="a").replace("terms: {any: [行政复议]}", "regex: {pattern: '(复议+)+案'}")
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    [problem] = problems_of(root)
    assert "灾难性回溯" in problem and "a.yaml:10:" in problem


@pytest.mark.parametrize("pattern", [r"(a+)+b", r"(.*x)*", r"(a|ab)*c", r"(\w+\s?)*$", r"((ab)+c)+"])
def test_regex_safety_flags_known_bad_shapes(pattern: str) -> None:
    assert unsafe_reason(pattern)


@pytest.mark.parametrize("pattern", [r"下一步|下步", r"\d+(?:\.\d+)?%", r"(?:未|没有)[^,]{0,6}$", r"(a|b)*c"])
def test_regex_safety_allows_ordinary_patterns(pattern: str) -> None:
    assert unsafe_reason(pattern) is None


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    make_pack(tmp_path / "a", "id: a\ntitle: t\nversion: '1'\nextends: ../b\n")
    make_pack(tmp_path / "b", "id: b\ntitle: t\nversion: '1'\nextends: ../a\n")
    [problem] = problems_of(tmp_path / "a")
    assert "循环" in problem


def test_extends_overrides_disables_and_adds(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "mine", f"""\
        id: my-province
        title: 某省法治政府建设年度报告
        version: "1"
        extends: {packs_root() / 'fazhi-annual'}
        disable: [xi-rule-of-law-thought]
        override:
          signoff: {{severity: required, weight: 3}}
        elements: [local-item]
        """, {"local-item": ELEMENT.format(id="local-item")})
    pack = load_pack(str(root))
    assert pack.extends == ("fazhi-annual",)
    assert len(pack.elements) == 20 and pack.elements[-1].id == "local-item"
    assert not pack.element("xi-rule-of-law-thought").enabled
    assert pack.element("signoff").severity == "required" and pack.element("signoff").weight == 3
    assert pack.element("problems").origin == load_pack("fazhi-annual").element("problems").origin


def test_extends_errors_name_the_child(tmp_path: Path) -> None:
    root = make_pack(tmp_path / "mine", f"""\
        id: mine
        title: t
        version: "1"
        extends: {packs_root() / 'fazhi-annual'}
        disable: [no-such-element]
        override:
          problemz: {{weight: 1}}
        elements: [problems]
        """)
    text = "\n".join(problems_of(root))
    assert "pack.yaml:5:" in text and 'disable 的要素 "no-such-element" 不是继承来的要素' in text
    assert 'override 的要素 "problemz" 不是继承来的要素' in text and '是否指 "problems"' in text
    assert '要素编号 "problems" 重复' in text


@pytest.mark.parametrize("mutation", [
    ("weight: 2", "weight: 两"), ("terms:", "term:"), ("match:", "macth:"),
])
def test_cli_reports_pack_errors_on_stderr_with_exit_two(tmp_path: Path, capsys, mutation) -> None:
    bad = ELEMENT.format(id="a").replace(*mutation)
    root = make_pack(tmp_path / "p", "id: p\ntitle: t\nversion: '1'\nelements: [a]\n", {"a": bad})
    draft = tmp_path / "draft.txt"
    draft.write_text("某县人民政府关于2024年度法治政府建设情况的报告\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["audit", "--pack", str(root), str(draft)])
    err = capsys.readouterr().err
    assert info.value.code == 2 and "a.yaml:" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as info:
        main(["rules", "validate", str(root)])
    assert info.value.code == 2


def test_rules_validate_accepts_a_good_pack(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["rules", "validate", str(packs_root() / "fazhi-annual")])
    assert info.value.code == 0 and "有效" in capsys.readouterr().out


def test_libyaml_and_pure_python_parsers_agree_on_every_shipped_yaml() -> None:
    """Packs are parsed by libyaml when available; values and the lines errors cite must not depend on that."""
    import yaml

    from checker.packs import yamlmarks

    def same(a, b) -> None:
        assert type(a) is type(b) and a == b
        if isinstance(a, dict):
            assert (a.line, a.key_lines) == (b.line, b.key_lines)
            for key in a:
                same(a[key], b[key])
        elif isinstance(a, list):
            assert (a.line, a.item_lines) == (b.line, b.item_lines)
            for x, y in zip(a, b):
                same(x, y)

    files = sorted((ROOT / "rules").rglob("*.yaml")) + sorted((ROOT / "examples").rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        same(yaml.load(text, Loader=yamlmarks._FastLoader), yaml.load(text, Loader=yamlmarks._Loader))

"""YAML that remembers where each value came from, so every pack error can name file:line.

Mappings load as MarkedDict and sequences as MarkedList; each knows its own line and the line of each key or item.
Duplicate keys are an error here, where PyYAML would silently keep the last one.

Limits (a pack or a config is untrusted input), checked before anything is built: a "billion laughs" file of a few
hundred bytes whose aliases (&a / *a) expand to millions of nodes, and nesting so deep that building it would exhaust
the stack, are refused with YAMLLimit naming the line. The largest shipped file has about 250 nodes nested 10 deep.

PyYAML and the loaders are made on first use: a run that finds its packs in the pack cache never imports yaml.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

MAX_NODES = 100_000  # nodes of one file with every alias expanded
MAX_DEPTH = 100  # mappings and lists nested in one another


class MarkedDict(dict):
    line: int = 0
    key_lines: dict

    def line_of(self, key: object) -> int:
        return self.key_lines.get(key, self.line)


class MarkedList(list):
    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@lru_cache(maxsize=1)
def _yaml() -> SimpleNamespace:
    """PyYAML, the error classes and the loaders built on it (about a tenth of a cold start to import)."""
    import yaml

    class DuplicateKey(yaml.MarkedYAMLError):
        """A key given twice in one mapping."""

    class YAMLLimit(yaml.MarkedYAMLError):
        """The file is past MAX_NODES or MAX_DEPTH; problem says which, in Chinese, and problem_mark where."""

    class Loader(yaml.SafeLoader):
        """Pure-Python parsing: slower, but its error messages are the ones users see. Its composer recurses, so the
        depth limit is kept while composing, before Python's own recursion limit is reached."""

        _depth = 0

        def compose_node(self, parent, index):
            self._depth += 1
            try:
                if self._depth > MAX_DEPTH:
                    raise YAMLLimit(None, None, _too_deep(), self.peek_event().start_mark)
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    class FastLoader(getattr(yaml, "CSafeLoader", Loader)):  # type: ignore[misc]
        """libyaml's parser when PyYAML has it (about ten times faster). libyaml stops at 1000 levels of nesting;
        deeper than Python's stack allows to construct, the pure-Python parser says where."""

    def mapping(loader, node) -> MarkedDict:
        out = MarkedDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not _hashable(key):
                raise yaml.constructor.ConstructorError(None, None, "键应是简单的值（文字或数字），不能是列表或映射",
                                                        key_node.start_mark)
            if key in out.key_lines:
                raise DuplicateKey(None, None, f'键 "{key}" 重复', key_node.start_mark)
            out[key] = loader.construct_object(value_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    def sequence(loader, node) -> MarkedList:
        out = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out

    for loader in {Loader, FastLoader}:
        loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
        loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, sequence)
    return SimpleNamespace(yaml=yaml, DuplicateKey=DuplicateKey, YAMLLimit=YAMLLimit, Loader=Loader,
                           FastLoader=FastLoader)


def __getattr__(name: str):
    """DuplicateKey, YAMLLimit, _Loader and _FastLoader, made when first asked for."""
    names = {"DuplicateKey": "DuplicateKey", "YAMLLimit": "YAMLLimit", "_Loader": "Loader", "_FastLoader": "FastLoader"}
    if name in names:
        return getattr(_yaml(), names[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_limits(root) -> None:
    """Raise YAMLLimit where the graph, aliases expanded, has more than MAX_NODES nodes or is deeper than MAX_DEPTH.

    One pass over the distinct nodes (an alias is the same node object, so each is sized once): linear in the file,
    not in its expansion. A recursive alias adds nothing here; constructing it reports it.
    """
    y = _yaml()
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    entered: set[int] = set()
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node, y.yaml)
        if done:
            size[key] = 1 + sum(size.get(id(child), 0) for child in children)
            height[key] = 1 + max((height.get(id(child), 0) for child in children), default=0)
            if size[key] > MAX_NODES:
                raise y.YAMLLimit(None, None, f"别名（&锚点 / *引用）展开后超过 {MAX_NODES} 个节点，疑似“十亿笑声”"
                                              "炸弹，已拒绝读取；请直接写出内容，少用别名", node.start_mark)
            if height[key] > MAX_DEPTH:
                raise y.YAMLLimit(None, None, _too_deep(), node.start_mark)
        elif key not in entered:
            entered.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children)


def _children(node, yaml) -> list:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else []


def _too_deep() -> str:
    return f"嵌套超过 {MAX_DEPTH} 层，已拒绝读取；请减少列表和映射的嵌套"


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def load_marked(text: str) -> object:
    """Parse one YAML document within the limits. Raises yaml.YAMLError (with .problem_mark) on bad syntax, always
    as the pure-Python parser words it, so a pack's error reads the same with or without libyaml."""
    y = _yaml()
    try:
        return _load(text, y.FastLoader)
    except y.YAMLLimit:
        raise
    except (y.yaml.YAMLError, RecursionError):
        return _load(text, y.Loader)


def _load(text: str, loader_class: type) -> object:
    """yaml.load with the limits: an alias needs an anchor, so a file without "&" (every shipped one) skips the
    alias count, which would cost as much as parsing."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:
            check_limits(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()

"""YAML that remembers where each value came from, so every pack error can name file:line.

Mappings load as MarkedDict and sequences as MarkedList; each knows its own line and the line of each key or item.
Duplicate keys are an error here, where PyYAML would silently keep the last one.
"""

from __future__ import annotations

import yaml


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


class DuplicateKey(yaml.MarkedYAMLError):
    """A key given twice in one mapping."""


class _Loader(yaml.SafeLoader):
    """Pure-Python parsing: slower, but its error messages are the ones users see."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when PyYAML has it (about ten times faster; packs load at every start)."""


def _mapping(loader: _Loader, node: yaml.MappingNode) -> MarkedDict:
    out = MarkedDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out.key_lines:
            raise DuplicateKey(None, None, f'键 "{key}" 重复', key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> MarkedList:
    out = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load_marked(text: str) -> object:
    """Parse one YAML document. Raises yaml.YAMLError (with .problem_mark) on bad syntax, always as the
    pure-Python parser words it, so a pack's error reads the same with or without libyaml."""
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass

"""A saved government web page: the article body, with the portal's chrome (navigation, breadcrumbs, 字号 大 中 小,
打印 关闭, share buttons, footer) left out.

The output is the title line, then the page's info line (发布时间, 来源) when there is one — structure/ keeps
发布时间 as the document's `published` date and never takes it for the 落款 — then the article's paragraphs, one
block element a line, table rows with their cells tab-separated. Parsing is the standard library's html.parser
(tolerant of unclosed tags, never fetches or expands anything).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from checker.errors import InputError
from checker.model import RawText
from checker.read.encoding import decode, unusable_codec

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "select", "button",
        "textarea", "form", "nav", "header", "footer", "aside", "head", "map"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
         "tr", "blockquote", "pre", "center", "dd", "dt", "dl", "td", "th", "tbody", "thead", "br",
         "hr", "figure", "figcaption", "address"}
CHROME_HINT = re.compile(
    r"nav|menu|crumb|bread|position|location|footer|foot|logo|banner|share|bdshare|jiathis|print|close|"
    r"fontsize|font-size|zihao|sidebar|side|related|relate|xgwz|link|copyright|topbar|search|login|comment|"
    r"qrcode|ewm|pager|page-?nav|prev|next|toolbar|tool", re.I)
BODY_HINT = re.compile(r"article|content|detail|TRS_Editor|Custom_UnionStyle|zoom|xxgk_content|main-?text|"
                       r"body|text|con|zw|wzzw|view|news_?con|pages_content", re.I)
INFO = re.compile(r"(?:发布时间|发布日期|日期|时间)\s*[:：]?\s*\d{4}\s*[-年/.]")
TITLE_HINT = re.compile(r"(?:^|[\s_-])(?:\w*title|bt|biaoti|tit)(?:$|[\s_-])", re.I)
REPORTISH = re.compile(r"报告|总结|情况|法治|依法行政")
CJK = re.compile(r"[\u4e00-\u9fff]")
PUNCT = re.compile(r"[，。；、：]")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    def hint(self) -> str:
        return f"{self.attrs.get('id', '')} {self.attrs.get('class', '')}"


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.title = ""
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        if tag == "meta":
            named = dict(attrs)
            if named.get("name") and named.get("content"):
                self.meta[named["name"].lower()] = named["content"]
        node = Node(tag, {k: v or "" for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID and self.depth < 400:
            self.cur, self.depth = node, self.depth + 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.cur.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:  # close it and everything left open inside it
            while self.cur is not node:
                self.cur, self.depth = self.cur.parent, self.depth - 1
            self.cur, self.depth = node.parent, self.depth - 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.cur.children.append(data)


def read_html(source: str, data: bytes, encoding: str | None = None) -> RawText:
    text, used = _decode(data, encoding)
    tree = _Tree()
    try:
        tree.feed(text)
        tree.close()
    except Exception as exc:  # noqa: BLE001 - html.parser is tolerant; anything left is one line
        raise InputError(source, f"网页无法解析（{type(exc).__name__}）") from None
    lines = page_lines(tree)
    if not lines:
        raise InputError(source, "网页中没有找到正文（可能是目录页、跳转页或需要脚本加载的页面）")
    return RawText(source=source, text="\n".join(lines) + "\n", encoding=used, kind="html")


def _decode(data: bytes, forced: str | None) -> tuple[str, str]:
    if not forced:
        m = CHARSET.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii").lower()
            if name in ("gb2312", "gbk", "x-gbk"):
                name = "gb18030"
            if not unusable_codec(name):  # a page may declare anything, even charset=undefined
                try:
                    return data.decode(name), name
                except UnicodeError:
                    pass
    return decode(data, forced)  # DecodeFailure becomes the InputError in read_source


def page_lines(tree: _Tree) -> list[str]:
    body = _article(tree.root)
    if body is None:
        return []
    lines = _lines(body)
    if sum(len(CJK.findall(line)) for line in lines) < 20:
        return []
    title = _title(tree, body, lines)
    info = _info_line(tree.root, body, title) or _meta_info(tree.meta)
    head: list[str] = []
    if title and not any(line.strip() == title for line in lines[:3]):
        head += [title, ""]
    if info and not any(INFO.search(line) for line in lines[:6]):
        head += [info, ""]
    return head + lines


CONTAINERS = {"div", "table", "section", "article", "main", "ul", "ol", "tbody", "tr", "td", "body", "dl", "form"}


def _article(root: Node) -> Node | None:
    """The element holding the article: the one with the most Chinese prose in its own paragraphs — its text, <p>s,
    inline elements, and child blocks that hold no further blocks (portals that write a paragraph as a <div>).
    A block with nested blocks is scored on its own, so the page's <body> does not win by holding everything."""
    leaf: dict[int, bool] = {}

    def is_leaf(node: Node) -> bool:
        key = id(node)
        if key not in leaf:
            leaf[key] = all(isinstance(c, str) or (c.tag not in CONTAINERS and is_leaf(c)) for c in node.children)
        return leaf[key]

    best, best_score = None, 0.0
    scores: dict[int, float] = {}
    for node in _walk(root):
        if isinstance(node, str) or node.tag not in CONTAINERS - {"tr", "tbody", "ul", "ol", "dl", "form"}:
            continue
        if _chrome(node):
            continue
        prose = 0
        for child in node.children:
            if isinstance(child, Node):
                if child.tag in SKIP or _chrome(child) or (child.tag in CONTAINERS and not is_leaf(child)):
                    continue
                text = _text(child)
            else:
                text = child
            prose += len(CJK.findall(text)) + 5 * len(PUNCT.findall(text))
        score = prose * (1.3 if BODY_HINT.search(node.hint()) else 1.0)
        scores[id(node)] = score
        if score > best_score:
            best, best_score = node, score
    while best is not None:  # a wrapper (title + info bar + article) gives way to the article it wraps
        inner = max((c for c in best.children if isinstance(c, Node) and id(c) in scores),
                    key=lambda c: scores[id(c)], default=None)
        if inner is None or scores[id(inner)] < 0.8 * scores[id(best)]:
            break
        best = inner
    return best


def _chrome(node: Node) -> bool:
    return node.tag in SKIP or bool(CHROME_HINT.search(node.hint())) and not BODY_HINT.search(node.attrs.get("id", ""))


def _walk(node: Node):
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        if isinstance(cur, Node) and cur.tag not in SKIP:
            stack.extend(reversed(cur.children))


def _text(node) -> str:
    """The text under node (none under SKIP tags), without recursion: nesting can reach the tree's depth cap."""
    return "".join(part for part in _walk(node) if isinstance(part, str))


def _lines(node: Node) -> list[str]:
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = re.sub(r"[ \t\r\n\f]+", " ", "".join(buf)).strip()
        buf.clear()
        if line:
            out.append(line)

    def visit(n) -> None:
        if isinstance(n, str):
            buf.append(n)
            return
        if n.tag in SKIP or (n is not node and _chrome(n)):
            return
        if n.tag == "br":
            flush()
            return
        if n.tag == "tr":
            flush()
            cells = [re.sub(r"\s+", " ", _text(c)).strip() for c in n.children
                     if isinstance(c, Node) and c.tag in ("td", "th")]
            if any(cells):
                out.append("\t".join(cells))
            return
        block = n.tag in BLOCK
        if block:
            flush()
        for child in n.children:
            visit(child)
        if block:
            flush()

    visit(node)
    return out


def _title(tree: _Tree, body: Node, lines: list[str]) -> str:
    """The article's heading outside the article body (h1/h2 or a *title* class), one naming a report first."""
    found = []
    for node in _walk(tree.root):
        if isinstance(node, Node) and node is not body and (
                node.tag in ("h1", "h2") or TITLE_HINT.search(node.hint())):
            text = re.sub(r"\s+", " ", _text(node)).strip()
            if 6 <= len(text) <= 80 and CJK.search(text) and not _inside(node, body) and not _in_chrome(node):
                found.append(text)
    if found:
        return next((t for t in found if REPORTISH.search(t)), found[0])
    title = re.sub(r"\s+", " ", tree.title).strip()
    title = re.split(r"\s*[-_|｜—]+\s*", title)[0] if title else ""
    return title if len(title) >= 6 else ""


def _info_line(root: Node, body: Node, title: str) -> str:
    """The page's info bar (发布时间, 来源): the widest element outside the article that holds a publication date
    and not the title too."""
    for node in _walk(root):
        if (isinstance(node, Node) and node is not body and not _inside(node, body) and node.tag not in SKIP
                and not _in_chrome(node)):
            text = re.sub(r"\s+", " ", _text(node)).strip()
            if len(text) <= 120 and INFO.search(text) and not (title and title in text):
                return re.sub(r"\s*(?:字号|【?\s*字体|浏览次数|阅读次数|点击数|分享|打印|关闭).*$", "", text).strip()
    return ""


def _meta_info(meta: dict[str, str]) -> str:
    """Portal CMSs (TRS and others) carry the date in <meta name="PubDate">; used when the page shows no info bar."""
    date = next((meta[k] for k in ("pubdate", "publishdate", "firstpublishedtime", "publish_date", "dc.date")
                 if re.match(r"\s*\d{4}[-/.年]\d{1,2}", meta.get(k, ""))), None)
    if not date:
        return ""
    source = meta.get("contentsource") or meta.get("source") or ""
    return f"发布时间:{date.strip()[:10]}" + (f" 来源:{source.strip()}" if source.strip() else "")


def _in_chrome(node: Node) -> bool:
    cur: Node | None = node
    while cur is not None:
        if cur.tag != "#root" and _chrome(cur):
            return True
        cur = cur.parent
    return False


def _inside(node: Node, container: Node) -> bool:
    cur = node.parent
    while cur is not None:
        if cur is container:
            return True
        cur = cur.parent
    return False

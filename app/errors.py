"""Expected errors (the user or the environment) versus bugs.

Every expected error carries a message key and its arguments, never translated
text: the UI and the CLI render it in the user's language with `message(lang)`.
Anything that is not a StationError is a bug and goes to the crash dialog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# key → (zh, en). Placeholders are str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field}不能为空", "{field} is required"),
    "qty_not_whole": ("{field}必须是正整数,而不是“{value}”", "{field} must be a positive whole number, not “{value}”"),
    "qty_negative": ("{field}不能为负数: {value}", "{field} must not be negative: {value}"),
    "price_invalid": ("{field}必须是不小于0的金额,而不是“{value}”", "{field} must be an amount of 0 or more, not “{value}”"),
    "ratio_invalid": ("{field}必须在0到100%之间,而不是“{value}”", "{field} must lie between 0 and 100%, not “{value}”"),
    "date_invalid": ("{field}不是有效日期: “{value}”", "{field} is not a valid date: “{value}”"),
    "liability_invalid": ("责任代号必须是1到9: “{value}”", "Liability code must be 1 to 9: “{value}”"),
    "unknown": ("找不到{what}: {value}", "No {what} found: {value}"),
    "wrong_state": ("{what}当前状态为“{state}”,不能{action}", "{what} is “{state}”: cannot {action}"),
    "wrong_role": ("{user}没有“{role}”权限,不能{action}", "{user} lacks the “{role}” role needed to {action}"),
    "counts_mismatch": (
        "合格 {qualified} + 不合格 {unqualified} + 报废 {scrapped} = {total},应等于返工数量 {expected}",
        "qualified {qualified} + unqualified {unqualified} + scrapped {scrapped} = {total}, must equal the reworked quantity {expected}",
    ),
    "conflict": (
        "此记录已被 {by} 于 {at} 修改。您的输入已保留,请刷新后重新应用。",
        "This record was changed by {by} at {at}. Your input is kept: reload and re-apply it.",
    ),
    "db_unavailable": ("数据库连接中断: {detail}。正在重试……", "The database connection is lost: {detail}. Retrying…"),
    "login_failed": ("用户名或密码错误", "Wrong user name or password"),
    "cancel_reason": ("取消退货必须填写原因", "A reason is required to cancel a return"),
    "not_all_done": ("还有 {count} 行未完成,不能结案", "Not every line is finished ({count} open): cannot close"),
    "no_lines": ("退货单至少要有一行", "A return needs at least one line"),
    "qty_exceeds": ("{field} {value} 超过清点数量 {limit}", "{field} {value} exceeds the counted quantity {limit}"),
    "duplicate": ("{what}已存在: {value}", "{what} already exists: {value}"),
    # reading typed values and legacy Excel logs (app.parsing, app.excel.legacy)
    "liability_unknown": (
        "无法识别的责任“{value}”:请填1到9或责任名称,如“3 制造”",
        "Unknown liability “{value}”: write 1 to 9 or its name, e.g. “3 Manufacturing”",
    ),
    "liability_conflict": (
        "责任代号{code}与名称“{name}”不一致: “{value}”",
        "Liability code {code} does not match the name “{name}”: “{value}”",
    ),
    "refund_exceeds_amount": ("{field} {value} 超过金额 {limit}", "{field} {value} exceeds the amount {limit}"),
    "excel_unreadable": ("无法读取Excel文件“{file}”: {detail}", "Cannot read the Excel file “{file}”: {detail}"),
    "read_cancelled": ("已取消读取“{file}”", "Reading “{file}” was cancelled"),
    "sheet_no_header": (
        "工作表“{sheet}”前{rows}行中没有找到台账表头(至少{min}个已知列名),已跳过",
        "Sheet “{sheet}”: no log header (at least {min} known column names) in its first {rows} rows; skipped",
    ),
    "sheet_missing_columns": (
        "工作表“{sheet}”缺少必需的列: {columns},已跳过",
        "Sheet “{sheet}” lacks required columns: {columns}; skipped",
    ),
    # printing (app.printing)
    "label_code_too_long": (
        "条码“{code}”太长,{width} mm宽的标签在{dpi} dpi下放不下,请选用更宽的标签或更高的分辨率",
        "The code “{code}” is too long for a {width} mm wide label at {dpi} dpi: choose a wider label or a higher resolution",
    ),
    "print_cancelled": ("已取消打印,未生成文件", "Printing was cancelled; no file was written"),
}


def render(key: str, lang: str, args: dict[str, Any]) -> str:
    zh, en = MESSAGES[key]
    template = zh if lang.startswith("zh") else en
    return template.format(**args)


class StationError(Exception):
    """An expected error: shown to the user in their language, never as a traceback."""

    key = "required"

    def __init__(self, key: str | None = None, *, field_name: str | None = None, **args: Any) -> None:
        self.key = key or self.key
        self.field = field_name  # which input is at fault, for the form to mark it red
        self.line: int | None = None  # which return line, when the error is inside one
        self.args_ = args
        super().__init__(self.message("en"))

    def at_line(self, line_no: int) -> StationError:
        """Say which line of a multi-line form the error is in."""
        self.line = line_no
        self.args = (self.message("en"),)
        return self

    def message(self, lang: str = "zh") -> str:
        args = dict(self.args_)
        for k, v in list(args.items()):
            if isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v):
                args[k] = v[0] if lang.startswith("zh") else v[1]  # (zh, en) pairs
        text = render(self.key, lang, args)
        if self.line is not None:
            text = (f"第{self.line}行: " if lang.startswith("zh") else f"Line {self.line}: ") + text
        return text


class ValidationError(StationError):
    """Bad input: what is wrong and where."""


class WorkflowError(StationError):
    """A step out of order, or by a role that may not take it."""


class NotFoundError(StationError):
    key = "unknown"


@dataclass
class ConflictInfo:
    changed_by: str
    changed_at: datetime | None
    current_version: int
    your_input: dict[str, Any] = field(default_factory=dict)


class ConflictError(StationError):
    """Someone else saved the record since this user opened it (optimistic locking)."""

    def __init__(self, info: ConflictInfo) -> None:
        self.info = info
        at = info.changed_at.strftime("%Y-%m-%d %H:%M:%S") if info.changed_at else "?"
        super().__init__("conflict", by=info.changed_by, at=at)


class DatabaseUnavailable(StationError):
    """The connection dropped or the server is down; the caller keeps its input and retries."""

    def __init__(self, detail: str) -> None:
        super().__init__("db_unavailable", detail=detail)

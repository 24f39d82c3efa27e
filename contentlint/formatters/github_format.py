"""GitHub Actions workflow commands: ``::error file=…,line=…,col=…,title=…::message``."""

from contentlint.formatters import Report, visible

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    return "".join(
        f"::{_COMMAND[str(d.severity)]} file={_prop(d.path)},line={d.line},col={d.column},"
        f"endLine={d.end_line},endColumn={d.end_column},title={_prop(f'{d.code} {d.name}')}"
        f"::{_data(d.message)}\n"
        for d in report.diagnostics)

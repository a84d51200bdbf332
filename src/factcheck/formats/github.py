"""GitHub Actions workflow commands: each problem becomes an annotation on the file's line."""

from __future__ import annotations

from .interface import Renderer, View
from .safe import cell


def _data(text: str) -> str:
    return cell(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer(Renderer):
    def render(self, view: View) -> None:
        if view.kind != "problems":
            raise ValueError("the github format only reports problems")
        for p in view.records:
            where = f"file={_property(p['file'])}"
            if p["line"]:
                where += f",line={p['line']},col={p['column']}"
            self.out.write(f"::{p['severity']} {where},title={_property(p['code'])}::{_data(p['message'])}\n")
        self.out.write(f"{cell(view.summary)}\n")

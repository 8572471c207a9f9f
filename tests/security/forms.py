"""The forms of a page, read with the standard library's HTML parser: their action, method and fields, and a
plausible body to post (the values the page carries, something typed where it carries nothing)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

TYPED = {
    "email": "someone@example.org",
    "number": "1",
    "date": "2027-04-06",
    "datetime-local": "2027-04-06T10:00",
    "time": "10:00",
    "url": "https://example.org/",
    "tel": "+1 418 555 0000",
    "password": "a-long-password-1",
}


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "select-multiple" or "textarea"
    value: str = ""
    checked: bool = False
    options: list[str] = field(default_factory=list)
    selected: list[str] = field(default_factory=list)
    required: bool = False


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list[Field] = field(default_factory=list)

    def body(self, typed: str = "Valeur de test") -> dict[str, object]:
        """The body a person would send without changing anything but empty text fields."""
        data: dict[str, list[str]] = {}
        for f in self.fields:
            if f.kind in ("submit", "button", "reset", "image", "file"):
                continue
            if f.kind in ("checkbox", "radio"):
                if f.checked or (f.kind == "radio" and f.name not in data and f.required):
                    data.setdefault(f.name, []).append(f.value or "on")
                continue
            if f.kind.startswith("select"):
                chosen = f.selected or [o for o in f.options if o][:1]
                data.setdefault(f.name, []).extend(chosen)
                continue
            value = f.value or (TYPED.get(f.kind, typed) if f.kind != "hidden" else "")
            data.setdefault(f.name, []).append(value)
        for f in self.fields:  # the first submit button's name/value, as a browser sends the clicked one
            if f.kind == "submit" and f.name:
                data.setdefault(f.name, [f.value])
                break
        return {k: v if len(v) > 1 else v[0] for k, v in data.items()}


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._option: str | None = None
        self._textarea: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(a.get("action", ""), a.get("method", "get").lower(), a.get("enctype", ""))
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or ("name" not in a and tag != "option"):
            return
        if tag in ("input", "button"):
            kind = a.get("type", "text" if tag == "input" else "submit").lower()
            form.fields.append(
                Field(a["name"], kind, a.get("value", ""), "checked" in a, required="required" in a)
            )
        elif tag == "select":
            kind = "select-multiple" if "multiple" in a else "select"
            self._select = Field(a["name"], kind, required="required" in a)
            form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            value = a.get("value")
            self._option = value
            if value is not None:
                self._select.options.append(value)
                if "selected" in a:
                    self._select.selected.append(value)
        elif tag == "textarea":
            self._textarea = Field(a["name"], "textarea", required="required" in a)
            form.fields.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        elif self._select is not None and self._option is None and data.strip():
            pass

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def posting_to(html: str, path: str, page: str) -> list[Form]:
    """The POST forms of a page whose action is `path` (an empty action posts to the page itself)."""
    return [f for f in forms_of(html) if f.method == "post" and (f.action or page).split("?")[0] == path]

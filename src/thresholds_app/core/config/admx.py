r"""Group Policy templates (ADMX and its en-GB ADML) written from the settings schema.

Each setting becomes a machine policy under ``HKLM\SOFTWARE\Policies\ThresholdsApp`` (locked:
the user cannot change it). A setting the user may change also gets a "recommended" policy under
the ``Recommended`` subkey, which only sets its default. Numbers and true/false are DWORDs, text
is REG_SZ and lists are REG_MULTI_SZ (``multiText``), matching :mod:`.policy`'s reader.

Run ``python tools/gen_admx.py`` after changing :mod:`.schema`; a test keeps the shipped files in
``packaging/windows/policy/`` equal to what this writes.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from thresholds_app.core.config.schema import POLICY_KEY, RECOMMENDED_SUBKEY, SETTINGS, Setting

NAMESPACE = "ThresholdsApp.Policies"
ROOT_CATEGORY = "ThresholdsApp"
RECOMMENDED_CATEGORY = "ThresholdsApp_Recommended"
XMLNS = (
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" '
    'xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"'
)


def _category_id(name: str) -> str:
    return "Cat_" + "".join(word.capitalize() for word in name.split())


def _policy_id(setting: Setting, recommended: bool) -> str:
    return setting.registry_name + ("_Recommended" if recommended else "")


def _elements(setting: Setting, pid: str) -> list[str]:
    name = setting.registry_name
    # note: a text, list or choice policy the administrator enables writes its value; one left
    # "not configured" writes nothing, so the reader falls through to the user and the default
    if setting.kind == "bool":
        return [
            '      <enabledValue><decimal value="1" /></enabledValue>',
            '      <disabledValue><decimal value="0" /></disabledValue>',
        ]
    if setting.kind == "int":
        element = (
            f'<decimal id="{pid}" valueName="{name}" minValue="{setting.low}" '
            f'maxValue="{setting.high}" />'
        )
    elif setting.kind == "text":
        element = f'<text id="{pid}" valueName="{name}" maxLength="1024" />'
    elif setting.kind == "list":
        element = f'<multiText id="{pid}" valueName="{name}" maxLength="8192" />'
    else:
        items = "".join(
            f'<item displayName="$(string.{pid}_{choice.replace("-", "_")})">'
            f"<value><string>{choice}</string></value></item>"
            for choice in setting.choices
        )
        element = f'<enum id="{pid}" valueName="{name}">{items}</enum>'
    return [f"      <elements>{element}</elements>"]


def _policy(setting: Setting, recommended: bool) -> list[str]:
    pid = _policy_id(setting, recommended)
    key = POLICY_KEY + (f"\\{RECOMMENDED_SUBKEY}" if recommended else "")
    parent = RECOMMENDED_CATEGORY if recommended else _category_id(setting.category)
    presentation = "" if setting.kind == "bool" else f' presentation="$(presentation.{pid})"'
    value_name = f' valueName="{setting.registry_name}"' if setting.kind == "bool" else ""
    return [
        f'    <policy name="{pid}" class="Machine" displayName="$(string.{pid})" '
        f'explainText="$(string.{pid}_Explain)"{presentation} key="{key}"{value_name}>',
        f'      <parentCategory ref="{parent}" />',
        '      <supportedOn ref="SUPPORTED_1_0" />',
        *_elements(setting, pid),
        "    </policy>",
    ]


def _policies() -> list[tuple[Setting, bool]]:
    locked = [(s, False) for s in SETTINGS]
    return locked + [(s, True) for s in SETTINGS if s.user]


def _categories() -> list[str]:
    return list(dict.fromkeys(s.category for s in SETTINGS))


def render_admx() -> str:
    """The ADMX file's text."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Written by tools/gen_admx.py from src/thresholds_app/core/config/schema.py. -->",
        f"<policyDefinitions {XMLNS}>",
        "  <policyNamespaces>",
        f'    <target prefix="thresholdsapp" namespace="{NAMESPACE}" />',
        '    <using prefix="windows" namespace="Microsoft.Policies.Windows" />',
        "  </policyNamespaces>",
        '  <resources minRequiredRevision="1.0" />',
        "  <supportedOn>",
        "    <definitions>",
        '      <definition name="SUPPORTED_1_0" displayName="$(string.SUPPORTED_1_0)" />',
        "    </definitions>",
        "  </supportedOn>",
        "  <categories>",
        f'    <category name="{ROOT_CATEGORY}" displayName="$(string.{ROOT_CATEGORY})" />',
    ]
    for category in _categories():
        cid = _category_id(category)
        lines.append(
            f'    <category name="{cid}" displayName="$(string.{cid})">'
            f'<parentCategory ref="{ROOT_CATEGORY}" /></category>'
        )
    rec = RECOMMENDED_CATEGORY
    lines.append(
        f'    <category name="{rec}" displayName="$(string.{rec})">'
        f'<parentCategory ref="{ROOT_CATEGORY}" /></category>'
    )
    lines += ["  </categories>", "  <policies>"]
    for setting, recommended in _policies():
        lines += _policy(setting, recommended)
    lines += ["  </policies>", "</policyDefinitions>", ""]
    return "\n".join(lines)


def _presentation(setting: Setting, pid: str) -> str:
    label = escape(setting.title)
    if setting.kind == "int":
        return (
            f'<decimalTextBox refId="{pid}" defaultValue="{setting.default}">{label}'
            "</decimalTextBox>"
        )
    if setting.kind == "text":
        return f'<textBox refId="{pid}"><label>{label}</label></textBox>'
    if setting.kind == "list":
        return f'<multiTextBox refId="{pid}">{label}</multiTextBox>'
    default = setting.choices.index(setting.default)
    return (
        f'<dropdownList refId="{pid}" noSort="true" defaultItem="{default}">{label}</dropdownList>'
    )


def render_adml() -> str:
    """The en-GB ADML file's text (every string and presentation the ADMX refers to)."""
    strings = {
        "SUPPORTED_1_0": "Right Help, Right Time threshold assistant 0.1 and later",
        ROOT_CATEGORY: "Right Help, Right Time (thresholds app)",
        RECOMMENDED_CATEGORY: "Recommended defaults (the user may change them)",
    }
    strings.update({_category_id(c): c for c in _categories()})
    presentations: list[str] = []
    for setting, recommended in _policies():
        pid = _policy_id(setting, recommended)
        strings[pid] = setting.title + (" (recommended)" if recommended else "")
        prefix = (
            "Sets the default; the user may change it. "
            if recommended
            else "Locks the setting: the user cannot change it. "
        )
        strings[f"{pid}_Explain"] = prefix + setting.explain
        for choice in setting.choices:
            strings[f"{pid}_{choice.replace('-', '_')}"] = choice
        if setting.kind != "bool":
            presentations.append(
                f'      <presentation id="{pid}">{_presentation(setting, pid)}</presentation>'
            )
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!-- Written by tools/gen_admx.py from src/thresholds_app/core/config/schema.py. -->",
        f"<policyDefinitionResources {XMLNS}>",
        "  <displayName>Right Help, Right Time threshold assistant</displayName>",
        "  <description>Settings an IT team manages for the thresholds app.</description>",
        "  <resources>",
        "    <stringTable>",
        *(f'      <string id="{sid}">{escape(text)}</string>' for sid, text in strings.items()),
        "    </stringTable>",
        "    <presentationTable>",
        *presentations,
        "    </presentationTable>",
        "  </resources>",
        "</policyDefinitionResources>",
        "",
    ]
    return "\n".join(lines)


def templates() -> dict[str, str]:
    """Relative path under ``packaging/windows/policy/`` -> text."""
    return {"thresholds-app.admx": render_admx(), "en-GB/thresholds-app.adml": render_adml()}

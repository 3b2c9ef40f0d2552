"""figcheck.yaml: tolerances, date margins, and per-rule severities and options.

```yaml
values:
  about: 0.1        # "about v" means v - 10% to v + 10%
  nearly: 0.1       # "nearly v" means v - 10% to v
dates:
  qualified_margin_days: 0   # widen each date marked ?, ~ or % by this many days each side
rules:
  FC301:
    severity: warning        # error | warning | info | off
    window_days: 366
    threshold: 0.15
```
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from figcheck.ledger.yaml_reading import LineMap
from figcheck.model import SEVERITIES
from figcheck.wording import did_you_mean, quoted, type_name


@dataclass(frozen=True)
class Config:
    about: Fraction = Fraction(1, 10)
    nearly: Fraction = Fraction(1, 10)
    qualified_margin_days: int = 0
    severities: Mapping[str, str] = field(default_factory=dict)
    rule_options: Mapping[str, Mapping[str, float]] = field(default_factory=dict)

    def severity(self, code: str) -> str:
        """The rule's severity here: error, warning, info, or off."""
        from figcheck.rules import RULES  # settings name rules; reading them needs none

        return self.severities.get(code, RULES[code].severity)

    def options(self, code: str) -> dict[str, float]:
        from figcheck.rules import RULES

        return {**RULES[code].defaults(), **self.rule_options.get(code, {})}


InvalidAt = Callable[[int, str], None]  # (line, message): records an invalid setting


def read(data: object, report: InvalidAt) -> Config:
    """Validate the parsed figcheck.yaml; every problem goes to `report`, and the valid
    settings are kept so that one typo does not discard the rest."""
    if data is None:
        return Config()
    if not isinstance(data, LineMap):
        report(1, f"figcheck.yaml must be a mapping of settings, not {type_name(data)}")
        return Config()
    _unknown_keys(data, ("values", "dates", "rules"), report)
    default = Config()
    tolerances = {"about": default.about, "nearly": default.nearly}
    values = _section(data, "values", report)
    for name in ("about", "nearly"):
        if name in values:
            fraction = values[name]
            if isinstance(fraction, bool) or not isinstance(fraction, (int, float)):
                report(values.line_of(name), f"values.{name} must be a number such as 0.1")
            elif not 0 <= fraction < 1:
                report(values.line_of(name), f"values.{name} must be at least 0 and below 1")
            else:
                tolerances[name] = Fraction(repr(fraction))
    _unknown_keys(values, ("about", "nearly"), report, "values.")
    dates = _section(data, "dates", report)
    margin_days = default.qualified_margin_days
    margin = dates.get("qualified_margin_days", 0)
    if isinstance(margin, bool) or not isinstance(margin, int) or margin < 0:
        report(
            dates.line_of("qualified_margin_days"),
            "dates.qualified_margin_days must be a whole number of days, 0 or more",
        )
    else:
        margin_days = margin
    _unknown_keys(dates, ("qualified_margin_days",), report, "dates.")
    severities, options = _rules(_section(data, "rules", report), report)
    return Config(
        about=tolerances["about"],
        nearly=tolerances["nearly"],
        qualified_margin_days=margin_days,
        severities=severities,
        rule_options=options,
    )


def _rules(rules: LineMap, report: InvalidAt) -> tuple[dict[str, str], dict[str, dict[str, float]]]:
    """The severities and options set under `rules:`, checked against what each rule has
    (only a figcheck.yaml that sets something needs the registry of rules)."""
    severities: dict[str, str] = {}
    if not rules:
        return severities, {}
    from figcheck.rules import RULES

    options: dict[str, dict[str, float]] = {}
    for code, settings in rules.items():
        line = rules.line_of(code)
        rule = RULES.get(str(code).upper())
        if rule is None:
            report(
                line,
                f"rules: no rule {quoted(code)}{did_you_mean(code, RULES)}; "
                "`figcheck rules` lists them",
            )
            continue
        if not isinstance(settings, LineMap):
            report(line, f"rules.{code} must be a mapping such as {{severity: warning}}")
            continue
        known = {"severity", *(o.name for o in rule.options)}
        _unknown_keys(settings, tuple(known), report, f"rules.{code}.")
        if "severity" in settings:
            severity = settings["severity"]
            if severity is False:  # YAML reads an unquoted `off` as false
                severity = "off"
            if rule.fixed_severity:
                report(
                    settings.line_of("severity"),
                    f"{rule.code} is a data error; its severity cannot change",
                )
            elif severity not in (*SEVERITIES, "off"):
                report(settings.line_of("severity"), "severity must be error, warning, info or off")
            else:
                severities[rule.code] = str(severity)
        for option in rule.options:
            if option.name in settings:
                problem = option.validate(settings[option.name])
                if problem:
                    report(settings.line_of(option.name), f"rules.{code}.{problem}")
                else:
                    options.setdefault(rule.code, {})[option.name] = settings[option.name]
    return severities, options


def _section(data: LineMap, name: str, report: InvalidAt) -> LineMap:
    section = data.get(name)
    if isinstance(section, LineMap):
        return section
    if section is not None:
        report(data.line_of(name), f"{name} must be a mapping, not {type_name(section)}")
    return LineMap.empty(data.line_of(name))


def _unknown_keys(
    data: LineMap, known: tuple[str, ...], report: InvalidAt, prefix: str = ""
) -> None:
    for key in data:
        if key not in known:
            report(data.line_of(key), f"unknown setting {prefix}{key}{did_you_mean(key, known)}")

"""A rule change made while the engine runs (issue #4), against real Zabbix events.

The engine runs with Rules:Folder on a temp copy of the repository's rules/ and checks it every
500 ms (tests/e2e/run). Three High triggers on RULES_HOST fire one at a time:

1. with the shipped rules: L2 by high-is-l2;
2. after 50-e2e.yaml is written (High on RULES_HOST is L1) and /healthz shows a new rules.loadedAt:
   L1 by that rule, while the first ticket keeps L2 and its rule;
3. while a broken 51-e2e-broken.yaml sits in the folder (/healthz degraded, the error with
   file:line:column in rules.errors): still L1 by the last good rules.

The broken file is then removed (/healthz ok), and so is 50-e2e.yaml, so that the cases after
these run on the shipped rules again."""

import os

from clients import NotYet, log, wait_for

RELOAD_SECONDS = 15  # the engine checks every 500 ms; generous for a loaded 2-core machine
RULE_FILE = "50-e2e.yaml"
RULE_NAME = "e2e-acme-rules1-high-is-l1"
BROKEN_FILE = "51-e2e-broken.yaml"
# The broken file's one mistake: `levle` for `level`, on line 5, column 5.
BROKEN_POSITION = f"{BROKEN_FILE}:5:5:"
SHIPPED_HIGH_RULE = "high-is-l2"


def rule_yaml(host):
    return f"""# Written by tests/e2e (live_rules.py) while the engine runs; removed when the case ends.
rules:
  - name: {RULE_NAME}
    description: The e2e customer's host {host} pages High problems as L1.
    match:
      host: {host}
      severity: high
    level: L1
    page: now
"""


BROKEN_YAML = f"""# Written by tests/e2e (live_rules.py): a rule with a misspelt key, to be rejected.
rules:
  - name: e2e-broken
    match: {{ severity: disaster }}
    levle: L1
"""


def write_atomically(path, text):
    """Write then rename, so that a reload never reads half a file (the .tmp name is not *.yaml)."""
    temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(temporary, path)


class LiveRuleChange:
    def __init__(self, scenario, folder):
        self.s = scenario
        self.folder = folder
        self.tickets = {}  # index in world.rules_triggers -> ticket number

    def run(self):
        r = self.s.report
        triggers = self.s.world.rules_triggers
        ok = r.case(f"before the rule change: High on {triggers[0].host} opens an L2 ticket by rule {SHIPPED_HIGH_RULE}",
                    lambda: self._fire_and_check(0, "L2", SHIPPED_HIGH_RULE))
        ok = ok and r.case(f"a rule file written while the engine runs ({RULE_FILE}) is loaded: /healthz rules.loadedAt "
                           "changes, status ok", self._add_rule)
        ok = ok and r.case(f"after the rule change: the next High event is L1 by rule {RULE_NAME}; the first ticket "
                           "keeps L2 and its rule", self._check_after_change)
        ok = ok and r.case(f"a broken rule file ({BROKEN_FILE}) is rejected: /healthz degraded with the error at "
                           f"{BROKEN_POSITION} in rules.errors", self._add_broken)
        ok = ok and r.case(f"with the broken file in the folder, an event is still classified by the last good rules "
                           f"(L1 by {RULE_NAME})", lambda: self._fire_and_check(2, "L1", RULE_NAME))
        self._clean_up()

    def _fire_and_check(self, index, level, rule):
        trigger = self.s.world.rules_triggers[index]
        log(f"zabbix_sender: 1 to {trigger.host} {trigger.key}")
        self.s.send([trigger], 1)
        ticket = wait_for(lambda: self.s.ticket_for(trigger), timeout=self.s.expect_seconds)
        self.tickets[index] = ticket["number"]
        actual = {k: ticket.get(k) for k in ("type", "level", "rule", "customer")}
        expected = {"type": "ALERT", "level": level, "rule": rule, "customer": trigger.customer}
        assert actual == expected, f"ticket {ticket['number']}: {actual}, expected {expected}"

    def _rules_health(self):
        health = self.s.engine.health()
        return health["status"], health["rules"]

    def _wait_loaded(self, before):
        def loaded():
            status, rules = self._rules_health()
            if rules.get("loadedAt") == before or status != "ok":
                raise NotYet(f"/healthz status {status}, rules {rules}")
            return rules
        return wait_for(loaded, timeout=RELOAD_SECONDS, interval=0.25)

    def _add_rule(self):
        _, before = self._rules_health()
        log(f"writing {RULE_FILE} into the engine's rules folder")
        write_atomically(os.path.join(self.folder, RULE_FILE), rule_yaml(self.s.world.rules_triggers[0].host))
        after = self._wait_loaded(before["loadedAt"])
        assert after["rules"] == before["rules"] + 1, f"{after['rules']} rules after the change, {before['rules']} before"
        assert after["valid"] is True and not after.get("errors"), f"rules {after}"

    def _check_after_change(self):
        self._fire_and_check(1, "L1", RULE_NAME)
        first = self.s.engine.ticket(self.tickets[0])
        actual = {k: first.get(k) for k in ("level", "rule")}
        assert actual == {"level": "L2", "rule": SHIPPED_HIGH_RULE}, f"the first ticket changed: {actual}"

    def _add_broken(self):
        _, good = self._rules_health()
        log(f"writing {BROKEN_FILE} (a misspelt key) into the engine's rules folder")
        write_atomically(os.path.join(self.folder, BROKEN_FILE), BROKEN_YAML)

        def degraded():
            status, rules = self._rules_health()
            if status != "degraded":
                raise NotYet(f"/healthz status {status}, rules {rules}")
            return rules
        rules = wait_for(degraded, timeout=RELOAD_SECONDS, interval=0.25)
        errors = rules.get("errors") or []
        assert rules["valid"] is False, f"rules {rules}"
        assert any(BROKEN_POSITION in e and "levle" in e for e in errors), \
            f"no error at {BROKEN_POSITION} naming 'levle' in rules.errors: {errors}"
        assert rules["loadedAt"] == good["loadedAt"], f"loadedAt moved from {good['loadedAt']} to {rules['loadedAt']}"

    def _clean_up(self):
        self.s.report.case(f"removing the broken file brings /healthz back to ok; removing {RULE_FILE} restores the "
                           "shipped rules", self._remove_files)

    def _remove_files(self):
        broken = os.path.join(self.folder, BROKEN_FILE)
        if os.path.exists(broken):
            os.remove(broken)

        def ok():
            status, rules = self._rules_health()
            if status != "ok" or rules.get("errors"):
                raise NotYet(f"/healthz status {status}, rules {rules}")
            return rules
        rules = wait_for(ok, timeout=RELOAD_SECONDS, interval=0.25)
        rule = os.path.join(self.folder, RULE_FILE)
        if os.path.exists(rule):
            os.remove(rule)
            self._wait_loaded(rules["loadedAt"])

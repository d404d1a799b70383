"""Correlation against real Zabbix events (issue #5): flapping into a PROBLEM ticket, and one
trigger firing on 50 hosts at once.

Flapping (FlappingToProblem): one High trigger on FLAP_HOST is fired and cleared FLAP_CYCLES
times with zabbix_sender, each problem and recovery waited for in the engine before the next
value. What the shipped rules (rules/90-levels.yaml: no `flapping`, so the default 15 min;
`recurrence: { count: 3, within: 24h }`) and src/AlertEngine/Correlate imply:

- fire 1 opens the ALERT (the key's 1st return); every clear resolves it (a Zabbix recovery);
- fire k > 1 reopens that same ALERT as flapping (flaps k - 1, occurrences k): the key's k-th return;
- fire 3 is the 3rd return within 24h: a PROBLEM opens ("Keeps coming back: <title>", the
  event's level and customer), links the ALERT and takes its occurrences (3);
- fire 4 is counted on the PROBLEM (occurrences 4); the ALERT stays linked.

Fleet (FleetOfFifty): FLEET_SIZE hosts linked to one template trigger; one zabbix_sender batch
(one input with a line per host) fires all of them at once, another clears them. Every Zabbix
problem event must be on exactly one ALERT ticket, one per host, with the host name's
customer; every ticket resolves with Zabbix's recovery event id."""

from clients import NotYet, log, wait_for
from provision import FLEET_SIZE, SEVERITIES

FLAP_CYCLES = 4  # fire and clear; the 3rd return opens the PROBLEM, the 4th is counted on it
RECURRENCE_COUNT = 3  # rules/90-levels.yaml: recurrence: { count: 3, within: 24h }
PROBLEM_TITLE_PREFIX = "Keeps coming back: "  # CorrelateStage.Recurrence.cs
FLEET_SECONDS = 90  # 50 webhooks go through Zabbix's 3 alerters one after the other


def event_ids(ticket):
    return [e["eventId"] for e in ticket.get("events") or []]


class FlappingToProblem:
    def __init__(self, scenario):
        self.s = scenario
        self.trigger = scenario.world.flap_trigger
        self.problems = []  # Zabbix problem event ids, one per fire
        self.alert = None  # the ALERT ticket number
        self.problem_ticket = None  # the PROBLEM ticket number

    def run(self):
        r = self.s.report
        t = self.trigger
        if not r.case(f"a High trigger on {t.host} fired and cleared {FLAP_CYCLES} times with zabbix_sender: each "
                      "problem reopens the one ALERT (flaps 0, 1, 2, 3), each recovery resolves it; no PROBLEM "
                      f"before the {RECURRENCE_COUNT}rd return, one from then on", self._cycles):
            return
        r.case(f"the flapping ALERT: flapping true, flaps {FLAP_CYCLES - 1}, occurrences {FLAP_CYCLES}, every Zabbix "
               f"problem and recovery event on it, {FLAP_CYCLES - 1} 'flapping' timeline entries, linked to the PROBLEM",
               self._check_alert)
        r.case(f"the PROBLEM ticket: type PROBLEM, open, L2, customer acme, 'Keeps coming back: …', opened at the "
               f"{RECURRENCE_COUNT}rd return with {RECURRENCE_COUNT} occurrences, {FLAP_CYCLES} after the next; lists the ALERT",
               self._check_problem)

    # -- driving --------------------------------------------------------------------------------

    def _tickets(self):
        """(ALERT list items, PROBLEM list items) for the flap trigger."""
        mine = [t for t in self.s.engine.tickets()
                if t.get("triggerId") == self.trigger.triggerid and t.get("zabbixServer") == self.s.args.server_name]
        alerts = [t for t in mine if t["type"] == "ALERT"]
        problems = [t for t in mine if t["type"] == "PROBLEM"]
        other = [t for t in mine if t["type"] not in ("ALERT", "PROBLEM")]
        assert not other, f"unexpected tickets for the flap trigger: {other}"
        return alerts, problems

    def _new_zabbix_problem(self):
        found = self.s.api.call("problem.get", {"objectids": [self.trigger.triggerid], "output": ["eventid"]})
        ids = [p["eventid"] for p in found if p["eventid"] not in self.problems]
        if not ids:
            raise NotYet(f"Zabbix has no new problem for trigger {self.trigger.triggerid}")
        return ids[0]

    def _alert_with(self, eventid):
        """The one ALERT once it carries eventid; any second ALERT is a failure (flapping broke)."""
        alerts, _ = self._tickets()
        assert len(alerts) <= 1, f"{len(alerts)} ALERT tickets for the flap trigger: {[a['number'] for a in alerts]}"
        if not alerts:
            raise NotYet(f"no ALERT ticket for trigger {self.trigger.triggerid}")
        ticket = self.s.engine.ticket(alerts[0]["number"])
        if eventid not in event_ids(ticket):
            raise NotYet(f"problem event {eventid} is not on ticket {ticket['number']} yet ({event_ids(ticket)})")
        return ticket

    def _cycles(self):
        t = self.trigger
        for k in range(1, FLAP_CYCLES + 1):
            log(f"zabbix_sender: 1 to {t.host} {t.key} (fire {k} of {FLAP_CYCLES})")
            self.s.send([t], 1)
            eventid = wait_for(self._new_zabbix_problem, timeout=self.s.expect_seconds)
            self.problems.append(eventid)
            ticket = wait_for(lambda e=eventid: self._alert_with(e), timeout=self.s.expect_seconds)
            if self.alert is None:
                self.alert = ticket["number"]
            assert ticket["number"] == self.alert, f"fire {k} is on ticket {ticket['number']}, not ALERT {self.alert}"
            actual = {key: ticket.get(key) for key in ("state", "flapping", "flaps", "occurrences")}
            expected = {"state": "open", "flapping": k > 1, "flaps": k - 1, "occurrences": k}
            assert actual == expected, f"after fire {k}, ALERT {self.alert}: {actual}, expected {expected}"
            _, problems = self._tickets()
            want = 0 if k < RECURRENCE_COUNT else 1
            assert len(problems) == want, \
                f"after fire {k} (return {k} of {RECURRENCE_COUNT}): {len(problems)} PROBLEM tickets, expected {want}"
            if problems:
                problem = self.s.engine.ticket(problems[0]["number"])
                if self.problem_ticket is None:
                    self.problem_ticket = problem["number"]
                    assert problem["occurrences"] == RECURRENCE_COUNT, \
                        f"PROBLEM {problem['number']} opened with {problem['occurrences']} occurrences, expected {RECURRENCE_COUNT}"
                assert problem["number"] == self.problem_ticket, f"a second PROBLEM {problem['number']}"
                assert ticket.get("problem") == self.problem_ticket, \
                    f"after fire {k}, ALERT {self.alert} problem {ticket.get('problem')!r}, expected {self.problem_ticket}"

            log(f"zabbix_sender: 0 to {t.host} {t.key} (clear {k} of {FLAP_CYCLES})")
            self.s.send([t], 0)
            recovery = wait_for(lambda e=eventid: self.s._zabbix_recovery(e), timeout=self.s.expect_seconds)
            wait_for(lambda e=eventid, r=recovery["eventid"]: self._recovered(e, r), timeout=self.s.expect_seconds)

    def _recovered(self, eventid, recovery_eventid):
        ticket = self.s.engine.ticket(self.alert)
        event = next((e for e in ticket["events"] if e["eventId"] == eventid), {})
        if event.get("recoveryEventId") != recovery_eventid or ticket["state"] != "resolved":
            raise NotYet(f"ALERT {self.alert} is {ticket['state']}, event {eventid} recovery "
                         f"{event.get('recoveryEventId')!r} (Zabbix {recovery_eventid})")
        assert (ticket.get("resolvedBy") or "").startswith("zabbix:"), f"ALERT {self.alert} resolvedBy {ticket.get('resolvedBy')}"

    # -- checks -----------------------------------------------------------------------------------

    def _check_alert(self):
        alerts, _ = self._tickets()
        assert [a["number"] for a in alerts] == [self.alert], f"ALERT tickets {[a['number'] for a in alerts]}"
        ticket = self.s.engine.ticket(self.alert)
        t = self.trigger
        expected = {"type": "ALERT", "state": "resolved", "level": t.level, "customer": t.customer, "host": t.host,
                    "flapping": True, "flaps": FLAP_CYCLES - 1, "occurrences": FLAP_CYCLES,
                    "problem": self.problem_ticket}
        actual = {k: ticket.get(k) for k in expected}
        assert actual == expected, f"ALERT {self.alert}: {actual}, expected {expected}"
        assert event_ids(ticket) == self.problems, f"ALERT {self.alert} events {event_ids(ticket)}, Zabbix {self.problems}"
        unrecovered = [e["eventId"] for e in ticket["events"] if not e.get("recoveryEventId")]
        assert not unrecovered, f"events without recovery on ALERT {self.alert}: {unrecovered}"
        flapping = [e for e in ticket.get("timeline", []) if e.get("kind") == "flapping"]
        assert len(flapping) == FLAP_CYCLES - 1, f"{len(flapping)} 'flapping' timeline entries: {flapping}"
        linked = [e for e in ticket.get("timeline", []) if e.get("kind") == "problem-linked"]
        assert len(linked) == 1 and self.problem_ticket in linked[0].get("text", ""), f"'problem-linked' entries: {linked}"

    def _check_problem(self):
        assert self.problem_ticket, "no PROBLEM ticket was seen"
        _, problems = self._tickets()
        assert [p["number"] for p in problems] == [self.problem_ticket], f"PROBLEM tickets {[p['number'] for p in problems]}"
        problem = self.s.engine.ticket(self.problem_ticket)
        alert = self.s.engine.ticket(self.alert)
        t = self.trigger
        expected = {"type": "PROBLEM", "state": "open", "level": t.level, "customer": t.customer, "host": t.host,
                    "title": PROBLEM_TITLE_PREFIX + alert["title"], "occurrences": FLAP_CYCLES,
                    "alerts": [self.alert]}
        actual = {k: problem.get(k) for k in expected}
        assert actual == expected, f"PROBLEM {self.problem_ticket}: {actual}, expected {expected}"
        assert alert["title"] == f"E2E flapping on {t.host}", f"ALERT title {alert['title']!r}"
        occurrences = [e for e in problem.get("timeline", []) if e.get("kind") == "occurrence"]
        assert len(occurrences) == FLAP_CYCLES - RECURRENCE_COUNT and self.problems[-1] in occurrences[-1].get("text", ""), \
            f"PROBLEM {self.problem_ticket} 'occurrence' entries {occurrences}, expected one for event {self.problems[-1]}"


class FleetOfFifty:
    def __init__(self, scenario):
        self.s = scenario
        self.triggers = scenario.world.fleet_triggers
        self.by_trigger = {t.triggerid: t for t in self.triggers}
        self.problems = {}  # triggerid -> Zabbix problem event id
        self.tickets = {}  # triggerid -> ticket number

    def run(self):
        r = self.s.report
        n = len(self.triggers)
        if not r.case(f"one zabbix_sender batch fires one trigger on {n} hosts at once; Zabbix opens {n} problems",
                      self._fire):
            return
        if not r.case(f"{n} hosts at once: {n} ALERT tickets, one per host, each with the host name's customer; every "
                      "Zabbix problem event id (event.get) on exactly one ticket, none lost, none twice", self._check_tickets):
            return
        r.case(f"one zabbix_sender batch clears the {n} hosts: every ticket resolves with Zabbix's recovery event id",
               self._clear)
        r.case(f"after the {n}-host burst: /healthz ok, inbox empty, nothing poisoned", self.s._check_health)

    def _fire(self):
        assert len(self.triggers) == FLEET_SIZE, f"{len(self.triggers)} fleet triggers provisioned, expected {FLEET_SIZE}"
        log(f"zabbix_sender: 1 to {self.triggers[0].key} on {len(self.triggers)} hosts, one batch")
        self.s.send(self.triggers, 1)
        self.problems = wait_for(self._zabbix_problems, timeout=self.s.expect_seconds)

    def _zabbix_problems(self):
        found = self.s.api.call("problem.get", {"objectids": list(self.by_trigger), "output": ["eventid", "objectid"]})
        if len(found) < len(self.triggers):
            raise NotYet(f"problem.get: {len(found)} of {len(self.triggers)} problems")
        by_trigger = {p["objectid"]: p["eventid"] for p in found}
        assert len(found) == len(self.triggers) and set(by_trigger) == set(self.by_trigger), \
            f"problem.get: {len(found)} problems on {len(by_trigger)} triggers"
        return by_trigger

    def _fleet_tickets(self):
        mine = [t for t in self.s.engine.tickets()
                if t.get("triggerId") in self.by_trigger and t.get("zabbixServer") == self.s.args.server_name]
        assert len(mine) <= len(self.triggers), f"{len(mine)} tickets for {len(self.triggers)} fleet triggers"
        if len(mine) < len(self.triggers):
            raise NotYet(f"{len(mine)} of {len(self.triggers)} fleet tickets")
        return mine

    def _check_tickets(self):
        listed = wait_for(self._fleet_tickets, timeout=FLEET_SECONDS)
        # Every problem event Zabbix has for these triggers (event.get, not only the open ones).
        events = self.s.api.call("event.get", {"objectids": list(self.by_trigger), "source": 0, "object": 0,
                                               "value": 1, "output": ["eventid", "objectid"]})
        zabbix_ids = sorted(e["eventid"] for e in events)
        assert zabbix_ids == sorted(self.problems.values()), \
            f"event.get has {len(zabbix_ids)} problem events, problem.get {len(self.problems)}"
        wrong, engine_ids = [], []
        for item in listed:
            ticket = self.s.engine.ticket(item["number"])
            trigger = self.by_trigger[ticket["triggerId"]]
            self.tickets[trigger.triggerid] = ticket["number"]
            ids = event_ids(ticket)
            engine_ids.extend(ids)
            expected = {"type": "ALERT", "state": "open", "level": trigger.level, "customer": trigger.customer,
                        "host": trigger.host, "title": f"E2E fleet down on {trigger.host}",
                        "occurrences": 1, "flapping": False, "problem": None}
            actual = {k: ticket.get(k) for k in expected}
            if actual != expected:
                wrong.append(f"ticket {ticket['number']}: {actual}, expected {expected}")
            if ids != [self.problems[trigger.triggerid]]:
                wrong.append(f"ticket {ticket['number']} ({trigger.host}) events {ids}, "
                             f"Zabbix {self.problems[trigger.triggerid]}")
        assert len(self.tickets) == len(self.triggers), \
            f"tickets cover {len(self.tickets)} of {len(self.triggers)} hosts (two tickets for one trigger?)"
        lost = sorted(set(zabbix_ids) - set(engine_ids))
        extra = sorted(set(engine_ids) - set(zabbix_ids))
        twice = sorted({i for i in engine_ids if engine_ids.count(i) > 1})
        assert not (lost or extra or twice), f"lost {lost}, not Zabbix's {extra}, on two tickets {twice}"
        assert not wrong, f"{len(wrong)} wrong: " + "; ".join(wrong[:5])
        customers = {self.by_trigger[t].customer for t in self.tickets}
        log(f"{len(self.tickets)} fleet tickets, customers {sorted(customers)}, "
            f"level {SEVERITIES[self.triggers[0].severity][1]}")

    def _zabbix_recoveries(self):
        events = self.s.api.call("event.get", {"eventids": list(self.problems.values()),
                                               "output": ["eventid", "r_eventid"]})
        waiting = [e["eventid"] for e in events if e["r_eventid"] == "0"]
        if waiting or len(events) != len(self.problems):
            raise NotYet(f"{len(waiting)} of {len(self.problems)} Zabbix problems not recovered")
        return {e["eventid"]: e["r_eventid"] for e in events}

    def _all_resolved(self, recoveries):
        pending = []
        for triggerid, number in self.tickets.items():
            ticket = self.s.engine.ticket(number)
            event = ticket["events"][0]
            if ticket["state"] != "resolved" or event.get("recoveryEventId") != recoveries[event["eventId"]]:
                pending.append(number)
        if pending:
            raise NotYet(f"{len(pending)} of {len(self.tickets)} fleet tickets not resolved by their recovery: "
                         f"{pending[:10]}")

    def _clear(self):
        log(f"zabbix_sender: 0 to {self.triggers[0].key} on {len(self.triggers)} hosts, one batch")
        self.s.send(self.triggers, 0)
        recoveries = wait_for(self._zabbix_recoveries, timeout=self.s.expect_seconds)
        wait_for(lambda: self._all_resolved(recoveries), timeout=FLEET_SECONDS, interval=1)
        listed = [t for t in self.s.engine.tickets() if t.get("triggerId") in self.by_trigger]
        assert len(listed) == len(self.triggers), f"{len(listed)} fleet tickets after the recovery"

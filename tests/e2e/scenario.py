#!/usr/bin/env python3
"""The e2e scenario, run by tests/e2e/run once Zabbix, its API and AlertEngine are up.

Provisions Zabbix through its API, drives real events with zabbix_sender and event.acknowledge,
and checks what AlertEngine made of them through its own API; then a rule change made while the
engine runs (live_rules.py), a host in a Zabbix maintenance (maintenance.py), and flapping into
a PROBLEM ticket and one trigger on 50 hosts at once (correlation.py), SLA deadlines from the
Zabbix event clock met by an acknowledgement in Zabbix (sla.py), paging through a Twilio
stand-in and its acknowledgements (paging.py), the engine's Zabbix API
(zabbix_api.py: catching up after a restart, the write-back, blind monitoring), and last the
handover report and the status page over all of it (reports.py). Prints
"PASS name" or "FAIL name: reason" per case and "N passed, N failed" last; exits 1 on any
failure."""

import argparse
import sys
import time
from datetime import datetime, timezone

from clients import Engine, NotYet, Sender, ZabbixApi, ZabbixError, log, wait_for
from correlation import FleetOfFifty, FlappingToProblem
from live_rules import LiveRuleChange
from maintenance import ZabbixMaintenance
from paging import PagingCases
from reports import ReportsAndStatus
from sla import SlaClocks
from zabbix_api import ZabbixApiCases
from provision import (SEVERITIES, WRONG_TOKEN_HOST, World, import_mediatype, import_template, provision,
                       reload_config_cache, watch_engine)

EXPECT_SECONDS = 30  # longest wait for any one expectation
WATCH_INTERVAL = "5s"  # {$ALERTENGINE.INTERVAL} on the self-monitoring host (the template's default is 1m)
# The raw HTTP agent items keep no history (only their dependent items do), so Zabbix shows no last value for them.
HISTORY_LESS_ITEMS = {"alertengine.metrics.get", "alertengine.health.get"}
CACHE_SYNC_SECONDS = 6  # one full configuration sync of the test server (CacheUpdateFrequency=5 in run), plus margin


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def case(self, name, check):
        """Runs one case; returns True when it passed. Any exception is that case's failure."""
        try:
            check()
        except (AssertionError, NotYet, ZabbixError) as failure:
            return self._fail(name, str(failure))
        except Exception as failure:  # a crash in a case is a failure, not the end of the run
            return self._fail(name, f"{type(failure).__name__}: {failure}")
        print(f"PASS {name}", flush=True)
        self.passed += 1
        return True

    def _fail(self, name, reason):
        print(f"FAIL {name}: {reason}", flush=True)
        self.failed += 1
        return False

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed", flush=True)
        sys.exit(1 if self.failed else 0)


def epoch(text):
    """Unix seconds of the engine's ISO 8601 times."""
    return int(datetime.fromisoformat(text).timestamp())


def iso(clock):
    """A Zabbix clock (Unix seconds) the way the engine writes times."""
    return datetime.fromtimestamp(int(clock), timezone.utc).isoformat()


class Scenario:
    expect_seconds = EXPECT_SECONDS

    def __init__(self, args):
        self.args = args
        self.report = Report()
        self.api = ZabbixApi(args.zabbix_api)
        with open(args.engine_api_token_file, encoding="utf-8") as f:
            self.engine = Engine(args.engine_url, f.read().strip())
        self.sender = Sender(args.zabbix_port)
        with open(args.mediatype, encoding="utf-8") as f:
            self.yaml_text = f.read()
        with open(args.template, encoding="utf-8") as f:
            self.template_text = f.read()
        with open(args.engine_token_file, encoding="utf-8") as f:
            self.token = f.read().strip()
        self.world = World()
        self.problems = {}  # severity -> Zabbix problem {eventid, clock}
        self.tickets = {}  # severity -> ticket number
        self.watch_hostid = None

    # -- setup --------------------------------------------------------------------------------

    def setup(self):
        """The steps a user takes; any failure here ends the run (nothing after can work)."""
        r = self.report
        self.api.login("Admin", "zabbix")
        version = self.api.call("apiinfo.version")
        log(f"Zabbix API {version}")
        return (r.case("import samples/zabbix/alertengine_mediatype_6.0.yaml with configuration.import",
                       lambda: import_mediatype(self.api, self.yaml_text))
                and r.case("provision macros, hosts, triggers, users and actions through the API", self._provision)
                and r.case("import samples/zabbix/alertengine_template_6.0.yaml and watch the engine with it",
                           self._watch_engine)
                and r.case("Zabbix accepts trapper values once the configuration is synced", self._wait_for_sync))

    def _provision(self):
        self.world = provision(self.api, self.yaml_text, self.args.engine_url, self.args.server_name, self.token)
        log(f"zabbix_server -R config_cache_reload: {reload_config_cache(self.args.zabbix_conf)}")

    def _watch_engine(self):
        import_template(self.api, self.template_text)
        self.watch_hostid = watch_engine(self.api, self.args.engine_url, WATCH_INTERVAL)

    def _all_triggers(self):
        return list(self.world.triggers.values()) + [self.world.wrong_token_trigger]

    def send(self, triggers, value):
        values = [(t.host, t.key, value) for t in triggers]
        processed, failed, output = self.sender.send(values)
        if processed != len(values) or failed:
            raise NotYet(f"zabbix_sender: {output.splitlines()[-1] if output else 'no output'}")

    def _wait_for_sync(self):
        # Until the server has the new items, it rejects their values; 0 fires nothing.
        everything = (self._all_triggers() + self.world.rules_triggers
                      + [self.world.maintenance_trigger, self.world.outside_trigger, self.world.flap_trigger]
                      + self.world.fleet_triggers + [self.world.catchup_trigger, self.world.writeback_trigger, self.world.sla_trigger]
                      + self.world.page_triggers)
        wait_for(lambda: self.send(everything, 0), timeout=EXPECT_SECONDS, interval=1)
        # Accepted items do not prove the action is in the cache too: a periodic sync can land
        # between creating the items and creating the action, and a problem raised before the
        # action is cached gets no escalation (seen once: 1 of 13 alerts). Let one more full sync
        # (CacheUpdateFrequency=5 in tests/e2e/run) pass after everything was created.
        reload_config_cache(self.args.zabbix_conf)
        time.sleep(CACHE_SYNC_SECONDS)

    # -- problems -----------------------------------------------------------------------------

    def fire_problems(self):
        log("zabbix_sender: 1 to every trigger's item (severities 0-5 and the wrong-token host)")
        self.send(self._all_triggers(), 1)
        for severity, trigger in self.world.triggers.items():
            self.problems[severity] = wait_for(lambda t=trigger: self._zabbix_problem(t), timeout=EXPECT_SECONDS)

    def _zabbix_problem(self, trigger):
        found = self.api.call("problem.get", {"objectids": [trigger.triggerid], "output": ["eventid", "clock"]})
        if not found:
            raise NotYet(f"Zabbix has no problem for trigger {trigger.triggerid}")
        return found[0]

    def ticket_for(self, trigger, want=None):
        """The engine's ticket for a trigger (detail view), optionally once it is in state `want`."""
        matches = [t for t in self.engine.tickets()
                   if t.get("triggerId") == trigger.triggerid and t.get("zabbixServer") == self.args.server_name]
        if not matches:
            raise NotYet(f"no ticket for trigger {trigger.triggerid} ({trigger.host} severity {trigger.severity})")
        if len(matches) > 1:
            raise AssertionError(f"{len(matches)} tickets for trigger {trigger.triggerid}: "
                                 f"{[t['number'] for t in matches]}")
        ticket = self.engine.ticket(matches[0]["number"])
        if want and ticket["state"] != want:
            raise NotYet(f"ticket {ticket['number']} is {ticket['state']}, expected {want}")
        return ticket

    def check_problem_tickets(self):
        for severity in sorted(self.world.triggers, reverse=True):
            trigger = self.world.triggers[severity]
            name = (f"severity {severity} ({SEVERITIES[severity][0]}) opens an {trigger.level} ALERT ticket "
                    f"for customer {trigger.customer}")
            self.report.case(name, lambda t=trigger: self._check_problem_ticket(t))
        self.report.case("ticket event times equal Zabbix's event clock (6.0: media user on UTC)",
                         self._check_problem_times)

    def _check_problem_ticket(self, trigger):
        ticket = wait_for(lambda: self.ticket_for(trigger), timeout=EXPECT_SECONDS)
        self.tickets[trigger.severity] = ticket["number"]
        expected = {"type": "ALERT", "state": "open", "level": trigger.level, "customer": trigger.customer,
                    "severity": trigger.severity, "host": trigger.host}
        actual = {k: ticket.get(k) for k in expected}
        assert actual == expected, f"ticket {ticket['number']}: {actual}, expected {expected}"
        problem = self.problems[trigger.severity]
        event_ids = [e["eventId"] for e in ticket.get("events", [])]
        assert event_ids == [problem["eventid"]], \
            f"ticket {ticket['number']} events {event_ids}, expected Zabbix problem {problem['eventid']}"

    def _check_problem_times(self):
        wrong = []
        for severity, number in self.tickets.items():
            event = self.engine.ticket(number)["events"][0]
            zabbix_clock = int(self.problems[severity]["clock"])
            if epoch(event["problemAt"]) != zabbix_clock:
                wrong.append(f"ticket {number}: problemAt {event['problemAt']}, Zabbix clock {iso(zabbix_clock)}")
        assert len(self.tickets) == len(self.world.triggers), "not every severity has a ticket"
        assert not wrong, "; ".join(wrong)

    # -- acknowledgement ----------------------------------------------------------------------

    def acknowledge(self):
        severity = 4
        trigger = self.world.triggers[severity]
        name = f"acknowledgement by another Zabbix user marks the ticket acknowledged by {self.world.acker_fullname}"
        self.report.case(name, lambda: self._check_acknowledge(trigger))

    def _check_acknowledge(self, trigger):
        message = "looking into it (e2e)"
        acker = self.api.as_user("oncall-li", self.world.acker_password)
        eventid = self.problems[trigger.severity]["eventid"]
        log(f"event.acknowledge as oncall-li: event {eventid} (severity {trigger.severity}), action 6")
        acker.call("event.acknowledge", {"eventids": [eventid], "action": 6, "message": message})
        ticket = wait_for(lambda: self.ticket_for(trigger, want="acknowledged"), timeout=EXPECT_SECONDS)
        who = self.world.acker_fullname
        assert ticket.get("acknowledgedBy") == who, f"acknowledgedBy {ticket.get('acknowledgedBy')!r}, expected {who!r}"
        entries = [e for e in ticket.get("timeline", []) if e.get("kind") == "acknowledged"]
        assert entries and entries[0].get("actor") == who and message in entries[0].get("text", ""), \
            f"timeline has no 'acknowledged' entry by {who} with the message: {ticket.get('timeline')}"
        others = [n for s, n in self.tickets.items() if s != trigger.severity
                  and self.engine.ticket(n).get("acknowledgedBy")]
        assert not others, f"tickets {others} were acknowledged too"

    # -- wrong token --------------------------------------------------------------------------

    def check_wrong_token(self):
        self.report.case("a media type copy with a wrong token leaves the Zabbix alert failed with AlertEngine's "
                         "401 reason", self._check_wrong_token)

    def _wrong_token_alert(self):
        alerts = self.api.call("alert.get", {"mediatypeids": [self.world.wrong_mediatypeid],
                                             "output": ["alertid", "status", "retries", "error"]})
        if not alerts or alerts[0]["status"] != "2":
            raise NotYet(f"no failed alert (status 2) for the wrong-token media type yet: {alerts}")
        return alerts[0]

    def _check_wrong_token(self):
        alert = wait_for(self._wrong_token_alert, timeout=EXPECT_SECONDS)
        error = alert["error"]
        for part in ("AlertEngine answered HTTP 401", "Unauthorized",
                     "X-AlertEngine-Token header is missing or does not match the secret configured for Zabbix "
                     f"server '{self.args.server_name}'"):
            assert part in error, f"alert error {error!r} lacks {part!r}"
        stored = [t["number"] for t in self.engine.tickets() if t.get("host") == WRONG_TOKEN_HOST]
        assert not stored, f"the rejected event made tickets {stored}"

    # -- recovery -----------------------------------------------------------------------------

    def recover(self):
        log("zabbix_sender: 0 to every trigger's item")
        self.send(self._all_triggers(), 0)
        for severity in sorted(self.world.triggers, reverse=True):
            trigger = self.world.triggers[severity]
            self.report.case(f"severity {severity} recovery resolves its ticket",
                             lambda t=trigger: self._check_recovered(t))

    def _zabbix_recovery(self, eventid):
        problem = self.api.call("event.get", {"eventids": [eventid], "output": ["r_eventid"]})[0]
        if problem["r_eventid"] == "0":
            raise NotYet(f"Zabbix problem {eventid} has not recovered")
        return self.api.call("event.get", {"eventids": [problem["r_eventid"]], "output": ["eventid", "clock"]})[0]

    def _check_recovered(self, trigger):
        recovery = wait_for(lambda: self._zabbix_recovery(self.problems[trigger.severity]["eventid"]),
                            timeout=EXPECT_SECONDS)
        ticket = wait_for(lambda: self.ticket_for(trigger, want="resolved"), timeout=EXPECT_SECONDS)
        event = ticket["events"][0]
        assert event.get("recoveryEventId") == recovery["eventid"], \
            f"ticket {ticket['number']} recoveryEventId {event.get('recoveryEventId')}, Zabbix {recovery['eventid']}"
        recovered = epoch(event["recoveredAt"]) if event.get("recoveredAt") else None
        assert recovered == int(recovery["clock"]), \
            f"ticket {ticket['number']} recoveredAt {event.get('recoveredAt')}, Zabbix clock {iso(recovery['clock'])}"

    # -- the ticket API -----------------------------------------------------------------------

    def close_through_api(self):
        trigger = self.world.triggers[5]
        self.report.case("the ticket API closes a resolved ALERT with the e2e token's name as actor; "
                         "a second close is 409, no token is 401", lambda: self._check_close(trigger))

    def _check_close(self, trigger):
        number = wait_for(lambda: self.ticket_for(trigger, want="resolved"), timeout=EXPECT_SECONDS)["number"]
        status, body = self.engine.post(f"/api/v1/tickets/{number}/close", token=False)
        assert status == 401, f"close without a token: {status} {body}"
        status, body = self.engine.post(f"/api/v1/tickets/{number}/close", {"by": "e2e harness", "text": "verified"})
        assert status == 200, f"close: {status} {body}"
        assert body.get("state") == "closed" and body.get("closedBy") == "e2e harness (e2e)", \
            f"ticket {number} after close: state {body.get('state')}, closedBy {body.get('closedBy')!r}"
        last = body.get("timeline", [])[-1]
        assert (last.get("kind"), last.get("actor"), last.get("channel")) == ("closed", "e2e harness (e2e)", "api"), \
            f"last timeline entry {last}"
        status, body = self.engine.post(f"/api/v1/tickets/{number}/close")
        assert status == 409 and f"ticket {number} is closed" in str(body), f"second close: {status} {body}"

    # -- delivery and health ------------------------------------------------------------------

    def check_deliveries(self):
        # 6 problems + 1 update + 6 recoveries, every one answered 2xx.
        expected = 2 * len(self.world.triggers) + 1
        self.report.case(f"Zabbix delivered all {expected} AlertEngine webhooks (alert.get status 1)",
                         lambda: wait_for(lambda: self._deliveries(expected), timeout=EXPECT_SECONDS))
        self.report.case("/healthz: ok, inbox empty, nothing poisoned", self._check_health)

    def _deliveries(self, expected):
        alerts = self.api.call("alert.get", {"mediatypeids": [self.world.mediatypeid],
                                             "output": ["alertid", "status", "error", "subject"]})
        failed = [a for a in alerts if a["status"] == "2"]
        assert not failed, f"failed alerts: {[(a['subject'], a['error']) for a in failed]}"
        sent = [a for a in alerts if a["status"] == "1"]
        if len(sent) != expected or len(alerts) != expected:
            raise NotYet(f"{len(sent)} of {len(alerts)} alerts sent, expected {expected}")

    def _check_health(self):
        health = self.wait_inbox_empty()
        assert health["status"] == "ok", f"/healthz: {health}"

    def wait_inbox_empty(self):
        """/healthz once the engine has processed everything it accepted; nothing may be poisoned."""
        return wait_for(self._health_settled, timeout=EXPECT_SECONDS)

    def _health_settled(self):
        health = self.engine.health()
        inbox = health.get("inbox") or {}
        assert inbox.get("poisoned") == 0, f"poisoned events: {health}"
        if inbox.get("backlog") != 0:
            raise NotYet(f"inbox backlog {inbox.get('backlog')}")
        return health

    # -- the engine watched by its own Zabbix template ----------------------------------------------

    def check_template(self):
        self.report.case("the Zabbix template reads /healthz and /metrics: every item supported, health ok, counters flowing",
                         lambda: wait_for(self._template_values, timeout=2 * EXPECT_SECONDS, interval=2))

    def _template_values(self):
        items = {i["key_"]: i for i in self.api.call("item.get", {
            "hostids": [self.watch_hostid], "output": ["key_", "state", "error", "lastvalue", "lastclock"]})}
        unsupported = {k: i["error"] for k, i in items.items() if i["state"] != "0"}
        assert not unsupported, f"unsupported items: {unsupported}"
        waiting = [k for k, i in items.items() if i["lastclock"] == "0" and k not in HISTORY_LESS_ITEMS]
        if waiting:
            raise NotYet(f"no value yet for {sorted(waiting)}")
        assert items["alertengine.health.status"]["lastvalue"] == "ok", items["alertengine.health.status"]
        assert items["alertengine.storage.writable"]["lastvalue"] == "1", items["alertengine.storage.writable"]
        assert items["alertengine.inbox.poisoned"]["lastvalue"] == "0", items["alertengine.inbox.poisoned"]
        assert items["alertengine.version"]["lastvalue"], "empty version"

    # -- the run ------------------------------------------------------------------------------

    def main_cases(self):
        """Every severity, an acknowledgement, a wrong token, recoveries. Runs before the rule change
        and the maintenance fire anything, so that the delivery count sees only its own webhooks."""
        if self.report.case("zabbix_sender fires every trigger and Zabbix opens the problems", self.fire_problems):
            self.check_problem_tickets()
            self.acknowledge()
            self.check_wrong_token()
            self.recover()
            self.close_through_api()
            self.check_deliveries()

    def run(self):
        started = time.monotonic()
        run_started_ms = int(datetime.now(timezone.utc).timestamp() * 1000)  # the handover report's --from
        if self.setup():
            # Zabbix's timer applies a maintenance at a minute boundary: start it first, check it last.
            maintenance = ZabbixMaintenance(self)
            try:
                started_maintenance = maintenance.start()
                self.main_cases()
                self.check_template()
                LiveRuleChange(self, self.args.rules_folder).run()
                if started_maintenance:
                    maintenance.check()
            finally:
                ended = maintenance.end()
            # Issue #5 while Zabbix's timer ends the maintenance (at the next minute boundary).
            FlappingToProblem(self).run()
            FleetOfFifty(self).run()
            if ended:
                maintenance.check_resent()
            # Issue #7: deadlines from the Zabbix event clock, met by an acknowledgement made in Zabbix.
            SlaClocks(self).run()
            # Issue #8: pages to the Twilio stand-in, acknowledged by a signed SMS reply and a one-tap link.
            PagingCases(self).run()
            # Issue #6 last: it stops and starts the engine, and takes the Zabbix API away.
            ZabbixApiCases(self).run()
            # Issue #9 over everything the run made: the handover report (the engine's CLI) and the status page.
            ReportsAndStatus(self, run_started_ms).run()
        log(f"scenario took {time.monotonic() - started:.0f} s")
        self.report.finish()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--zabbix-api", required=True, help="http://127.0.0.1:PORT/api_jsonrpc.php")
    parser.add_argument("--zabbix-port", required=True, type=int, help="zabbix_server's trapper port")
    parser.add_argument("--zabbix-conf", required=True, help="zabbix_server.conf, for -R config_cache_reload")
    parser.add_argument("--engine-url", required=True)
    parser.add_argument("--engine-token-file", required=True)
    parser.add_argument("--engine-api-token-file", required=True, help="the secret of the engine's Api:Tokens:e2e")
    parser.add_argument("--engine-readonly-token-file", required=True,
                        help="the secret of the engine's Api:ReadOnlyTokens:wall (status page, reads)")
    parser.add_argument("--server-name", required=True, help="{$ALERTENGINE.SERVER}")
    parser.add_argument("--mediatype", required=True, help="samples/zabbix/alertengine_mediatype_6.0.yaml")
    parser.add_argument("--template", required=True, help="samples/zabbix/alertengine_template_6.0.yaml")
    parser.add_argument("--rules-folder", required=True, help="the engine's Rules:Folder, a temp copy of rules/")
    parser.add_argument("--work", required=True, help="the run's temp dir: the engine, its environment, pid files, logs")
    parser.add_argument("--php-port", required=True, type=int, help="the frontend's port (php -S), to restart it")
    parser.add_argument("--twilio-url", required=True, help="the Twilio stand-in (twilio_standin.py), Twilio:ApiBaseUrl")
    parser.add_argument("--twilio-token-file", required=True, help="the engine's Twilio:AuthToken, to sign callbacks")
    Scenario(parser.parse_args()).run()


if __name__ == "__main__":
    main()

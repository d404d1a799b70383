"""The engine's Zabbix API against the real Zabbix (issue #6): the poller, the write-back, the
blind-monitoring watch. tests/e2e/run starts the engine with Zabbix:Servers:e2e:Api (its own API
user's token, short intervals: PollInterval 5 s, BlindAfter 15 s, Watch:Interval 2 s) and tells
this module where the engine and the frontend are, so that it can stop and start both.

- Catch-up: the engine stopped, a problem opens and recovers in Zabbix; Zabbix's webhook for
  the problem fails (the media type retries every 30 s; on 6.0.14 the recovery's alert does not
  even appear before the problem's has been sent). Started again, the engine's poller stores
  both from event.get well before that retry: the ticket is there, resolved, with
  Zabbix's problem and recovery event ids, its inbox rows have source 'poller', the poller's
  metric counted them. When Zabbix's retry arrives it is answered 2xx and changes nothing.
- Write-back: a ticket acknowledged through the ticket API is acknowledged in Zabbix
  by the engine's API user with "[AlertEngine] Acknowledged by <actor> via api — ticket <n>";
  the update Zabbix then sends back (webhook, and the poller's follow-up) is recorded as
  write-back-confirmed and writes nothing again: one [AlertEngine] acknowledgement, still
  after a further 10 s.
- Blind (last: it takes the API away): the frontend (php -S) stopped, an L1 ALERT
  "monitoring blind: e2e" opens and /healthz says degraded, api unreachable; the frontend
  started again, the ticket resolves and /healthz says ok, api ok."""

import os
import re
import signal
import sqlite3
import subprocess
import time
import urllib.error

from clients import NotYet, ZabbixApi, engine_env, log, wait_for

API_ACTOR = "e2e harness (e2e)"  # "by" of the ticket API call, with the API token's name
MARKER = "[AlertEngine]"  # ZabbixWriteBack.Marker
CATCHUP_SECONDS = 30  # engine started -> ticket resolved by the poller (PollInterval 5 s, first poll at start)
WEBHOOK_RETRY_SECONDS = 30  # the media type's attempt_interval (samples/zabbix/alertengine_mediatype_6.0.yaml)
WRITEBACK_SECONDS = 20  # ticket acknowledged -> event.acknowledge in Zabbix (Outbox:PollInterval 1 s)
ECHO_SECONDS = 20  # Zabbix's update notification (3-9 s) or the poller's follow-up (5 s)
NO_LOOP_SECONDS = 10  # looked at again after this long: still one [AlertEngine] acknowledgement
BLIND_SECONDS = 45  # frontend stopped -> blind ticket (Api:BlindAfter 15 s, Watch:Interval 2 s)
SIGHT_SECONDS = 30  # frontend back -> blind ticket resolved
STOP_SECONDS = 15
PHP_DOCROOT = "/usr/share/zabbix"  # as tests/e2e/run starts the frontend
POLLED = re.compile(r'^alertengine_zabbix_polled_events_total\{([^}]*)\}\s+(\S+)$', re.M)


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class Process:
    """A process tests/e2e/run started and whose pid is in a file of the work dir; this module stops
    it by that pid (checking its command line first) and writes the pid of what it starts instead,
    so that run's clean-up stops the new one."""

    def __init__(self, name, pid_file, word, group):
        self.name, self.pid_file, self.word, self.group = name, pid_file, word, group
        self.child = None  # the Popen of a process started here

    def pid(self):
        try:
            with open(self.pid_file, encoding="utf-8") as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def alive(self):
        pid = self.pid()
        return pid is not None and self.word in cmdline(pid)

    def stop(self):
        pid = self.pid()
        if pid is None or not self.alive():
            return
        log(f"stopping {self.name} (pid {pid}, SIGTERM)")
        self._signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while self.alive() and time.monotonic() < deadline:
            if self.child is not None:
                self.child.poll()  # reap our own child, or it stays a zombie that looks alive
            time.sleep(0.2)
        if self.alive():
            log(f"{self.name} did not stop within {STOP_SECONDS} s: SIGKILL")
            self._signal(pid, signal.SIGKILL)
        if self.child is not None:
            self.child.wait(timeout=STOP_SECONDS)

    def _signal(self, pid, sig):
        try:
            if self.group:
                os.killpg(pid, sig)  # its own session: the php workers are in its process group
            else:
                os.kill(pid, sig)
        except ProcessLookupError:
            pass

    def start(self, argv, cwd, env, log_path):
        with open(log_path, "ab") as out:
            self.child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, start_new_session=True)
        with open(self.pid_file, "w", encoding="utf-8") as f:
            f.write(f"{self.child.pid}\n")
        log(f"started {self.name} (pid {self.child.pid})")


class ZabbixApiCases:
    def __init__(self, scenario):
        self.s = scenario
        work = scenario.args.work
        self.work = work
        self.engine_proc = Process("AlertEngine", os.path.join(work, "engine.pid"), "alertengine", group=False)
        self.php = Process("the Zabbix frontend (php -S)", os.path.join(work, "php.pid"), "php -S", group=True)
        self.run_dir = os.path.join(work, "engine-run")
        self.database = os.path.join(self.run_dir, "data", "alertengine.db")
        self.catchup = None  # {problem, recovery, ticket, snapshot} once the catch-up passed
        self.writeback = None  # {problem, ticket, message}
        self.blind_ticket = None

    @property
    def world(self):
        return self.s.world

    @property
    def engine(self):
        return self.s.engine

    @property
    def server(self):
        return self.s.args.server_name

    def run(self):
        r = self.s.report
        try:
            r.case("catch-up: with the engine stopped a problem opens and recovers in Zabbix (its webhooks fail); "
                      f"started again, the poller makes the ticket, resolved with Zabbix's problem and recovery event "
                      f"ids, within {CATCHUP_SECONDS} s (inbox source 'poller', polled_events_total stored grew)",
                      self._catch_up)
        finally:
            if not self.engine_proc.alive():  # whatever happened, the later cases need the engine
                self._start_engine()
        if r.case("write-back: a ticket acknowledged through the ticket API is acknowledged in Zabbix (event.get) with "
                  f"'{MARKER} Acknowledged by {API_ACTOR} via api — ticket <n>'", self._acknowledge):
            r.case("write-back: Zabbix's echo of that update is recorded as write-back-confirmed and changes nothing; "
                   f"still one {MARKER} acknowledgement in Zabbix after a further {NO_LOOP_SECONDS} s (no loop)",
                   self._no_loop)
        if self.catchup:
            r.case("catch-up: Zabbix's own retry of the problem's webhook, then the recovery's, is answered 2xx and "
                   "changes nothing (one ticket, same events and timeline)", self._retry_changes_nothing)
        try:
            if r.case("blind: with the Zabbix frontend stopped an L1 ALERT 'monitoring blind: "
                      f"{self.server}' opens and /healthz says degraded, api unreachable, within {BLIND_SECONDS} s",
                      self._blind):
                r.case(f"blind: the frontend started again, the ticket resolves and /healthz says ok, api ok, within "
                       f"{SIGHT_SECONDS} s", self._sight)
        finally:
            if not self.php.alive():
                self._start_php()

    # -- the engine and the frontend ---------------------------------------------------------

    def _start_engine(self):
        self.engine_proc.start([os.path.join(self.work, "engine", "alertengine")], self.run_dir, engine_env(self.run_dir),
                               os.path.join(self.work, "logs", "engine.log"))

        def answers():
            try:
                return self.engine.health()
            except (urllib.error.URLError, ConnectionError) as error:
                raise NotYet(f"the engine does not answer /healthz: {error}") from None
        return wait_for(answers, timeout=30, interval=0.3)

    def _start_php(self):
        env = dict(os.environ, PHP_CLI_SERVER_WORKERS="4")
        port = self.s.args.php_port
        self.php.start(["php", "-S", f"127.0.0.1:{port}", "-t", PHP_DOCROOT], "/", env,
                       os.path.join(self.work, "logs", "php.log"))

        def answers():
            try:
                return ZabbixApi(self.s.args.zabbix_api).call("apiinfo.version")
            except (urllib.error.URLError, ConnectionError, ValueError) as error:
                raise NotYet(f"the Zabbix API does not answer: {error}") from None
        wait_for(answers, timeout=30, interval=0.3)

    # -- helpers -----------------------------------------------------------------------------

    def _inbox_sources(self, eventid):
        """update_key -> source of the engine's inbox rows for one Zabbix problem (read-only)."""
        db = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True, timeout=5)
        try:
            rows = db.execute("SELECT update_key, source FROM inbox WHERE zabbix_server = ? AND event_id = ?",
                              (self.server, eventid)).fetchall()
        finally:
            db.close()
        return dict(rows)

    def _polled(self, result):
        values = [float(v) for labels, v in POLLED.findall(self.engine.text("/metrics"))
                  if f'server="{self.server}"' in labels and f'result="{result}"' in labels]
        return sum(values)

    def _zabbix_server_health(self):
        health = self.engine.health()
        mine = [z for z in health.get("zabbix") or [] if z.get("server") == self.server]
        assert len(mine) == 1, f"/healthz zabbix has no single entry for {self.server}: {health.get('zabbix')}"
        return health, mine[0]

    def _new_problem(self, trigger):
        found = self.s.api.call("problem.get", {"objectids": [trigger.triggerid], "output": ["eventid", "clock"]})
        if not found:
            raise NotYet(f"Zabbix has no problem for trigger {trigger.triggerid} ({trigger.host})")
        return found[0]

    def _alerts(self, eventids):
        return self.s.api.call("alert.get", {"eventids": eventids, "mediatypeids": [self.world.mediatypeid],
                                             "output": ["alertid", "eventid", "p_eventid", "status", "retries",
                                                        "error", "clock"]})

    # -- catch-up ----------------------------------------------------------------------------

    def _catch_up(self):
        t = self.world.catchup_trigger
        self.engine_proc.stop()
        log(f"zabbix_sender: 1 then 0 to {t.host} {t.key} while the engine is stopped")
        self.s.send([t], 1)
        problem = wait_for(lambda: self._new_problem(t), timeout=self.s.expect_seconds)
        self.s.send([t], 0)
        recovery = wait_for(lambda: self.s._zabbix_recovery(problem["eventid"]), timeout=self.s.expect_seconds)
        log(f"Zabbix problem {problem['eventid']} recovered by event {recovery['eventid']}")

        # Seen on 6.0.14: the recovery's alert does not appear (alert.get) before the problem's has
        # been sent, which retries every 30 s; so the engine is down for both either way.
        def problem_failed():
            alerts = self._alerts([problem["eventid"], recovery["eventid"]])
            failed = [a for a in alerts if a["eventid"] == problem["eventid"] and a["status"] != "1" and a["error"]]
            sent = [a for a in alerts if a["status"] == "1"]
            assert not sent, f"an alert reached the stopped engine: {sent}"
            if not failed:
                raise NotYet(f"no AlertEngine alert for problem {problem['eventid']} that failed to reach the stopped "
                             f"engine yet: {alerts}")
            return alerts
        alerts = wait_for(problem_failed, timeout=self.s.expect_seconds)
        log("the engine is down for both: "
            + "; ".join(f"alert {a['alertid']} (event {a['eventid']}) status {a['status']} retries {a['retries']}: "
                        f"{a['error'][:70]}" for a in alerts))

        started = time.monotonic()
        self._start_engine()
        ticket = wait_for(lambda: self.s.ticket_for(t, want="resolved"), timeout=CATCHUP_SECONDS)
        took = time.monotonic() - started
        log(f"ticket {ticket['number']} resolved {took:.1f} s after the engine was started")
        events = [(e.get("eventId"), e.get("recoveryEventId")) for e in ticket.get("events") or []]
        assert events == [(problem["eventid"], recovery["eventid"])], \
            f"ticket {ticket['number']} events {events}, expected Zabbix's [({problem['eventid']}, {recovery['eventid']})]"
        assert ticket.get("type") == "ALERT" and ticket.get("level") == t.level, \
            f"ticket {ticket['number']}: type {ticket.get('type')}, level {ticket.get('level')}"
        sources = self._inbox_sources(problem["eventid"])
        expected = {"problem": "poller", f"recovery:{recovery['eventid']}": "poller"}
        assert sources == expected, f"inbox rows of event {problem['eventid']} (update_key: source): {sources}, " \
                                    f"expected {expected}"
        stored = self._polled("stored")
        assert stored >= 2, f"alertengine_zabbix_polled_events_total{{server=\"{self.server}\",result=\"stored\"}} " \
                            f"is {stored} since the start, expected at least 2"
        _, status = self._zabbix_server_health()
        assert status.get("foundAt"), f"/healthz zabbix {self.server}: no foundAt: {status}"
        unsent = [a for a in self._alerts([problem["eventid"], recovery["eventid"]]) if a["status"] != "1"]
        log(f"Zabbix's alerts still waiting for their retry: {len(unsent)} of 2")
        self.catchup = {"problem": problem, "recovery": recovery, "ticket": ticket["number"],
                        "snapshot": self.engine.ticket(ticket["number"])}

    def _retry_changes_nothing(self):
        c = self.catchup
        ids = [c["problem"]["eventid"], c["recovery"]["eventid"]]

        def delivered():
            alerts = self._alerts(ids)
            failed = [a for a in alerts if a["status"] == "2"]
            assert not failed, f"Zabbix gave up on alerts: {failed}"
            if len(alerts) != 2 or any(a["status"] != "1" for a in alerts):
                raise NotYet(f"Zabbix has not delivered both webhooks yet: {alerts}")
        wait_for(delivered, timeout=2 * WEBHOOK_RETRY_SECONDS + 10, interval=1)
        self.s.wait_inbox_empty()
        after = self.s.ticket_for(self.world.catchup_trigger)  # fails on a second ticket
        before = c["snapshot"]
        changed = {k: (before.get(k), after.get(k)) for k in ("number", "state", "events", "timeline", "occurrences")
                   if before.get(k) != after.get(k)}
        assert not changed, f"ticket {c['ticket']} changed: {changed}"
        sources = self._inbox_sources(c["problem"]["eventid"])
        assert set(sources.values()) == {"poller"}, f"inbox rows of event {c['problem']['eventid']}: {sources}"

    # -- write-back --------------------------------------------------------------------------

    def _zabbix_acknowledges(self, eventid):
        event = self.s.api.call("event.get", {"eventids": [eventid], "output": ["eventid", "acknowledged"],
                                              "select_acknowledges": "extend"})[0]
        ours = [a for a in event.get("acknowledges") or [] if a.get("message", "").startswith(MARKER)]
        return event, ours

    def _acknowledge(self):
        t = self.world.writeback_trigger
        log(f"zabbix_sender: 1 to {t.host} {t.key}")
        self.s.send([t], 1)
        problem = wait_for(lambda: self._new_problem(t), timeout=self.s.expect_seconds)
        ticket = wait_for(lambda: self.s.ticket_for(t), timeout=self.s.expect_seconds)
        number = ticket["number"]
        status, body = self.engine.post(f"/api/v1/tickets/{number}/acknowledge", {"by": "e2e harness", "text": "on it"})
        assert status == 200 and body.get("state") == "acknowledged", f"acknowledge {number}: {status} {body}"
        expected = f"{MARKER} Acknowledged by {API_ACTOR} via api — ticket {number}"

        def acknowledged():
            event, ours = self._zabbix_acknowledges(problem["eventid"])
            if not ours:
                raise NotYet(f"event {problem['eventid']} has no {MARKER} acknowledgement in Zabbix yet: {event}")
            return event, ours
        event, ours = wait_for(acknowledged, timeout=WRITEBACK_SECONDS)
        assert [a["message"] for a in ours] == [expected], f"{MARKER} acknowledgements {ours}, expected one {expected!r}"
        assert event["acknowledged"] == "1", f"event {problem['eventid']} acknowledged {event['acknowledged']}"
        assert int(ours[0]["action"]) & 6 == 6, f"action {ours[0]['action']} is not acknowledge + message"
        log(f"Zabbix holds the write-back on event {problem['eventid']}: {ours[0]['message']!r} "
            f"(user {ours[0].get('username', ours[0].get('userid'))})")
        self.writeback = {"problem": problem, "ticket": number, "message": expected}

    def _no_loop(self):
        w = self.writeback

        def confirmed():
            ticket = self.engine.ticket(w["ticket"])
            if not [e for e in ticket.get("timeline") or [] if e.get("kind") == "write-back-confirmed"]:
                raise NotYet(f"ticket {w['ticket']} has no write-back-confirmed entry: "
                             f"{[e.get('kind') for e in ticket.get('timeline') or []]}")
            return ticket
        ticket = wait_for(confirmed, timeout=ECHO_SECONDS)
        # Both ways of the echo (the update webhook, the poller's follow-up) have had their time.
        time.sleep(NO_LOOP_SECONDS)
        self.s.wait_inbox_empty()
        first = self._check_written_once(w)
        time.sleep(NO_LOOP_SECONDS)
        self.s.wait_inbox_empty()
        again = self._check_written_once(w)
        assert first.get("timeline") == again.get("timeline"), \
            f"ticket {w['ticket']} timeline changed: {first.get('timeline')} -> {again.get('timeline')}"
        sources = self._inbox_sources(w["problem"]["eventid"])
        log(f"inbox rows of event {w['problem']['eventid']}: {sources}")
        alerts = self._alerts([w["problem"]["eventid"]])
        log(f"Zabbix alerts for it: {[(a['status'], a['error'][:60]) for a in alerts]}")

    def _check_written_once(self, w):
        ticket = self.engine.ticket(w["ticket"])
        kinds = [e.get("kind") for e in ticket.get("timeline") or []]
        assert ticket.get("state") == "acknowledged" and ticket.get("acknowledgedBy") == API_ACTOR, \
            f"ticket {w['ticket']}: state {ticket.get('state')}, acknowledgedBy {ticket.get('acknowledgedBy')!r}"
        assert kinds.count("write-back") == 1 and kinds.count("write-back-confirmed") == 1, \
            f"ticket {w['ticket']} timeline kinds {kinds}: expected one write-back and one write-back-confirmed"
        event, ours = self._zabbix_acknowledges(w["problem"]["eventid"])
        assert [a["message"] for a in ours] == [w["message"]], \
            f"Zabbix event {w['problem']['eventid']} has {len(ours)} {MARKER} acknowledgements: {ours}"
        assert event["acknowledged"] == "1", f"event {w['problem']['eventid']} acknowledged {event['acknowledged']}"
        return ticket

    # -- blind -------------------------------------------------------------------------------

    def _blind_ticket(self, want):
        title = f"monitoring blind: {self.server}"
        found = [t for t in self.engine.tickets() if t.get("title") == title]
        if not found:
            raise NotYet(f"no ticket titled {title!r}")
        assert len(found) == 1, f"{len(found)} tickets titled {title!r}: {[t['number'] for t in found]}"
        ticket = self.engine.ticket(found[0]["number"])
        if ticket["state"] != want:
            raise NotYet(f"ticket {ticket['number']} ({title}) is {ticket['state']}, expected {want}")
        return ticket

    def _blind(self):
        self.php.stop()
        stopped = time.monotonic()

        def blind():
            ticket = self._blind_ticket("open")
            health, status = self._zabbix_server_health()
            if status.get("api") != "unreachable" or health.get("status") != "degraded":
                raise NotYet(f"/healthz status {health.get('status')}, zabbix {status}")
            return ticket, health, status
        ticket, health, status = wait_for(blind, timeout=BLIND_SECONDS, interval=1)
        log(f"ticket {ticket['number']} opened {time.monotonic() - stopped:.0f} s after the frontend stopped; "
            f"/healthz zabbix: {status}")
        actual = {k: ticket.get(k) for k in ("type", "level", "state")}
        assert actual == {"type": "ALERT", "level": "L1", "state": "open"}, f"ticket {ticket['number']}: {actual}"
        assert status.get("blindTicket") == ticket["number"] and status.get("failingSince"), \
            f"/healthz zabbix {status}: expected blindTicket {ticket['number']} and failingSince"
        watch = [e for e in ticket.get("timeline") or [] if e.get("channel") == "watch"]
        assert watch, f"ticket {ticket['number']} has no timeline entry on channel watch: {ticket.get('timeline')}"
        self.blind_ticket = ticket["number"]

    def _sight(self):
        self._start_php()
        back = time.monotonic()

        def seeing():
            ticket = self._blind_ticket("resolved")
            health, status = self._zabbix_server_health()
            if status.get("api") != "ok" or status.get("blindTicket") or health.get("status") != "ok":
                raise NotYet(f"/healthz status {health.get('status')}, zabbix {status}")
            return ticket
        ticket = wait_for(seeing, timeout=SIGHT_SECONDS, interval=1)
        assert ticket["number"] == self.blind_ticket, f"resolved ticket {ticket['number']}, opened {self.blind_ticket}"
        log(f"ticket {ticket['number']} resolved {time.monotonic() - back:.0f} s after the frontend was back")

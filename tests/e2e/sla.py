"""SLA clocks against the real Zabbix (issue #7): deadlines from the Zabbix event clock, and an
acknowledgement made in Zabbix meets the respond deadline.

provision.py creates a host SLA_HOST with one High trigger: High is L2 by the shipped rules, and
rules/05-sla.yaml gives L2 30 min to respond, 2 h to resolve and a 6 h hard limit around the clock,
so the deadlines are the problem's clock plus those, to the second (no business calendar involved).

- deadlines: zabbix_sender fires the trigger; event.get gives the problem's clock; the ticket's
  sla.respondBy / resolveBy / hardLimit are clock + 30 min / 2 h / 6 h, respond and resolve are
  still undecided (null), and the timeline has one line of kind 'sla' on channel 'sla'.
- respond met: event.acknowledge (action 6) as the acknowledging user oncall-li (neither the media
  user nor the engine's API user); Zabbix's update webhook (or the poller's follow-up) brings it:
  within RESPOND_SECONDS sla.respond is 'met' and sla.respondedAt is the acknowledgement's clock
  in Zabbix (event.get select_acknowledges), to the second; still one 'sla' line.
- resolve met: the value back to 0; the ticket resolves with sla.resolve 'met', respond still 'met'."""

import time
from datetime import datetime, timezone

from clients import NotYet, log, wait_for

RESPOND = 30 * 60  # rules/05-sla.yaml, L2
RESOLVE = 2 * 3600
HARD_LIMIT = 6 * 3600
RESPOND_SECONDS = 20  # event.acknowledge -> the ticket's respond 'met' (update webhook 3-9 s, poller 5 s)
ACK_MESSAGE = "on it (e2e sla)"


def epoch(text):
    """Unix seconds of an engine time, truncated to the second (the engine may keep milliseconds)."""
    return int(datetime.fromisoformat(text).timestamp())


def sla_lines(ticket):
    return [e for e in ticket.get("timeline") or [] if e.get("kind") == "sla"]


class SlaClocks:
    def __init__(self, scenario):
        self.s = scenario
        self.problem = None  # {eventid, clock} of the Zabbix problem
        self.ticket = None  # its ticket number
        self.acknowledged = False

    @property
    def trigger(self):
        return self.s.world.sla_trigger

    def run(self):
        r = self.s.report
        if not r.case("SLA: a High problem's ticket has respondBy/resolveBy/hardLimit = Zabbix's event clock + "
                      "30 min / 2 h / 6 h (L2, around the clock), respond and resolve undecided, one 'sla' line",
                      self._deadlines):
            return
        r.case("SLA: acknowledged in Zabbix by oncall-li, the ticket's respond is 'met' and respondedAt is the "
               f"acknowledgement's clock in Zabbix, within {RESPOND_SECONDS} s; still one 'sla' line",
               self._respond_met)
        r.case("SLA: the problem recovers in Zabbix, the ticket resolves with resolve 'met'", self._resolve_met)

    # -- helpers -----------------------------------------------------------------------------

    def _sla(self, ticket):
        sla = ticket.get("sla")
        assert isinstance(sla, dict), f"ticket {ticket['number']} has no sla object: {ticket.get('sla')!r}"
        return sla

    def _zabbix_event(self, eventid):
        return self.s.api.call("event.get", {"eventids": [eventid], "output": ["eventid", "clock", "acknowledged"],
                                             "select_acknowledges": "extend"})[0]

    # -- the cases ---------------------------------------------------------------------------

    def _deadlines(self):
        t = self.trigger
        log(f"zabbix_sender: 1 to {t.host} {t.key}")
        self.s.send([t], 1)
        found = wait_for(lambda: self.s._zabbix_problem(t), timeout=self.s.expect_seconds)
        event = self._zabbix_event(found["eventid"])
        clock = int(event["clock"])
        self.problem = {"eventid": event["eventid"], "clock": clock}

        def with_deadlines():
            ticket = self.s.ticket_for(t)
            if not (ticket.get("sla") or {}).get("respondBy"):
                raise NotYet(f"ticket {ticket['number']} has no deadlines yet: sla {ticket.get('sla')!r}")
            return ticket
        ticket = wait_for(with_deadlines, timeout=self.s.expect_seconds)
        self.ticket = ticket["number"]
        log(f"Zabbix problem {event['eventid']} clock {clock}; ticket {self.ticket} sla {ticket.get('sla')}")
        assert (ticket.get("type"), ticket.get("level"), ticket.get("state")) == ("ALERT", "L2", "open"), \
            f"ticket {self.ticket}: type {ticket.get('type')}, level {ticket.get('level')}, state {ticket.get('state')}"
        sla = self._sla(ticket)
        actual = {k: epoch(sla[k]) if sla.get(k) else None for k in ("respondBy", "resolveBy", "hardLimit")}
        expected = {"respondBy": clock + RESPOND, "resolveBy": clock + RESOLVE, "hardLimit": clock + HARD_LIMIT}
        if actual != expected:
            raise AssertionError(
                f"ticket {self.ticket}: " + "; ".join(
                    f"{k} {sla.get(k)} ({actual[k]}), expected {expected[k]} (clock {clock} + {expected[k] - clock} s)"
                    for k in expected if actual[k] != expected[k]))
        # Undecided until someone responds / it resolves; the milliseconds must be zero too (clock is whole seconds).
        exact = [k for k in expected if datetime.fromisoformat(sla[k]).timestamp() != expected[k]]
        assert not exact, f"ticket {self.ticket}: {[(k, sla[k]) for k in exact]} are not whole seconds of the clock"
        undecided = {k: sla.get(k) for k in ("respond", "resolve", "respondedAt")}
        assert undecided == {"respond": None, "resolve": None, "respondedAt": None}, \
            f"ticket {self.ticket}: {undecided}, expected all null before any acknowledgement"
        lines = sla_lines(ticket)
        assert len(lines) == 1 and lines[0].get("channel") == "sla", \
            f"ticket {self.ticket}: 'sla' timeline lines {lines}, expected one on channel 'sla'"

    def _respond_met(self):
        assert self.problem and self.ticket, "no problem and ticket from the deadlines case"
        eventid = self.problem["eventid"]
        acker = self.s.api.as_user("oncall-li", self.s.world.acker_password)
        log(f"event.acknowledge as oncall-li: event {eventid} ({self.trigger.host}), action 6")
        acker.call("event.acknowledge", {"eventids": [eventid], "action": 6, "message": ACK_MESSAGE})
        self.acknowledged = True
        sent = time.monotonic()
        event = self._zabbix_event(eventid)
        acks = [a for a in event.get("acknowledges") or [] if a.get("message") == ACK_MESSAGE]
        assert len(acks) == 1, f"Zabbix event {eventid} acknowledges {event.get('acknowledges')}, expected one {ACK_MESSAGE!r}"
        ack_clock = int(acks[0]["clock"])

        def responded():
            ticket = self.s.ticket_for(self.trigger)
            sla = self._sla(ticket)
            if sla.get("respond") is None:
                raise NotYet(f"ticket {self.ticket} state {ticket.get('state')}, sla respond still null: {sla}")
            return ticket, sla
        ticket, sla = wait_for(responded, timeout=RESPOND_SECONDS)
        log(f"ticket {self.ticket} respond {sla.get('respond')} {time.monotonic() - sent:.1f} s after event.acknowledge; "
            f"respondedAt {sla.get('respondedAt')}, Zabbix acknowledgement clock {ack_clock}")
        problems = []
        if sla.get("respond") != "met":
            problems.append(f"respond {sla.get('respond')!r}, expected 'met'")
        responded_at = epoch(sla["respondedAt"]) if sla.get("respondedAt") else None
        if responded_at != ack_clock:
            problems.append(f"respondedAt {sla.get('respondedAt')} ({responded_at}), expected the acknowledgement's "
                            f"clock in Zabbix {ack_clock} ({datetime.fromtimestamp(ack_clock, timezone.utc).isoformat()}, "
                            f"{'+' if responded_at and responded_at > ack_clock else ''}"
                            f"{(responded_at - ack_clock) if responded_at else '?'} s)")
        if ticket.get("state") != "acknowledged":
            problems.append(f"state {ticket.get('state')}, expected acknowledged")
        lines = sla_lines(ticket)
        if len(lines) != 1:
            problems.append(f"{len(lines)} 'sla' timeline lines, expected one: {lines}")
        assert not problems, f"ticket {self.ticket}: " + "; ".join(problems)

    def _resolve_met(self):
        assert self.problem and self.ticket, "no problem and ticket from the deadlines case"
        t = self.trigger
        log(f"zabbix_sender: 0 to {t.host} {t.key}")
        self.s.send([t], 0)
        wait_for(lambda: self.s._zabbix_recovery(self.problem["eventid"]), timeout=self.s.expect_seconds)

        def decided():
            ticket = self.s.ticket_for(t, want="resolved")
            sla = self._sla(ticket)
            if sla.get("resolve") is None:
                raise NotYet(f"ticket {self.ticket} resolved, sla resolve still null: {sla}")
            return ticket, sla
        ticket, sla = wait_for(decided, timeout=self.s.expect_seconds)
        expected = {"resolve": "met", "respond": "met"}
        actual = {k: sla.get(k) for k in expected}
        assert actual == expected, f"ticket {self.ticket}: sla {sla}, expected {expected}"
        lines = sla_lines(ticket)
        assert len(lines) == 1, f"ticket {self.ticket}: {len(lines)} 'sla' timeline lines, expected one: {lines}"

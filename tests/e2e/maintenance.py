"""A host in a Zabbix maintenance period is ticketed but not paged (issue #4).

Zabbix 6.0 has no macro saying a problem is suppressed. provision.py creates the second action
samples/zabbix/README.md describes ("Problem is suppressed", operations not paused, subjects
starting with [suppressed]); the media type sends "suppressed": true for that subject, and the
engine marks the ticket suppressed by Zabbix maintenance (it never pages a suppressed ticket).

- start(): maintenance.create (with data collection, one time, covering now) for MAINTENANCE_HOST,
  right after provisioning: Zabbix's timer applies maintenances at minute boundaries, so the wait
  overlaps the other cases.
- check(): once host.get says the host is in maintenance, one High value fires a problem on it and
  on OUTSIDE_MAINTENANCE_HOST: the first ticket is suppressed by Zabbix maintenance, the second is
  not; Zabbix sent the first only through the maintenance action (the normal action pauses it).
- end(): maintenance.delete.
- check_resent(): once the maintenance is over, the normal action sends the paused problem again;
  the engine answers 2xx and changes nothing (same inbox key: server, event id, "problem")."""

import time

from clients import NotYet, log, wait_for
from provision import MAINTENANCE_ACTION, SUPPRESSED_MARKER, create_maintenance

MAINTENANCE_SECONDS = 3600  # how long the maintenance would last; it is deleted long before
# Zabbix's timer applies maintenance changes at the next minute boundary, after a configuration
# sync (CacheUpdateFrequency=5): up to about 70 s, more on a loaded machine.
TIMER_SECONDS = 120
SUPPRESSED_BY = "Zabbix maintenance"


class ZabbixMaintenance:
    def __init__(self, scenario):
        self.s = scenario
        self.maintenanceid = None
        self.problem = None  # the Zabbix problem on MAINTENANCE_HOST
        self.ticket = None  # its ticket number
        self.before = None  # that ticket when the maintenance was deleted

    @property
    def world(self):
        return self.s.world

    def start(self):
        return self.s.report.case(f"maintenance.create: {self.world.maintenance_trigger.host} in a Zabbix maintenance "
                                  "(with data collection, one time, covering now)", self._create)

    def _create(self):
        self.maintenanceid = create_maintenance(self.s.api, self.world.maintenance_hostid, int(time.time()),
                                                MAINTENANCE_SECONDS)
        log(f"maintenance {self.maintenanceid} created; Zabbix applies it at a minute boundary")

    def _maintenance_status(self):
        return self.s.api.call("host.get", {"hostids": [self.world.maintenance_hostid],
                                            "output": ["maintenance_status"]})[0]["maintenance_status"]

    def _wait_status(self, want):
        def status():
            actual = self._maintenance_status()
            if actual != want:
                raise NotYet(f"host.get maintenance_status {actual}, expected {want}")
        wait_for(status, timeout=TIMER_SECONDS, interval=1)

    def check(self):
        r = self.s.report
        inside, outside = self.world.maintenance_trigger, self.world.outside_trigger
        if not r.case(f"host.get: {inside.host} is in maintenance (maintenance_status 1)",
                      lambda: self._wait_status("1")):
            return
        if not r.case("zabbix_sender fires a High problem on both hosts; Zabbix marks only the one in maintenance "
                      "suppressed", self._fire):
            return
        r.case(f"a problem on a host in a Zabbix maintenance is ticketed but suppressed, suppressedBy "
               f"'{SUPPRESSED_BY} …' (not paged)", lambda: self._check_suppressed(inside))
        r.case("a problem on a host not in maintenance is not suppressed", lambda: self._check_outside(outside))
        r.case(f"Zabbix sent the suppressed problem only through '{MAINTENANCE_ACTION}' (subject "
               f"'{SUPPRESSED_MARKER} …'); the normal action paused it", self._check_alerts)

    def _fire(self):
        inside, outside = self.world.maintenance_trigger, self.world.outside_trigger
        log(f"zabbix_sender: 1 to {inside.host} (in maintenance) and {outside.host}")
        self.s.send([inside, outside], 1)

        def problems():
            found = self.s.api.call("problem.get", {"objectids": [inside.triggerid, outside.triggerid],
                                                    "output": ["eventid", "objectid", "suppressed"]})
            if len(found) != 2:
                raise NotYet(f"problem.get: {found}")
            return {p["objectid"]: p for p in found}
        found = wait_for(problems, timeout=self.s.expect_seconds)
        self.problem = found[inside.triggerid]
        assert self.problem["suppressed"] == "1", f"problem on {inside.host}: {self.problem}"
        assert found[outside.triggerid]["suppressed"] == "0", f"problem on {outside.host}: {found[outside.triggerid]}"

    def _check_suppressed(self, trigger):
        ticket = wait_for(lambda: self.s.ticket_for(trigger), timeout=self.s.expect_seconds)
        self.ticket = ticket["number"]
        actual = {k: ticket.get(k) for k in ("type", "state", "level", "suppressed")}
        expected = {"type": "ALERT", "state": "open", "level": trigger.level, "suppressed": True}
        assert actual == expected, f"ticket {ticket['number']}: {actual}, expected {expected}"
        assert (ticket.get("suppressedBy") or "").startswith(SUPPRESSED_BY), \
            f"ticket {ticket['number']} suppressedBy {ticket.get('suppressedBy')!r}"

    def _check_outside(self, trigger):
        ticket = wait_for(lambda: self.s.ticket_for(trigger), timeout=self.s.expect_seconds)
        actual = {k: ticket.get(k) for k in ("type", "state", "level", "suppressed", "suppressedBy")}
        expected = {"type": "ALERT", "state": "open", "level": trigger.level, "suppressed": False, "suppressedBy": None}
        assert actual == expected, f"ticket {ticket['number']}: {actual}, expected {expected}"

    def _alerts(self):
        return self.s.api.call("alert.get", {"eventids": [self.problem["eventid"]],
                                             "output": ["actionid", "status", "subject", "error"]})

    def _check_alerts(self):
        def sent():
            alerts = self._alerts()
            if not any(a["status"] == "1" for a in alerts):
                raise NotYet(f"alert.get: {alerts}")
            return alerts
        alerts = wait_for(sent, timeout=self.s.expect_seconds)
        ours = [a for a in alerts if a["actionid"] == self.world.maintenance_actionid]
        assert len(ours) == 1 and ours[0]["subject"].startswith(SUPPRESSED_MARKER), f"alerts {alerts}"
        paused = [a for a in alerts if a["actionid"] == self.world.actionid]
        assert not paused, f"the normal action sent during the maintenance: {paused}"

    def end(self):
        if self.maintenanceid is None:
            return False
        return self.s.report.case("maintenance.delete: the e2e maintenance is removed", self._delete)

    def _delete(self):
        # The ticket as it is before Zabbix's timer ends the maintenance and the normal action resends.
        self.before = self.s.engine.ticket(self.ticket) if self.ticket else None
        self.s.api.call("maintenance.delete", [self.maintenanceid])
        self.maintenanceid = None
        log("maintenance deleted; Zabbix ends it at a minute boundary")

    def check_resent(self):
        if self.before is None:
            return
        self.s.report.case("after the maintenance the normal action sends the paused problem; the engine answers 2xx "
                           "and the ticket stays as it was (one event, suppressed)", self._check_resent)

    def _check_resent(self):
        before = self.before

        def resent():
            alerts = [a for a in self._alerts() if a["actionid"] == self.world.actionid]
            if not alerts or alerts[0]["status"] != "1":
                raise NotYet(f"the normal action has not sent the problem yet (maintenance_status "
                             f"{self._maintenance_status()}): {alerts}")
            return alerts
        alerts = wait_for(resent, timeout=TIMER_SECONDS, interval=1)
        assert len(alerts) == 1 and not alerts[0]["subject"].startswith(SUPPRESSED_MARKER), f"alerts {alerts}"
        self.s.wait_inbox_empty()
        after = self.s.engine.ticket(self.ticket)
        changed = {k: (before.get(k), after.get(k)) for k in ("state", "suppressed", "suppressedBy", "events", "timeline")
                if before.get(k) != after.get(k)}
        assert not changed, f"ticket {self.ticket} changed: {changed}"

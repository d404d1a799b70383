"""Provisions the throw-away Zabbix 6.0 through its API the way samples/zabbix/README.md tells a
user to: import the media type file, global macros, a dedicated media user on UTC, an action
with problem, recovery and update operations, and the second action for problems in a Zabbix
maintenance; plus what the scenario needs to make events: hosts srv-<customer>-<function> with
trapper items and a trigger of every severity, a host for the rule change made while the engine
runs, two hosts for the maintenance (one in it, one not), an acknowledging user, and a second
media type copy with a wrong token."""

import secrets
import subprocess
from dataclasses import dataclass, field

# Zabbix severity -> (name, AlertEngine's default level); the host says the customer.
SEVERITIES = {
    5: ("Disaster", "L1"),
    4: ("High", "L2"),
    3: ("Average", "L3"),
    2: ("Warning", "L4"),
    1: ("Information", "L4"),
    0: ("Not classified", "L4"),
}
HOST_SEVERITIES = {"srv-acme-web1": [5, 4, 3], "srv-nc-db1": [2, 1, 0]}
# The rule change made while the engine runs: three High triggers on one host, fired one by one
# (before the change, after it, and while a broken file is in the folder).
RULES_HOST = "srv-acme-rules1"
RULES_KEYS = ["e2e.rule1", "e2e.rule2", "e2e.rule3"]
# A Zabbix maintenance covers the first host only; the second is the same without it.
MAINTENANCE_HOST = "srv-globex-app1"
OUTSIDE_MAINTENANCE_HOST = "srv-globex-app2"
MAINTENANCE_KEY = "e2e.maint"
MAINTENANCE_ACTION = "AlertEngine: problems in maintenance"
# What the maintenance action's messages start with; the media type sends "suppressed": true for it.
SUPPRESSED_MARKER = "[suppressed]"
# Issue #5: one High trigger fired and cleared repeatedly (flapping, then a PROBLEM ticket).
FLAP_HOST = "srv-acme-flap1"
FLAP_KEY = "e2e.flap"
FLAP_TRIGGER_NAME = "E2E flapping on {HOST.NAME}"
# Issue #5: one trigger on FLEET_SIZE hosts at once. One template holds the trapper item and the
# trigger; a single host.create links it to every host (ten customers, five hosts each).
FLEET_SIZE = 50
FLEET_TEMPLATE = "AlertEngine e2e fleet"
FLEET_KEY = "e2e.fleet"
FLEET_TRIGGER_NAME = "E2E fleet down on {HOST.NAME}"
FLEET_SEVERITY = 3  # Average: L3
FLEET_HOSTS = [f"srv-fleet{i % 10}-node{i:02d}" for i in range(FLEET_SIZE)]
# Issue #6 (zabbix_api.py): the poller catching up after the engine was down, and the write-back.
CATCHUP_HOST = "srv-acme-catchup1"
CATCHUP_KEY = "e2e.catchup"
WRITEBACK_HOST = "srv-acme-ack1"
WRITEBACK_KEY = "e2e.ack"
# Issue #7 (sla.py): one High trigger (L2: deadlines around the clock, exact to the second).
SLA_HOST = "srv-acme-sla1"
SLA_KEY = "e2e.sla"
# Issue #8 (paging.py): two Disaster triggers (L1: paged by SMS and a call at once, day and night).
PAGE_HOST = "srv-acme-page1"
PAGE_KEYS = ["e2e.page1", "e2e.page2"]
# The engine's own Zabbix API user (Zabbix:Servers:e2e:Api): neither the media user (Zabbix sends
# no update notification to the user who made the update, so the write-back's echo would never
# come) nor the acknowledging user. Created with its API token before the engine starts.
API_USER = {"username": "alertengine-api", "name": "AlertEngine", "surname": "API"}
API_USER_GROUP = "AlertEngine e2e API"
API_TOKEN_NAME = "AlertEngine e2e engine"
WRONG_TOKEN_HOST = "srv-wrongtoken-app1"
WRONG_TOKEN_MEDIATYPE = "AlertEngine (wrong token)"
ACKER = {"username": "oncall-li", "name": "Li", "surname": "Wei"}
# A non-UTC Zabbix default time zone: only the media user's own UTC setting can then make the
# {EVENT.DATE}/{EVENT.TIME} the 6.0 media type reads come out right, so the check means something.
ZABBIX_DEFAULT_TIMEZONE = "Asia/Shanghai"


@dataclass
class Trigger:
    severity: int
    host: str
    key: str
    triggerid: str = ""

    @property
    def customer(self):
        return self.host.split("-")[1]

    @property
    def level(self):
        return SEVERITIES[self.severity][1]


@dataclass
class World:
    """The ids the scenario needs."""
    triggers: dict = field(default_factory=dict)  # severity -> Trigger
    wrong_token_trigger: Trigger = None
    rules_triggers: list = field(default_factory=list)  # RULES_HOST's High triggers, in RULES_KEYS order
    maintenance_trigger: Trigger = None  # on MAINTENANCE_HOST
    outside_trigger: Trigger = None  # on OUTSIDE_MAINTENANCE_HOST
    flap_trigger: Trigger = None  # on FLAP_HOST
    fleet_triggers: list = field(default_factory=list)  # one per FLEET_HOSTS host, in that order
    catchup_trigger: Trigger = None  # on CATCHUP_HOST
    writeback_trigger: Trigger = None  # on WRITEBACK_HOST
    sla_trigger: Trigger = None  # on SLA_HOST
    page_triggers: list = field(default_factory=list)  # PAGE_HOST's Disaster triggers, in PAGE_KEYS order
    maintenance_hostid: str = ""
    actionid: str = ""  # the normal action
    maintenance_actionid: str = ""
    mediatypeid: str = ""
    wrong_mediatypeid: str = ""
    acker_password: str = ""

    @property
    def acker_fullname(self):
        """How Zabbix 6.0 renders {USER.FULLNAME}: "Name Surname (username)"."""
        return f"{ACKER['name']} {ACKER['surname']} ({ACKER['username']})"


class ProvisionError(Exception):
    pass


ENGINE_TEMPLATE = "AlertEngine by HTTP"
ENGINE_WATCH_HOST = "alertengine-desk"


def password():
    # The password policy rejects passwords containing the user's username or names.
    return "E2e#" + secrets.token_hex(8)


def import_mediatype(api, yaml_text):
    """configuration.import of a media type file, with the rules samples/zabbix/README.md gives."""
    api.call("configuration.import", {
        "format": "yaml",
        "rules": {"mediaTypes": {"createMissing": True, "updateExisting": True}},
        "source": yaml_text,
    })


def mediatype_id(api, name):
    found = api.call("mediatype.get", {"output": ["mediatypeid"], "filter": {"name": name}})
    if len(found) != 1:
        raise ProvisionError(f"media type '{name}' not found after import")
    return found[0]["mediatypeid"]


def wrong_token_copy(yaml_text, token):
    """The same file under another name, with the token parameter a literal wrong value and a single
    attempt (the file's 10 attempts 30 s apart would take 4.5 minutes to fail)."""
    edits = [
        ("    - name: AlertEngine\n", f"    - name: {WRONG_TOKEN_MEDIATYPE}\n"),
        ("        - name: alertengine_token\n          value: '{$ALERTENGINE.TOKEN}'\n",
         f"        - name: alertengine_token\n          value: '{token}'\n"),
        ("      attempts: '10'\n", "      attempts: '1'\n"),
    ]
    for old, new in edits:
        if yaml_text.count(old) != 1:
            raise ProvisionError(f"cannot make the wrong-token copy: {old.strip()!r} is not in the file exactly once")
        yaml_text = yaml_text.replace(old, new)
    return yaml_text


def create_host(api, groupid, host):
    return api.call("host.create", {"host": host, "groups": [{"groupid": groupid}]})["hostids"][0]


def create_trigger(api, hostid, trigger, name):
    """A trapper item and the trigger last(/host/key)>0 on it; sets trigger.triggerid."""
    api.call("item.create", {"hostid": hostid, "name": f"E2E value {trigger.key}",
                             "key_": trigger.key, "type": 2, "value_type": 3})
    trigger.triggerid = api.call("trigger.create", {
        "description": name,
        "expression": f"last(/{trigger.host}/{trigger.key})>0",
        "priority": trigger.severity,
    })["triggerids"][0]
    return trigger


def create_hosts(api, groupid, host_severities):
    """A host per name, a trapper item per trigger, a trigger per severity: last(/host/key)>0."""
    triggers = []
    for host, severities in host_severities.items():
        hostid = create_host(api, groupid, host)
        for severity in severities:
            triggers.append(create_trigger(api, hostid, Trigger(severity, host, f"e2e.sev{severity}"),
                                           f"E2E {SEVERITIES[severity][0]} on {{HOST.NAME}}"))
    return triggers


def create_fleet(api, groupid):
    """FLEET_HOSTS linked to one template with a trapper item and a trigger: three API calls for
    the template and one host.create for all the hosts (each gets its own item and trigger)."""
    template_group = api.call("hostgroup.create", {"name": "AlertEngine e2e templates"})["groupids"][0]
    templateid = api.call("template.create", {"host": FLEET_TEMPLATE,
                                              "groups": [{"groupid": template_group}]})["templateids"][0]
    api.call("item.create", {"hostid": templateid, "name": f"E2E value {FLEET_KEY}", "key_": FLEET_KEY,
                             "type": 2, "value_type": 3})
    api.call("trigger.create", {"description": FLEET_TRIGGER_NAME, "priority": FLEET_SEVERITY,
                                "expression": f"last(/{FLEET_TEMPLATE}/{FLEET_KEY})>0"})
    hostids = api.call("host.create", [{"host": host, "groups": [{"groupid": groupid}],
                                        "templates": [{"templateid": templateid}]} for host in FLEET_HOSTS])["hostids"]
    found = api.call("trigger.get", {"hostids": hostids, "output": ["triggerid"], "selectHosts": ["host"]})
    by_host = {t["hosts"][0]["host"]: t["triggerid"] for t in found}
    if sorted(by_host) != sorted(FLEET_HOSTS):
        raise ProvisionError(f"the fleet template made triggers on {len(by_host)} of {FLEET_SIZE} hosts")
    return [Trigger(FLEET_SEVERITY, host, FLEET_KEY, by_host[host]) for host in FLEET_HOSTS]


def media_user(api, username, roleid, groups, mediatypeid):
    """A dedicated user that only receives the webhook: time zone UTC, media sendto 'alertengine'."""
    return api.call("user.create", {
        "username": username, "passwd": password(), "roleid": roleid, "timezone": "UTC",
        "usrgrps": [{"usrgrpid": g} for g in groups],
        "medias": [{"mediatypeid": mediatypeid, "sendto": "alertengine", "active": 0,
                    "severity": 63, "period": "1-7,00:00-24:00"}],
    })["userids"][0]


def action(api, name, groupid, mediatypeid, userid):
    """Trigger action on one host group: send to the media user in operations, recovery and update.
    "Pause operations for suppressed problems" stays as Zabbix creates it (on)."""
    message = {"operationtype": 0, "opmessage": {"default_msg": 1, "mediatypeid": mediatypeid},
               "opmessage_usr": [{"userid": userid}]}
    return api.call("action.create", {
        "name": name, "eventsource": 0, "status": 0, "esc_period": "1h",
        "filter": {"evaltype": 0, "conditions": [{"conditiontype": 0, "operator": 0, "value": groupid}]},
        "operations": [dict(message, esc_step_from=1, esc_step_to=1)],
        "recovery_operations": [message],
        "update_operations": [message],
    })["actionids"][0]


# Action condition "Problem is suppressed" (CONDITION_TYPE_SUPPRESSED) with operator "Yes"
# (CONDITION_OPERATOR_YES) in the 6.0 frontend's include/defines.inc.php; "No" is 11.
CONDITION_SUPPRESSED, OPERATOR_YES = 16, 10


def maintenance_action(api, groupid, mediatypeid, userid):
    """The second action samples/zabbix/README.md describes: the same hosts, only problems Zabbix
    suppresses (host in maintenance), operations not paused, and custom messages whose subject starts
    with the marker: the media type then sends "suppressed": true, so AlertEngine tickets the problem
    without paging it."""
    def message(subject):
        return {"operationtype": 0,
                "opmessage": {"default_msg": 0, "mediatypeid": mediatypeid, "subject": subject,
                              "message": "Host in a Zabbix maintenance: ticket it, do not page."},
                "opmessage_usr": [{"userid": userid}]}
    return api.call("action.create", {
        "name": MAINTENANCE_ACTION, "eventsource": 0, "status": 0, "esc_period": "1h", "pause_suppressed": 0,
        "filter": {"evaltype": 0, "conditions": [
            {"conditiontype": 0, "operator": 0, "value": groupid},
            {"conditiontype": CONDITION_SUPPRESSED, "operator": OPERATOR_YES}]},
        "operations": [dict(message(f"{SUPPRESSED_MARKER} Problem: {{EVENT.NAME}}"), esc_step_from=1, esc_step_to=1)],
        "recovery_operations": [message(f"{SUPPRESSED_MARKER} Resolved: {{EVENT.NAME}}")],
        "update_operations": [message(f"{SUPPRESSED_MARKER} Updated: {{EVENT.NAME}}")],
    })["actionids"][0]


def create_maintenance(api, hostid, now, seconds):
    """A one-time maintenance with data collection on one host, from a minute ago for `seconds`."""
    since = now - 60
    return api.call("maintenance.create", {
        "name": "AlertEngine e2e maintenance", "maintenance_type": 0,  # 0: with data collection
        "active_since": since, "active_till": now + seconds, "hostids": [hostid],
        "timeperiods": [{"timeperiod_type": 0, "start_date": since, "period": seconds + 60}],  # 0: one time only
    })["maintenanceids"][0]


def provision(api, yaml_text, engine_url, server_name, token):
    """Everything after the media type import. Returns the World."""
    world = World()
    world.mediatypeid = mediatype_id(api, "AlertEngine")

    api.call("settings.update", {"default_timezone": ZABBIX_DEFAULT_TIMEZONE})
    for macro, value, kind in [("{$ALERTENGINE.URL}", engine_url, 0),
                               ("{$ALERTENGINE.SERVER}", server_name, 0),
                               ("{$ALERTENGINE.TOKEN}", token, 1)]:  # 1: secret text, as the README says
        api.call("usermacro.createglobal", {"macro": macro, "value": value, "type": kind})

    import_mediatype(api, wrong_token_copy(yaml_text, "wrong-" + secrets.token_hex(12)))
    world.wrong_mediatypeid = mediatype_id(api, WRONG_TOKEN_MEDIATYPE)

    groupid = api.call("hostgroup.create", {"name": "AlertEngine e2e"})["groupids"][0]
    wrong_groupid = api.call("hostgroup.create", {"name": "AlertEngine e2e wrong token"})["groupids"][0]
    for trigger in create_hosts(api, groupid, HOST_SEVERITIES):
        world.triggers[trigger.severity] = trigger
    world.wrong_token_trigger = create_hosts(api, wrong_groupid, {WRONG_TOKEN_HOST: [4]})[0]
    hostid = create_host(api, groupid, RULES_HOST)
    world.rules_triggers = [create_trigger(api, hostid, Trigger(4, RULES_HOST, key), f"E2E rules {key} on {{HOST.NAME}}")
                            for key in RULES_KEYS]
    world.maintenance_hostid = create_host(api, groupid, MAINTENANCE_HOST)
    world.maintenance_trigger = create_trigger(api, world.maintenance_hostid, Trigger(4, MAINTENANCE_HOST, MAINTENANCE_KEY),
                                               "E2E maintenance on {HOST.NAME}")
    world.outside_trigger = create_trigger(api, create_host(api, groupid, OUTSIDE_MAINTENANCE_HOST),
                                           Trigger(4, OUTSIDE_MAINTENANCE_HOST, MAINTENANCE_KEY),
                                           "E2E maintenance on {HOST.NAME}")

    world.flap_trigger = create_trigger(api, create_host(api, groupid, FLAP_HOST), Trigger(4, FLAP_HOST, FLAP_KEY),
                                        FLAP_TRIGGER_NAME)
    world.fleet_triggers = create_fleet(api, groupid)
    world.catchup_trigger = create_trigger(api, create_host(api, groupid, CATCHUP_HOST), Trigger(4, CATCHUP_HOST, CATCHUP_KEY),
                                           "E2E catch-up on {HOST.NAME}")
    world.writeback_trigger = create_trigger(api, create_host(api, groupid, WRITEBACK_HOST),
                                             Trigger(4, WRITEBACK_HOST, WRITEBACK_KEY), "E2E write-back on {HOST.NAME}")
    world.sla_trigger = create_trigger(api, create_host(api, groupid, SLA_HOST), Trigger(4, SLA_HOST, SLA_KEY),
                                       "E2E SLA on {HOST.NAME}")
    hostid = create_host(api, groupid, PAGE_HOST)
    world.page_triggers = [create_trigger(api, hostid, Trigger(5, PAGE_HOST, key), f"E2E paging {key} on {{HOST.NAME}}")
                           for key in PAGE_KEYS]

    roleid = api.call("role.get", {"output": ["roleid"], "filter": {"name": "User role"}})[0]["roleid"]
    # Readers may see the hosts (Zabbix creates no alert otherwise); on-call may also acknowledge;
    # the desk group has no rights and exists so that the media user shares a group with the
    # acknowledging user: otherwise {USER.FULLNAME} comes out as "Inaccessible user".
    readers = api.call("usergroup.create", {"name": "AlertEngine e2e readers",
                                            "rights": [{"permission": 2, "id": groupid}]})["usrgrpids"][0]
    oncall = api.call("usergroup.create", {"name": "AlertEngine e2e on-call",
                                           "rights": [{"permission": 3, "id": groupid}]})["usrgrpids"][0]
    desk = api.call("usergroup.create", {"name": "AlertEngine e2e desk"})["usrgrpids"][0]
    wrong_readers = api.call("usergroup.create", {"name": "AlertEngine e2e wrong token readers",
                                                  "rights": [{"permission": 2, "id": wrong_groupid}]})["usrgrpids"][0]

    userid = media_user(api, "alertengine", roleid, [readers, desk], world.mediatypeid)
    wrong_userid = media_user(api, "alertengine-wrongtoken", roleid, [wrong_readers], world.wrong_mediatypeid)
    world.acker_password = password()
    api.call("user.create", dict(ACKER, passwd=world.acker_password, roleid=roleid,
                                 usrgrps=[{"usrgrpid": oncall}, {"usrgrpid": desk}]))

    grant_api_user(api, groupid, desk)

    world.actionid = action(api, "AlertEngine e2e", groupid, world.mediatypeid, userid)
    world.maintenance_actionid = maintenance_action(api, groupid, world.mediatypeid, userid)
    action(api, "AlertEngine e2e wrong token", wrong_groupid, world.wrong_mediatypeid, wrong_userid)
    return world


def create_api_user(api):
    """The engine's API user and its API token (token.create + token.generate, as Admin), before
    the engine starts: a user on "User role" (API access) in a group of its own, which
    grant_api_user gives read-write on the hosts once they exist. Returns the token."""
    roleid = api.call("role.get", {"output": ["roleid"], "filter": {"name": "User role"}})[0]["roleid"]
    group = api.call("usergroup.create", {"name": API_USER_GROUP})["usrgrpids"][0]
    userid = api.call("user.create", dict(API_USER, passwd=password(), roleid=roleid,
                                          usrgrps=[{"usrgrpid": group}]))["userids"][0]
    tokenid = api.call("token.create", {"name": API_TOKEN_NAME, "userid": userid})["tokenids"][0]
    return api.call("token.generate", [tokenid])[0]["token"]


def grant_api_user(api, groupid, desk):
    """Read-write on the hosts the action covers (the poller reads their events, the write-back
    acknowledges and closes them), the same hosts the media user reads; and the desk group, so that
    the API user sees the acknowledging user's name (user.get) and {USER.FULLNAME} resolves for its
    own updates."""
    group = api.call("usergroup.get", {"output": ["usrgrpid"], "filter": {"name": API_USER_GROUP}})
    user = api.call("user.get", {"output": ["userid"], "filter": {"username": API_USER["username"]}})
    if len(group) != 1 or len(user) != 1:
        raise ProvisionError(f"the API user {API_USER['username']} or its group {API_USER_GROUP!r} is missing "
                             "(tests/e2e/run creates them before the engine starts)")
    api.call("usergroup.update", {"usrgrpid": group[0]["usrgrpid"], "rights": [{"permission": 3, "id": groupid}]})
    api.call("user.update", {"userid": user[0]["userid"],
                             "usrgrps": [{"usrgrpid": group[0]["usrgrpid"]}, {"usrgrpid": desk}]})


def import_template(api, yaml_text):
    """configuration.import of the monitoring template, with the rules samples/zabbix/README.md gives."""
    rule = {"createMissing": True, "updateExisting": True}
    api.call("configuration.import", {
        "format": "yaml",
        "rules": {"groups": {"createMissing": True}, "templates": rule, "items": rule, "triggers": rule},
        "source": yaml_text,
    })


def watch_engine(api, engine_url, interval):
    """A host that watches the engine through the imported template, as the README tells a user."""
    templateid = api.call("template.get", {"output": ["templateid"],
                                           "filter": {"host": ENGINE_TEMPLATE}})[0]["templateid"]
    groupid = api.call("hostgroup.create", {"name": "AlertEngine e2e self-monitoring"})["groupids"][0]
    return api.call("host.create", {
        "host": ENGINE_WATCH_HOST,
        "groups": [{"groupid": groupid}],
        "templates": [{"templateid": templateid}],
        "macros": [{"macro": "{$ALERTENGINE.URL}", "value": engine_url},
                   {"macro": "{$ALERTENGINE.INTERVAL}", "value": interval}],
    })["hostids"][0]


def reload_config_cache(zabbix_conf):
    """Pushes the new configuration to the server now instead of at the next sync."""
    result = subprocess.run(["zabbix_server", "-c", zabbix_conf, "-R", "config_cache_reload"],
                            capture_output=True, text=True, timeout=30, check=False)
    return (result.stdout + result.stderr).strip()


def main():
    """tests/e2e/run, before the engine starts: create the engine's API user and write its token."""
    import argparse
    import os

    from clients import ZabbixApi
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("command", choices=["api-user"])
    parser.add_argument("--zabbix-api", required=True)
    parser.add_argument("--token-file", required=True, help="written with mode 600; the token is never printed")
    args = parser.parse_args()
    token = create_api_user(ZabbixApi(args.zabbix_api).login("Admin", "zabbix"))
    fd = os.open(args.token_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")


if __name__ == "__main__":
    main()

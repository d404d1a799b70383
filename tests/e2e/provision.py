"""Provisions the throw-away Zabbix 6.0 through its API the way samples/zabbix/README.md tells a
user to: import the media type file, global macros, a dedicated media user on UTC, an action
with problem, recovery and update operations; plus what the scenario needs to make events:
hosts srv-<customer>-<function> with trapper items and a trigger of every severity, an
acknowledging user, and a second media type copy with a wrong token."""

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


def create_hosts(api, groupid, host_severities):
    """A host per name, a trapper item per trigger, a trigger per severity: last(/host/key)>0."""
    triggers = []
    for host, severities in host_severities.items():
        hostid = api.call("host.create", {"host": host, "groups": [{"groupid": groupid}]})["hostids"][0]
        for severity in severities:
            trigger = Trigger(severity, host, f"e2e.sev{severity}")
            api.call("item.create", {"hostid": hostid, "name": f"E2E value for severity {severity}",
                                     "key_": trigger.key, "type": 2, "value_type": 3})
            trigger.triggerid = api.call("trigger.create", {
                "description": f"E2E {SEVERITIES[severity][0]} on {{HOST.NAME}}",
                "expression": f"last(/{host}/{trigger.key})>0",
                "priority": severity,
            })["triggerids"][0]
            triggers.append(trigger)
    return triggers


def media_user(api, username, roleid, groups, mediatypeid):
    """A dedicated user that only receives the webhook: time zone UTC, media sendto 'alertengine'."""
    return api.call("user.create", {
        "username": username, "passwd": password(), "roleid": roleid, "timezone": "UTC",
        "usrgrps": [{"usrgrpid": g} for g in groups],
        "medias": [{"mediatypeid": mediatypeid, "sendto": "alertengine", "active": 0,
                    "severity": 63, "period": "1-7,00:00-24:00"}],
    })["userids"][0]


def action(api, name, groupid, mediatypeid, userid):
    """Trigger action on one host group: send to the media user in operations, recovery and update."""
    message = {"operationtype": 0, "opmessage": {"default_msg": 1, "mediatypeid": mediatypeid},
               "opmessage_usr": [{"userid": userid}]}
    api.call("action.create", {
        "name": name, "eventsource": 0, "status": 0, "esc_period": "1h",
        "filter": {"evaltype": 0, "conditions": [{"conditiontype": 0, "operator": 0, "value": groupid}]},
        "operations": [dict(message, esc_step_from=1, esc_step_to=1)],
        "recovery_operations": [message],
        "update_operations": [message],
    })


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

    action(api, "AlertEngine e2e", groupid, world.mediatypeid, userid)
    action(api, "AlertEngine e2e wrong token", wrong_groupid, world.wrong_mediatypeid, wrong_userid)
    return world


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

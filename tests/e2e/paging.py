"""Paging against the real Zabbix (issue #8): the engine pages the person on duty through Twilio's
REST API, here the stand-in tests/e2e/run starts (twilio_standin.py), and takes acknowledgements
from Twilio's callbacks and the one-tap link, which it writes back to Zabbix.

provision.py creates a host PAGE_HOST with two Disaster triggers: Disaster is L1 by the shipped
rules, and rules/escalation.yaml pages L1 by SMS and a call at once, to the person on duty, day and
night. Every case counts only what its own tickets caused: other cases' tickets page the same
person (the stand-in records everything, matched here by ticket number).

- disaster pages: zabbix_sender fires the first trigger; the ticket's timeline names the person
  its first escalation step pages; the stand-in receives an SMS and a call to that person's number
  (rules/oncall.yaml) within PAGE_SECONDS of the ticket appearing. The SMS carries the ticket's
  number, "ACK <number>" and a one-tap link on Paging:PublicBaseUrl.
- forged callback: the reply "ACK <number>" from that number, posted to /api/v1/twilio/sms with
  a wrong X-Twilio-Signature and with none, is 403; the ticket is still open, acknowledged by nobody.
- SMS reply: the same post signed as Twilio signs (C7 of the reference: HMAC-SHA1 over
  PublicBaseUrl + path + the sorted form fields, key the AuthToken, base64) is 200 TwiML; the
  ticket is acknowledged by the person's name on channel sms; Zabbix's event.get shows
  "[AlertEngine] Acknowledged by <name> via sms — ticket <n>" within WRITEBACK_SECONDS; and no
  page for that ticket reaches the stand-in after the reply (NO_MORE_PAGES_SECONDS).
- one-tap link: the second trigger's SMS link: GET is 200 HTML that changes nothing, POST is 200
  and acknowledges, a second POST is 409."""

import base64
import hashlib
import hmac
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime

from clients import NotYet, engine_env, log, wait_for
from twilio_standin import StandIn

PAGE_SECONDS = 10  # ticket opened (openedAt) -> SMS and call at the stand-in (Outbox:PollInterval 1 s, and a doorbell)
WRITEBACK_SECONDS = 20  # SMS reply -> event.acknowledge in Zabbix (Outbox:PollInterval 1 s)
NO_MORE_PAGES_SECONDS = 6  # looked at again this long after the reply (Paging:EscalationInterval 5 s)
MARKER = "[AlertEngine] Acknowledged by"
SMS_PATH = "/api/v1/twilio/sms"
PERSON = re.compile(r'\{\s*id:\s*([^,\s]+),\s*name:\s*([^,]+?),\s*phone:\s*"(\+\d+)"')
PAGING = re.compile(r"paging (.+?) by ")
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def twilio_signature(auth_token, url, fields):
    """X-Twilio-Signature as Twilio computes it for a form POST (reference C7)."""
    data = url + "".join(name + value for name, value in sorted(fields.items()))
    return base64.b64encode(hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()).decode()


def http(method, url, fields=None, headers=None):
    """(status, content type, body text) of a request; a form body when fields is given."""
    data = urllib.parse.urlencode(fields).encode() if fields is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if fields is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with _OPENER.open(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode(errors="replace")


def masked(text):
    """Text with the one-tap links' tokens cut (a link acknowledges: it stays out of the output)."""
    return re.sub(r"(/a/)[A-Za-z0-9_.~-]{6,}", r"\1…", text)


def roster_phones(rules_folder):
    """name -> phone of the people in the rules folder's oncall.yaml."""
    with open(os.path.join(rules_folder, "oncall.yaml"), encoding="utf-8") as f:
        return {name.strip(): phone for _, name, phone in PERSON.findall(f.read())}


def sms_for(messages, number):
    """The SMS that page one ticket: their body says "ACK <number>" (English and Chinese alike)."""
    pattern = re.compile(rf"ACK {re.escape(number)}(?!\d)")
    return [m for m in messages if pattern.search(m["form"].get("Body") or "")]


def calls_for(calls, number):
    """The calls that page one ticket: the spoken TwiML says its digits one by one."""
    spaced = " ".join(number)
    pattern = re.compile(rf"(Ticket |工单 ){re.escape(spaced)}[.。]")
    return [c for c in calls if pattern.search(c["form"].get("Twiml") or "")]


class PagingCases:
    def __init__(self, scenario):
        self.s = scenario
        args = scenario.args
        self.standin = StandIn(args.twilio_url)
        with open(args.twilio_token_file, encoding="utf-8") as f:
            self.auth_token = f.read().strip()
        self.env = engine_env(os.path.join(args.work, "engine-run"))
        self.public = self.env["AlertEngine__Paging__PublicBaseUrl"].rstrip("/")
        self.phones = roster_phones(args.rules_folder)
        self.ticket = None  # the first trigger's ticket number
        self.person = None  # (name, phone) its first step paged
        self.fired = []  # triggers sent 1, sent 0 again at the end

    @property
    def triggers(self):
        return self.s.world.page_triggers

    def run(self):
        r = self.s.report
        try:
            if not r.case(f"paging: a Disaster problem pages the person on duty by SMS and a call within {PAGE_SECONDS} s "
                          "of its ticket; the SMS says the ticket number, 'ACK <number>' and a one-tap link",
                          self._disaster_pages):
                return
            r.case("paging: an inbound SMS 'ACK <number>' with a wrong X-Twilio-Signature, or none, is 403 and "
                   "changes nothing", self._forged_refused)
            r.case("paging: the signed SMS reply 'ACK <number>' is 200 TwiML, acknowledges the ticket by the paged "
                   f"person via sms, is written back to Zabbix within {WRITEBACK_SECONDS} s, and stops the pages",
                   self._sms_reply_acknowledges)
            r.case("paging: a one-tap link from the SMS: GET 200 HTML, POST 200 acknowledges, POST again 409",
                   self._link_acknowledges_once)
        finally:
            self._recover()

    # -- helpers -----------------------------------------------------------------------------

    def _fire(self, trigger):
        log(f"zabbix_sender: 1 to {trigger.host} {trigger.key}")
        sent = time.monotonic()
        self.s.send([trigger], 1)
        self.fired.append(trigger)
        ticket = wait_for(lambda: self.s.ticket_for(trigger), timeout=self.s.expect_seconds, interval=0.2)
        return sent, time.monotonic(), ticket["number"]

    def _paged_person(self, number):
        """(name, phone) of the person the ticket's first escalation step pages, from its timeline."""
        def named():
            ticket = self.s.engine.ticket(number)
            lines = [e for e in ticket.get("timeline") or [] if e.get("kind") == "escalation"]
            found = [m.group(1) for m in (PAGING.search(e.get("text", "")) for e in lines) if m]
            if not found:
                raise NotYet(f"ticket {number} has no escalation line naming someone: {lines}")
            return found[0]
        name = wait_for(named, timeout=PAGE_SECONDS, interval=0.2)
        assert name in self.phones, f"ticket {number} pages {name!r}, who is not in rules/oncall.yaml {sorted(self.phones)}"
        return name, self.phones[name]

    def _pages(self, number, phone):
        """(SMS, calls) the stand-in received for one ticket, to one number."""
        received = self.standin.requests()
        return ([m for m in sms_for(received["messages"], number) if m["to"] == phone],
                [c for c in calls_for(received["calls"], number) if c["to"] == phone])

    def _sms_and_call(self, number, phone):
        def both():
            sms, calls = self._pages(number, phone)
            if not sms or not calls:
                raise NotYet(f"the stand-in has {len(sms)} SMS and {len(calls)} calls to {phone} for ticket {number}")
            return sms[0], calls[0]
        return wait_for(both, timeout=PAGE_SECONDS, interval=0.2)

    def _inbound_sms(self, phone, body):
        return {"MessageSid": "SM" + uuid.uuid4().hex, "SmsSid": "", "AccountSid": self.env["AlertEngine__Twilio__AccountSid"],
                "From": phone, "To": self.env["AlertEngine__Twilio__FromNumber"], "Body": body, "NumMedia": "0",
                "NumSegments": "1"}

    def _link(self, sms):
        match = re.search(r"(https?://\S+?)(/a/[A-Za-z0-9_.~-]+)", sms["form"].get("Body") or "")
        assert match, f"no one-tap link in the SMS {sms['form'].get('Body')!r}"
        assert match.group(1) == self.public, f"the link {match.group(0)} is not on Paging:PublicBaseUrl {self.public}"
        return self.s.args.engine_url.rstrip("/") + match.group(2)  # the same host here; as a phone would reach it

    def _zabbix_acknowledges(self, eventid):
        event = self.s.api.call("event.get", {"eventids": [eventid], "output": ["eventid", "acknowledged"],
                                              "select_acknowledges": ["clock", "message", "action", "userid"]})[0]
        return event, [a for a in event.get("acknowledges") or [] if a.get("message", "").startswith("[AlertEngine]")]

    def _recover(self):
        """The fired triggers back to 0, and their tickets resolved, before the next cases stop the engine."""
        if not self.fired:
            return
        log(f"zabbix_sender: 0 to {', '.join(t.key for t in self.fired)}")
        self.s.send(self.fired, 0)
        for trigger in self.fired:
            try:
                wait_for(lambda t=trigger: self.s.ticket_for(t, want="resolved"), timeout=self.s.expect_seconds)
            except NotYet as not_yet:
                log(f"paging clean-up: {not_yet}")

    # -- the cases ---------------------------------------------------------------------------

    def _disaster_pages(self):
        sent, seen, number = self._fire(self.triggers[0])
        self.ticket = number
        ticket = self.s.engine.ticket(number)
        opened = datetime.fromisoformat(ticket["openedAt"]).timestamp()  # the engine's wall clock, as the stand-in's
        assert (ticket.get("type"), ticket.get("level"), ticket.get("state")) == ("ALERT", "L1", "open"), \
            f"ticket {number}: type {ticket.get('type')}, level {ticket.get('level')}, state {ticket.get('state')}"
        name, phone = self.person = self._paged_person(number)
        sms, call = self._sms_and_call(number, phone)
        log(f"ticket {number} opened, listed {seen - sent:.1f} s after zabbix_sender; paging {name} ({phone}): "
            f"SMS {sms['monotonic'] - sent:.1f} s after zabbix_sender ({sms['wall'] - opened:.1f} s after openedAt), "
            f"call {call['monotonic'] - sent:.1f} s ({call['wall'] - opened:.1f} s)")
        late = {what: round(r["wall"] - opened, 1) for what, r in (("SMS", sms), ("call", call))
                if r["wall"] - opened > PAGE_SECONDS}
        assert not late, f"ticket {number}: seconds after its openedAt {late}, expected at most {PAGE_SECONDS}"
        body = sms["form"].get("Body") or ""
        log(f"SMS body: {masked(body)}")
        problems = []
        if f"#{number}" not in body and f"工单{number}" not in body:  # English and Chinese bodies
            problems.append(f"no ticket number {number}")
        if f"ACK {number}" not in body:
            problems.append(f"no 'ACK {number}'")
        self._link(sms)
        sender = self.env["AlertEngine__Twilio__FromNumber"]
        for what, r in (("SMS", sms), ("call", call)):
            if r["form"].get("From") != sender:
                problems.append(f"{what} From {r['form'].get('From')}, expected Twilio:FromNumber {sender}")
            if r["form"].get("StatusCallback") != self.public + "/api/v1/twilio/status":
                problems.append(f"{what} StatusCallback {r['form'].get('StatusCallback')}")
        assert not problems, f"ticket {number} SMS {body!r}: " + "; ".join(problems)

    def _forged_refused(self):
        assert self.ticket and self.person, "no ticket and person from the disaster case"
        number, (_, phone) = self.ticket, self.person
        fields = self._inbound_sms(phone, f"ACK {number}")
        url = self.s.args.engine_url.rstrip("/") + SMS_PATH
        forged = twilio_signature("not-the-auth-token-" + self.auth_token[:4], self.public + SMS_PATH, fields)
        for what, headers in (("a wrong signature", {"X-Twilio-Signature": forged}), ("no signature", {})):
            status, _, body = http("POST", url, fields, headers)
            assert status == 403, f"inbound SMS with {what}: {status} {body[:300]}, expected 403"
        ticket = self.s.engine.ticket(number)
        acknowledged = [e for e in ticket.get("timeline") or [] if e.get("kind") == "acknowledged"]
        assert ticket.get("state") == "open" and not ticket.get("acknowledgedBy") and not acknowledged, \
            f"ticket {number} after the forged replies: state {ticket.get('state')}, acknowledgedBy " \
            f"{ticket.get('acknowledgedBy')!r}, acknowledged lines {acknowledged}"

    def _sms_reply_acknowledges(self):
        assert self.ticket and self.person, "no ticket and person from the disaster case"
        number, (name, phone) = self.ticket, self.person
        fields = self._inbound_sms(phone, f"ACK {number}")
        signature = twilio_signature(self.auth_token, self.public + SMS_PATH, fields)
        replied = time.monotonic()
        status, content_type, body = http("POST", self.s.args.engine_url.rstrip("/") + SMS_PATH, fields,
                                          {"X-Twilio-Signature": signature})
        log(f"signed inbound SMS 'ACK {number}' from {phone}: {status} {body}")
        assert status == 200 and "xml" in content_type, f"signed inbound SMS: {status} {content_type} {body[:300]}"
        assert "<Response><Message>" in body and f"{number} acknowledged" in body, f"TwiML {body!r}"
        ticket = self.s.engine.ticket(number)
        entries = [e for e in ticket.get("timeline") or [] if e.get("kind") == "acknowledged"]
        assert ticket.get("state") == "acknowledged" and ticket.get("acknowledgedBy") == name, \
            f"ticket {number}: state {ticket.get('state')}, acknowledgedBy {ticket.get('acknowledgedBy')!r}, expected {name!r}"
        assert entries and (entries[-1].get("actor"), entries[-1].get("channel")) == (name, "sms"), \
            f"ticket {number}: acknowledged lines {entries}, expected one by {name} on channel sms"

        eventid = ticket["events"][0]["eventId"]

        def written_back():
            event, ours = self._zabbix_acknowledges(eventid)
            if not ours:
                raise NotYet(f"Zabbix event {eventid} has no [AlertEngine] acknowledgement: {event.get('acknowledges')}")
            return event, ours
        event, ours = wait_for(written_back, timeout=WRITEBACK_SECONDS)
        log(f"Zabbix event {eventid}: {ours[0]['message']!r} {time.monotonic() - replied:.1f} s after the reply")
        message = ours[0]["message"]
        assert len(ours) == 1 and message.startswith(MARKER) and "via sms" in message and f"ticket {number}" in message, \
            f"Zabbix event {eventid} [AlertEngine] acknowledgements {[a['message'] for a in ours]}, expected one " \
            f"'{MARKER} {name} via sms — ticket {number}'"
        assert event.get("acknowledged") == "1", f"Zabbix event {eventid} acknowledged {event.get('acknowledged')}"

        remaining = NO_MORE_PAGES_SECONDS - (time.monotonic() - replied)
        if remaining > 0:
            time.sleep(remaining)
        sms, calls = self._pages(number, phone)
        later = [("SMS", m["form"].get("Body")) for m in sms if m["monotonic"] > replied] \
            + [("call", c["sid"]) for c in calls if c["monotonic"] > replied]
        assert not later, f"ticket {number} paged again after the reply: {later}"
        lines = [e for e in self.s.engine.ticket(number).get("timeline") or []
                 if e.get("kind") == "escalation" and e.get("at", "") > entries[-1].get("at", "")]
        assert not lines, f"ticket {number}: escalation lines after the acknowledgement {lines}"

    def _link_acknowledges_once(self):
        assert self.person, "no person from the disaster case"
        name, phone = self.person
        sent, _, number = self._fire(self.triggers[1])
        sms, _ = self._sms_and_call(number, phone)
        link = self._link(sms)
        log(f"ticket {number}: SMS {sms['monotonic'] - sent:.1f} s after zabbix_sender, link {masked(link)}")
        status, content_type, body = http("GET", link)
        assert status == 200 and "html" in content_type and number in body, \
            f"GET {link}: {status} {content_type} {body[:300]}"
        assert self.s.engine.ticket(number).get("state") == "open", f"GET {link} changed ticket {number}"
        status, content_type, body = http("POST", link)
        assert status == 200 and "html" in content_type, f"POST {link}: {status} {content_type} {body[:300]}"
        ticket = self.s.engine.ticket(number)
        entries = [e for e in ticket.get("timeline") or [] if e.get("kind") == "acknowledged"]
        assert ticket.get("state") == "acknowledged" and ticket.get("acknowledgedBy") == name \
            and entries and entries[-1].get("channel") == "link", \
            f"ticket {number} after POST: state {ticket.get('state')}, acknowledgedBy {ticket.get('acknowledgedBy')!r}, " \
            f"acknowledged lines {entries}"
        status, _, body = http("POST", link)
        assert status == 409, f"second POST {link}: {status} {body[:300]}, expected 409"

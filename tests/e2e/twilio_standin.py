#!/usr/bin/env python3
"""A Twilio stand-in for the e2e run: Twilio's REST API for one account on 127.0.0.1, stdlib only.

tests/e2e/run starts it before the engine and points Twilio:ApiBaseUrl at it:

    twilio_standin.py --account-sid AC… --port-file FILE     (auth token in TWILIO_STANDIN_AUTH_TOKEN)

It listens on 127.0.0.1, port 0 (the kernel picks one), writes the port to FILE once it accepts
connections, and serves until SIGTERM or SIGINT. What it answers, as Twilio does (C2, C3 of the
reference; the JSON the Twilio library accepts, as tests/…/Support/TwilioMock.cs answers it):

- POST /2010-04-01/Accounts/{sid}/Messages.json (form To, From, Body, StatusCallback, …):
  201 {"sid": "SM…", "status": "queued", …}
- POST /2010-04-01/Accounts/{sid}/Calls.json (form To, From, Twiml, StatusCallback, …):
  201 {"sid": "CA…", "status": "queued", …}
- GET  …/Messages.json?To=… and …/Calls.json?To=… (the engine's look-up after a restart): the
  page {"messages": […]} / {"calls": […]} of what it recorded for that number
- a wrong account in the path: 404; wrong Basic credentials: 401 (Twilio's error 20003)

Every request is recorded (form decoded, the time received by time.monotonic(), a clock all
processes of the machine share, and the wall clock). GET /_standin/requests answers them as JSON
{"messages": […], "calls": […], "reads": […]}; StandIn below is the scenario's client for it.
It never calls back: status callbacks are the scenario's to post, signed."""

import argparse
import base64
import json
import os
import signal
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

INSPECT_PATH = "/_standin/requests"
RESOURCES = {"Messages.json": "messages", "Calls.json": "calls"}
SID_PREFIX = {"messages": "SM", "calls": "CA"}


class Recorder:
    """Everything received, in order; one lock, as the server answers on a thread per connection."""

    def __init__(self):
        self._lock = threading.Lock()
        self._records = {"messages": [], "calls": [], "reads": []}

    def add(self, kind, record):
        with self._lock:
            self._records[kind].append(record)

    def snapshot(self):
        with self._lock:
            return {kind: list(records) for kind, records in self._records.items()}


def rfc2822(wall):
    """Twilio's date format (date_created, date_sent, start_time)."""
    return format_datetime(datetime.fromtimestamp(wall, timezone.utc), usegmt=False).replace("-0000", "+0000")


def since(query, name):
    """The wall time of a `DateSent>=` / `StartTime>=` filter (a date or an ISO instant), else None.
    Form-decoded, `DateSent>=2026-11-26` is the field `DateSent>` with the value `2026-11-26`."""
    text = (query.get(name + ">") or [None])[0]
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.timestamp()


class Handler(BaseHTTPRequestHandler):
    server_version = "twilio-standin"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name; the engine's log is enough
        pass

    # -- dispatch ------------------------------------------------------------------------------

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path == INSPECT_PATH:
            return self._json(200, self.server.recorder.snapshot())
        kind = self._resource(url.path)
        if kind and self._authorised():
            return self._list(kind, urllib.parse.parse_qs(url.query))

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = self._resource(url.path)
        if kind and self._authorised():
            self._create(kind, urllib.parse.parse_qs(body, keep_blank_values=True))

    # -- Twilio --------------------------------------------------------------------------------

    def _resource(self, path):
        """'messages' or 'calls' for this account's list URLs; answers 404 otherwise."""
        prefix = f"/2010-04-01/Accounts/{self.server.account_sid}/"
        name = path[len(prefix):] if path.startswith(prefix) else None
        if name not in RESOURCES:
            self._error(404, 20404, f"The requested resource {path} was not found")
            return None
        return RESOURCES[name]

    def _authorised(self):
        expected = f"{self.server.account_sid}:{self.server.auth_token}".encode()
        header = self.headers.get("Authorization") or ""
        if header.startswith("Basic ") and base64.b64decode(header[6:] + "==") == expected:
            return True
        self._error(401, 20003, "Authenticate")
        return False

    def _create(self, kind, form):
        wall = time.time()
        fields = {k: v[0] if len(v) == 1 else v for k, v in form.items()}
        record = {"sid": SID_PREFIX[kind] + uuid.uuid4().hex, "form": fields, "monotonic": time.monotonic(),
                  "wall": wall, "to": fields.get("To"), "from": fields.get("From")}
        self.server.recorder.add(kind, record)
        self._json(201, self._resource_json(kind, record, "queued"))

    def _list(self, kind, query):
        self.server.recorder.add("reads", {"kind": kind, "query": {k: v[0] for k, v in query.items()},
                                           "monotonic": time.monotonic(), "wall": time.time()})
        to = (query.get("To") or [None])[0]
        after = since(query, "DateSent" if kind == "messages" else "StartTime")
        records = [r for r in self.server.recorder.snapshot()[kind]
                   if (to is None or r["to"] == to) and (after is None or r["wall"] >= after)]
        status = "delivered" if kind == "messages" else "completed"
        path = urllib.parse.urlsplit(self.path).path
        self._json(200, {kind: [self._resource_json(kind, r, status) for r in reversed(records)],
                         "uri": path, "first_page_uri": path, "next_page_uri": None, "previous_page_uri": None,
                         "page": 0, "page_size": len(records) or 20})

    def _resource_json(self, kind, record, status):
        form = record["form"]
        common = {"sid": record["sid"], "account_sid": self.server.account_sid, "to": record["to"],
                  "from": record["from"], "status": status, "date_created": rfc2822(record["wall"]),
                  "date_updated": rfc2822(record["wall"]), "api_version": "2010-04-01"}
        if kind == "messages":
            return {**common, "body": form.get("Body"), "num_segments": "1", "direction": "outbound-api",
                    "date_sent": rfc2822(record["wall"]), "error_code": None, "error_message": None}
        return {**common, "direction": "outbound-api", "start_time": rfc2822(record["wall"])}

    # -- answers -------------------------------------------------------------------------------

    def _error(self, status, code, message):
        self._json(status, {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
                            "status": status})

    def _json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, account_sid, auth_token):
        super().__init__(("127.0.0.1", 0), Handler)
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.recorder = Recorder()


class StandIn:
    """The scenario's view of a running stand-in: what it received, read over HTTP."""

    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def requests(self):
        with self._opener.open(self.base_url + INSPECT_PATH, timeout=10) as response:
            return json.load(response)

    def messages(self):
        return self.requests()["messages"]

    def calls(self):
        return self.requests()["calls"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--account-sid", required=True, help="AC + 32 hex, the engine's Twilio:AccountSid")
    parser.add_argument("--port-file", required=True, help="written with the chosen port once it listens")
    args = parser.parse_args()
    token = os.environ.get("TWILIO_STANDIN_AUTH_TOKEN")
    if not token:
        sys.exit("TWILIO_STANDIN_AUTH_TOKEN is not set (the engine's Twilio:AuthToken)")
    server = Server(args.account_sid, token)
    # SIGTERM from tests/e2e/run ends serve_forever from another thread (it must not be called on the serving one).
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    temp = args.port_file + ".tmp"
    with open(temp, "w", encoding="utf-8") as f:
        f.write(f"{server.server_address[1]}\n")
    os.replace(temp, args.port_file)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()

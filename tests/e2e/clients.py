"""Stdlib-only clients for the e2e run: the Zabbix JSON-RPC API, AlertEngine's HTTP API,
zabbix_sender, and a polling helper. Everything talks to 127.0.0.1."""

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

# Loopback only: a proxy from the environment must never see these calls.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def engine_env(run_dir):
    """The engine's environment as tests/e2e/run writes it (engine-run/engine.env, mode 600) over this process's."""
    env = dict(os.environ)
    with open(os.path.join(run_dir, "engine.env"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            if key:
                env[key] = value
    return env


def log(text):
    """A progress line with the UTC time."""
    print(f"{datetime.now(timezone.utc):%H:%M:%S} {text}", flush=True)


class NotYet(Exception):
    """Raised by a polled check that is not satisfied yet; its text is the failure reason on timeout."""


def wait_for(check, timeout=30.0, interval=0.5):
    """Calls check() until it returns without raising NotYet; returns its value.
    After `timeout` seconds raises NotYet with the last reason and how long it waited."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return check()
        except NotYet as not_yet:
            if time.monotonic() >= deadline:
                raise NotYet(f"{not_yet} (after {timeout:.0f} s)") from None
        time.sleep(interval)


class ZabbixError(Exception):
    """A JSON-RPC error answer, with Zabbix's own message and data."""

    def __init__(self, method, error):
        self.method = method
        self.error = error
        super().__init__(f"{method}: {error.get('message', '')} {error.get('data', '')}".strip())


class ZabbixApi:
    """Zabbix 6.0 JSON-RPC: user.login takes `username`; the session goes in the body's `auth`."""

    def __init__(self, url):
        self.url = url
        self.auth = None
        self._next_id = 0

    def call(self, method, params=None):
        self._next_id += 1
        body = {"jsonrpc": "2.0", "method": method, "params": {} if params is None else params, "id": self._next_id}
        if self.auth is not None and method not in ("user.login", "apiinfo.version"):
            body["auth"] = self.auth
        request = urllib.request.Request(
            self.url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json-rpc"})
        with _OPENER.open(request, timeout=60) as response:
            reply = json.load(response)
        if "error" in reply:
            raise ZabbixError(method, reply["error"])
        return reply["result"]

    def login(self, username, password):
        self.auth = self.call("user.login", {"username": username, "password": password})
        return self

    def as_user(self, username, password):
        """Another session on the same API, for acting as a different Zabbix user."""
        return ZabbixApi(self.url).login(username, password)


class Engine:
    """AlertEngine's HTTP API; the ticket API calls carry the API token (Api:Tokens:<name>)."""

    def __init__(self, base_url, api_token=None):
        self.base_url = base_url.rstrip("/")
        self.api_token = api_token

    def request(self, method, path, body=None, token=True):
        """(status, JSON body or text); token=False sends no Authorization header, a string sends that one."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        bearer = self.api_token if token is True else token or None
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers)
        try:
            with _OPENER.open(request, timeout=30) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, text

    def get(self, path):
        return self.request("GET", path)

    def page(self, path, token=True):
        """(status, body text) of a GET of a page (HTML, whatever the status), asking for HTML as a browser does; token as in request()."""
        bearer = self.api_token if token is True else token or None
        headers = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        request = urllib.request.Request(self.base_url + path, headers=headers)
        try:
            with _OPENER.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def text(self, path):
        """The body of a GET as text (e.g. /metrics); raises NotYet on any other status than 200."""
        try:
            with _OPENER.open(urllib.request.Request(self.base_url + path), timeout=30) as response:
                return response.read().decode()
        except urllib.error.HTTPError as error:
            raise NotYet(f"GET {path} answered {error.code}") from None

    def post(self, path, body=None, token=True):
        return self.request("POST", path, body, token)

    def _ok(self, path):
        status, body = self.get(path)
        if status != 200:
            raise NotYet(f"GET {path} answered {status}: {body}")
        return body

    def tickets(self):
        return self._ok("/api/v1/tickets?limit=1000")["tickets"]

    def ticket(self, number):
        return self._ok(f"/api/v1/tickets/{number}")

    def health(self):
        return self._ok("/healthz")


class Sender:
    """zabbix_sender against our server: one call sends a batch of host/key/value lines."""

    def __init__(self, port):
        self.port = port

    def send(self, values):
        """values: [(host, key, value)]. Returns (processed, failed, zabbix_sender's output)."""
        lines = "".join(f"{host} {key} {value}\n" for host, key, value in values)
        result = subprocess.run(
            ["zabbix_sender", "-z", "127.0.0.1", "-p", str(self.port), "-i", "-"],
            input=lines, capture_output=True, text=True, timeout=60, check=False)
        output = (result.stdout + result.stderr).strip()
        match = re.search(r"processed: (\d+); failed: (\d+)", output)
        if not match:
            return 0, len(values), output
        return int(match.group(1)), int(match.group(2)), output

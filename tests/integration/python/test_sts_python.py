"""The seed's token flow from Python with independent, unmodified clients.

authlib's OAuth2Session fetches tokens (client_secret_basic and client_secret_post), PyJWT
verifies them against the published JWKS, and a plain `requests` call reproduces the seed's
Postman request (body credentials, scope and acr_values) exactly.

Runs under Debian's /usr/bin/python3 (python3-authlib, python3-jwt, python3-requests).
MUSTER_BIN names the binary (tests/integration/run.sh sets it).
"""

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import unittest

import jwt
import requests
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.requests_client import OAuth2Session

BIN = os.environ.get("MUSTER_BIN", "")
SLOW = float(os.environ.get("MUSTER_IT_SLOW") or (4 if re.search(r"asan|sanit", BIN, re.I) else 1))
TIMEOUT = 15 * SLOW
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")


class MusterServer:
    """`muster serve --demo` on 127.0.0.1:0 in a fresh data dir; stop() asserts a clean exit."""

    def __init__(self, env=None):
        self.data_dir = tempfile.mkdtemp(prefix="muster-it-py-")
        child_env = {k: v for k, v in os.environ.items() if not k.startswith("MUSTER_")}
        child_env.update(env or {})
        self.proc = subprocess.Popen(
            [BIN, "--data-dir", self.data_dir, "serve", "--demo", "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env,
            text=True,
        )
        self.stderr_lines = []
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()
        self.url = self._wait_listening()
        with open(os.path.join(self.data_dir, "muster-demo.json"), encoding="utf-8") as f:
            self.demo = json.load(f)
        self._wait_ready()

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr_lines.append(line)

    def _wait_listening(self):
        deadline = time.monotonic() + 30 * SLOW
        seen = []
        result = {}

        def read():
            for line in self.proc.stdout:
                seen.append(line)
                m = re.match(r"^Muster is listening on (https?://\S+)$", line.strip())
                if m:
                    result["url"] = m.group(1)
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout=max(0.0, deadline - time.monotonic()))
        if "url" not in result:
            self.proc.kill()
            raise AssertionError(
                "muster did not report listening:\n" + "".join(seen) + "".join(self.stderr_lines)
            )
        # Keep draining stdout so the server never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()
        return result["url"]

    def _wait_ready(self):
        deadline = time.monotonic() + 30 * SLOW
        while True:
            try:
                if requests.get(self.url + "/healthz", timeout=TIMEOUT).status_code == 200:
                    return
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("muster never answered /healthz")
            time.sleep(0.05)

    @property
    def stderr(self):
        return "".join(self.stderr_lines)

    def client(self, site, kind):
        s = self.demo["sites"][site]
        c = next(c for c in s["clients"] if c["kind"] == kind)
        return dict(c, organisation_id=s["organisation_id"])

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=30 * SLOW)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("muster did not stop on SIGTERM")
        self._stderr_reader.join(timeout=5)
        for marker in SANITIZER_MARKERS:
            if marker in self.stderr:
                raise AssertionError("sanitizer report:\n" + self.stderr[-8000:])
        if code != 0:
            raise AssertionError("muster exited %r:\n%s" % (code, self.stderr[-4000:]))
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class StsPythonTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        if not BIN or not os.path.exists(BIN):
            raise RuntimeError("MUSTER_BIN must name the muster binary (tests/integration/run.sh sets it)")
        cls.server = MusterServer()
        discovery = requests.get(cls.server.url + "/.well-known/openid-configuration", timeout=TIMEOUT)
        discovery.raise_for_status()
        cls.discovery = discovery.json()
        cls.jwks_client = jwt.PyJWKClient(cls.discovery["jwks_uri"])

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            try:
                cls.server.stop()
            finally:
                cls.server.kill()

    def verify(self, token, algorithms=("RS256",)):
        key = self.jwks_client.get_signing_key_from_jwt(token)
        return jwt.decode(
            token,
            key.key,
            algorithms=list(algorithms),
            audience=self.discovery["issuer"] + "/resources",
            issuer=self.discovery["issuer"],
            options={"require": ["exp", "nbf", "iat", "iss", "aud", "jti"]},
        )

    def check_common(self, claims, client):
        demo = self.server.demo
        self.assertEqual(claims["client_id"], client["client_id"])
        self.assertEqual(claims["sub"], client["client_id"])
        self.assertEqual(claims["vendorid"], demo["vendor"]["id"])
        self.assertEqual(claims["applicationid"], demo["application"]["id"])
        self.assertEqual(claims["applicationname"], demo["application"]["name"])
        self.assertEqual(claims["exp"] - claims["nbf"], 3600)
        self.assertIsInstance(claims["scope"], list)

    def test_discovery(self):
        d = self.discovery
        self.assertEqual(d["issuer"], self.server.url)
        self.assertEqual(d["token_endpoint"], self.server.demo["token_endpoint"])
        self.assertIn("client_secret_basic", d["token_endpoint_auth_methods_supported"])
        self.assertIn("client_secret_post", d["token_endpoint_auth_methods_supported"])

    def test_authlib_client_secret_basic_oneroster(self):
        c = self.server.client(0, "oneroster")
        with OAuth2Session(c["client_id"], c["client_secret"], token_endpoint_auth_method="client_secret_basic") as s:
            token = s.fetch_token(self.discovery["token_endpoint"], grant_type="client_credentials", timeout=TIMEOUT)
        self.assertEqual(token["token_type"], "Bearer")
        self.assertEqual(token["expires_in"], 3600)
        self.assertEqual(sorted(token["scope"].split()), sorted(c["scope"].split()))
        header = jwt.get_unverified_header(token["access_token"])
        self.assertEqual(header["alg"], "RS256")
        self.assertEqual(header["typ"], "JWT")
        self.assertEqual(header["kid"], header["x5t"])
        claims = self.verify(token["access_token"])
        self.check_common(claims, c)
        self.assertEqual(sorted(claims["scope"]), sorted(c["scope"].split()))
        self.assertEqual(claims["userorganisationidentifier"], "|%s|S" % c["organisation_id"])

    def test_authlib_client_secret_post_dex_with_scope_and_acr_values(self):
        c = self.server.client(1, "dex")
        with OAuth2Session(
            c["client_id"],
            c["client_secret"],
            token_endpoint_auth_method="client_secret_post",
            scope="partnerserverapplication",
        ) as s:
            token = s.fetch_token(
                self.discovery["token_endpoint"],
                grant_type="client_credentials",
                acr_values="orgselected:" + c["organisation_id"],
                timeout=TIMEOUT,
            )
        self.assertEqual(token["scope"], "partnerserverapplication")
        claims = self.verify(token["access_token"])
        self.check_common(claims, c)
        self.assertEqual(claims["scope"], ["partnerserverapplication"])
        self.assertEqual(claims["userorganisationidentifier"], "|%s|S" % c["organisation_id"])

    def test_seed_postman_request_with_requests(self):
        """The seed's Postman call, field for field, from a DeX-style integration."""
        c = self.server.client(0, "dex")
        r = requests.post(
            self.server.demo["token_endpoint"],
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            data={
                "grant_type": "client_credentials",
                "client_id": c["client_id"],
                "client_secret": c["client_secret"],
                "scope": "partnerserverapplication",
                "acr_values": "orgselected:" + c["organisation_id"],
            },
            timeout=TIMEOUT,
        )
        self.assertEqual(r.status_code, 200, r.text)
        data = r.json()  # the seed's Postman test: JSON.parse(responseBody).access_token
        self.assertEqual(set(data), {"access_token", "expires_in", "token_type", "scope"})
        self.assertEqual(data["expires_in"], 3600)
        self.assertEqual(data["token_type"], "Bearer")
        claims = self.verify(data["access_token"])
        self.check_common(claims, c)
        self.assertEqual(claims["userorganisationidentifier"], "|%s|S" % c["organisation_id"])

    def test_authlib_bad_secret_raises_invalid_client(self):
        c = self.server.client(0, "dex")
        for method in ("client_secret_basic", "client_secret_post"):
            with OAuth2Session(c["client_id"], "wrong-secret", token_endpoint_auth_method=method) as s:
                with self.assertRaises(OAuthError) as ctx:
                    s.fetch_token(self.discovery["token_endpoint"], grant_type="client_credentials", timeout=TIMEOUT)
            self.assertEqual(ctx.exception.error, "invalid_client", method)

    def test_authlib_other_school_is_invalid_grant(self):
        c = self.server.client(0, "dex")
        other_org = self.server.demo["sites"][1]["organisation_id"]
        with OAuth2Session(c["client_id"], c["client_secret"], token_endpoint_auth_method="client_secret_post") as s:
            with self.assertRaises(OAuthError) as ctx:
                s.fetch_token(
                    self.discovery["token_endpoint"],
                    grant_type="client_credentials",
                    acr_values="orgselected:" + other_org,
                    timeout=TIMEOUT,
                )
        self.assertEqual(ctx.exception.error, "invalid_grant")

    def test_pyjwt_rejects_a_tampered_token(self):
        """Control for verify(): PyJWT really checks the signature of Muster's tokens."""
        c = self.server.client(0, "oneroster")
        r = requests.post(
            self.discovery["token_endpoint"],
            data={"grant_type": "client_credentials"},
            auth=(c["client_id"], c["client_secret"]),
            timeout=TIMEOUT,
        )
        self.assertEqual(r.status_code, 200, r.text)
        token = r.json()["access_token"]
        self.verify(token)
        h, p, s = token.split(".")
        claims = json.loads(jwt.utils.base64url_decode(p))
        claims["scope"].append("partner-write")
        forged = "%s.%s.%s" % (h, jwt.utils.base64url_encode(json.dumps(claims).encode()).decode(), s)
        with self.assertRaises(jwt.InvalidSignatureError):
            self.verify(forged)


if __name__ == "__main__":
    unittest.main()

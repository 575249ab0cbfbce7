-- 0001: the platform's tables (storage/model.h). Forward-only: never edit a migration that has
-- shipped; add the next numbered file instead. Runs inside one transaction.
--
-- Conventions: times are Unix milliseconds (0 = unset); optional references are NULL (the
-- store maps "" and 0 to NULL); enum columns carry CHECK constraints matching model.cc.

CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
-- Bumped by the triggers at the end of this file; read by Store::ConfigVersion().
INSERT INTO meta (key, value) VALUES ('config_version', '0');

CREATE TABLE vendors (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  created_ms INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE subscription_keys (
  vendor_id TEXT NOT NULL REFERENCES vendors (id),
  slot TEXT NOT NULL CHECK (slot IN ('primary', 'secondary')),
  key_hash TEXT NOT NULL,
  key_sealed TEXT NOT NULL,
  rotated_ms INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (vendor_id, slot)
);

CREATE TABLE applications (
  id TEXT PRIMARY KEY NOT NULL,
  vendor_id TEXT NOT NULL REFERENCES vendors (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  icon_url TEXT NOT NULL DEFAULT '',
  target_url TEXT NOT NULL DEFAULT '',
  privacy_url TEXT NOT NULL DEFAULT '',
  gdpr_summary TEXT NOT NULL DEFAULT '',
  support_url TEXT NOT NULL DEFAULT '',
  requires_approval INTEGER NOT NULL DEFAULT 1 CHECK (requires_approval IN (0, 1)),
  requested_scopes TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL DEFAULT 0,
  updated_ms INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX applications_vendor_id ON applications (vendor_id);

-- organisation_id is stored upper case, so the unique index is also a case-insensitive one.
CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  organisation_id TEXT NOT NULL UNIQUE CHECK (organisation_id = upper(organisation_id)),
  name TEXT NOT NULL,
  dfe_code TEXT NOT NULL DEFAULT '',
  urn TEXT NOT NULL DEFAULT '',
  deni_number TEXT NOT NULL DEFAULT '',
  la_code TEXT NOT NULL DEFAULT '',
  phase TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE installs (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES sites (id),
  application_id TEXT NOT NULL REFERENCES applications (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'disabled')),
  consent_receipt TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL DEFAULT 0,
  updated_ms INTEGER NOT NULL DEFAULT 0,
  approved_ms INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, application_id)
);
CREATE INDEX installs_application_id ON installs (application_id);

-- A school client names its install by (site_id, application_id); deleting the install
-- deletes the client. Management clients have both NULL, so the install key does not apply.
CREATE TABLE clients (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('management', 'dex', 'oneroster')),
  vendor_id TEXT REFERENCES vendors (id),
  application_id TEXT REFERENCES applications (id),
  site_id INTEGER REFERENCES sites (id),
  secret_hash TEXT NOT NULL DEFAULT '',
  secret_sealed TEXT NOT NULL DEFAULT '',
  previous_secret_hash TEXT NOT NULL DEFAULT '',
  previous_secret_expires_ms INTEGER NOT NULL DEFAULT 0,
  scopes TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_ms INTEGER NOT NULL DEFAULT 0,
  updated_ms INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (site_id, application_id) REFERENCES installs (site_id, application_id)
    ON DELETE CASCADE
);
CREATE INDEX clients_install ON clients (site_id, application_id);
CREATE INDEX clients_vendor_id ON clients (vendor_id);
CREATE INDEX clients_application_id ON clients (application_id);

CREATE TABLE signing_keys (
  kid TEXT PRIMARY KEY NOT NULL,
  alg TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('next', 'current', 'retired')),
  private_key_sealed TEXT NOT NULL,
  certificate_pem TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL DEFAULT 0,
  activates_ms INTEGER NOT NULL DEFAULT 0,
  retired_ms INTEGER NOT NULL DEFAULT 0,
  remove_after_ms INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE revoked_tokens (
  jti TEXT PRIMARY KEY NOT NULL,
  expires_ms INTEGER NOT NULL
);
CREATE INDEX revoked_tokens_expires_ms ON revoked_tokens (expires_ms);

-- AUTOINCREMENT: ids are never reused, so before_id paging stays stable.
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms INTEGER NOT NULL,
  actor TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT '',
  target TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_at_ms ON audit_events (at_ms);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('operator', 'ti_admin', 'site_admin')),
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  vendor_id TEXT REFERENCES vendors (id),
  site_id INTEGER REFERENCES sites (id),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL DEFAULT 0
);

-- config_version: every write to the configuration tables bumps the counter in the same
-- transaction, whichever process makes it, so caches can compare one number.
CREATE TRIGGER vendors_ai AFTER INSERT ON vendors BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER vendors_au AFTER UPDATE ON vendors BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER vendors_ad AFTER DELETE ON vendors BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER subscription_keys_ai AFTER INSERT ON subscription_keys BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER subscription_keys_au AFTER UPDATE ON subscription_keys BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER subscription_keys_ad AFTER DELETE ON subscription_keys BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER applications_ai AFTER INSERT ON applications BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER applications_au AFTER UPDATE ON applications BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER applications_ad AFTER DELETE ON applications BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER sites_ai AFTER INSERT ON sites BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER sites_au AFTER UPDATE ON sites BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER sites_ad AFTER DELETE ON sites BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER installs_ai AFTER INSERT ON installs BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER installs_au AFTER UPDATE ON installs BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER installs_ad AFTER DELETE ON installs BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER clients_ai AFTER INSERT ON clients BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER clients_au AFTER UPDATE ON clients BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER clients_ad AFTER DELETE ON clients BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER signing_keys_ai AFTER INSERT ON signing_keys BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER signing_keys_au AFTER UPDATE ON signing_keys BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER signing_keys_ad AFTER DELETE ON signing_keys BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

CREATE TRIGGER revoked_tokens_ai AFTER INSERT ON revoked_tokens BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER revoked_tokens_au AFTER UPDATE ON revoked_tokens BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;
CREATE TRIGGER revoked_tokens_ad AFTER DELETE ON revoked_tokens BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_version';
END;

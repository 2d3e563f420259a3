-- The people who sign in. The password is a delegating encoder's hash ("{bcrypt}..."), never the password.
CREATE TABLE account (
    username      varchar(64)  PRIMARY KEY,
    password_hash varchar(200) NOT NULL,
    roles         text[]       NOT NULL DEFAULT '{}',
    cities        text[]       NOT NULL DEFAULT '{}',
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL,
    changed_at    timestamptz  NOT NULL
);

-- Every change to an account: who changed whom, when, and what (never a password or its hash).
CREATE TABLE account_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor      varchar(200) NOT NULL,
    subject    varchar(64)  NOT NULL,
    action     varchar(40)  NOT NULL,
    what       text         NOT NULL,
    changed_at timestamptz  NOT NULL
);
CREATE INDEX account_audit_subject ON account_audit (subject, changed_at);

-- Failed sign-ins per user name ("user:<name>") and per address ("address:<ip>"), for the back-off.
CREATE TABLE sign_in_failure (
    subject       varchar(300) PRIMARY KEY,
    failures      integer      NOT NULL,
    last_failure  timestamptz  NOT NULL,
    blocked_until timestamptz
);

-- RS256 signing keys. The newest key without retired_at signs; retired keys stay published until the
-- tokens they signed have expired, then they are deleted. The JWK (with its private part) is encrypted.
CREATE TABLE signing_key (
    kid        varchar(64) PRIMARY KEY,
    jwk        text        NOT NULL,
    created_at timestamptz NOT NULL,
    retired_at timestamptz
);

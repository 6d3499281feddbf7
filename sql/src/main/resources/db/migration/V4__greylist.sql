-- Greylisting state, shared by every relay node. A triplet (client network, envelope sender, recipient) is found by
-- the hex SHA-256 of its text: the three columns together are too long for a MySQL unique index.
CREATE TABLE greylist_entry (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    triplet_hash   CHAR(64)     NOT NULL,
    client_network VARCHAR(64)  NOT NULL,
    sender         VARCHAR(512) NOT NULL,
    recipient      VARCHAR(512) NOT NULL,
    first_seen     TIMESTAMP(6) NOT NULL,
    last_seen      TIMESTAMP(6) NOT NULL,
    -- NULL while the triplet is greylisted; set when a retry passed.
    passed_at      TIMESTAMP(6) NULL,
    CONSTRAINT uq_greylist_entry_triplet_hash UNIQUE (triplet_hash)
);
-- For the scheduled purge: passed triplets by last_seen, greylisted ones by first_seen.
CREATE INDEX ix_greylist_entry_last_seen ON greylist_entry (last_seen);
CREATE INDEX ix_greylist_entry_first_seen ON greylist_entry (first_seen);

-- A client network and how many of its triplets passed: enough passes whitelist the whole network.
CREATE TABLE greylist_network (
    network   VARCHAR(64)  NOT NULL PRIMARY KEY,
    passes    INT          NOT NULL,
    last_seen TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_greylist_network_last_seen ON greylist_network (last_seen);

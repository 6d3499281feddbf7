-- Temporary POP3 mailboxes of domains in mailbox mode, and the messages stored in them.
--
-- A domain has mailboxes or a feed, never both, and the database says so itself: every mailbox row names the mode its
-- domain must be in (domain_mode, fixed to 'MAILBOXES' by a CHECK) and refers to its domain by (id, delivery_mode).
-- So no mailbox can be made for a domain in FEED mode, and a domain cannot be switched to FEED while it has one (the
-- foreign key refuses the update of hosted_domain.delivery_mode). The pair needs a unique key to be referred to.
ALTER TABLE hosted_domain ADD CONSTRAINT uq_hosted_domain_id_mode UNIQUE (id, delivery_mode);

CREATE TABLE mailbox (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    domain_id     BIGINT       NOT NULL,
    domain_mode   VARCHAR(20)  NOT NULL DEFAULT 'MAILBOXES',
    -- Lower case: RCPT TO and POP3 USER find a mailbox whatever case they write its address in.
    local_part    VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    -- The domain's id when this mailbox takes the mail for addresses of the domain without a mailbox, else NULL: unique,
    -- so that a domain has at most one catch-all (NULLs do not collide, on MySQL and H2 alike).
    catch_all_domain_id BIGINT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_mailbox_domain_mode CHECK (domain_mode = 'MAILBOXES'),
    CONSTRAINT ck_mailbox_catch_all_own_domain CHECK (catch_all_domain_id IS NULL OR catch_all_domain_id = domain_id),
    CONSTRAINT uq_mailbox_address UNIQUE (domain_id, local_part),
    CONSTRAINT uq_mailbox_catch_all UNIQUE (catch_all_domain_id),
    CONSTRAINT fk_mailbox_domain_in_mailbox_mode FOREIGN KEY (domain_id, domain_mode)
        REFERENCES hosted_domain (id, delivery_mode)
);

-- One recipient's copy of a message, stored in a mailbox as the POP3 client and webmail read it (spam marks applied).
-- The delivery it came from stays in the queue as STORED; a switch back to the feed can queue it again.
CREATE TABLE stored_message (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    mailbox_id    BIGINT        NOT NULL,
    delivery_id   BIGINT        NOT NULL,
    -- The unique-id listing (UIDL) of RFC 1939: never reused within a mailbox, printable ASCII.
    uid           VARCHAR(70)   NOT NULL,
    queue_id      VARCHAR(40)   NOT NULL,
    -- The Message-ID header, as the sender wrote it; NULL when there was none.
    message_id    VARCHAR(998)  NULL,
    recipient     VARCHAR(512)  NOT NULL,
    sender        VARCHAR(512)  NOT NULL,
    from_header   VARCHAR(998)  NULL,
    subject       VARCHAR(998)  NULL,
    size_bytes    BIGINT        NOT NULL,
    stored_at     TIMESTAMP(6)  NOT NULL,
    seen          BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_stored_message_uid UNIQUE (mailbox_id, uid),
    CONSTRAINT uq_stored_message_delivery UNIQUE (delivery_id),
    CONSTRAINT fk_stored_message_mailbox FOREIGN KEY (mailbox_id) REFERENCES mailbox (id),
    CONSTRAINT fk_stored_message_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id)
);

-- The stored bytes in pieces, as message_chunk keeps the queue's: no driver or max_allowed_packet holds a large one.
CREATE TABLE stored_message_chunk (
    stored_message_id BIGINT   NOT NULL,
    seq               INT      NOT NULL,
    bytes             LONGBLOB NOT NULL,
    PRIMARY KEY (stored_message_id, seq),
    CONSTRAINT fk_stored_message_chunk_message FOREIGN KEY (stored_message_id) REFERENCES stored_message (id)
);

-- Written for MySQL 8 / MariaDB 10.11 and kept H2 2.2 compatible: one set of files for both.
-- Times are stored in UTC with microseconds where the server keeps them; order never depends on them (ids do).

CREATE TABLE customer (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL
);

CREATE TABLE portal_user (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(30)  NOT NULL,
    customer_id   BIGINT NULL,
    display_name  VARCHAR(200) NOT NULL,
    CONSTRAINT uq_portal_user_username UNIQUE (username),
    CONSTRAINT fk_portal_user_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE hosted_domain (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(253) NOT NULL,
    customer_id      BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    delivery_mode    VARCHAR(20)  NOT NULL,
    destination_host VARCHAR(255) NULL,
    destination_port INT          NULL,
    greylisting      BOOLEAN      NOT NULL,
    spam_checking    BOOLEAN      NOT NULL,
    queue_lifetime_seconds BIGINT NOT NULL,
    -- Deliver only over STARTTLS: a customer server that cannot do TLS gets nothing rather than plain text.
    require_tls      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_hosted_domain_name UNIQUE (name),
    CONSTRAINT fk_hosted_domain_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE feed_request (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id      BIGINT       NOT NULL,
    domain_name      VARCHAR(253) NOT NULL,
    destination_host VARCHAR(255) NOT NULL,
    destination_port INT          NOT NULL,
    greylisting      BOOLEAN      NOT NULL,
    spam_checking    BOOLEAN      NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    rejection_reason VARCHAR(1000) NULL,
    requested_by     VARCHAR(100) NOT NULL,
    requested_at     TIMESTAMP(6) NOT NULL,
    decided_at       TIMESTAMP(6) NULL,
    CONSTRAINT fk_feed_request_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

CREATE TABLE mail_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    queue_id        VARCHAR(40)  NOT NULL,
    envelope_sender VARCHAR(512) NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    helo            VARCHAR(255) NULL,
    size_bytes      BIGINT       NOT NULL,
    received_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_mail_message_queue_id UNIQUE (queue_id)
);

-- The raw message apart from its metadata, so that listing messages never reads bodies; in chunks, so that neither
-- the JDBC driver nor max_allowed_packet ever has to hold a whole large message.
CREATE TABLE message_chunk (
    message_id BIGINT NOT NULL,
    seq        INT    NOT NULL,
    bytes      LONGBLOB NOT NULL,
    PRIMARY KEY (message_id, seq),
    CONSTRAINT fk_message_chunk_message FOREIGN KEY (message_id) REFERENCES mail_message (id)
);

CREATE TABLE delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id      BIGINT       NOT NULL,
    -- NULL for a delivery status notification to a sender outside the hosted domains.
    domain_id       BIGINT       NULL,
    recipient       VARCHAR(512) NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    expires_at      TIMESTAMP(6) NOT NULL,
    last_error      VARCHAR(1000) NULL,
    completed_at    TIMESTAMP(6) NULL,
    claim_token     VARCHAR(40)  NULL,
    leased_until    TIMESTAMP(6) NULL,
    CONSTRAINT fk_delivery_message FOREIGN KEY (message_id) REFERENCES mail_message (id),
    CONSTRAINT fk_delivery_domain FOREIGN KEY (domain_id) REFERENCES hosted_domain (id)
);
CREATE INDEX ix_delivery_due ON delivery (state, next_attempt_at);

-- One row per customer server that is failing: while it is closed, its mail waits without new connections.
CREATE TABLE destination_status (
    destination     VARCHAR(300) PRIMARY KEY,
    failures        INT          NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    last_error      VARCHAR(1000) NULL
);

CREATE TABLE message_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id  BIGINT       NOT NULL,
    occurred_at TIMESTAMP(6) NOT NULL,
    stage       VARCHAR(30)  NOT NULL,
    outcome     VARCHAR(30)  NOT NULL,
    detail      VARCHAR(1000) NULL,
    CONSTRAINT fk_message_event_message FOREIGN KEY (message_id) REFERENCES mail_message (id)
);

CREATE TABLE kb_category (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    parent_id BIGINT NULL,
    name      VARCHAR(200) NOT NULL,
    position  INT NOT NULL,
    CONSTRAINT fk_kb_category_parent FOREIGN KEY (parent_id) REFERENCES kb_category (id)
);

CREATE TABLE kb_article (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    category_id BIGINT       NOT NULL,
    title       VARCHAR(300) NOT NULL,
    summary     VARCHAR(1000) NOT NULL,
    body_html   LONGTEXT     NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    modified_at TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_kb_article_category FOREIGN KEY (category_id) REFERENCES kb_category (id)
);

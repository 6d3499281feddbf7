-- Feed requests carry the spam settings the customer asked for (the product's defaults unless changed), the last
-- connection test to the customer's server, and who decided them.
ALTER TABLE feed_request ADD COLUMN spam_low_threshold  DOUBLE      NOT NULL DEFAULT 3.0;
ALTER TABLE feed_request ADD COLUMN spam_med_threshold  DOUBLE      NOT NULL DEFAULT 5.0;
ALTER TABLE feed_request ADD COLUMN spam_high_threshold DOUBLE      NOT NULL DEFAULT 10.0;
ALTER TABLE feed_request ADD COLUMN spam_low_action     VARCHAR(10) NOT NULL DEFAULT 'SUBJECT';
ALTER TABLE feed_request ADD COLUMN spam_med_action     VARCHAR(10) NOT NULL DEFAULT 'SUBJECT';
ALTER TABLE feed_request ADD COLUMN spam_high_action    VARCHAR(10) NOT NULL DEFAULT 'DELETE';
ALTER TABLE feed_request ADD COLUMN spam_low_text       VARCHAR(40) NOT NULL DEFAULT '[SPAM: low] ';
ALTER TABLE feed_request ADD COLUMN spam_med_text       VARCHAR(40) NOT NULL DEFAULT '[SPAM: med] ';
ALTER TABLE feed_request ADD COLUMN spam_high_text      VARCHAR(40) NOT NULL DEFAULT '[SPAM: high] ';
ALTER TABLE feed_request ADD COLUMN tested_at           TIMESTAMP(6)  NULL;
ALTER TABLE feed_request ADD COLUMN tested_by           VARCHAR(100)  NULL;
ALTER TABLE feed_request ADD COLUMN test_passed         BOOLEAN       NULL;
ALTER TABLE feed_request ADD COLUMN test_verdict        VARCHAR(1000) NULL;
-- The SMTP conversation of the test, one line per command or reply.
ALTER TABLE feed_request ADD COLUMN test_transcript     VARCHAR(4000) NULL;
ALTER TABLE feed_request ADD COLUMN decided_by          VARCHAR(100)  NULL;
-- Whether a domain is free is asked by name at every feed request.
CREATE INDEX ix_feed_request_domain_name ON feed_request (domain_name);

-- A customer's other requests about one of their domains: a longer queue lifetime, or temporary POP3 mailboxes.
CREATE TABLE customer_request (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id      BIGINT        NOT NULL,
    request_type     VARCHAR(30)   NOT NULL,
    domain_id        BIGINT        NOT NULL,
    -- For a queue extension: how many days longer the customer asks their mail to be kept.
    extra_days       INT           NULL,
    reason           VARCHAR(1000) NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    requested_by     VARCHAR(100)  NOT NULL,
    requested_at     TIMESTAMP(6)  NOT NULL,
    decided_by       VARCHAR(100)  NULL,
    decided_at       TIMESTAMP(6)  NULL,
    rejection_reason VARCHAR(1000) NULL,
    CONSTRAINT fk_customer_request_customer FOREIGN KEY (customer_id) REFERENCES customer (id),
    CONSTRAINT fk_customer_request_domain FOREIGN KEY (domain_id) REFERENCES hosted_domain (id)
);
CREATE INDEX ix_customer_request_state ON customer_request (state);

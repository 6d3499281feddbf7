-- Spam levels per domain: thresholds, and per level the customer's action and subject text (the product's defaults).
ALTER TABLE hosted_domain ADD COLUMN spam_low_threshold  DOUBLE      NOT NULL DEFAULT 3.0;
ALTER TABLE hosted_domain ADD COLUMN spam_med_threshold  DOUBLE      NOT NULL DEFAULT 5.0;
ALTER TABLE hosted_domain ADD COLUMN spam_high_threshold DOUBLE      NOT NULL DEFAULT 10.0;
ALTER TABLE hosted_domain ADD COLUMN spam_low_action     VARCHAR(10) NOT NULL DEFAULT 'SUBJECT';
ALTER TABLE hosted_domain ADD COLUMN spam_med_action     VARCHAR(10) NOT NULL DEFAULT 'SUBJECT';
ALTER TABLE hosted_domain ADD COLUMN spam_high_action    VARCHAR(10) NOT NULL DEFAULT 'DELETE';
ALTER TABLE hosted_domain ADD COLUMN spam_low_text       VARCHAR(40) NOT NULL DEFAULT '[SPAM: low] ';
ALTER TABLE hosted_domain ADD COLUMN spam_med_text       VARCHAR(40) NOT NULL DEFAULT '[SPAM: med] ';
ALTER TABLE hosted_domain ADD COLUMN spam_high_text      VARCHAR(40) NOT NULL DEFAULT '[SPAM: high] ';

-- What spam checking decided for each domain's copy when it was accepted; delivery applies it to what it sends.
-- NULL when the domain does not check spam or no engine could score the message.
ALTER TABLE delivery ADD COLUMN spam_score        DOUBLE      NULL;
ALTER TABLE delivery ADD COLUMN spam_level        VARCHAR(10) NULL;
ALTER TABLE delivery ADD COLUMN spam_action       VARCHAR(10) NULL;
ALTER TABLE delivery ADD COLUMN spam_subject_text VARCHAR(40) NULL;

-- The domain a timeline line is about (one copy's delivery, greylisting, spam action, release), so that a customer sees
-- the lines about their own copies of a message that went to several customers; NULL for the whole message.
ALTER TABLE message_event ADD COLUMN domain_id BIGINT NULL;
ALTER TABLE message_event ADD CONSTRAINT fk_message_event_domain FOREIGN KEY (domain_id) REFERENCES hosted_domain (id);

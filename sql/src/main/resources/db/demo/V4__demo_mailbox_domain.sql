-- A domain of Customer Example Ltd on temporary POP3 mailboxes (issue 6): mail to info@mailbox.example is kept in its
-- mailbox for POP3 (port 1110 in demo) and webmail. Its server for the switch back to the feed is the demo sink.
-- The mailbox's password is info-mailbox (Jakarta Security's PBKDF2 format, as the portal users' in V1).
-- Greylisting is off, so that a demo message arrives at once.

INSERT INTO hosted_domain (name, customer_id, status, delivery_mode, destination_host, destination_port, greylisting, spam_checking, queue_lifetime_seconds, created_at) VALUES
    ('mailbox.example', (SELECT id FROM customer WHERE name = 'Customer Example Ltd'), 'ACTIVE', 'MAILBOXES', '127.0.0.1', 2626, FALSE, FALSE, 172800, CURRENT_TIMESTAMP);

INSERT INTO mailbox (domain_id, local_part, password_hash, created_at) VALUES
    ((SELECT id FROM hosted_domain WHERE name = 'mailbox.example'), 'info',
     'PBKDF2WithHmacSHA256:210000:6YNr28OjvFWtGaS1YXzF8EZocjzHT9/ubxyZGyP4Zh4=:ouVt5iDHPjaoe2XMzykoXcvLDiXgLAeitjr5jYN2uY4=',
     CURRENT_TIMESTAMP);

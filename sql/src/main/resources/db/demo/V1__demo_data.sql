-- Demo data of DESIGN.md ("Demo mode"). Applied once, by its own Flyway history table, and only in demo mode.
-- Passwords equal the user names; hashes are Jakarta Security's PBKDF2 format (algorithm:iterations:salt:hash).

INSERT INTO customer (name, created_at) VALUES
    ('Customer Example Ltd', CURRENT_TIMESTAMP),
    ('Other Example GmbH', CURRENT_TIMESTAMP);

INSERT INTO portal_user (username, password_hash, role, customer_id, display_name) VALUES
    ('staff', 'PBKDF2WithHmacSHA256:210000:WWz32SdrrBu3ygr1e65OnG1LfTpmgQm/zw4AJw5O9fw=:OvzTXTaXGChrQrWu0LRYes/mg3VRcv3Le9c/RJqx88A=', 'STAFF', NULL, 'Support staff'),
    ('customer', 'PBKDF2WithHmacSHA256:210000:0SjNdi61IygrRTz76fzgNMPoGs8IbAzIGawdfH6w4cs=:MwwLVG2J02q+V5m3RHG8ys/KVwrRKV3y9PJy+Nq3ygM=', 'CUSTOMER', (SELECT id FROM customer WHERE name = 'Customer Example Ltd'), 'Carla Customer'),
    ('other', 'PBKDF2WithHmacSHA256:210000:suMUKv0Sbc6FhVLEfnd8LsKrmWxWxtexOSe2l5Ntjcc=:lcDIk/lqqSu3lN7IMI0S3B03VhijnxPNc5wiCZMBX6E=', 'CUSTOMER', (SELECT id FROM customer WHERE name = 'Other Example GmbH'), 'Otto Other');

INSERT INTO hosted_domain (name, customer_id, status, delivery_mode, destination_host, destination_port, greylisting, spam_checking, queue_lifetime_seconds, created_at) VALUES
    ('customer.example', (SELECT id FROM customer WHERE name = 'Customer Example Ltd'), 'ACTIVE', 'FEED', '127.0.0.1', 2626, TRUE, FALSE, 172800, CURRENT_TIMESTAMP),
    ('spamcheck.example', (SELECT id FROM customer WHERE name = 'Customer Example Ltd'), 'ACTIVE', 'FEED', '127.0.0.1', 2626, FALSE, TRUE, 172800, CURRENT_TIMESTAMP),
    ('other.example', (SELECT id FROM customer WHERE name = 'Other Example GmbH'), 'ACTIVE', 'FEED', '127.0.0.1', 2626, TRUE, FALSE, 172800, CURRENT_TIMESTAMP);

INSERT INTO feed_request (customer_id, domain_name, destination_host, destination_port, greylisting, spam_checking, state, requested_by, requested_at) VALUES
    ((SELECT id FROM customer WHERE name = 'Customer Example Ltd'), 'pending.example', '192.0.2.25', 25, TRUE, FALSE, 'SUBMITTED', 'customer', CURRENT_TIMESTAMP);

INSERT INTO kb_category (parent_id, name, position) VALUES (NULL, 'Knowledge Base', 0);
INSERT INTO kb_category (parent_id, name, position) SELECT id, 'Hosting', 1 FROM kb_category WHERE name = 'Knowledge Base';
INSERT INTO kb_category (parent_id, name, position) SELECT id, 'E-mail', 2 FROM kb_category WHERE name = 'Knowledge Base';

INSERT INTO kb_article (id, category_id, title, summary, body_html, created_at, modified_at) VALUES
    (67, (SELECT id FROM kb_category WHERE name = 'Hosting'), 'How to request and manage an SMTP feed',
     'Have the mail for your domain relayed to your own mail server instead of collecting it from POP3 mailboxes.',
     '<p>With an <strong>SMTP feed</strong> we receive the mail for your domain on our relay and pass it on to
your own mail server, at the IP address you give us, instead of keeping it in POP3 mailboxes. Every message is
scanned for viruses before we accept it; infected mail is refused and never reaches you.</p>
<h2>What happens to a message</h2>
<ol>
<li>The sender''s server connects to our relay. We accept mail only for domains we host for you.</li>
<li>Greylisting (on by default) asks servers we have not seen before to try again a few minutes later.
Real mail servers do; most spam sources do not.</li>
<li>The message is scanned for viruses. This cannot be switched off.</li>
<li>If you turned spam checking on, the message gets a spam level (None, Low, Med or High) and the action you
chose for that level: nothing, a hidden header, a text such as <code>[SPAM: low]</code> in front of the subject,
or deletion.</li>
<li>We relay the message to your server, usually within seconds. If your server is offline, the message waits
in our queue for up to 2 days and we keep retrying; ask us if you need longer.</li>
</ol>
<h2>Requesting a feed</h2>
<p>Log in to the portal and choose <em>Request an SMTP feed</em>. Give the domain, the IP address (and port, 25
unless you say otherwise) of your mail server, and any changes to the spam defaults. Our staff test the
connection to your server and switch the feed on; you see the state of your request in the portal.</p>
<h2>Tips</h2>
<ul>
<li>Let your server accept mail for your domain from our relay''s addresses only, so that nobody can bypass
the virus scan by connecting to your server directly.</li>
<li>The message log in the portal shows what happened to each message: accepted, delivered, or waiting in the
queue and why.</li>
</ul>',
     TIMESTAMP '2024-03-11 09:30:00', TIMESTAMP '2026-11-20 14:05:00');

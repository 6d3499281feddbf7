-- Four roles: CUSTOMER (a customer's user), CUSTOMER_ADMIN (also manages the customer's users), STAFF, and
-- ADMINISTRATOR (also manages staff accounts). The portal's identity store reads a user's security groups from
-- portal_user_group: an administrator has the group of the role it extends as well, so every page open to
-- CUSTOMER (or STAFF) is open to CUSTOMER_ADMIN (or ADMINISTRATOR) without naming it.
CREATE VIEW portal_user_group (username, group_name) AS
    SELECT username, 'CUSTOMER' FROM portal_user WHERE role IN ('CUSTOMER', 'CUSTOMER_ADMIN')
    UNION ALL
    SELECT username, 'CUSTOMER_ADMIN' FROM portal_user WHERE role = 'CUSTOMER_ADMIN'
    UNION ALL
    SELECT username, 'STAFF' FROM portal_user WHERE role IN ('STAFF', 'ADMINISTRATOR')
    UNION ALL
    SELECT username, 'ADMINISTRATOR' FROM portal_user WHERE role = 'ADMINISTRATOR';

-- A customer that has users has an administrator among them from now on: its first user.
UPDATE portal_user SET role = 'CUSTOMER_ADMIN'
WHERE role = 'CUSTOMER'
  AND id IN (SELECT first_user FROM (SELECT MIN(id) AS first_user FROM portal_user
                                     WHERE customer_id IS NOT NULL GROUP BY customer_id) firsts);

-- An invitation to become a portal user: only the SHA-256 of its single-use token is kept, so that the table does
-- not hold a way in. customer_id is NULL for an invitation to the staff.
CREATE TABLE user_invitation (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash    VARCHAR(64)  NOT NULL,
    customer_id   BIGINT       NULL,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(30)  NOT NULL,
    invited_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    accepted_at   TIMESTAMP(6) NULL,
    CONSTRAINT uq_user_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_user_invitation_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);

-- Failed logins, shared by every portal node: the throttle counts them per account and per client address.
CREATE TABLE login_failure (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    account        VARCHAR(100) NOT NULL,
    client_address VARCHAR(64)  NOT NULL,
    failed_at      TIMESTAMP(6) NOT NULL
);
CREATE INDEX ix_login_failure_account ON login_failure (account, failed_at);
CREATE INDEX ix_login_failure_address ON login_failure (client_address, failed_at);
CREATE INDEX ix_login_failure_time ON login_failure (failed_at);

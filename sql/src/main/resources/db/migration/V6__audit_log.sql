-- Every change to a customer's settings, requests and domains, by anyone: who, when, what, and the old and new value.
-- customer_id is the customer whose data changed (NULL for the ISP's own settings), so that a customer sees theirs.
CREATE TABLE audit_entry (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(6)  NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    customer_id BIGINT        NULL,
    subject     VARCHAR(300)  NOT NULL,
    change_name VARCHAR(100)  NOT NULL,
    old_value   VARCHAR(1000) NULL,
    new_value   VARCHAR(1000) NULL,
    CONSTRAINT fk_audit_entry_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE INDEX ix_audit_entry_customer ON audit_entry (customer_id, occurred_at);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);

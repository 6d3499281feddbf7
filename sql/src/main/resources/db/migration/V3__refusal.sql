-- A message refused after DATA (a virus, for now): never queued, but the customer and staff can see that it came and
-- why it was turned away. One row per recipient domain, so that each customer sees its own.
CREATE TABLE refusal (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    refused_at     TIMESTAMP(6)  NOT NULL,
    domain_id      BIGINT        NOT NULL,
    client_address VARCHAR(64)   NOT NULL,
    sender         VARCHAR(512)  NOT NULL,
    stage          VARCHAR(30)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_refusal_domain FOREIGN KEY (domain_id) REFERENCES hosted_domain (id)
);
CREATE INDEX ix_refusal_domain_time ON refusal (domain_id, refused_at);

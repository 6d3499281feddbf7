-- Each relay node says it is alive every few seconds: the staff status page lists the nodes sharing this database.
CREATE TABLE relay_node (
    name         VARCHAR(100) PRIMARY KEY,
    version      VARCHAR(50)  NOT NULL,
    started_at   TIMESTAMP(6) NOT NULL,
    last_seen_at TIMESTAMP(6) NOT NULL
);

-- Once a minute each node notes the queue as it stands and the mail it took and delivered since its last note, for
-- the status page's charts over the last hours. Notes older than two days are deleted.
CREATE TABLE queue_sample (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    node_name    VARCHAR(100) NOT NULL,
    sampled_at   TIMESTAMP(6) NOT NULL,
    queued       BIGINT       NOT NULL,
    deferred     BIGINT       NOT NULL,
    accepted     BIGINT       NOT NULL,
    delivered    BIGINT       NOT NULL
);
CREATE INDEX ix_queue_sample_sampled_at ON queue_sample (sampled_at);

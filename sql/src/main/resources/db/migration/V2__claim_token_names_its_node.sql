-- A claim token now starts with the name of the relay node that holds the claim ("node/uuid"), so that a node that
-- restarts after a crash can take back at once what it held. H2 and MySQL share no syntax for widening a column, so
-- it is dropped and added again: a claim held during the upgrade simply comes back when its lease ends.
ALTER TABLE delivery DROP COLUMN claim_token;
ALTER TABLE delivery ADD COLUMN claim_token VARCHAR(200) NULL;

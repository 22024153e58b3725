BEGIN;
INSERT INTO bench_commit (client, at) VALUES (:client_id, now());
COMMIT;

-- Deliverers claim messages before sending them (core/jobs/lease.h): a row
-- is sent by the one deliverer that holds its lease; a deliverer that dies
-- loses the claim when the lease ends and another one sends the message.
ALTER TABLE mail_outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE mail_outbox ADD COLUMN lease_until {{bigint}};

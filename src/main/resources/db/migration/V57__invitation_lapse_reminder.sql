-- When the customer was reminded (by e-mail, through the outbox) that the invitation of a Pending
-- integration lapses within a day; NULL while not reminded. One reminder per integration.
ALTER TABLE integration ADD COLUMN lapse_reminded_at TIMESTAMP WITH TIME ZONE;

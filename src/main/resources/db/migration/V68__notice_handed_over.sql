-- When a claimed e-mail group was about to be handed to the SMTP server (issue 28, scenario b): set
-- right after the connection to the server is made and before the message is sent. A sender that
-- stops before it (killed while connecting) handed nothing over, so its group is sent again; one
-- that stops after it may have been delivered, so its group becomes UNKNOWN and is never resent.
ALTER TABLE notice_outbox ADD COLUMN handed_over_at TIMESTAMP WITH TIME ZONE;

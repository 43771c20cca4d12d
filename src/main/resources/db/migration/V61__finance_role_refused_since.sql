-- "Payments: needs the Finance role" and the "role missing" e-mail (issues 25 and 26, docs/payments.md).
--
-- refused_since: since when our service Apple ID may not read the account's Financial reports, as
-- first seen (finance_permitted = FALSE); NULL while it may, or while it is unknown. It names the
-- occurrence of the "role missing" notice: written in the same transaction as the refusal, once, and
-- cleared when Apple answers with the role again, so a later refusal is a new occurrence. Accounts
-- already refused before this migration count as told (nothing is sent for an old refusal).
ALTER TABLE payments_account ADD COLUMN refused_since TIMESTAMP WITH TIME ZONE;
UPDATE payments_account SET refused_since = checked_at WHERE finance_permitted = FALSE;

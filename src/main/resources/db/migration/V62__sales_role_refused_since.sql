-- "Sales reports: needs the Sales role" and its "role missing" e-mail (issue 26, docs/metrics.md).
--
-- sales_refused_since: since when Apple refuses our service Apple ID the account's Sales and Trends
-- reports (the Sales summary and the subscription reports) for lack of a role (Account Holder, Admin,
-- Finance or Sales), as first seen; NULL while it may read them, or nobody knows. Written once per
-- loss of the role in the same transaction as the ROLE_MISSING notices it names the occurrence of,
-- kept while the refusal lasts and cleared by the next report Apple answers, so a role taken again
-- later is a new occurrence. Not a failure of the import: the consecutive failures stay untouched.
ALTER TABLE metrics_account_import ADD COLUMN sales_refused_since TIMESTAMP WITH TIME ZONE;

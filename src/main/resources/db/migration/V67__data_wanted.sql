-- What the customer asked for in step 3 of the Connect dialog (issue 25): the Sales reports alone
-- (our service Apple ID is given the Sales role) or with what Apple pays (the Sales and Finance
-- roles). A customer who chose the Sales reports alone is not told that the Finance role is missing,
-- neither by e-mail nor as a problem on their pages. Integrations connected before the choice
-- existed keep the old behaviour: both.
ALTER TABLE integration ADD COLUMN data_wanted VARCHAR(30) DEFAULT 'SALES_AND_PAYMENTS' NOT NULL;

-- The status shown as "Approved" is called APPROVED in the code and the data too (it was ACTIVE).
UPDATE integration SET status = 'APPROVED' WHERE status = 'ACTIVE';
UPDATE integration_event SET from_status = 'APPROVED' WHERE from_status = 'ACTIVE';
UPDATE integration_event SET to_status = 'APPROVED' WHERE to_status = 'ACTIVE';

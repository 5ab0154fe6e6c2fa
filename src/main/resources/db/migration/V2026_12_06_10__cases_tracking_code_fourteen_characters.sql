-- A new case's tracking code: the minute of the report (five characters) and nine random ones, fourteen in all, so
-- that new codes join the last leaves of cases_case_tracking_code instead of a random one (decision 0022). The codes
-- of ten characters made before stay as they are. On PostgreSQL a longer limit of a varchar changes the catalogue
-- only: the table is not rewritten and its unique index not rebuilt (their files stay, checked on PostgreSQL 15),
-- so a city of 10,000,000 cases takes it in a moment.
alter table cases_case alter column tracking_code set data type varchar(14);

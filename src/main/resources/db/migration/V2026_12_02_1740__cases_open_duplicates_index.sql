-- Likely duplicates are looked for among open cases only: with the status in the index, the look-up reads the open
-- cases of the category within the window, not every case of the category reported in it.
drop index cases_case_category_reported;
create index cases_case_category_status_reported on cases_case (category_standard, category_code, status, reported_at);

-- Likely duplicates are looked for near the point of a report: with the place in the index, the look-up reads the few
-- cases of the category inside a small box around the point (latitude range, longitude and reported_at checked in the
-- index), not every open case of the category reported within the window (~900 heap pages per report at 100,000
-- cases). Cases without a point sit in the index's null range. Nothing else reads the index it replaces.
drop index cases_case_category_status_reported;
create index cases_case_category_place on cases_case (category_standard, category_code, latitude, longitude, reported_at);

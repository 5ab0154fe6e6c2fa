-- The duplicate check wants only open cases: with the status in the index by place, the closed and voided cases of the
-- category inside the look-up's box are passed over in the index instead of being fetched from the table one by one
-- (at a busy point, where most cases of the last 72 hours are already closed, that was most of the look-up's cost).
drop index cases_case_category_place;
create index cases_case_category_place on cases_case (category_standard, category_code, latitude, longitude, reported_at, status);

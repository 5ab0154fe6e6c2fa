-- The workbench's tab of pending extensions (IN_PROGRESS cases whose handler asked for more time) reads the cases
-- whose extension_amount is set: only while a request waits for the dispatcher's decision, a few hundred cases of a
-- city at a time. Before, it read the street's IN_PROGRESS slice of cases_case_queue in deadline order and filtered
-- the pending extension inside the index; a street has fewer pending extensions than a page, so the scan walked every
-- IN_PROGRESS entry of the city (≈ 52,000 on 10,000,000 cases, 600 buffers) on every load and every refresh. This
-- index starts with the pending extension: the range "is not null" holds only the pending ones, state and region are
-- filtered inside it, and only the street's rows are read (then sorted: a handful). The rows without a pending
-- extension all share a null key per state and region, which PostgreSQL's deduplication stores as posting lists.
create index cases_case_extension_queue on cases_case (extension_amount, status, region);

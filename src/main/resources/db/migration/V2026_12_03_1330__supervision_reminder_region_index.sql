-- No query reads reminders by region (the department's view reads them by department, the tests by case): the index
-- only cost the deadline sweep an index entry per reminder.
drop index supervision_reminder_region;

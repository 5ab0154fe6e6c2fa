-- The deadline sweep writes, per light change, a reminder, its history entry and its notice; these two changes cut
-- the index entries of the reminder and the notice from seven to four (decision supervision-07).

-- An automatic reminder's id is derived from its case, step, deadline and light (Issue.idFor, the same on every
-- node), so its primary key already makes it unique per deadline and light, and is the arbiter of the sweep's
-- "on conflict do nothing": the second unique key on those four columns only cost a second index probe and entry per
-- reminder. Manual reminders have no deadline, which that key never constrained (nulls are distinct).
alter table supervision_reminder drop constraint supervision_reminder_once;

-- A notice is read by its addressee: the department's or the grid's id, or the region's code
-- (NotificationManagement). One column and one index for the three instead of an index per column, each of which
-- took an entry (null for two of them) for every notice.
alter table notification_notice add column addressee varchar(36);
update notification_notice set addressee = coalesce(cast(department as varchar(36)), cast(grid as varchar(36)), region, '');
alter table notification_notice alter column addressee set not null;
create index notification_notice_addressee on notification_notice (addressee, created_at);
drop index notification_notice_department;
drop index notification_notice_grid;
drop index notification_notice_region;

-- Office hours per region, by season. A region without rows uses the nearest region above it that has some;
-- the root (000000000000) holds the national default.
create table calendar_office_hours (
    region      varchar(12) not null,
    season_from varchar(5)  not null,
    season_to   varchar(5)  not null,
    workdays    varchar(40) not null,
    shifts      varchar(200) not null,
    primary key (region, season_from)
);

-- Days that break the normal week: national holidays and make-up working days (region 000000000000, loaded from
-- the State Council's notices) and regional holidays (entered per year by administrators).
create table calendar_day (
    region      varchar(12)  not null,
    on_date     date         not null,
    day_off     boolean      not null,
    name        varchar(100) not null,
    source      varchar(16)  not null,
    notice_year integer      not null,
    primary key (region, on_date)
);
create index calendar_day_year on calendar_day (source, notice_year);

insert into calendar_office_hours (region, season_from, season_to, workdays, shifts)
values ('000000000000', '01-01', '12-31', 'MON,TUE,WED,THU,FRI', '09:00-12:00,13:00-17:00');

-- Xinjiang keeps later hours in Beijing time, longer in summer.
insert into calendar_office_hours (region, season_from, season_to, workdays, shifts)
values ('650000000000', '05-01', '09-30', 'MON,TUE,WED,THU,FRI', '10:00-14:00,16:00-20:00');
insert into calendar_office_hours (region, season_from, season_to, workdays, shifts)
values ('650000000000', '10-01', '04-30', 'MON,TUE,WED,THU,FRI', '10:00-14:00,15:30-19:30');

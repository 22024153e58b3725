-- Working-day data entered by an administrator at run time: one row per year, in the
-- structure of calendar/cn-workdays.yaml (as JSON). A row overrides the file for its year.
CREATE TABLE fenhe_calendar_year (
    calendar_year INTEGER PRIMARY KEY,
    year_data     TEXT NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(255) NOT NULL
);

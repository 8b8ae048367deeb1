-- data.sql describes the company as of 2026-06-30. A newcomer asks about "last month", "this quarter" or "the last
-- 30 days" and expects the demo to have some, so the embedded default moves every date of the demo by whole months
-- until its last full month is the month before today (a load in December 2026 has data up to 30 November 2026).
-- One UPDATE per table moves all its dates at once; adding the same number of months to two dates never reverses
-- them, so every CHECK between two dates (left_on >= hired_on, end_date >= start_date, due_on >= issued_on) holds.
DO $$
DECLARE
    months integer := (extract(year FROM current_date) * 12 + extract(month FROM current_date))::integer
                      - (2026 * 12 + 7);
    t record;
BEGIN
    IF months = 0 THEN
        RETURN;
    END IF;
    FOR t IN
        SELECT c.table_name,
               string_agg(format('%1$I = %1$I + make_interval(months => %2$s)', c.column_name, months), ', ') AS sets
        FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND c.data_type IN ('date', 'timestamp without time zone', 'timestamp with time zone')
        GROUP BY c.table_name
    LOOP
        EXECUTE format('UPDATE %I SET %s', t.table_name, t.sets);
    END LOOP;
END
$$;

-- Closing an incident (issue 15): "vad gjordes?", one line through the personal-data guard, shown on
-- the card and in exports. Emptied by retention with the description.
ALTER TABLE incidents ADD resolution NVARCHAR(200) NULL;
GO

-- Who adopted each official forecast (the signed-in user's name), which every planning page shows with it.
ALTER TABLE official_forecasts ADD COLUMN adopted_by text;

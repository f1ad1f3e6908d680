-- Why the business check asked for action or refused: a JSON `CheckReason` ({ code, note }).
ALTER TABLE partners ADD COLUMN check_reason TEXT;

-- How many times the business check refused the partner: the second refusal is final.
ALTER TABLE partners ADD COLUMN rejections INTEGER NOT NULL DEFAULT 0;

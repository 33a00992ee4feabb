-- Initiators whose address was confirmed before the site kept one list of
-- verified addresses (core/mail/addresses.h): their addresses count as
-- verified there too, so news about their initiative keeps reaching them.
INSERT INTO mail_addresses (address, verified_at)
SELECT lower(email), MIN(updated_at) FROM initiatives
WHERE email <> '' AND email_verified <> 0 GROUP BY lower(email)
ON CONFLICT (address) DO NOTHING;

-- Reporters who confirmed their address before the site kept one list of
-- verified addresses (core/mail/addresses.h): their addresses count as
-- verified there too, so updates keep reaching them.
INSERT INTO mail_addresses (address, verified_at)
SELECT lower(email), MIN(verified_at) FROM signal_reporters
WHERE email IS NOT NULL AND email <> '' AND verified_at IS NOT NULL GROUP BY lower(email)
ON CONFLICT (address) DO NOTHING;

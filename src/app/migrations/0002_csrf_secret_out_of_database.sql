-- The CSRF key no longer lives in the database (a database reader could
-- forge CSRF tokens with it): it is configured or kept in a key file.
DELETE FROM app_settings WHERE name = 'csrf_secret';

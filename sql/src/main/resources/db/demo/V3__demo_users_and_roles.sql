-- The demo's users in their four roles (DESIGN.md "Demo mode"): each customer's first user administers its users,
-- Customer Example Ltd has a plain user beside it, and the ISP has an administrator beside its staff.
-- Passwords equal the user names; hashes are Jakarta Security's PBKDF2 format (algorithm:iterations:salt:hash).

UPDATE portal_user SET role = 'CUSTOMER_ADMIN' WHERE username IN ('customer', 'other');

INSERT INTO portal_user (username, password_hash, role, customer_id, display_name) VALUES
    ('colleague', 'PBKDF2WithHmacSHA256:210000:pNg0ln0+Kby/DxpbKIDcVcUPxnN5KzsBez+Mu2ZVzVI=:pzpU+lb+x7K2895SpAyqYeoyNVye0dgVfZG/VNq+sps=', 'CUSTOMER', (SELECT id FROM customer WHERE name = 'Customer Example Ltd'), 'Colin Colleague'),
    ('admin', 'PBKDF2WithHmacSHA256:210000:JYN9HNzJfJqzL1kkABuRdPSd8hqPwcXiMEbK+a+p87s=:ZbUqAqWSBuXtdi4nJhCgTwVcXUoJeXXuFo9hh0iLbx4=', 'ADMINISTRATOR', NULL, 'Ada Administrator');

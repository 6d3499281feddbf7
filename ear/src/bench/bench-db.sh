#!/usr/bin/env bash
# A fresh database for one benchmark run of smtpfeed (called by `mvn -Pbench`, phase prepare-package).
#   bench-db.sh DRIVER URL USER PASSWORD
# h2: nothing to do (the bench profile deletes the data directory). mysql: drops and creates the database named in
# the URL and grants USER@localhost and USER@127.0.0.1 on it, as the local root account (mysql -uroot, no password;
# set MYSQL_ROOT_ARGS to pass other credentials).
set -euo pipefail
driver=$1 url=$2 user=$3 password=$4
[ "$driver" = mysql ] || exit 0

hostport=$(sed -E 's#^jdbc:(mysql|mariadb)://([^/]+)/.*#\2#' <<<"$url")
db=$(sed -E 's#^jdbc:(mysql|mariadb)://[^/]+/([^?;]+).*#\2#' <<<"$url")
host=${hostport%%:*}
port=${hostport##*:}; [ "$port" = "$hostport" ] && port=3306
[[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { echo "bench-db.sh: unexpected database name '$db'" >&2; exit 1; }

mysql -h"$host" -P"$port" -uroot ${MYSQL_ROOT_ARGS:-} <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'localhost';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$user'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "bench-db.sh: fresh MySQL database $db on $host:$port for $user"

#!/usr/bin/env bash
# A private Postfix relay on loopback for the benchmark: the comparison point of `mvn -Pbench -Dbench.target=...`.
#   postfix-relay.sh start [DIR] [SMTPD_PORT] [SINK_PORT]   (defaults: /tmp/smtpfeed-bench-postfix 2925 2926)
#   postfix-relay.sh stop  [DIR]
# It accepts mail for customer.example from 127.0.0.0/8 on 127.0.0.1:SMTPD_PORT and relays it to
# [127.0.0.1]:SINK_PORT, where the benchmark's sink listens. Everything else is Postfix's stock configuration (no
# tuning either way): Debian's master.cf with chroot off, queue, data and log under DIR, which start recreates.
# Needs root and Debian's postfix package, installed without a system configuration:
#   echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
#   apt-get install -y postfix
set -euo pipefail
action=${1:-}
dir=${2:-/tmp/smtpfeed-bench-postfix}
smtpd_port=${3:-2925}
sink_port=${4:-2926}

case "$action" in
start)
    command -v postfix >/dev/null || { echo "postfix-relay.sh: install Debian's postfix first (see the header)" >&2; exit 1; }
    if [ -d "$dir" ]; then postfix -c "$dir" stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi
    mkdir -p "$dir/queue" "$dir/data"
    chown postfix "$dir/data"
    cat >"$dir/main.cf" <<CF
compatibility_level = 3.6
myhostname = postfix-bench.localdomain
mydomain = localdomain
myorigin = \$myhostname
mydestination =
local_recipient_maps =
local_transport = error:local delivery is disabled
alias_maps =
alias_database =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relay_domains = customer.example
transport_maps = inline:{ customer.example=smtp:[127.0.0.1]:$sink_port }
queue_directory = $dir/queue
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
disable_dns_lookups = yes
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
maillog_file_prefixes = $dir
maillog_file = $dir/maillog
biff = no
CF
    # Debian's stock master.cf, with no chroot and the SMTP server on a loopback port.
    sed -E -e '/^[a-z]/ s/^(([^ ]+ +){4})y /\1n /' \
           -e "s/^smtp +inet( .*)$/127.0.0.1:$smtpd_port inet\1/" /etc/postfix/master.cf.proto >"$dir/master.cf"
    postfix -c "$dir" check
    postfix -c "$dir" start
    for _ in $(seq 1 30); do
        (exec 3<>"/dev/tcp/127.0.0.1/$smtpd_port") 2>/dev/null && break
        sleep 0.5
    done
    echo "postfix-relay.sh: Postfix $(postconf -c "$dir" -h mail_version) on 127.0.0.1:$smtpd_port relays customer.example to [127.0.0.1]:$sink_port (log: $dir/maillog)"
    ;;
stop)
    postfix -c "$dir" stop
    ;;
*)
    echo "usage: $0 start|stop [DIR] [SMTPD_PORT] [SINK_PORT]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# One benchmark session, back to back: smtpfeed (H2) and Postfix at the heavy load, then both at light load, then both
# on a cold start (the 200-message warm-up that was the standard until session 7), then smtpfeed on MySQL, warm and
# cold (BENCH_MYSQL=0 skips it). BENCH_FILTERS=1 adds smtpfeed with the demo domain checking spam (the
# built-in engine), and, when BENCH_CLAMD names clamd's host:port, with clamd and the spamd at 127.0.0.1:783.
# Run from the repository root. The key=value line of each run, preceded
# by the load average, goes to target/bench-session.txt (and stdout); full logs to target/bench-*.log.
# Needs the private Postfix relay of postfix-relay.sh (started and stopped here) and, for MySQL, a local server.
set -uo pipefail
cd "$(dirname "$0")/../../.."
out=ear/target/bench-session.txt
mkdir -p ear/target
: >"$out"
heavy="-Dbench.messages=${BENCH_MESSAGES:-5000} -Dbench.size=${BENCH_SIZE:-10240} -Dbench.senders=${BENCH_SENDERS:-20}"
light="-Dbench.messages=200 -Dbench.size=${BENCH_SIZE:-10240} -Dbench.senders=1"
cold="-Dbench.warmup=200"
mysql="-Dsmtpfeed.db.driver=mysql -Dsmtpfeed.db.url=jdbc:mysql://127.0.0.1:3306/smtpfeed_bench -Dsmtpfeed.db.user=smtpfeed -Dsmtpfeed.db.password=smtpfeed"
postfix="-Dbench.target=127.0.0.1:2925"

run() {
    local name=$1; shift
    echo "# $name: $(uptime)" | tee -a "$out"
    mvn -B -Pbench -DskipTests "$@" verify >"ear/target/bench-$name.log" 2>&1
    tail -n 1 <(grep -E '^target=' "ear/target/bench-$name.log") | tee -a "$out"
}

ear/src/bench/postfix-relay.sh start
run smtpfeed-h2-heavy $heavy
run postfix-heavy $heavy $postfix
run smtpfeed-h2-light $light
run postfix-light $light $postfix
run smtpfeed-h2-cold $heavy $cold
run postfix-cold $heavy $cold $postfix
if [ "${BENCH_FILTERS:-0}" = 1 ]; then
    spam="-Dbench.spam-checking=true"
    run smtpfeed-h2-spam-heavy $heavy $spam
    run smtpfeed-h2-spam-light $light $spam
    if [ -n "${BENCH_CLAMD:-}" ]; then
        external="$spam -Dbench.clamd=$BENCH_CLAMD -Dbench.spam-engine=spamd"
        run smtpfeed-h2-clamd-spamd-heavy $heavy $external
        run smtpfeed-h2-clamd-spamd-light $light $external
    fi
fi
ear/src/bench/postfix-relay.sh stop
if [ "${BENCH_MYSQL:-1}" = 1 ]; then
    run smtpfeed-mysql-heavy $heavy $mysql
    run smtpfeed-mysql-cold $heavy $cold $mysql
fi
echo "results in $out"

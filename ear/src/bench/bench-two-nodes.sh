#!/usr/bin/env bash
# Two relay nodes on one MySQL database against one node, in the same session (see BENCHMARK.md, "Two nodes").
# Run from the repository root after `mvn -DskipTests package` (the provisioned server and the EAR must exist).
# Node A (port offset 400, SMTP 3025) takes the load alone; then node B (offset 500, SMTP 3125) joins and the same
# load is shared by both: each sender talks to one node, in turn. Both runs use a fresh database and the same sink.
#   BENCH_DB_URL (jdbc:mysql://127.0.0.1:3306/smtpfeed_bench), BENCH_DB_USER / BENCH_DB_PASSWORD (smtpfeed / smtpfeed),
#   BENCH_MESSAGES (5000), BENCH_SIZE (10240), BENCH_SENDERS (20).
# The key=value line of each run goes to ear/target/bench-two-nodes.txt (and stdout); node logs to ear/target/bench-node-*.
set -euo pipefail
cd "$(dirname "$0")/../../.."
url=${BENCH_DB_URL:-jdbc:mysql://127.0.0.1:3306/smtpfeed_bench}
user=${BENCH_DB_USER:-smtpfeed}
password=${BENCH_DB_PASSWORD:-smtpfeed}
home=$PWD/ear/target/server
ear=$PWD/ear/target/smtpfeed.ear
out=ear/target/bench-two-nodes.txt
load="-Dbench.messages=${BENCH_MESSAGES:-5000} -Dbench.size=${BENCH_SIZE:-10240} -Dbench.senders=${BENCH_SENDERS:-20}"
[ -d "$home" ] && [ -f "$ear" ] || { echo "bench-two-nodes.sh: run mvn -DskipTests package first" >&2; exit 1; }

start_node() {
    local name=$1 offset=$2 smtp=$3 base=$PWD/ear/target/bench-node-$1
    rm -rf "$base" && mkdir -p "$base/deployments"
    cp -r "$home/standalone/configuration" "$base/"
    cp "$ear" "$base/deployments/"
    # Its own process group, so that stop_node ends the JVM along with the script that started it.
    JAVA_OPTS="-Xms512m -Xmx1g -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" setsid "$home/bin/standalone.sh" \
        -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" -Djboss.node.name="bench-$name" \
        -Dsmtpfeed.demo=true -Dsmtpfeed.smtp.port="$smtp" -Dsmtpfeed.data-dir="$base/data" \
        -Dsmtpfeed.db.driver=mysql -Dsmtpfeed.db.url="$url" -Dsmtpfeed.db.user="$user" -Dsmtpfeed.db.password="$password" \
        >"$base/server.out" 2>&1 &
    echo $! >"$base/pid"
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$smtp") 2>/dev/null && { echo "node $name: SMTP on $smtp"; return; }
        kill -0 "$(cat "$base/pid")" 2>/dev/null || { echo "node $name died; see $base/server.out" >&2; exit 1; }
        sleep 1
    done
    echo "node $name: no SMTP on $smtp after 300 s" >&2
    exit 1
}

stop_node() {
    local pid pidfile=$PWD/ear/target/bench-node-$1/pid
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile")
    rm -f "$pidfile"
    kill -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
}

run() {
    local name=$1 targets=$2
    echo "# $name: $(uptime)" | tee -a "$out"
    mvn -B -ntp -Pbench -DskipTests -pl ear -am verify -Dbench.target="$targets" -Dbench.name="$name" \
        -Dbench.db.url="$url" -Dsmtpfeed.db.user="$user" -Dsmtpfeed.db.password="$password" $load \
        >"ear/target/bench-$name.log" 2>&1
    grep -E '^target=' "ear/target/bench-$name.log" | tail -n 1 | tee -a "$out"
}

: >"$out"
rm -f ear/target/bench-node-*/pid
trap 'stop_node a; stop_node b' EXIT
bash ear/src/bench/bench-db.sh mysql "$url" "$user" "$password"
start_node a 400 3025
run one-node 127.0.0.1:3025
stop_node a
bash ear/src/bench/bench-db.sh mysql "$url" "$user" "$password"
start_node a 400 3025
start_node b 500 3125
run two-nodes 127.0.0.1:3025,127.0.0.1:3125
echo "results in $out"

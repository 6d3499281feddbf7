#!/usr/bin/env bash
# Starts and stops the provisioned WildFly for the benchmark (called by `mvn -Pbench`; see BENCHMARK.md).
#   bench-server.sh start JBOSS_HOME SERVER_CONFIG MANAGEMENT_PORT EAR OUT_FILE -Dkey=value...
#   bench-server.sh stop  JBOSS_HOME MANAGEMENT_PORT
# start: launches standalone.sh in the background with the given system properties, waits until the server is
# running, deploys the EAR through the management interface and returns. stop: a graceful :shutdown, then waits.
# (wildfly-maven-plugin 6.0.1's start goal never saw this server as running here, so plain scripts do it.)
set -euo pipefail
action=$1; shift
home=$1; shift
cli() { "$home/bin/jboss-cli.sh" -c --controller="remote+http://127.0.0.1:$port" "$@"; }
pidfile="$home/standalone/bench-server.pid"

case "$action" in
start)
    config=$1 port=$2 ear=$3 out=$4; shift 4
    if cli ':read-attribute(name=server-state)' >/dev/null 2>&1; then
        echo "bench-server.sh: a server already answers on management port $port; stop it first" >&2
        exit 1
    fi
    export JAVA_OPTS="${BENCH_SERVER_JAVA_OPTS:--Xms512m -Xmx1g -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true}"
    export LAUNCH_JBOSS_IN_BACKGROUND=1
    nohup "$home/bin/standalone.sh" -c "$config" "$@" >"$out" 2>&1 &
    echo $! >"$pidfile"
    echo "bench-server.sh: started (pid $(cat "$pidfile"), output in $out); waiting for it"
    for _ in $(seq 1 300); do
        state=$(cli ':read-attribute(name=server-state)' 2>/dev/null | sed -n 's/.*"result" => "\(.*\)".*/\1/p' || true)
        [ "$state" = running ] && break
        kill -0 "$(cat "$pidfile")" 2>/dev/null || { echo "bench-server.sh: the server died; see $out" >&2; exit 1; }
        sleep 1
    done
    [ "${state:-}" = running ] || { echo "bench-server.sh: not running after 300 s" >&2; exit 1; }
    started=$(date +%s)
    cli --timeout=600000 "deploy --force $ear"
    echo "bench-server.sh: deployed $(basename "$ear") in $(( $(date +%s) - started )) s"
    ;;
stop)
    port=$1
    cli ':shutdown' >/dev/null 2>&1 || true
    if [ -f "$pidfile" ]; then
        pid=$(cat "$pidfile")
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        if kill -0 "$pid" 2>/dev/null; then
            echo "bench-server.sh: still running after 60 s, sending TERM to $pid" >&2
            kill "$pid" 2>/dev/null || true
        fi
        rm -f "$pidfile"
    fi
    echo "bench-server.sh: stopped"
    ;;
*)
    echo "usage: $0 start|stop ..." >&2; exit 2 ;;
esac

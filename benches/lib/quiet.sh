# shellcheck shell=bash
# wait_quiet: waits until the machine is quiet enough to measure on (other
# engineers' builds share its two cores): the CPU busy under QUIET_BUSY percent
# (default 15) over two seconds, checked every 10 s for at most QUIET_WAIT
# seconds (default 900). Says what it saw on standard error; measures anyway
# after the wait, saying so, so that a busy machine delays figures but never
# blocks them (the figures then say how loaded it was).

busy_percent() {
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 2
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local total=0 idle i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    idle=$((b[4] - a[4] + b[5] - a[5]))
    echo $(((100 * (total - idle)) / (total > 0 ? total : 1)))
}

wait_quiet() {
    local limit=${QUIET_WAIT:-900} max=${QUIET_BUSY:-15} waited=0 busy
    while busy=$(busy_percent); [ "$busy" -ge "$max" ]; do
        if [ "$waited" -ge "$limit" ]; then
            echo "quiet: still ${busy}% busy after ${waited} s; measuring anyway (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
            return 0
        fi
        echo "quiet: ${busy}% busy, waiting (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
        sleep 10
        waited=$((waited + 12))
    done
    echo "quiet: ${busy}% busy, measuring (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
}

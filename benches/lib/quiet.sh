# shellcheck shell=bash
# Measuring on a shared machine (other engineers' builds share its two cores).
#
# wait_quiet: waits until the CPU time taken by others (user, niced, system,
# interrupts, steal) is under QUIET_BUSY percent (default 15) over two seconds,
# checking every 10 s for at most QUIET_WAIT seconds (default 900). Niced work
# counts: a benchmark at a raised priority pre-empts it, but measured here it
# still slows the benchmarks by up to half (caches, memory, the hypervisor).
# Says what it saw on standard error; measures anyway after the wait, saying so,
# so that a busy machine delays figures but never blocks them.
#
# measured COMMAND…: runs COMMAND at a raised priority (nice -10) when allowed,
# so that niced builds and tests of others take almost nothing from it.

cpu_shares() {
    local a b
    read -r -a a < <(grep '^cpu ' /proc/stat)
    sleep 2
    read -r -a b < <(grep '^cpu ' /proc/stat)
    local d=() i total=0
    for i in 1 2 3 4 5 6 7 8; do
        d[i]=$((b[i] - a[i]))
        total=$((total + d[i]))
    done
    [ "$total" -gt 0 ] || total=1
    # busy at normal priority, niced
    echo "$(((100 * (d[1] + d[3] + d[6] + d[7] + d[8])) / total)) $(((100 * d[2]) / total))"
}

wait_quiet() {
    local limit=${QUIET_WAIT:-900} max=${QUIET_BUSY:-15} waited=0 busy niced
    while read -r busy niced < <(cpu_shares); [ $((busy + niced)) -ge "$max" ]; do
        if [ "$waited" -ge "$limit" ]; then
            echo "quiet: still ${busy}% busy and ${niced}% niced after ${waited} s; measuring anyway (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
            return 0
        fi
        echo "quiet: ${busy}% busy and ${niced}% niced, waiting (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
        sleep 10
        waited=$((waited + 12))
    done
    echo "quiet: ${busy}% busy and ${niced}% niced: measuring (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
}

measured() {
    if nice -n -10 true 2>/dev/null; then
        nice -n -10 "$@"
    else
        "$@"
    fi
}

#!/usr/bin/env python3
"""Where orderflow's appends spend client CPU beside the raw put, from a JFR recording of
EventStoreLoadDriver at one thread (docs/performance.md, "After the one-round-trip read and the
append profile").

  jfr print --json --events jdk.ExecutionSample --stack-depth 200 append.jfr > samples.json
  benchmarks/scripts/jfr-append-diff.py samples.json OF_POOLS RAW_POOLS OF_APPENDS RAW_APPENDS

The driver runs each measured round in a fresh pool, so its thread names tell the variants apart:
with --threads 1 the rounds A B B A A B B A run in pool-4 … pool-11 after the two warm-ups, i.e.
orderflow = 4,7,8,11 and raw = 5,6,9,10 (check the first sample time of each pool if unsure).
APPENDS are each variant's appends in those rounds (appends/s x seconds). Prints, per frame, the
samples per 1000 appends in which the frame is on the stack, orderflow minus raw, largest first.
"""
import json
import re
import sys
from collections import Counter


def frame(f):
    return f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]


def main(path, of_pools, raw_pools, of_appends, raw_appends, top=45):
    pools = {"OF": set(of_pools.split(",")), "RAW": set(raw_pools.split(","))}
    appends = {"OF": float(of_appends), "RAW": float(raw_appends)}
    inclusive = {"OF": Counter(), "RAW": Counter()}
    total = Counter()
    for event in json.load(open(path))["recording"]["events"]:
        m = re.match(r"pool-(\d+)-thread", event["values"]["sampledThread"]["javaName"])
        group = next((g for g, p in pools.items() if m and m.group(1) in p), None)
        if group is None:
            continue
        total[group] += 1
        for name in {frame(f) for f in event["values"]["stackTrace"]["frames"]}:
            inclusive[group][name] += 1

    def per_k(group, name):
        return inclusive[group][name] / appends[group] * 1000

    print("samples per 1000 appends: orderflow %.1f, raw %.1f"
          % (total["OF"] / appends["OF"] * 1000, total["RAW"] / appends["RAW"] * 1000))
    names = set(inclusive["OF"]) | set(inclusive["RAW"])
    rows = sorted(names, key=lambda n: per_k("OF", n) - per_k("RAW", n), reverse=True)
    for name in rows[:top]:
        print("%7.1f  (orderflow %6.1f, raw %6.1f)  %s"
              % (per_k("OF", name) - per_k("RAW", name), per_k("OF", name), per_k("RAW", name), name))


if __name__ == "__main__":
    main(*sys.argv[1:6], *(int(a) for a in sys.argv[6:7]))

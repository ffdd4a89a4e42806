#!/usr/bin/env python3
"""Where orderflow's appends spend client CPU beside the raw put, from a JFR recording of
EventStoreLoadDriver (docs/performance.md, "After the one-round-trip read and the append profile"
and "Appends interleaved append by append").

  jfr print --json --events jdk.ExecutionSample --stack-depth 200 append.jfr > samples.json
  benchmarks/scripts/jfr-append-diff.py samples.json OF_APPENDS RAW_APPENDS [TOP]

Since session 5 every driver thread alternates the two variants append by append, so a sample is
told apart by its stack: under AppendThroughput.appendOne, it is orderflow's when the stack holds
DynamoDbEventStore.append or SampleCommits (the orderflow variant's input), and the raw put's
otherwise. Samples outside appendOne (warm-up bookkeeping, the load part) are left out.
APPENDS are each variant's appends over the whole recording, warm-up included (appends/s x
seconds, or count them). Prints, per frame, the samples per 1000 appends in which the frame is on
the stack, orderflow minus raw, largest first.
"""
import json
import sys
from collections import Counter

APPEND = "io.orderflow.bench.AppendThroughput.appendOne"
ORDERFLOW_MARKS = ("io.orderflow.eventstore.dynamodb.DynamoDbEventStore.append",
                   "io.orderflow.bench.SampleCommits.")


def frame(f):
    return f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]


def main(path, of_appends, raw_appends, top=45):
    appends = {"OF": float(of_appends), "RAW": float(raw_appends)}
    inclusive = {"OF": Counter(), "RAW": Counter()}
    total = Counter()
    for event in json.load(open(path))["recording"]["events"]:
        names = {frame(f) for f in event["values"]["stackTrace"]["frames"]}
        if APPEND not in names:
            continue
        orderflow = any(n.startswith(m) for n in names for m in ORDERFLOW_MARKS)
        group = "OF" if orderflow else "RAW"
        total[group] += 1
        for name in names:
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
    main(*sys.argv[1:4], *(int(a) for a in sys.argv[4:5]))

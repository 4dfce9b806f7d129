#!/usr/bin/env python3
# netlog_check.py -- the requests a page made, read from Chromium's network log (--log-net-log): prints each, exit 1 if any
#   Chromium itself talks to its update and account services in the background; those requests belong to no page.
#   A page's requests carry the page as their site (file://) in their isolation key or their cookie site.
import json
import sys


def load(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    try:
        return json.loads(text)
    except ValueError:  # a log cut short when the browser was stopped: close it
        return json.loads(text.rstrip().rstrip(",") + "]}")


def main():
    log = load(sys.argv[1])
    kinds = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for e in log.get("events", []):
        p = e.get("params") or {}
        if kinds.get(e.get("type")) != "URL_REQUEST_START_JOB":
            continue
        url = p.get("url", "")
        site = str(p.get("network_isolation_key", "")) + " " + str(p.get("site_for_cookies", ""))
        initiator = str(p.get("initiator", ""))
        if "file://" in site or initiator.startswith("file") or initiator == "null":
            found.append(url)
    for url in found:
        print("request made by the page:", url)
    print("page requests:", len(found))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

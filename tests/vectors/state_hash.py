#!/usr/bin/env python3
# state_hash.py -- pl_state_hash() written again from docs/protocol.md alone, checked on the test vectors
# usage: python3 tests/vectors/state_hash.py [tests/vectors/state-hash.json]
import json
import sys

M = (1 << 64) - 1
SEAT = ["counter", "token", "pos", "skip", "finished", "hand_n", "finish_round", "setup_card", "hand", "plays"]
PENDING = ["n_options", "actor", "card", "effect", "voters", "answered", "steps_left", "depth", "ballot",
           "option_card"]
FRAME = ["next", "end", "actor", "depth", "card", "flags"]
DELAYED = ["seat", "turns", "card", "first", "count"]
PLAYED = ["card", "seat", "phase", "round"]
VOTE = ["card", "initiator", "winner", "round", "n_options", "ballot"]


def array(view, key, size, fields=None):
    """A view array as `size` elements (missing ones zero), tuples as dicts of their fields."""
    a = view.get(key, [])
    zero = {f: 0 for f in fields} if fields else 0
    out = []
    for i in range(size):
        if i < len(a):
            out.append(dict(zip(fields, a[i])) if fields else a[i])
        else:
            out.append(dict(zero) if fields else 0)
    return out


def pad(a, size):
    return list(a) + [0] * (size - len(a))


def state_hash(v):
    h = [0xCBF29CE484222325, 0x84222325CBF29CE4, 0x9E3779B97F4A7C15, 0x7F4A7C159E3779B9]
    n = [0]

    def mix(w):
        i = n[0] % 4
        n[0] += 1
        x = ((h[i] ^ (w & M)) * 0xFF51AFD7ED558CCD) & M
        h[i] = x ^ (x >> 29)

    g = lambda k: v.get(k, 0)
    u32 = lambda x: x & 0xFFFFFFFF
    mix(g("n_seats") | g("current") << 8 | g("wait") << 16 | g("rolled") << 24 | g("played") << 32
        | g("viewer") << 40 | g("n_dice") << 48 | g("paused") << 56)
    dice = pad(v.get("dice", []), 4)
    for i in range(min(g("n_dice"), 4)):
        mix(dice[i])
    mix(g("round") | g("seq") << 16)
    mix(g("turns"))
    rng = pad([int(x, 16) for x in v.get("rng", [])], 2)
    mix(rng[0])
    mix(rng[1])
    for c in pad(v.get("table_counter", []), 8):
        mix(u32(c))
    seats = array(v, "seat", 8, SEAT)
    for s in seats[:min(g("n_seats"), 8)]:
        for c in pad(s["counter"] or [], 16):
            mix(u32(c))
        for t in pad(s["token"] or [], 8):
            mix(t)
        mix(s["pos"] | s["skip"] << 8 | s["finished"] << 16 | s["hand_n"] << 24 | s["finish_round"] << 32
            | s["setup_card"] << 48)
        mix(s["plays"])
        hand = pad(s["hand"] or [], 12)
        for i in range(min(s["hand_n"], 12)):
            mix(hand[i])
    mix(g("n_cards"))
    for d in pad(v.get("draw_n", []), 16):
        mix(d)
    order, where = pad(v.get("order", []), 1024), pad(v.get("where", []), 1024)
    for i in range(min(g("n_cards"), 1024)):
        mix(order[i] << 8 | where[i])
    p = dict(zip(PENDING, v["pending"])) if "pending" in v else {f: 0 for f in PENDING}
    mix(p["n_options"] | p["actor"] << 8 | p["card"] << 16 | p["effect"] << 32)
    mix(p["voters"] | p["answered"] << 8 | p["steps_left"] << 16 | p["depth"] << 24)
    for b in pad(p["ballot"] or [], 8):
        mix(b)
    for c in pad(p["option_card"] or [], 6):
        mix(c)
    mix(g("n_stack"))
    for f in array(v, "stack", 16, FRAME)[:min(g("n_stack"), 16)]:
        mix(f["next"] | f["end"] << 32)
        mix(f["actor"] | f["depth"] << 8 | f["card"] << 16 | f["flags"] << 32)
    mix(g("n_delayed"))
    for d in array(v, "delayed", 64, DELAYED)[:min(g("n_delayed"), 64)]:
        mix(d["seat"] | d["turns"] << 8 | d["card"] << 16)
        mix(d["first"] | d["count"] << 32)
    mix(g("n_played"))
    for q in array(v, "played_log", 512, PLAYED)[:min(g("n_played"), 512)]:
        mix(q["card"] | q["seat"] << 16 | q["phase"] << 24 | q["round"] << 32)
    mix(g("n_votes"))
    for r in array(v, "vote_log", 128, VOTE)[:min(g("n_votes"), 128)]:
        mix(r["card"] | r["initiator"] << 16 | r["winner"] << 24 | r["round"] << 32 | r["n_options"] << 48)
        for b in pad(r["ballot"] or [], 8):
            mix(b)
    for s in pad(v.get("score", []), 8):
        mix(u32(s))
    mix(g("winners"))
    x = n[0]
    for i in range(4):
        x ^= (h[i] + 0x9E3779B97F4A7C15 + (x << 6) + (x >> 2)) & M
        x = (x * 0xC4CEB9FE1A85EC53) & M
        x ^= x >> 33
    return x


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/vectors/state-hash.json"
    bad = 0
    vectors = json.load(open(path))
    for t in vectors:
        got = "%016x" % state_hash(t["view"])
        if got != t["view_hash"]:
            print("state_hash.py: '%s': %s, the vector says %s" % (t["name"], got, t["view_hash"]))
            bad += 1
    print("state_hash.py: %d passed, %d failed" % (len(vectors) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

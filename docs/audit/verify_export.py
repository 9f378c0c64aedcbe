#!/usr/bin/env python3
"""Verifies a Declass audit export without Declass: recomputes every hash of a JSON Lines export
(GET /api/audit/export.jsonl, unfiltered) and, given the key, checks the signed checkpoints
(GET /api/audit/checkpoints) against it.

usage: verify_export.py audit.jsonl [checkpoints.json KEY]
Prints "ok: N entries" (exit 0) or the first broken entry and what is wrong (exit 1). Standard library only,
constant memory. See docs/audit.md.

The canonical form is the 16 fields below, plus "attempted_name" as a 17th element only when it is not null
(failed sign-ins; exports made before the field existed do not have it).

Only the JSON Lines export carries every field as stored. The CSV export is for reading in a spreadsheet: a cell that
begins with = + - @ ' (or a tab or carriage return) is written with a ' before it, so that a spreadsheet does not
run it as a formula; this script refuses a CSV file and says so.

An entry whose note or span offsets were withheld from the reader who exported it (it names them in "withheld")
cannot have its hash recomputed from the export: its links (prev_hash, seq) and any checkpoint on it are still
checked, and the result counts it ("ok: N entries, K with withheld fields not recomputed"). An export by a reader
cleared for every entry has none.
"""
import hashlib, hmac, json, sys

FIELDS = ["seq", "at", "actor", "actor_roles", "action", "cable_id", "cable_reference", "paragraph",
          "span_start", "span_end", "codes", "marking_before", "marking_after", "note", "request_id",
          "client_address"]


def canonical(entry):
    values = [entry[f] for f in FIELDS]
    # the attempted name of a failed sign-in: a 17th element, only when present (older entries have 16)
    if entry.get("attempted_name") is not None:
        values.append(entry["attempted_name"])
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def load_checkpoints(path, key):
    checkpoints = {}
    for c in json.load(open(path, encoding="utf-8")):
        text = f"declass-audit-checkpoint-v1\n{c['seq']}\n{c['headHash']}\n{c['at']}"
        mac = hmac.new(key.encode("utf-8"), text.encode("utf-8"), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(mac, c["signature"]):
            raise SystemExit(f"checkpoint {c['seq']}: invalid signature")
        checkpoints[c["seq"]] = c["headHash"]
    return checkpoints


def main(args):
    checkpoints = load_checkpoints(args[1], args[2]) if len(args) == 3 else {}
    prev, expected, withheld = "0" * 64, 1, 0
    with open(args[0], encoding="utf-8") as f:
        for line in f:
            if expected == 1 and not line.lstrip().startswith("{"):
                return ("not a JSON Lines export: verify GET /api/audit/export.jsonl (the CSV export quotes cells"
                        " for spreadsheets and is not checked)")
            e = json.loads(line)
            if e["seq"] != expected:
                return f"broken at {expected}: missing (the next entry is {e['seq']})"
            if e.get("withheld"):
                withheld += 1
            else:
                digest = hashlib.sha256((e["prev_hash"] + "\n" + canonical(e)).encode("utf-8")).hexdigest()
                if digest != e["hash"]:
                    return f"broken at {e['seq']}: altered (its content does not match its hash)"
            if e["prev_hash"] != prev:
                return f"broken at {e['seq']}: not linked to entry {expected - 1} (reordered or forged)"
            if e["seq"] in checkpoints and checkpoints[e["seq"]] != e["hash"]:
                return f"broken at {e['seq']}: altered (differs from the signed checkpoint)"
            prev = e["hash"]
            expected += 1
    if checkpoints and max(checkpoints) >= expected:
        return f"broken at {expected}: truncated (a checkpoint covers entries up to {max(checkpoints)})"
    if withheld:
        return f"ok: {expected - 1} entries, {withheld} with withheld fields not recomputed"
    return f"ok: {expected - 1} entries"


if __name__ == "__main__":
    result = main(sys.argv[1:])
    print(result)
    sys.exit(0 if result.startswith("ok") else 1)

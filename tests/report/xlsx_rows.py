#!/usr/bin/env python3
# xlsx_rows.py -- a workbook read with zipfile and its sheet XML: each sheet's rows must be the rows of its CSV file
#   usage: xlsx_rows.py BOOK.xlsx SHEET-NAME=FILE.csv...   (sheets in the workbook's order); exit 0 when all agree
import csv
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def text_of(si):
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))


def number(v):
    f = float(v)
    return str(int(f)) if f == int(f) else v


def sheets(book):
    z = zipfile.ZipFile(book)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("p:Relationship", NS)}
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        shared = [text_of(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    out = []
    for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
        path = "xl/" + target[s.get("{%s}id" % NS["r"])].lstrip("/").replace("xl/", "", 1)
        root = ET.fromstring(z.read(path))
        rows = {}
        for row in root.iter("{%s}row" % NS["m"]):
            r = int(row.get("r")) - 1
            cells = {}
            for c in row.findall("m:c", NS):
                v = c.find("m:v", NS)
                t = c.get("t")
                if t == "s":
                    val = shared[int(v.text)]
                elif t == "inlineStr":
                    val = text_of(c.find("m:is", NS))
                elif v is not None:
                    val = number(v.text)
                else:
                    val = ""
                cells[col_index(c.get("r"))] = val
            rows[r] = cells
        out.append((s.get("name"), rows))
    return out


def main():
    book = sys.argv[1]
    wanted = [a.split("=", 1) for a in sys.argv[2:]]
    got = sheets(book)
    bad = 0
    if [n for n, _ in got] != [n for n, _ in wanted]:
        print("sheets:", [n for n, _ in got], "expected", [n for n, _ in wanted])
        return 1
    for (name, rows), (_, path) in zip(got, wanted):
        with open(path, newline="", encoding="utf-8") as f:
            expect = list(csv.reader(f))
        if max(rows.keys(), default=-1) + 1 != len(expect):
            print("%s: %d rows, %s has %d" % (name, max(rows.keys(), default=-1) + 1, path, len(expect)))
            bad += 1
            continue
        for i, want in enumerate(expect):
            cells = rows.get(i, {})
            have = [cells.get(j, "") for j in range(len(want))]
            if any(j >= len(want) for j in cells) or have != want:
                print("%s row %d: %r, %s says %r" % (name, i + 1, have, path, want))
                bad += 1
                break
        print("%s: %d rows like %s" % (name, len(expect), path))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

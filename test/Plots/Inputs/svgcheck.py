"""Checks a calcc picture (an .svg file, or an .html page holding SVG):
it parses as XML, and the numbers it draws are the numbers of the same
result written as CSV by the same run.

  svgcheck.py FILE                         well-formedness only
  svgcheck.py FILE --bars R.csv            every bar segment's data-value
  svgcheck.py FILE --scatter S.csv X Y DX DY
                                           every point's data-x/data-y by rank;
                                           DX, DY: max|min|none, the Pareto
                                           front recomputed here

Prints one summary line per check (for FileCheck); exits 1 on a mismatch.
"""
import csv
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def fail(msg):
    print("svgcheck: error: " + msg)
    sys.exit(1)


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = [h.split(" [")[0] for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:]]


def main(argv):
    root = ET.parse(argv[1]).getroot()
    svgs = [root] if root.tag == SVG + "svg" else list(root.iter(SVG + "svg"))
    if not svgs:
        fail("no <svg> element")
    print("well-formed: %d svg" % len(svgs))
    if len(argv) > 3 and argv[2] == "--bars":
        row = read_csv(argv[3])[0]
        checked = 0
        for svg in svgs:
            for bar in svg.iter(SVG + "g"):
                if bar.get("class") != "bar":
                    continue
                segs = [r for r in bar.iter(SVG + "rect") if r.get("data-field")]
                for r in segs:
                    field, value = r.get("data-field"), float(r.get("data-value"))
                    if field.startswith("rest of "):
                        # The bar's segments add up to the total.
                        total = float(row[field[len("rest of "):]])
                        s = sum(float(x.get("data-value")) for x in segs)
                        if abs(s - total) > 1e-9 * abs(total):
                            fail("bar sums to %r, %s is %r" % (s, field, total))
                    elif " - " in field:
                        a, b = field.split(" - ")
                        if value != float(row[a]) - float(row[b]):
                            fail("%s: %r in the picture" % (field, value))
                    elif value != float(row[field]):
                        fail("%s: %r in the picture, %s in the CSV" %
                             (field, value, row[field]))
                    checked += 1
        print("bars: %d segments match the CSV" % checked)
    if len(argv) > 7 and argv[2] == "--scatter":
        rows = read_csv(argv[3])
        xcol, ycol, dx, dy = argv[4:8]
        points = [c for svg in svgs for c in svg.iter(SVG + "circle")
                  if c.get("data-rank")]
        if len(points) != len(rows):
            fail("%d points, %d rows" % (len(points), len(rows)))
        sign = {"max": 1, "min": -1}
        for c in points:
            r = rows[int(c.get("data-rank")) - 1]
            if float(c.get("data-x")) != float(r[xcol]) or \
               float(c.get("data-y")) != float(r[ycol]):
                fail("rank %s: (%s, %s) in the picture, (%s, %s) in the CSV" %
                     (c.get("data-rank"), c.get("data-x"), c.get("data-y"),
                      r[xcol], r[ycol]))
        front = 0
        if dx in sign and dy in sign:
            pts = [(sign[dx] * float(r[xcol]), sign[dy] * float(r[ycol]))
                   for r in rows]
            for c in points:
                i = int(c.get("data-rank")) - 1
                x, y = pts[i]
                dominated = any(a >= x and b >= y and (a > x or b > y)
                                for a, b in pts)
                if dominated == (c.get("class") == "front"):
                    fail("rank %d: front membership differs" % (i + 1))
                front += not dominated
        print("scatter: %d points match the CSV, %d on the front" %
              (len(points), front))


main(sys.argv)

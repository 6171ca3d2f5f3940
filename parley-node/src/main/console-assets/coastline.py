#!/usr/bin/python3
"""Makes the console's offline coastline (assets/coastline.json, GeoJSON) from Natural Earth's
1:110m land polygons as the npm package world-atlas ships them (TopoJSON, land-110m.json).
Dev time only: `npm pack world-atlas@2.0.2`, untar, then
  parley-node/src/main/console-assets/coastline.py package/land-110m.json > .../assets/coastline.json
TopoJSON spec: arcs are delta-encoded quantized positions; a negative arc index ~i means arc i reversed.
"""
import json
import sys

topo = json.load(open(sys.argv[1]))
scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append([round(x * scale[0] + translate[0], 3), round(y * scale[1] + translate[1], 3)])
    arcs.append(points)


def ring(indexes):
    out = []
    for i in indexes:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(points if not out else points[1:])
    return out


features = []
for geometry in topo["objects"]["land"]["geometries"]:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    coordinates = [[ring(r) for r in polygon] for polygon in polygons]
    features.append({"type": "Feature", "properties": {"source": "Natural Earth 1:110m land (public domain)"},
                     "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, separators=(",", ":"))

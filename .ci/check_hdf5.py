#!/usr/bin/python3
"""Checks a LiPF run folder: every snapshot has the datasets and attributes the solver writes
(names, dtypes, shapes), and fields.xdmf references existing files/datasets with the dims it states.

Usage: /usr/bin/python3 .ci/check_hdf5.py RUNDIR     (needs h5py and numpy)
Exit status 0 if all checks pass, 1 otherwise.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

import h5py
import numpy as np

FIELDS = {"xi": "1", "c": "1", "phi_l": "V", "phi_s": "V", "rate": "1/s"}
FLOAT_ATTRS = ["time_s", "dx_m", "applied_current_A_per_m2", "cell_voltage_V"]
NAME = re.compile(r"step_(\d{8,})\.h5$")

errors = []


def fail(msg):
    errors.append(msg)


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def check_snapshot(path):
    step_from_name = int(NAME.search(path).group(1))
    with h5py.File(path, "r") as f:
        a = f.attrs
        if text(a.get("format", "")) != "lipf-snapshot/1":
            fail(f"{path}: format attribute is {a.get('format')!r}")
        for k in FLOAT_ATTRS:
            if k not in a:
                fail(f"{path}: missing attribute {k}")
            elif np.asarray(a[k]).dtype != np.float64 or np.asarray(a[k]).shape != ():
                fail(f"{path}: attribute {k} is {np.asarray(a[k]).dtype}{np.asarray(a[k]).shape}, expected float64 scalar")
        if "step" not in a or np.asarray(a["step"]).dtype != np.int64:
            fail(f"{path}: attribute step missing or not int64")
        elif int(a["step"]) != step_from_name:
            fail(f"{path}: attribute step {int(a['step'])} differs from file name")
        if "shape" not in a:
            fail(f"{path}: missing attribute shape")
            return
        shape = tuple(int(n) for n in np.asarray(a["shape"]))
        if len(shape) not in (2, 3) or min(shape) < 1:
            fail(f"{path}: bad shape attribute {shape}")
        if not a["dx_m"] > 0:
            fail(f"{path}: dx_m must be > 0")
        for name, units in FIELDS.items():
            if name not in f:
                fail(f"{path}: missing dataset {name}")
                continue
            d = f[name]
            if d.dtype != np.float64 or d.shape != shape:
                fail(f"{path}:/{name} is {d.dtype}{d.shape}, expected float64{shape}")
            if text(d.attrs.get("units", "")) != units:
                fail(f"{path}:/{name} units {d.attrs.get('units')!r}, expected {units!r}")
            if not np.all(np.isfinite(d[()])):
                fail(f"{path}:/{name} has non-finite values")
        if "material" not in f:
            fail(f"{path}: missing dataset material")
        else:
            m = f["material"]
            if m.dtype not in (np.int8, np.int16) or m.shape != shape:
                fail(f"{path}:/material is {m.dtype}{m.shape}, expected int8{shape}")
            names = [text(n) for n in np.atleast_1d(m.attrs.get("materials", []))]
            if not names:
                fail(f"{path}:/material has no materials attribute")
            else:
                ids = m[()]
                if ids.min() < 0 or ids.max() >= len(names):
                    fail(f"{path}:/material ids {ids.min()}..{ids.max()} outside the {len(names)} names {names}")
    return shape


def dims(s):
    return tuple(int(n) for n in s.split())


# XDMF NumberType -> numpy dtype kind (signed / unsigned integers, floats)
NUMBER_KINDS = {"Float": "f", "Char": "i", "Int": "i", "UChar": "u", "UInt": "u"}


def check_geometry(path, grid, h5, rank):
    """ORIGIN_DX(DY)(DZ) geometry: origin 0, spacing = the snapshot's dx_m on every axis."""
    geo = grid.find("Geometry")
    items = {i.get("Name"): i for i in geo.findall("DataItem")} if geo is not None else {}
    if set(items) != {"Origin", "Spacing"}:
        fail(f"{path}: {grid.get('Name')} geometry has items {sorted(items)}, expected Origin and Spacing")
        return
    origin = [float(v) for v in items["Origin"].text.split()]
    spacing = [float(v) for v in items["Spacing"].text.split()]
    if len(origin) != rank or any(origin) or len(spacing) != rank:
        fail(f"{path}: {grid.get('Name')} origin {origin} / spacing {spacing} for a rank-{rank} grid")
    if os.path.isfile(h5):
        with h5py.File(h5, "r") as f:
            dx = float(f.attrs["dx_m"])
        if any(s != dx for s in spacing):
            fail(f"{path}: {grid.get('Name')} spacing {spacing} differs from dx_m {dx} of {h5}")


def check_xdmf(run, shapes):
    path = os.path.join(run, "fields.xdmf")
    if not os.path.isfile(path):
        fail(f"{path}: missing")
        return
    root = ET.parse(path).getroot()
    coll = root.find("Domain/Grid")
    if coll is None or coll.get("CollectionType") != "Temporal":
        fail(f"{path}: no temporal collection")
        return
    grids = coll.findall("Grid")
    times = [float(g.find("Time").get("Value")) for g in grids]
    if times != sorted(times) or len(set(times)) != len(times):
        fail(f"{path}: times not strictly increasing: {times}")
    referenced = set()
    for g in grids:
        topo = g.find("Topology")
        nodes = dims(topo.get("Dimensions"))
        if topo.get("TopologyType") != f"{len(nodes)}DCoRectMesh":
            fail(f"{path}: {g.get('Name')} topology {topo.get('TopologyType')} with dims {nodes}")
        first = g.find("Attribute/DataItem")
        if first is not None:
            check_geometry(path, g, os.path.join(run, first.text.strip().split(":", 1)[0]), len(nodes))
        for att in g.findall("Attribute"):
            item = att.find("DataItem")
            file_part, ds = item.text.strip().split(":", 1)
            h5 = os.path.join(run, file_part)
            referenced.add(os.path.normpath(h5))
            want = dims(item.get("Dimensions"))
            if att.get("Center") == "Cell" and tuple(n + 1 for n in want) != nodes:
                fail(f"{path}: {g.get('Name')}/{att.get('Name')} cell dims {want} do not match node dims {nodes}")
            if not os.path.isfile(h5):
                fail(f"{path}: references missing file {file_part}")
                continue
            with h5py.File(h5, "r") as f:
                if ds not in f:
                    fail(f"{path}: {file_part}:{ds} does not exist")
                    continue
                d = f[ds]
                # a 2D run's [z][x] datasets are a slab one cell thick in the XDMF (1 nz nx)
                if (1,) * (len(want) - d.ndim) + d.shape != want:
                    fail(f"{path}: {file_part}:{ds} has shape {d.shape}, XDMF says {want}")
                prec = int(item.get("Precision", "4"))
                if d.dtype.itemsize != prec:
                    fail(f"{path}: {file_part}:{ds} is {d.dtype}, XDMF says precision {prec}")
                ntype = item.get("NumberType", "Float")
                if d.dtype.kind != NUMBER_KINDS.get(ntype):
                    fail(f"{path}: {file_part}:{ds} is {d.dtype}, XDMF says NumberType {ntype}")
                if item.get("Format") != "HDF":
                    fail(f"{path}: {file_part}:{ds} has Format {item.get('Format')!r}, expected 'HDF'")
                t = float(f.attrs["time_s"])
                gt = float(g.find("Time").get("Value"))
                if t != gt:
                    fail(f"{path}: {g.get('Name')} time {gt} differs from {file_part} time_s {t}")
    for snap in shapes:
        if os.path.normpath(snap) not in referenced:
            fail(f"{path}: snapshot {snap} is not indexed")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    run = sys.argv[1]
    snapdir = os.path.join(run, "snapshots")
    files = sorted(os.path.join(snapdir, n) for n in os.listdir(snapdir) if NAME.fullmatch(n)) if os.path.isdir(snapdir) else []
    if not files:
        fail(f"{snapdir}: no snapshots")
    shapes = {}
    for p in files:
        try:
            shapes[p] = check_snapshot(p)
        except Exception as e:  # noqa: BLE001 - report and go on
            fail(f"{p}: cannot read: {e}")
    check_xdmf(run, shapes)
    for msg in errors:
        print("FAIL", msg)
    print(f"check_hdf5: {len(files)} snapshots, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

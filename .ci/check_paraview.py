"""Opens a LiPF run's fields.xdmf in ParaView's XDMF reader and lists arrays, time steps and
ranges; fails if a field is missing, the time steps differ from the XDMF, or the grid is wrong.

Usage: pvpython --force-offscreen-rendering .ci/check_paraview.py RUNDIR [XdmfReader|Xdmf3ReaderS]
"""
import os
import sys
import xml.etree.ElementTree as ET

import numpy as np
from paraview import simple

try:
    import h5py
except ImportError:  # value check skipped
    h5py = None
from paraview import servermanager

run = sys.argv[1]
reader_name = sys.argv[2] if len(sys.argv) > 2 else "XDMFReader"
path = os.path.join(run, "fields.xdmf")
expected_times = [float(g.find("Time").get("Value")) for g in ET.parse(path).getroot().find("Domain/Grid").findall("Grid")]
first = ET.parse(path).getroot().find("Domain/Grid/Grid")
cells = [int(n) for n in first.find("Attribute/DataItem").get("Dimensions").split()]
# VTK lists points x first: a 2D run (cells 1 nz nx) lies in the X-Y plane, one cell thick in Z
nodes = [int(n) for n in first.find("Topology").get("Dimensions").split()][::-1]

if reader_name == "XDMFReader":
    reader = simple.XDMFReader(FileNames=[path])
else:
    reader = getattr(simple, reader_name)(FileName=[path])
reader.UpdatePipelineInformation()
times = list(reader.TimestepValues) if reader.TimestepValues else []
problems = []
if [round(t, 15) for t in times] != [round(t, 15) for t in expected_times]:
    problems.append(f"time steps {times} != {expected_times}")
for t in expected_times:
    reader.UpdatePipeline(t)
    data = servermanager.Fetch(reader)
    if data.IsA("vtkMultiBlockDataSet"):
        data = data.GetBlock(0)
    cd = data.GetCellData()
    names = [cd.GetArrayName(i) for i in range(cd.GetNumberOfArrays())]
    ncells = data.GetNumberOfCells()
    want = 1
    for n in cells:
        want *= n
    print(f"t={t:g}: {data.GetClassName()} dims={data.GetDimensions()} cells={ncells} bounds={[f'{b:.3g}' for b in data.GetBounds()]}")
    for n in names:
        print(f"    {n}: range {cd.GetArray(n).GetRange()}")
    for f in ["xi", "c", "phi_l", "phi_s", "material"]:
        if f not in names:
            problems.append(f"t={t}: no cell array {f}")
    if h5py is not None:
        # VTK cell order (x fastest) must equal the C order [z][y][x] of the HDF5 dataset
        g = [g for g in ET.parse(path).getroot().find("Domain/Grid").findall("Grid") if float(g.find("Time").get("Value")) == t][0]
        for att in g.findall("Attribute"):
            file_part, ds = att.find("DataItem").text.strip().split(":", 1)
            with h5py.File(os.path.join(run, file_part), "r") as f:
                ref = np.asarray(f[ds][()], dtype=np.float64).ravel()
            arr = cd.GetArray(att.get("Name"))
            got = np.array([arr.GetTuple1(i) for i in range(arr.GetNumberOfTuples())], dtype=np.float64)
            # NaN equals NaN here: film_resistance_ohm_m2 is NaN where a film on the metal blocks the ions
            if not np.array_equal(got, ref, equal_nan=True):
                problems.append(f"t={t}: {att.get('Name')} values differ from {file_part}:{ds} in C order")
    if list(data.GetDimensions()) != nodes:
        problems.append(f"t={t}: point dims {data.GetDimensions()}, expected {nodes} (x, y, z)")
    if ncells != want:
        problems.append(f"t={t}: {ncells} cells, expected {want}")
for p in problems:
    print("FAIL", p)
print(f"check_paraview ({reader_name}): {len(times)} time steps, {len(problems)} problems")
sys.exit(1 if problems else 0)

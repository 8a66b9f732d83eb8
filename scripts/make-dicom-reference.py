#!/usr/bin/python3
"""Writes tests/data/dicom-reference.json: per-frame statistics of every DICOM file under
../shared/data/dicom that pydicom (Debian's python3-pydicom, with numpy) can decode on its own.
An independent decoder for Delineo's DICOM tests; run once when fixtures change:
    apt-get install python3-pydicom python3-numpy && scripts/make-dicom-reference.py
"""
import json
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut, apply_modality_lut, convert_color_space

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", "..", "shared", "data", "dicom"))
out = os.path.join(here, "..", "tests", "data", "dicom-reference.json")
warnings.simplefilter("ignore")

entries = {}
for dirpath, _, files in sorted(os.walk(root)):
    for name in sorted(files):
        if name.endswith((".md", ".txt", ".json", ".dump")) or name == "LICENSE":
            continue
        path = os.path.join(dirpath, name)
        try:
            ds = pydicom.dcmread(path)
            arr = ds.pixel_array
        except Exception:
            continue
        frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
        spp = int(getattr(ds, "SamplesPerPixel", 1))
        photometric = str(getattr(ds, "PhotometricInterpretation", ""))
        bits = int(getattr(ds, "BitsAllocated", 0))
        if bits not in (8, 16, 32) or photometric not in ("MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL",
                                                          "YBR_FULL_422", "YBR_ICT", "YBR_RCT", "PALETTE COLOR"):
            continue
        if photometric == "YBR_FULL_422" and "Uncompressed" not in str(ds.file_meta.TransferSyntaxUID.name) \
                and "Endian" not in str(ds.file_meta.TransferSyntaxUID.name):
            continue
        if frames == 1:
            arr = arr[np.newaxis, ...]
        if photometric.startswith("MONOCHROME"):
            arr = apply_modality_lut(arr, ds)
            if str(getattr(ds, "Modality", "")) == "RTDOSE" and "DoseGridScaling" in ds:
                # PS3.3 C.8.8.3.2: stored values times DoseGridScaling are the doses (pydicom leaves
                # that to the caller).
                arr = arr * float(ds.DoseGridScaling)
        elif photometric in ("YBR_FULL", "YBR_FULL_422"):
            arr = np.stack([convert_color_space(f, "YBR_FULL", "RGB") for f in arr])
        elif photometric == "PALETTE COLOR":
            if ds.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2.2" and "OBXXXX1A" in name:
                continue  # pydicom 2.3 reads this big-endian palette as all zeros

            # Delineo shows palettes at 8 bits per channel: 16-bit entries keep their high byte.
            arr = np.stack([apply_color_lut(f, ds) for f in arr])
            if arr.dtype == np.uint16:
                arr = arr >> 8
            spp = 3
        # YBR_ICT / YBR_RCT: the JPEG 2000 decoder has already undone the component transform.
        arr = arr.astype(np.float64)
        rel = os.path.relpath(path, root)
        entries[rel] = {
            "dims": [int(arr.shape[2]), int(arr.shape[1]), frames, spp],
            "photometric": photometric,
            "frames": [[float(f.min()), float(f.max()), float(f.mean())] for f in arr],
        }

os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, "w") as f:
    json.dump({"generator": "pydicom " + pydicom.__version__, "files": entries}, f, indent=1, sort_keys=True)
print(f"{len(entries)} files -> {out}", file=sys.stderr)

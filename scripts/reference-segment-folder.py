#!/usr/bin/python3
"""Python/PyTorch reference for `delineo-cli segment` over a folder: decode, preprocess, infer,
resize back, threshold, write a PNG mask per frame, with the anchors' UNet (bilinear, base 16) on
2 threads. With --seeds-default: the seed projects' setup instead (transposed-convolution UNet,
PyTorch's default thread count). Prints frames/s. Needs python3-torch and python3-opencv; run beside
Delineo, in one go.
    scripts/reference-segment-folder.py FRAMES_DIR OUT_DIR [--seeds-default]"""
import os
import sys
import time

import cv2
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "anchors"))
from unet_ref import UNet  # noqa: E402

seeds = "--seeds-default" in sys.argv
if not seeds:
    torch.set_num_threads(2)
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)
model = UNet(3, 1, 16, not seeds).eval()
mean = np.array([0.485, 0.456, 0.406], np.float32)
std = np.array([0.229, 0.224, 0.225], np.float32)
files = sorted(f for f in os.listdir(src) if f.lower().endswith((".jpg", ".png")))
t0 = time.perf_counter()
with torch.no_grad():
    for f in files:
        bgr = cv2.imread(os.path.join(src, f))
        h, w = bgr.shape[:2]
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        x = (cv2.resize(rgb, (256, 256), interpolation=cv2.INTER_LINEAR).astype(np.float32) / 255 - mean) / std
        p = torch.sigmoid(model(torch.from_numpy(x).permute(2, 0, 1)[None]))
        p = torch.nn.functional.interpolate(p, size=(h, w), mode="bilinear", align_corners=False)[0, 0]
        cv2.imwrite(os.path.join(dst, os.path.splitext(f)[0] + ".png"), ((p > 0.5).numpy() * 255).astype(np.uint8))
s = time.perf_counter() - t0
print(f"python reference{' (seeds default)' if seeds else ''}: {len(files)} frames in {s:.2f} s: {len(files) / s:.2f} frames/s")

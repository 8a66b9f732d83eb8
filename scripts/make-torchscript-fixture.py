#!/usr/bin/python3
"""Writes tests/data/torchscript-tiny.pt(+.json): a TorchScript model exported the way a PyTorch
user would (torch.jit.trace), used to test `delineo-cli import-model`. Needs Debian's python3-torch.
The model is one 1x1 convolution with fixed weights, logits = red - 0.5 after normalisation, so its
output is known exactly: pixels whose red channel exceeds half are 'polyp'."""
import json
import pathlib

import torch

out = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data"
model = torch.nn.Sequential(torch.nn.Conv2d(3, 1, 1))
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([1.0, 0.0, 0.0]).view(1, 3, 1, 1))
    model[0].bias.fill_(-0.5)
model.eval()
traced = torch.jit.trace(model, torch.zeros(1, 3, 64, 64))
traced.save(str(out / "torchscript-tiny.pt"))
sidecar = {
    "classes": [{"name": "polyp", "colour": [255, 64, 64]}],
    "inChannels": 3,
    "inputSize": 64,
    "normalisation": {"mean": [0.0, 0.0, 0.0], "std": [1.0, 1.0, 1.0]},
    "description": "Test fixture: red > 0.5 is polyp (torch.jit.trace of a 1x1 convolution)",
}
(out / "torchscript-tiny.json").write_text(json.dumps(sidecar, indent=2) + "\n")
print("wrote", out / "torchscript-tiny.pt")

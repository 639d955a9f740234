"""Writes public/datasets/digits.csv from scikit-learn's bundled copy of the UCI optical digits (8x8) data.

    python3 -m venv /tmp/venv-digits && /tmp/venv-digits/bin/pip install scikit-learn
    /tmp/venv-digits/bin/python scripts/make-digits.py

scikit-learn ships the data inside the package (sklearn/datasets/data/digits.csv.gz, BSD-3-Clause), so nothing is
downloaded at generation time either. Columns: pixel_<row>_<col> (0..16 grey levels) then `digit` (0..9).
"""
import csv
import pathlib

import sklearn
from sklearn.datasets import load_digits

out = pathlib.Path(__file__).resolve().parent.parent / "public" / "datasets" / "digits.csv"
digits = load_digits()
with out.open("w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow([f"pixel_{r}_{c}" for r in range(8) for c in range(8)] + ["digit"])
    for image, target in zip(digits.data, digits.target):
        w.writerow([int(v) for v in image] + [int(target)])
print(f"wrote {len(digits.target)} rows to {out} (scikit-learn {sklearn.__version__})")

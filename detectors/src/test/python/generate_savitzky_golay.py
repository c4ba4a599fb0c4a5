#!/usr/bin/env python3
"""Generates the reference filters that io.vigil.detectors.dynamics.LocalPolynomialFit is checked
against.

Run from the repository root:

    python3 detectors/src/test/python/generate_savitzky_golay.py

It writes detectors/src/test/resources/reference/savitzky_golay.json: a header naming this
command and the library versions, and one case per window length m with scipy's causal
Savitzky-Golay coefficients evaluated at the newest of m windows (pos = m - 1, use='dot', so
that the estimate is dot(coefficients, scores) with the scores oldest first):

  level         savgol_coeffs(m, polyorder=1, deriv=0, pos=m-1, use='dot')
  velocity      savgol_coeffs(m, polyorder=1, deriv=1, pos=m-1, use='dot')
  acceleration  savgol_coeffs(m, polyorder=2, deriv=2, pos=m-1, use='dot')
"""

import json
import platform
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy.signal import savgol_coeffs

LENGTHS = [3, 4, 7, 15, 30]
OUTPUT = Path("detectors/src/test/resources/reference/savitzky_golay.json")


def case(m):
    def coefficients(polyorder, deriv):
        return [float(c) for c in savgol_coeffs(m, polyorder, deriv=deriv, pos=m - 1, use="dot")]

    return {
        "m": m,
        "level": coefficients(1, 0),
        "velocity": coefficients(1, 1),
        "acceleration": coefficients(2, 2),
    }


def main():
    document = {
        "header": {
            "command": "python3 detectors/src/test/python/generate_savitzky_golay.py",
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "cases": [case(m) for m in LENGTHS],
    }
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {len(LENGTHS)} cases to {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Vendored JS/map assets: verify their SHA-256 against the README table, or re-fetch them.

Why vendored: factwire runs offline and its report must open with no network, so the chart
libraries and the world outlines ship inside the package.  The README in the vendor folder is
the record (package, version, licence, source file, SHA-256); this script keeps it honest.

    python scripts/vendor_assets.py           # verify (exit 1 on any mismatch, missing or unlisted file)
    python scripts/vendor_assets.py --fetch   # npm pack the pinned versions into a temp dir, copy, rewrite README
"""
from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "src" / "factwire" / "web" / "static" / "vendor"
README = VENDOR / "README.md"

#: (npm package, version, licence, file inside the package, vendored name).
ASSETS: list[tuple[str, str, str, str, str]] = [
    ("d3", "7.9.0", "ISC", "dist/d3.min.js", "d3.min.js"),
    ("d3", "7.9.0", "ISC", "LICENSE", "d3.LICENSE.txt"),
    ("@observablehq/plot", "0.6.17", "ISC", "dist/plot.umd.min.js", "plot.umd.min.js"),
    ("@observablehq/plot", "0.6.17", "ISC", "LICENSE", "plot.LICENSE.txt"),
    ("topojson-client", "3.1.0", "ISC", "dist/topojson-client.min.js", "topojson-client.min.js"),
    ("topojson-client", "3.1.0", "ISC", "LICENSE", "topojson-client.LICENSE.txt"),
    ("world-atlas", "2.0.2", "ISC (data: Natural Earth, public domain)", "countries-110m.json",
     "countries-110m.json"),
    ("world-atlas", "2.0.2", "ISC", "LICENSE", "world-atlas.LICENSE.txt"),
]

ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|.*\|\s*([0-9a-f]{64})\s*\|\s*$")


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_hashes(readme: Path = README) -> dict[str, str]:
    """{vendored file name: SHA-256} from the README's table."""
    out = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def verify(vendor: Path = VENDOR) -> list[str]:
    """Problems found (empty when every file matches its recorded hash and nothing is unlisted)."""
    recorded = recorded_hashes(vendor / "README.md")
    problems = [f"{name}: not listed in README.md" for name in sorted(
        p.name for p in vendor.iterdir() if p.name != "README.md") if name not in recorded]
    for name, digest in sorted(recorded.items()):
        path = vendor / name
        if not path.is_file():
            problems.append(f"{name}: listed but missing")
        elif sha256(path) != digest:
            problems.append(f"{name}: SHA-256 {sha256(path)} differs from README {digest}")
    return problems


def _npm_pack(package: str, version: str, workdir: Path) -> Path:
    """Download one package tarball from the npm registry and unpack it; return its root."""
    out = subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=workdir,
                         check=True, capture_output=True, text=True).stdout.split()[-1]
    dest = workdir / out.removesuffix(".tgz")
    with tarfile.open(workdir / out) as tar:
        tar.extractall(dest, filter="data")
    return dest / "package"


def fetch(vendor: Path = VENDOR) -> None:
    """Re-fetch every pinned asset with npm and rewrite the README with fresh hashes."""
    vendor.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        roots: dict[tuple[str, str], Path] = {}
        for package, version, _lic, inner, name in ASSETS:
            key = (package, version)
            if key not in roots:
                roots[key] = _npm_pack(package, version, Path(tmp))
            shutil.copyfile(roots[key] / inner, vendor / name)
    write_readme(vendor)


def write_readme(vendor: Path = VENDOR) -> None:
    """The vendor README: what each file is, where it came from, its licence and hash."""
    lines = [
        "# Vendored assets",
        "",
        "Shipped inside factwire so the web UI and the HTML report work with no network.",
        "Fetched from the npm registry with `npm pack` by `scripts/vendor_assets.py --fetch`;",
        "verified by `python scripts/vendor_assets.py` (and `tests/web/test_report.py`).",
        "",
        "| file | package | version | licence | source file in the package | SHA-256 |",
        "|---|---|---|---|---|---|",
    ]
    for package, version, lic, inner, name in ASSETS:
        lines.append(f"| `{name}` | {package} | {version} | {lic} | `{inner}` | {sha256(vendor / name)} |")
    lines += ["", "Country ids in `countries-110m.json` are ISO 3166-1 numeric codes "
              "(factwire maps them to ISO-2 with pycountry).", ""]
    (vendor / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fetch", action="store_true", help="re-fetch with npm and rewrite README.md")
    parser.add_argument("--write-readme", action="store_true", help="rewrite README.md from the files present")
    args = parser.parse_args(argv)
    if args.fetch:
        fetch()
    elif args.write_readme:
        write_readme()
    problems = verify()
    for p in problems:
        print(f"vendor: {p}", file=sys.stderr)
    if not problems:
        print(f"vendor: {len(recorded_hashes())} files match README.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

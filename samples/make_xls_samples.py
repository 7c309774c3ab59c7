#!/usr/bin/python3
"""Legacy .xls copies of the sample workbooks, made by LibreOffice (the "MS Excel 97" filter, BIFF8).

Run from the repository root after make_samples.py:  /usr/bin/python3 samples/make_xls_samples.py

  samples/xls/*.xls   each samples/libreoffice/*.xlsx re-saved by LibreOffice 7.4 as Excel 97-2003

jixiao must read them as it reads the .xlsx: the same records, the same findings (tests/cli/xls_samples_test.cpp).
"""
import glob
import os
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "libreoffice")
OUT = os.path.join(HERE, "xls")
PROFILE = "/tmp/lo-xls-samples-profile"


def main():
    os.makedirs(OUT, exist_ok=True)
    sources = sorted(glob.glob(os.path.join(SRC, "*.xlsx")))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + PROFILE, "--headless", "--convert-to",
                        "xls:MS Excel 97", "--outdir", tmp] + sources, check=True, stdout=subprocess.DEVNULL)
        for src in sources:
            name = os.path.splitext(os.path.basename(src))[0] + ".xls"
            shutil.move(os.path.join(tmp, name), os.path.join(OUT, name))
    print(f"{len(sources)} files in {OUT}")


if __name__ == "__main__":
    main()

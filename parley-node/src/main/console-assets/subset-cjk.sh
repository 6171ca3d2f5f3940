#!/usr/bin/env bash
# Makes the console's Chinese webfont: Noto Sans SC (SIL OFL 1.1, Debian fonts-noto-cjk) cut down to
# the characters the console can show: the phrasebook's Chinese, the units it renders, the
# console's labels and the marks its templates and libraries use (— for "none", Leaflet's −). Run at dev time after changing any of those, and commit the result:
#   apt-get install fonts-noto-cjk python3-fonttools python3-brotli
#   parley-node/src/main/console-assets/subset-cjk.sh
# The build does not run this (no font tools needed in verify).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
out=parley-node/src/main/resources/org/parley/node/console/assets
sources=(
  parley-dialogue/src/main/resources/org/parley/dialogue/phrasebook/catalogue.json
  parley-dialogue/src/main/java/org/parley/dialogue/phrasebook/*.java
  parley-node/src/main/java/org/parley/node/console/Labels.java
  parley-node/src/main/jte/*.jte
)
# Every character from U+2000 up (CJK, full-width punctuation, typographic marks) in those files.
/usr/bin/python3 - "${sources[@]}" > "$out/noto-sans-sc-subset.txt" <<'PY'
import sys
# Marks the libraries draw with the page's fonts: Leaflet's zoom-out button is U+2212.
chars = set("\u2212")
for path in sys.argv[1:]:
    chars.update(c for c in open(path, encoding="utf-8").read() if ord(c) >= 0x2000)
print("".join(sorted(chars)))
PY
# Index 2 of the collection is Noto Sans CJK SC (fc-scan lists them).
# NOTO_CJK_TTC may point at the collection unpacked from the .deb (apt-get download fonts-noto-cjk;
# dpkg-deb -x) where installing it system-wide is unwanted (the browser test's machine has no CJK font).
/usr/bin/python3 -m fontTools.subset "${NOTO_CJK_TTC:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}" \
  --font-number=2 --text-file="$out/noto-sans-sc-subset.txt" --flavor=woff2 \
  --layout-features='*' --name-IDs='*' --output-file="$out/noto-sans-sc-subset.woff2"
ls -l "$out/noto-sans-sc-subset.woff2"

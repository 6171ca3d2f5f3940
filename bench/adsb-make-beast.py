#!/usr/bin/env python3
"""Builds a Beast binary stream of at least N frames from the shared ADS-B captures.

Frames come from shared/data/adsb: the Beast sample (all its Mode S frames), the pyModeS DF17
sample and the DF20/DF21 Comm-B samples. They are repeated in their original order until N
frames are written, each with a 12 MHz timestamp that advances 50 microseconds per frame and
the signal byte of the Beast sample's frames (0x40 for the CSV frames); 0x1a bytes are escaped.
Usage: adsb-make-beast.py DATA_DIR OUT_FILE [N]
"""
import sys


def beast_frames(path):
    d = open(path, "rb").read()
    i, out = 0, []
    while i < len(d):
        if d[i] != 0x1A:
            i += 1
            continue
        n = {0x31: 2, 0x32: 7, 0x33: 14}.get(d[i + 1])
        i += 2
        body = []
        while n and len(body) < 7 + n and i < len(d):
            b = d[i]
            i += 1
            if b == 0x1A:
                i += 1
            body.append(b)
        if n and n != 2 and len(body) == 7 + n:
            out.append((body[6], bytes(body[7:])))
    return out


def csv_frames(path, column):
    out = []
    for line in open(path, encoding="utf-8-sig"):
        hexstr = line.strip().split(",")[column].strip().strip('"')
        out.append((0x40, bytes.fromhex(hexstr)))
    return out


def escape(bs):
    return bs.replace(b"\x1a", b"\x1a\x1a")


def main():
    data, out_path = sys.argv[1], sys.argv[2]
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    frames = beast_frames(f"{data}/adsb/traffic_sample_dump1090.bin")
    frames += csv_frames(f"{data}/adsb/pymodes_sample_data_adsb.csv", 1)
    frames += csv_frames(f"{data}/adsb/pymodes_sample_data_commb_df20.csv", 2)
    frames += csv_frames(f"{data}/adsb/pymodes_sample_data_commb_df21.csv", 2)
    ts = 0
    written = 0
    with open(out_path, "wb") as out:
        while written < target:
            chunk = bytearray()
            for signal, frame in frames:
                ts = (ts + 600) & 0xFFFFFFFFFFFF  # 50 us at 12 MHz
                kind = b"2" if len(frame) == 7 else b"3"
                chunk += b"\x1a" + kind + escape(ts.to_bytes(6, "big") + bytes([signal]) + frame)
                written += 1
                if written >= target:
                    break
            out.write(chunk)
    print(written)


if __name__ == "__main__":
    main()

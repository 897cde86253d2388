#!/usr/bin/env python3
"""An independent reference for BinanceFeedReader: the same conversion rules written plainly in Python
(json module, dicts, float()), so that the Java reader's output can be checked against it bit for bit.

    python3 reference_convert.py FILE [FILE...]            prints: <events> <sha256 of the events>
    python3 reference_convert.py --npz OUT.npz FILE...     also writes the events as an hftbacktest .npz
    python3 reference_convert.py --digests DATA_DIR        prints reference-digests.txt for the recorded files

The digest is SHA-256 over the events packed in hftbacktest's 64-byte little-endian layout, in order.
BinanceReferenceDigestTest computes the same digest from BinanceFeedReader. The rules (see the
BinanceFeedReader javadoc): hold diffs until the REST snapshot; drop diffs with u < lastUpdateId; the first
applied diff needs U <= L (futures, has pu) or U <= L+1 (spot); then pu == previous u (futures) or
U == previous u + 1 (spot). Held diffs are stamped with the snapshot's local time. Every event carries
LOCAL_EVENT; exch_ts = T, else E, else the latest exchange time seen (else the local time); ival = u, t or
lastUpdateId. Non-MARKET futures trades are skipped. No gaps occur in the recorded files, so this
reference does not implement RESYNC; it raises on a gap.
"""
import gzip
import hashlib
import json
import sys

import numpy as np

LOCAL_EVENT = 1 << 30
BUY_EVENT = 1 << 29
SELL_EVENT = 1 << 28
DEPTH_EVENT, TRADE_EVENT, DEPTH_CLEAR_EVENT, DEPTH_SNAPSHOT_EVENT, DEPTH_BBO_EVENT = 1, 2, 3, 4, 5

event_dtype = np.dtype(
    [('ev', 'u8'), ('exch_ts', 'i8'), ('local_ts', 'i8'), ('px', 'f8'), ('qty', 'f8'),
     ('order_id', 'u8'), ('ival', 'i8'), ('fval', 'f8')],
    align=True)


def convert(paths):
    out = []
    synced = False
    first_after_snapshot = False
    snapshot_id = last_u = None
    held = []  # (diff data, exch_ts)
    last_exch = None
    snapshots = 0

    def exch_time(d, local_ts):
        nonlocal last_exch
        ms = d.get('T', d.get('E'))
        if ms is None:
            return last_exch if last_exch is not None else local_ts
        last_exch = ms * 1_000_000
        return last_exch

    def check(d):
        """True to apply, False to drop; raises on a gap."""
        nonlocal first_after_snapshot, last_u
        if first_after_snapshot:
            if d['u'] < snapshot_id:
                return False
            limit = snapshot_id if 'pu' in d else snapshot_id + 1
            if d['U'] > limit:
                raise ValueError('gap after snapshot')
            first_after_snapshot = False
        elif 'pu' in d:
            if d['pu'] != last_u:
                raise ValueError('gap')
        elif d['U'] != last_u + 1:
            raise ValueError('gap')
        last_u = d['u']
        return True

    def emit_diff(d, exch, local_ts):
        for px, qty in d['b']:
            out.append((DEPTH_EVENT | BUY_EVENT | LOCAL_EVENT, exch, local_ts, float(px), float(qty), 0, d['u'], 0.0))
        for px, qty in d['a']:
            out.append((DEPTH_EVENT | SELL_EVENT | LOCAL_EVENT, exch, local_ts, float(px), float(qty), 0, d['u'], 0.0))

    for path in paths:
        with gzip.open(path, 'rt') as f:
            for line in f:
                prefix, text = line.rstrip('\n').split(' ', 1)
                local_ts = int(prefix)
                msg = json.loads(text)
                if 'stream' not in msg:
                    L = msg['lastUpdateId']
                    exch = exch_time(msg, local_ts)
                    if synced:
                        continue
                    for key, side in (('bids', BUY_EVENT), ('asks', SELL_EVENT)):
                        levels = [(float(p), float(q)) for p, q in msg[key]]
                        prices = [p for p, _ in levels]
                        furthest = (min(prices) if side == BUY_EVENT else max(prices)) if prices else float('nan')
                        out.append((DEPTH_CLEAR_EVENT | side | LOCAL_EVENT, exch, local_ts, furthest, 0.0, 0, L, 0.0))
                        for p, q in levels:
                            out.append((DEPTH_SNAPSHOT_EVENT | side | LOCAL_EVENT, exch, local_ts, p, q, 0, L, 0.0))
                    snapshots += 1
                    synced = True
                    first_after_snapshot = True
                    snapshot_id = last_u = L
                    for d, dexch in held:
                        if check(d):
                            emit_diff(d, dexch, local_ts)
                    held = []
                    continue
                kind = msg['stream'].split('@', 1)[1]
                d = msg['data']
                exch = exch_time(d, local_ts)
                if kind.startswith('depth'):
                    if not synced:
                        held.append((d, exch))
                    elif check(d):
                        emit_diff(d, exch, local_ts)
                elif kind == 'trade':
                    if d.get('X', 'MARKET') != 'MARKET':
                        continue
                    side = SELL_EVENT if d['m'] else BUY_EVENT
                    out.append((TRADE_EVENT | side | LOCAL_EVENT, exch, local_ts, float(d['p']), float(d['q']), 0, d['t'], 0.0))
                elif kind == 'bookTicker':
                    out.append((DEPTH_BBO_EVENT | BUY_EVENT | LOCAL_EVENT, exch, local_ts, float(d['b']), float(d['B']), 0, d['u'], 0.0))
                    out.append((DEPTH_BBO_EVENT | SELL_EVENT | LOCAL_EVENT, exch, local_ts, float(d['a']), float(d['A']), 0, d['u'], 0.0))
                else:
                    raise ValueError('unknown stream ' + msg['stream'])
    if snapshots == 0:
        raise ValueError('no snapshot')
    return np.array(out, dtype=event_dtype)


def digest(events):
    return hashlib.sha256(events.tobytes()).hexdigest()


SETS = [
    ['usdm_btcusdt_20240808.gz'],
    ['usdm_ethusdt_20240808.gz'],
    ['spot_btcusdt_20240808.gz', 'spot_btcusdt_20240809.gz'],
    ['spot_ethusdt_20240808.gz', 'spot_ethusdt_20240809.gz'],
    ['cm_btcusd_perp_20240808.gz', 'cm_btcusd_perp_20240809.gz'],
]


def main(argv):
    if argv[:1] == ['--digests']:
        base = argv[1].rstrip('/') + '/'
        print('# files (joined by +) events sha256 -- written by reference_convert.py --digests')
        for files in SETS:
            ev = convert([base + f for f in files])
            print('+'.join(files), len(ev), digest(ev))
        return
    npz = None
    if argv[:1] == ['--npz']:
        npz, argv = argv[1], argv[2:]
    ev = convert(argv)
    print(len(ev), digest(ev))
    if npz:
        np.savez_compressed(npz, data=ev)


if __name__ == '__main__':
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Writes the .npz fixtures NpzEventReaderTest reads, with numpy itself, so the test checks our reader
against files numpy really writes (header padding, zip layout, both compressed and stored entries).

Run from this directory:  python3 make_fixture.py   (numpy 2.x; the outputs are committed)

Outputs
  events.npz            np.savez_compressed(..., data=events): hftbacktest's event dtype, 34 events
  events_stored.npz     the same events, np.savez (entries stored, not deflated)
  events.expected.txt   one line per event: ev exch_ts local_ts px qty order_id ival fval end
                        integers in decimal (ev and order_id unsigned), doubles as float.hex(),
                        end = 1 when the row ends a run of equal (local_ts, exch_ts), the reader's
                        rule for message ends
  wrong_dtype.npz       px stored as float32
  v1_layout.npz         hftbacktest 1.x layout: 2-D float64, 6 columns
  fortran.npz           the event dtype in a 2x2 Fortran-ordered array
  two_arrays.npz        two arrays, neither named data
"""
import numpy as np

EXCH_EVENT = 1 << 31
LOCAL_EVENT = 1 << 30
BUY_EVENT = 1 << 29
SELL_EVENT = 1 << 28
DEPTH_EVENT, TRADE_EVENT, DEPTH_CLEAR_EVENT, DEPTH_SNAPSHOT_EVENT, DEPTH_BBO_EVENT = 1, 2, 3, 4, 5

# hftbacktest's event_dtype (py-hftbacktest/hftbacktest/types.py)
event_dtype = np.dtype(
    [('ev', 'u8'), ('exch_ts', 'i8'), ('local_ts', 'i8'), ('px', 'f8'), ('qty', 'f8'),
     ('order_id', 'u8'), ('ival', 'i8'), ('fval', 'f8')],
    align=True)

BOTH = EXCH_EVENT | LOCAL_EVENT
t0 = 1723161255319702566
e0 = 1723161256493000000
rows = []
# a snapshot: clear each side through its furthest level, then the levels
rows.append((DEPTH_CLEAR_EVENT | BUY_EVENT | BOTH, e0, t0, 61799.7, 0.0, 0, 7, 0.0))
for px, qty in [(61800.2, 2.909), (61800.1, 0.696), (61799.7, 1.795)]:
    rows.append((DEPTH_SNAPSHOT_EVENT | BUY_EVENT | BOTH, e0, t0, px, qty, 0, 7, 0.0))
rows.append((DEPTH_CLEAR_EVENT | SELL_EVENT | BOTH, e0, t0, 61801.0, 0.0, 0, 7, 0.0))
for px, qty in [(61800.3, 1.091), (61800.5, 0.004), (61801.0, 12.5)]:
    rows.append((DEPTH_SNAPSHOT_EVENT | SELL_EVENT | BOTH, e0, t0, px, qty, 0, 7, 0.0))
# a diff seen on both timelines in the same order
rows.append((DEPTH_EVENT | BUY_EVENT | BOTH, e0 + 1_000_000, t0 + 1_270_000_000, 61800.1, 0.0, 0, 8, 0.0))
rows.append((DEPTH_EVENT | SELL_EVENT | BOTH, e0 + 1_000_000, t0 + 1_270_000_000, 61800.4, 0.25, 0, 8, 0.0))
# events whose exchange and local orders differ: one copy per timeline
rows.append((DEPTH_EVENT | BUY_EVENT | EXCH_EVENT, e0 + 2_000_000, t0 + 1_290_000_000, 61800.0, 3.5, 0, 9, 0.0))
rows.append((TRADE_EVENT | SELL_EVENT | EXCH_EVENT, e0 + 3_000_000, t0 + 1_280_000_000, 61800.2, 0.003, 0, 5266583940, 0.0))
rows.append((TRADE_EVENT | SELL_EVENT | LOCAL_EVENT, e0 + 3_000_000, t0 + 1_280_000_000, 61800.2, 0.003, 0, 5266583940, 0.0))
rows.append((DEPTH_EVENT | BUY_EVENT | LOCAL_EVENT, e0 + 2_000_000, t0 + 1_290_000_000, 61800.0, 3.5, 0, 9, 0.0))
# trades, both aggressor sides
rows.append((TRADE_EVENT | BUY_EVENT | BOTH, e0 + 4_000_000, t0 + 1_300_000_000, 61800.3, 0.5, 0, 5266583941, 0.0))
rows.append((TRADE_EVENT | SELL_EVENT | BOTH, e0 + 4_000_000, t0 + 1_300_000_001, 61800.2, 1e-8, 0, 5266583942, 0.0))
# best bid / offer
rows.append((DEPTH_BBO_EVENT | BUY_EVENT | BOTH, e0 + 5_000_000, t0 + 1_310_000_000, 61800.2, 2.909, 0, 10, 0.0))
rows.append((DEPTH_BBO_EVENT | SELL_EVENT | BOTH, e0 + 5_000_000, t0 + 1_310_000_000, 61800.3, 1.091, 0, 10, 0.0))
# a clear of both sides (no side flag)
rows.append((DEPTH_CLEAR_EVENT | BOTH, e0 + 6_000_000, t0 + 1_320_000_000, float('nan'), 0.0, 0, -1, 0.0))
# edge values in the fields the book does not read: every bit must come through
edge_fvals = [float('nan'), float('inf'), float('-inf'), -0.0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2]
for i, fv in enumerate(edge_fvals):
    rows.append((100 + i | BOTH, e0 + 7_000_000 + i, t0 + 1_330_000_000 + i, 0.1 * (i + 1), 1.0 / 3.0,
                 (1 << 64) - 1 - i, -(1 << 63) + i, fv))
# user-defined events (kinds >= 100 in hftbacktest) with large unsigned order ids
for i in range(8):
    rows.append((DEPTH_EVENT | (BUY_EVENT if i % 2 == 0 else SELL_EVENT) | BOTH,
                 e0 + 8_000_000, t0 + 1_340_000_000 + (i // 3), 61700.0 + i * 0.1, 0.001 * (i + 1),
                 1 << 63 | i, (1 << 63) - 1 - i, 1e-300 * i))

events = np.array(rows, dtype=event_dtype)
np.savez_compressed('events.npz', data=events)
np.savez('events_stored.npz', data=events)


def end_flags(ev):
    n = len(ev)
    out = []
    for i in range(n):
        last = i == n - 1
        out.append(1 if last or ev['local_ts'][i + 1] != ev['local_ts'][i] or ev['exch_ts'][i + 1] != ev['exch_ts'][i] else 0)
    return out


with open('events.expected.txt', 'w') as f:
    f.write('# ev exch_ts local_ts px qty order_id ival fval end  (written by make_fixture.py)\n')
    for r, end in zip(events, end_flags(events)):
        f.write(' '.join([str(int(r['ev'])), str(int(r['exch_ts'])), str(int(r['local_ts'])),
                          float(r['px']).hex(), float(r['qty']).hex(), str(int(r['order_id'])),
                          str(int(r['ival'])), float(r['fval']).hex(), str(end)]) + '\n')

wrong = np.dtype([('ev', 'u8'), ('exch_ts', 'i8'), ('local_ts', 'i8'), ('px', 'f4'), ('qty', 'f8'),
                  ('order_id', 'u8'), ('ival', 'i8'), ('fval', 'f8')])
np.savez_compressed('wrong_dtype.npz', data=np.zeros(3, wrong))
np.savez_compressed('v1_layout.npz', data=np.zeros((4, 6), np.float64))
np.savez_compressed('fortran.npz', data=np.asfortranarray(np.zeros((2, 2), event_dtype)))
np.savez_compressed('two_arrays.npz', a=events[:2], b=events[2:4])
print('wrote %d events' % len(events))

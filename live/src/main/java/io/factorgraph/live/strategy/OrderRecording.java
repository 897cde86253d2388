package io.factorgraph.live.strategy;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.report.BacktestRecorder;
import io.factorgraph.live.sbe.CancelAllReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the gateway does, kept: every order, cancel and cancel-all to the orders log ({@code --orders-log}, CSV, when
 * given), and every fill to the recorder the summary is computed from.
 */
final class OrderRecording implements LiveOrderGateway.Listener {
    static final String HEADER = "time_ns,action,order_id,side,price,qty,post_only";

    private final BufferedWriter ordersLog;
    private final BacktestRecorder recorder;
    private long lastFillTs = Long.MIN_VALUE;

    /** {@code ordersLog} may be null (no log). */
    OrderRecording(BufferedWriter ordersLog, BacktestRecorder recorder) {
        this.ordersLog = ordersLog;
        this.recorder = recorder;
    }

    @Override
    public void onSubmit(long timeNanos, long orderId, boolean bid, double price, double qty, boolean postOnly) {
        write(timeNanos + ",new," + orderId + "," + (bid ? "buy" : "sell") + "," + price + "," + qty + ","
                + (postOnly ? 1 : 0));
    }

    @Override
    public void onCancel(long timeNanos, long orderId) {
        write(timeNanos + ",cancel," + orderId + ",,,,");
    }

    @Override
    public void onCancelAll(long timeNanos, long requestId, CancelAllReason reason) {
        write(timeNanos + ",cancel-all," + requestId + "," + reason + ",,,");
    }

    @Override
    public void onReport(ExecutionReport report) {
        if (report.type() == ReportType.FILL) {
            long ts = Math.max(report.localTime(), lastFillTs);
            lastFillTs = ts;
            recorder.fill(
                    Fill.UNKNOWN_TIME,
                    ts,
                    report.orderId(),
                    report.side(),
                    report.execPriceTicks(),
                    report.execLots(),
                    report.fee(),
                    report.maker());
        }
    }

    private void write(String line) {
        if (ordersLog == null) {
            return;
        }
        try {
            ordersLog.write(line);
            ordersLog.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

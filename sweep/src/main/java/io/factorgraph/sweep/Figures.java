package io.factorgraph.sweep;

import io.factorgraph.backtest.report.PerformanceSummary;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a one-instrument summary a sweep's rows carry, named and ordered as {@code summary.json}'s
 * {@code "summary"} object: one list, so the CSV and Parquet columns, {@code --rank} and the report agree.
 */
public final class Figures {
    /** One named figure; integral figures are written without a fraction. */
    public record Figure(String name, ToDoubleFunction<PerformanceSummary> value, boolean integral) {}

    public static final List<Figure> ALL = List.of(
            new Figure("pnl", PerformanceSummary::pnl, false),
            new Figure("pnl_before_fees", PerformanceSummary::pnlBeforeFees, false),
            new Figure("return", PerformanceSummary::returnOnCapital, false),
            new Figure("sharpe", PerformanceSummary::sharpe, false),
            new Figure("max_drawdown", PerformanceSummary::maxDrawdown, false),
            new Figure("max_drawdown_of_capital", PerformanceSummary::maxDrawdownOfCapital, false),
            new Figure("trades", s -> s.trades(), true),
            new Figure("filled_orders", s -> s.filledOrders(), true),
            new Figure("maker_fills", s -> s.makerFills(), true),
            new Figure("taker_fills", s -> s.takerFills(), true),
            new Figure("buy_qty", PerformanceSummary::buyQty, false),
            new Figure("sell_qty", PerformanceSummary::sellQty, false),
            new Figure("volume_qty", PerformanceSummary::volumeQty, false),
            new Figure("volume_notional", PerformanceSummary::volumeNotional, false),
            new Figure("maker_share", PerformanceSummary::makerShare, false),
            new Figure("maker_share_by_count", PerformanceSummary::makerShareByCount, false),
            new Figure("fees_total", PerformanceSummary::feesTotal, false),
            new Figure("fees_maker", PerformanceSummary::feesMaker, false),
            new Figure("fees_taker", PerformanceSummary::feesTaker, false),
            new Figure("final_position", PerformanceSummary::finalPosition, false),
            new Figure("max_abs_position", PerformanceSummary::maxAbsPosition, false),
            new Figure("capital_base", PerformanceSummary::capitalBase, false),
            new Figure("final_equity", PerformanceSummary::finalEquity, false),
            new Figure("records", s -> s.records(), true),
            new Figure("sharpe_periods", s -> s.sharpePeriods(), true),
            new Figure("hft_sr", s -> s.hftbacktest().sr(), false),
            new Figure("hft_sortino", s -> s.hftbacktest().sortino(), false),
            new Figure("hft_return", s -> s.hftbacktest().ret(), false));

    private Figures() {}

    public static Optional<Figure> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The names, for a message listing what may be ranked by. */
    public static List<String> names() {
        return ALL.stream().map(Figure::name).toList();
    }
}

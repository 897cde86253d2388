package io.factorgraph.sweep;

import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
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

    /** One figure of a portfolio's total ({@link PortfolioSummary}), named as the one-instrument figure it sums up. */
    public record TotalFigure(String name, ToDoubleFunction<PortfolioSummary> value, boolean integral) {}

    /**
     * The figures of the total of a point that trades several instruments, as {@code fg backtest}'s portfolio summary
     * has them: sums, and the Sharpe ratio and drawdown of the summed equity (not sums of the instruments' ones).
     */
    public static final List<TotalFigure> TOTAL = List.of(
            new TotalFigure("pnl", PortfolioSummary::pnl, false),
            new TotalFigure("pnl_before_fees", PortfolioSummary::pnlBeforeFees, false),
            new TotalFigure("return", PortfolioSummary::returnOnCapital, false),
            new TotalFigure("sharpe", PortfolioSummary::sharpe, false),
            new TotalFigure("max_drawdown", PortfolioSummary::maxDrawdown, false),
            new TotalFigure("max_drawdown_of_capital", PortfolioSummary::maxDrawdownOfCapital, false),
            new TotalFigure("trades", s -> s.trades(), true),
            new TotalFigure("filled_orders", s -> s.filledOrders(), true),
            new TotalFigure("maker_fills", s -> s.makerFills(), true),
            new TotalFigure("taker_fills", s -> s.takerFills(), true),
            new TotalFigure("volume_notional", PortfolioSummary::volumeNotional, false),
            new TotalFigure("maker_share", PortfolioSummary::makerShare, false),
            new TotalFigure("fees_total", PortfolioSummary::feesTotal, false),
            new TotalFigure("fees_maker", PortfolioSummary::feesMaker, false),
            new TotalFigure("fees_taker", PortfolioSummary::feesTaker, false),
            new TotalFigure("capital_base", PortfolioSummary::capitalBase, false),
            new TotalFigure("records", s -> s.records(), true));

    /**
     * One figure column of the results table: its name, whether it holds a count, and its value in a row (empty for a
     * failed point, or an instrument or total the point does not have).
     */
    public record Column(String name, boolean integral, Function<SweepRow, OptionalDouble> value) {}

    /**
     * The figure columns for points trading {@code books}: every {@link #ALL} figure per book (prefixed {@code BOOK.}
     * when there are several), then, when there are several, every {@link #TOTAL} figure prefixed {@code total.}. One
     * list, so the CSV, the local Parquet table and Spark's agree.
     */
    public static List<Column> columns(List<String> books) {
        List<Column> columns = new ArrayList<>();
        for (int b = 0; b < books.size(); b++) {
            int book = b;
            for (Figure f : ALL) {
                columns.add(new Column(
                        books.size() == 1 ? f.name() : books.get(b) + "." + f.name(),
                        f.integral(),
                        row -> row.ok() && book < row.instruments().size()
                                ? OptionalDouble.of(f.value()
                                        .applyAsDouble(
                                                row.instruments().get(book).summary()))
                                : OptionalDouble.empty()));
            }
        }
        if (books.size() > 1) {
            for (TotalFigure f : TOTAL) {
                columns.add(new Column(
                        "total." + f.name(),
                        f.integral(),
                        row -> row.total().isPresent()
                                ? OptionalDouble.of(
                                        f.value().applyAsDouble(row.total().get()))
                                : OptionalDouble.empty()));
            }
        }
        return columns;
    }

    private Figures() {}

    public static Optional<Figure> named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The names, for a message listing what may be ranked by. */
    public static List<String> names() {
        return ALL.stream().map(Figure::name).toList();
    }
}
